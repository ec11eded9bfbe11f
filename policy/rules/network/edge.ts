import type * as aws from "@pulumi/aws";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { ABSENT, ResourceRule, resourcePolicy } from "../../lib/rule";
import { UNKNOWN, arg, peek, peekArray, unwrap } from "../../lib/stackJoins";
import { requireTrue } from "../../lib/checks";
import { parseArn } from "../../lib/arns";

/** Load balancers, CloudFront and WAF. */

export const LB_TYPES: readonly string[] = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];

/** loadBalancerType defaults to "application". */
export function isApplicationLb(props: unknown): boolean | typeof UNKNOWN {
    const type = arg<aws.lb.LoadBalancerArgs>(props, "loadBalancerType");
    if (type === UNKNOWN) {
        return UNKNOWN;
    }
    return type === undefined || type === null || type === "application";
}

export const lbDropInvalidHeaders: ResourceRule = {
    id: "net-lb-drop-invalid-headers",
    description: "Application load balancers drop invalid HTTP header fields (request-smuggling defence).",
    severity: "medium",
    remediation: "Set dropInvalidHeaderFields: true on the application load balancer.",
    resourceTypes: LB_TYPES,
    check(props, ctx) {
        if (isApplicationLb(props) !== true) {
            ctx.notApplicable("not an application load balancer");
        }
        requireTrue<aws.lb.LoadBalancerArgs>(props, ctx, "dropInvalidHeaderFields");
    },
};

export const lbDesync: ResourceRule = {
    id: "net-lb-desync",
    description: "Application load balancers use defensive or strictest HTTP desync mitigation.",
    severity: "low",
    remediation: "Set desyncMitigationMode to \"defensive\" (the default) or \"strictest\".",
    resourceTypes: LB_TYPES,
    check(props, ctx) {
        const value = arg<aws.lb.LoadBalancerArgs>(props, "desyncMitigationMode");
        if (typeof value === "string" && !["defensive", "strictest"].includes(value)) {
            ctx.report({ property: "desyncMitigationMode", value, expected: "\"defensive\" or \"strictest\"" });
        }
    },
};

/** arn:<partition>:wafv2:us-east-1:<account>:global/webacl/<name>/<id> (AWS WAF Developer Guide; Service Authorization Reference, wafv2 "webacl"). */
function isCloudFrontWebAcl(value: string): boolean {
    const arn = parseArn(value);
    return arn !== undefined && arn.service === "wafv2" && arn.region === "us-east-1" && /^global\/webacl\/[^/]+\/[^/]+$/.test(arn.resource);
}

export const cfWaf: ResourceRule = {
    id: "net-cf-waf",
    description: "CloudFront distributions are protected by a WAFv2 web ACL (scope CLOUDFRONT, us-east-1).",
    severity: "high",
    remediation: "Set webAclId to the ARN of a WAFv2 WebAcl with scope CLOUDFRONT created in us-east-1.",
    resourceTypes: ["aws:cloudfront/distribution:Distribution"],
    check(props, ctx) {
        const value = arg<aws.cloudfront.DistributionArgs>(props, "webAclId");
        if (value === UNKNOWN) {
            return;
        }
        if (typeof value !== "string" || value.length === 0) {
            ctx.report({ property: "webAclId", value: value ?? ABSENT, expected: "a WAFv2 web ACL ARN (arn:aws:wafv2:us-east-1:...:global/webacl/...)" });
        } else if (!isCloudFrontWebAcl(value)) {
            ctx.report({ property: "webAclId", value, expected: "a WAFv2 CLOUDFRONT-scope web ACL ARN (a WAF Classic id or REGIONAL ACL cannot protect a distribution)" });
        }
    },
};

/** S3 REST origins: <bucket>.s3.<region>.amazonaws.com / <bucket>.s3.amazonaws.com (website endpoints are custom origins). */
function isS3Origin(origin: unknown): boolean | typeof UNKNOWN {
    if (peek(origin, "s3OriginConfig") !== undefined) {
        return true;
    }
    const domain = peek(origin, "domainName");
    if (domain === UNKNOWN) {
        return UNKNOWN;
    }
    return typeof domain === "string" && /\.s3[.-]([a-z0-9-]+\.)?amazonaws\.com$/.test(domain) && !/s3-website/.test(domain);
}

export const cfS3Oac: ResourceRule = {
    id: "net-cf-s3-oac",
    description: "CloudFront S3 origins use Origin Access Control (OAI is legacy; a public bucket is worse).",
    severity: "high",
    remediation: "Create an aws.cloudfront.OriginAccessControl (originType s3, signingBehavior always) and set origins[].originAccessControlId; drop s3OriginConfig.originAccessIdentity.",
    resourceTypes: ["aws:cloudfront/distribution:Distribution"],
    check(props, ctx) {
        const origins = peekArray(arg<aws.cloudfront.DistributionArgs>(props, "origins"));
        if (origins === UNKNOWN) {
            return;
        }
        origins.forEach((origin: unknown, index: number) => {
            if (isS3Origin(origin) !== true) {
                return;
            }
            const oac = peek(origin, "originAccessControlId");
            const oai = peek(peek(origin, "s3OriginConfig"), "originAccessIdentity");
            if (typeof oai === "string" && oai.length > 0) {
                ctx.report({ property: `origins[${index}].s3OriginConfig.originAccessIdentity`, value: oai, expected: "no OAI; an originAccessControlId instead" });
            } else if (oac !== UNKNOWN && (typeof oac !== "string" || oac.length === 0)) {
                ctx.report({ property: `origins[${index}].originAccessControlId`, value: oac ?? ABSENT, expected: "an Origin Access Control id" });
            }
        });
    },
};

interface WafRulesConfig { requiredManagedRuleGroups: string[] }

function managedGroupNames(statement: unknown, into: Set<string>): void {
    if (statement === null || typeof statement !== "object") {
        return;
    }
    for (const [key, value] of Object.entries(statement as Record<string, unknown>)) {
        if ((key === "managedRuleGroupStatement" || key === "ManagedRuleGroupStatement") && value && typeof value === "object") {
            const name = (value as Record<string, unknown>).name ?? (value as Record<string, unknown>).Name;
            if (typeof name === "string") {
                into.add(name);
            }
        }
        managedGroupNames(value, into);
    }
}

export const wafRules: ResourceRule<WafRulesConfig> = {
    id: "net-waf-rules",
    description: "WAFv2 web ACLs have rules, including the AWS Common and Known-Bad-Inputs (Log4j) managed rule groups.",
    severity: "high",
    remediation: "Add managedRuleGroupStatement rules for AWSManagedRulesCommonRuleSet and AWSManagedRulesKnownBadInputsRuleSet (vendorName AWS) with overrideAction none.",
    resourceTypes: ["aws:wafv2/webAcl:WebAcl"],
    config: {
        schema: { requiredManagedRuleGroups: { type: "array", items: { type: "string" }, description: "AWS managed rule groups every web ACL must include." } },
        defaults: { requiredManagedRuleGroups: ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"] },
    },
    check(props, ctx) {
        const rules = arg<aws.wafv2.WebAclArgs>(props, "rules");
        const ruleJson = arg<aws.wafv2.WebAclArgs>(props, "ruleJson");
        if (rules === UNKNOWN || ruleJson === UNKNOWN) {
            return;
        }
        let parsed: unknown = unwrap(rules);
        let property = "rules";
        if (typeof ruleJson === "string" && ruleJson.length > 0) {
            property = "ruleJson";
            try {
                parsed = JSON.parse(ruleJson);
            } catch {
                ctx.report({ property, value: "(unparseable JSON)", expected: "a JSON array of WAF rules" });
                return;
            }
        }
        const list: unknown[] = Array.isArray(parsed) ? parsed : [];
        if (list.length === 0) {
            ctx.report({ property, value: ABSENT, expected: `at least one rule, including ${ctx.config.requiredManagedRuleGroups.join(" and ")}` });
            return;
        }
        const names = new Set<string>();
        managedGroupNames(list, names);
        const missing = ctx.config.requiredManagedRuleGroups.filter((n: string) => !names.has(n));
        if (missing.length > 0) {
            ctx.report({ property: `${property}[].statement.managedRuleGroupStatement.name`, value: [...names], expected: `managed rule groups ${missing.join(", ")}` });
        }
        list.forEach((rule: unknown, index: number) => {
            const override = rule && typeof rule === "object" ? ((rule as Record<string, unknown>).overrideAction ?? (rule as Record<string, unknown>).OverrideAction) : undefined;
            if (override && typeof override === "object" && ("count" in override || "Count" in override)) {
                ctx.report({ property: `${property}[${index}].overrideAction`, value: "count", expected: "none (a managed group in count mode blocks nothing)" });
            }
        });
    },
};

export const edgePolicies: ResourceValidationPolicy[] = [
    resourcePolicy(lbDropInvalidHeaders),
    resourcePolicy(lbDesync),
    resourcePolicy(cfWaf),
    resourcePolicy(cfS3Oac),
    resourcePolicy(wafRules),
];
