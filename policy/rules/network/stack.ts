import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { isTrue } from "../../lib/props";
import { ABSENT, StackRule, stackPolicy } from "../../lib/rule";
import { DEFAULT_SG_TYPE, SG_INGRESS_RULE_TYPE, SG_RULE_TYPE, SG_TYPE, SgRule, describeRule, ingressRules, worldOpenings } from "../../lib/securityGroups";
import {
    BUCKET_TYPES, UNKNOWN, VPC_TYPES, bucketSubResources, childrenOf, containsUnknown, knownStrings, matchesAny, ofType, peek, peekArray,
} from "../../lib/stackJoins";
import { LB_TYPES, isApplicationLb } from "./edge";
import { PublicSgConfig, allowedPublicRule, publicSgConfig } from "./securityGroups";

/** Cross-resource network rules (validateStack: outputs, joins on input references). */

const BPA_TYPES = ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"];
const BPA_KEYS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

export const s3Bpa: StackRule = {
    id: "net-s3-bpa",
    description: "Every S3 bucket has a BucketPublicAccessBlock with all four settings true.",
    severity: "high",
    remediation: "Add aws.s3.BucketPublicAccessBlock { bucket: bucket.id, blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets: true }.",
    check(resources, ctx) {
        for (const bucket of ofType(resources, BUCKET_TYPES)) {
            const blocks = bucketSubResources(resources, bucket, BPA_TYPES);
            if (blocks.length === 0) {
                ctx.report(bucket, { property: "aws:s3/bucketPublicAccessBlock", value: ABSENT, expected: "a BucketPublicAccessBlock for this bucket with all four settings true" });
                continue;
            }
            for (const block of blocks) {
                for (const key of BPA_KEYS) {
                    const value = peek(block.props, key);
                    if (value !== UNKNOWN && !isTrue(value)) {
                        ctx.report(block, { property: key, value: value ?? ABSENT, expected: "true" });
                    }
                }
            }
        }
    },
};

const OWNERSHIP_TYPES = ["aws:s3/bucketOwnershipControls:BucketOwnershipControls"];

interface AclsConfig { aclBucketNamePatterns: string[] }

export const s3AclsDisabled: StackRule<AclsConfig> = {
    id: "net-s3-acls-disabled",
    description: "Every S3 bucket disables ACLs (BucketOwnershipControls objectOwnership BucketOwnerEnforced).",
    severity: "medium",
    remediation: "Add aws.s3.BucketOwnershipControls { bucket: bucket.id, rule: { objectOwnership: \"BucketOwnerEnforced\" } }.",
    config: {
        schema: { aclBucketNamePatterns: { type: "array", items: { type: "string" }, description: "Regexes on bucket logical/physical names that legitimately need ACLs (legacy CloudFront standard-logging target)." } },
        defaults: { aclBucketNamePatterns: [] },
    },
    check(resources, ctx) {
        for (const bucket of ofType(resources, BUCKET_TYPES)) {
            if (matchesAny(ctx.config.aclBucketNamePatterns, bucket.name, peek(bucket.props, "bucket"))) {
                continue;
            }
            const controls = bucketSubResources(resources, bucket, OWNERSHIP_TYPES);
            if (controls.length === 0) {
                ctx.report(bucket, { property: "aws:s3/bucketOwnershipControls", value: ABSENT, expected: "BucketOwnershipControls with rule.objectOwnership \"BucketOwnerEnforced\"" });
                continue;
            }
            for (const control of controls) {
                const ownership = peek(peek(control.props, "rule"), "objectOwnership");
                if (ownership !== UNKNOWN && ownership !== "BucketOwnerEnforced") {
                    ctx.report(control, { property: "rule.objectOwnership", value: ownership ?? ABSENT, expected: "\"BucketOwnerEnforced\"" });
                }
            }
        }
    },
};

export const defaultSgClosed: StackRule = {
    id: "net-default-sg-closed",
    description: "Each VPC's default security group is adopted (aws.ec2.DefaultSecurityGroup) with no ingress or egress rules.",
    severity: "medium",
    remediation: "Add aws.ec2.DefaultSecurityGroup { vpcId: vpc.id } with no ingress/egress (this revokes the default allow rules).",
    check(resources, ctx) {
        for (const vpc of ofType(resources, VPC_TYPES)) {
            const groups = childrenOf(resources, vpc, [DEFAULT_SG_TYPE], "vpcId", ["id", "arn"]);
            if (groups.length === 0) {
                ctx.report(vpc, { property: "aws:ec2/defaultSecurityGroup", value: ABSENT, expected: "a DefaultSecurityGroup for this VPC with no ingress/egress" });
                continue;
            }
            for (const group of groups) {
                for (const key of ["ingress", "egress"]) {
                    const rules = peekArray(peek(group.props, key));
                    if (rules !== UNKNOWN && rules.length > 0) {
                        ctx.report(group, { property: key, value: `${rules.length} rule(s)`, expected: "[] (the default group must be closed)" });
                    }
                }
            }
        }
    },
};

const WAF_ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation";

export const lbWaf: StackRule = {
    id: "net-lb-waf",
    description: "Every internet-facing application load balancer has a WAFv2 web ACL association.",
    severity: "high",
    remediation: "Add aws.wafv2.WebAclAssociation { resourceArn: lb.arn, webAclArn: acl.arn } (REGIONAL web ACL), or make the load balancer internal.",
    check(resources, ctx) {
        for (const lb of ofType(resources, LB_TYPES)) {
            const internal = peek(lb.props, "internal");
            if (internal === UNKNOWN || isTrue(internal) || isApplicationLb(lb.props) !== true) {
                continue;
            }
            if (childrenOf(resources, lb, [WAF_ASSOCIATION], "resourceArn", ["arn", "id"]).length === 0) {
                ctx.report(lb, { property: "aws:wafv2/webAclAssociation", value: ABSENT, expected: "a WebAclAssociation for this internet-facing ALB (internal: false)" });
            }
        }
    },
};

const DB_TYPES = ["aws:rds/cluster:Cluster", "aws:rds/instance:Instance"];

/** Security groups a database uses: known ids matched, unknown ids resolved through dependencies. */
/** Security groups with their known ids, read once per evaluation (stacks can hold thousands). */
interface KnownGroup { readonly group: PolicyResource; readonly id: string | undefined }

function databaseGroups(groups: readonly KnownGroup[], db: PolicyResource): PolicyResource[] {
    const raw = peek(db.props, "vpcSecurityGroupIds");
    const ids = new Set(knownStrings(raw));
    const unresolved = raw === UNKNOWN || containsUnknown(raw);
    const dependencyUrns = new Set((db.dependencies ?? []).map((d: PolicyResource) => d.urn));
    return groups
        .filter(({ group, id }: KnownGroup) => (id !== undefined && ids.has(id)) || ((unresolved || id === undefined) && dependencyUrns.has(group.urn)))
        .map(({ group }: KnownGroup) => group);
}

export const rdsSgNoWorld: StackRule = {
    id: "net-rds-sg-no-world",
    description: "Security groups attached to RDS/Aurora have no 0.0.0.0/0 or ::/0 ingress (inline or standalone rules); sources are application/node security groups.",
    severity: "high",
    remediation: "Replace the CIDR rule with an ingress rule whose source is the application or EKS node security group (sourceSecurityGroupId / referencedSecurityGroupId).",
    check(resources, ctx) {
        const reported = new Set<string>();
        const groups: KnownGroup[] = ofType(resources, [SG_TYPE]).map((group: PolicyResource) => {
            const id: unknown = peek(group.props, "id");
            return { group, id: typeof id === "string" ? id : undefined };
        });
        for (const db of ofType(resources, DB_TYPES)) {
            for (const sg of databaseGroups(groups, db)) {
                const holders: PolicyResource[] = [sg, ...childrenOf(resources, sg, [SG_RULE_TYPE, SG_INGRESS_RULE_TYPE], "securityGroupId", ["id", "arn"])];
                // One group, however its rules are declared: CIDRs of separate rule resources on the same port add up.
                const owned: { holder: PolicyResource; rule: SgRule }[] = holders.flatMap((holder: PolicyResource) =>
                    ingressRules(holder.type, holder.props).map((rule: SgRule) => ({ holder, rule })));
                const holderOf = new Map<SgRule, PolicyResource>(owned.map(({ holder, rule }) => [rule, holder]));
                for (const opening of worldOpenings(owned.map(({ rule }) => rule))) {
                    const holder: PolicyResource = holderOf.get(opening.rule)!;
                    for (const cidr of opening.cidrs) {
                        const key = `${holder.urn}|${cidr.property}`;
                        if (!reported.has(key)) {
                            reported.add(key);
                            ctx.report(holder, {
                                property: cidr.property, value: cidr.value,
                                expected: `no world ingress (${describeRule(opening.rule)}${opening.combined ? ", together with the group's other rules the whole address space" : ""}) on a security group of database "${db.name}"`,
                            });
                        }
                    }
                }
            }
        }
    },
};

/*
 * net-sg-world-ingress-combined: the resource rules (net-sg-world-ingress, -high-risk-ports,
 * -all-protocols) unite the CIDRs of the rules one resource declares. A group assembled from
 * separate rule resources (aws:vpc/securityGroupIngressRule holds one CIDR each) can only be
 * judged here: tcp 22 from 0.0.0.0/1 in one rule resource and from 128.0.0.0/1 in another opens
 * port 22 to the world although neither resource does on its own.
 */
const RULE_RESOURCE_TYPES: readonly string[] = [SG_RULE_TYPE, SG_INGRESS_RULE_TYPE];

/** Each group with the resources that declare its ingress rules: the group itself and its rule resources. */
function groupHolders(resources: readonly PolicyResource[]): PolicyResource[][] {
    const holders: PolicyResource[][] = [];
    const assigned = new Set<PolicyResource>();
    for (const group of ofType(resources, [SG_TYPE, DEFAULT_SG_TYPE])) {
        const rules: PolicyResource[] = childrenOf(resources, group, RULE_RESOURCE_TYPES, "securityGroupId", ["id", "arn"]);
        rules.forEach((r: PolicyResource) => assigned.add(r));
        holders.push([group, ...rules]);
    }
    // Rules of a group declared elsewhere (an EKS cluster group, another stack's group): grouped by the known id.
    const byId = new Map<string, PolicyResource[]>();
    for (const rule of ofType(resources, RULE_RESOURCE_TYPES)) {
        const id: unknown = peek(rule.props, "securityGroupId");
        if (!assigned.has(rule) && typeof id === "string") {
            byId.set(id, [...(byId.get(id) ?? []), rule]);
        }
    }
    return [...holders, ...byId.values()].filter((h: PolicyResource[]) => h.length > 1);
}

export const sgWorldIngressCombined: StackRule<PublicSgConfig> = {
    id: "net-sg-world-ingress-combined",
    description: "A security group's rules declared as separate resources do not together open a port to the whole address space (e.g. 0.0.0.0/1 and 128.0.0.0/1), except TCP 443/80 on internet-facing load-balancer groups.",
    severity: "high",
    remediation: "Restrict the rules' sources to the CIDRs that need access (a VPC CIDR, a prefix list or a source security group); put internet traffic behind an ALB.",
    config: publicSgConfig,
    check(resources, ctx) {
        for (const holders of groupHolders(resources)) {
            const owned: { holder: PolicyResource; rule: SgRule }[] = holders.flatMap((holder: PolicyResource) =>
                ingressRules(holder.type, holder.props).map((rule: SgRule) => ({ holder, rule })));
            const holderOf = new Map<SgRule, PolicyResource>(owned.map(({ holder, rule }) => [rule, holder]));
            // Openings one resource makes on its own are the resource rules' findings.
            const alone = new Set<SgRule>(holders.flatMap((holder: PolicyResource) =>
                worldOpenings(owned.filter((o) => o.holder === holder).map((o) => o.rule)).map((o) => o.rule)));
            const groupName: string = holders[0].name;
            for (const opening of worldOpenings(owned.map(({ rule }) => rule))) {
                const holder: PolicyResource = holderOf.get(opening.rule)!;
                if (alone.has(opening.rule) || allowedPublicRule(opening.rule, groupName, ctx.config) || allowedPublicRule(opening.rule, holder.name, ctx.config)) {
                    continue;
                }
                for (const cidr of opening.cidrs) {
                    ctx.report(holder, {
                        property: cidr.property, value: cidr.value,
                        expected: `no world ingress for ${describeRule(opening.rule)}: with the other rules of group "${groupName}" on the same port these CIDRs cover the whole address space`,
                    });
                }
            }
        }
    },
};

export const networkStackPolicies: StackValidationPolicy[] = [
    stackPolicy(sgWorldIngressCombined),
    stackPolicy(s3Bpa),
    stackPolicy(s3AclsDisabled),
    stackPolicy(defaultSgClosed),
    stackPolicy(lbWaf),
    stackPolicy(rdsSgNoWorld),
];
