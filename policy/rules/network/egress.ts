import { PolicyResource } from "@pulumi/policy";
import { StackRule, stackPolicy } from "../../lib/rule";
import { SG_EGRESS_RULE_TYPE, SG_RULE_TYPE, SgRule, attachedSecurityGroups, indexSecurityGroups, isAllProtocols, sgRules, worldCidrs } from "../../lib/securityGroups";
import { childrenOf, ofType } from "../../lib/stackJoins";

/**
 * Data-tier egress (catalogue net-sg-egress, Low; Checkov CKV_AWS_382). "Data tier" is decided by
 * attachment, not by name: the security groups of RDS clusters and instances, ElastiCache
 * replication groups and serverless caches, and EFS mount targets. A database answers on
 * connections it accepted (security groups are stateful), so it needs no egress to the internet;
 * all traffic to 0.0.0.0/0 or ::/0 from such a group only serves exfiltration. EKS node groups'
 * egress to the internet (images, AWS APIs) is normal and not judged. Every rule shape counts:
 * inline egress[], SecurityGroupRule type "egress", and vpc.SecurityGroupEgressRule.
 */
const DATA_TIER_HOLDERS: readonly { readonly type: string; readonly key: string }[] = [
    { type: "aws:rds/cluster:Cluster", key: "vpcSecurityGroupIds" },
    { type: "aws:rds/instance:Instance", key: "vpcSecurityGroupIds" },
    { type: "aws:elasticache/replicationGroup:ReplicationGroup", key: "securityGroupIds" },
    { type: "aws:elasticache/serverlessCache:ServerlessCache", key: "securityGroupIds" },
    { type: "aws:efs/mountTarget:MountTarget", key: "securityGroups" },
];

function dataTierGroups(resources: readonly PolicyResource[]): Map<PolicyResource, string> {
    const index = indexSecurityGroups(resources);
    const groups = new Map<PolicyResource, string>();
    for (const holder of DATA_TIER_HOLDERS) {
        for (const resource of ofType(resources, [holder.type])) {
            for (const group of attachedSecurityGroups(index, resource, holder.key)) {
                if (!groups.has(group)) {
                    groups.set(group, resource.name);
                }
            }
        }
    }
    return groups;
}

const opensAllToWorld = (rule: SgRule): boolean => rule.direction === "egress" && isAllProtocols(rule) && worldCidrs(rule).length > 0;

export const sgEgress: StackRule = {
    id: "net-sg-egress",
    description: "Security groups of the data tier (attached to RDS, ElastiCache or EFS mount targets) allow no all-protocol (-1) egress to 0.0.0.0/0 or ::/0, in any of the three rule shapes (EKS node egress is not judged).",
    severity: "low",
    remediation: "Remove the allow-all egress rule from the data-tier security group (databases answer on accepted connections; security groups are stateful), or narrow it to the destinations the engine needs.",
    check(resources, ctx) {
        for (const [group, holder] of dataTierGroups(resources)) {
            const holders: PolicyResource[] = [group, ...childrenOf(resources, group, [SG_RULE_TYPE, SG_EGRESS_RULE_TYPE], "securityGroupId", ["id", "arn"])];
            for (const resource of holders) {
                for (const rule of sgRules(resource.type, resource.props).filter(opensAllToWorld)) {
                    for (const cidr of worldCidrs(rule)) {
                        ctx.report(resource, { property: cidr.property, value: cidr.value, expected: `no all-traffic egress to the internet from the data-tier group of "${holder}"` });
                    }
                }
            }
        }
    },
};

export const egressPolicies = [stackPolicy(sgEgress)];
