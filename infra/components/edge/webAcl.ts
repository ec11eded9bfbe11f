import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { WafConfig } from "../../config/edgeConfig";

export type WebAclScope = "CLOUDFRONT" | "REGIONAL";

/** AWS managed rule groups every web ACL runs, in evaluation order (IP reputation first: cheapest). */
export const MANAGED_RULE_GROUPS: readonly string[] = [
    "AWSManagedRulesAmazonIpReputationList",
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "AWSManagedRulesSQLiRuleSet",
];
export const BOT_CONTROL_RULE_GROUP = "AWSManagedRulesBotControlRuleSet";
export const RATE_LIMIT_RULE = "rate-limit-per-ip";

function visibility(metricName: string): aws.types.input.wafv2.WebAclRuleVisibilityConfig {
    return { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName };
}

function managedRule(name: string, priority: number, botControl = false): aws.types.input.wafv2.WebAclRule {
    return {
        name,
        priority,
        // "none" keeps the group's own block actions; "count" would only observe.
        overrideAction: { none: {} },
        statement: {
            managedRuleGroupStatement: {
                vendorName: "AWS",
                name,
                managedRuleGroupConfigs: botControl ? [{ awsManagedRulesBotControlRuleSet: { inspectionLevel: "COMMON" } }] : undefined,
            },
        },
        visibilityConfig: visibility(name),
    };
}

/** The rules of both web ACLs: managed groups, optional Bot Control, then the per-IP rate limit. Pure, so tests read it directly. */
export function webAclRules(waf: WafConfig): aws.types.input.wafv2.WebAclRule[] {
    const rules: aws.types.input.wafv2.WebAclRule[] = MANAGED_RULE_GROUPS.map((name: string, index: number) => managedRule(name, index * 10));
    if (waf.botControl) {
        rules.push(managedRule(BOT_CONTROL_RULE_GROUP, 50, true));
    }
    rules.push({
        name: RATE_LIMIT_RULE,
        priority: 100,
        action: { block: {} },
        statement: {
            rateBasedStatement: { limit: waf.rateLimit, aggregateKeyType: "IP", evaluationWindowSec: waf.rateLimitWindowSeconds },
        },
        visibilityConfig: visibility(RATE_LIMIT_RULE),
    });
    return rules;
}

export interface WebAclArgs {
    readonly logicalName: string;
    readonly physicalName: string;
    readonly scope: WebAclScope;
    readonly waf: WafConfig;
    readonly tags: Record<string, string>;
    readonly opts: pulumi.CustomResourceOptions;
}

export function createWebAcl(args: WebAclArgs): aws.wafv2.WebAcl {
    return new aws.wafv2.WebAcl(args.logicalName, {
        name: args.physicalName,
        description: args.scope === "CLOUDFRONT" ? "CloudFront distribution: managed rule groups and per-IP rate limit" : "Internet-facing load balancers of the cluster",
        scope: args.scope,
        defaultAction: { allow: {} },
        rules: webAclRules(args.waf),
        visibilityConfig: { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: args.physicalName },
        tags: args.tags,
    }, args.opts);
}
