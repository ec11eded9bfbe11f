import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { wafLogDeliveryPolicy } from "./edgePolicies";

/** Headers that carry credentials: never written to WAF logs. */
export const REDACTED_HEADERS: readonly string[] = ["authorization", "cookie"];

export interface WafLoggingArgs {
    readonly logicalName: string;
    /** Must start with aws-waf-logs- (WAF refuses any other log group). */
    readonly logGroupName: string;
    readonly webAcl: aws.wafv2.WebAcl;
    readonly kmsKeyArn: pulumi.Input<string>;
    readonly retentionInDays: number;
    readonly region: string;
    readonly account: pulumi.Output<{ accountId: string; partition: string }>;
    readonly tags: Record<string, string>;
    readonly opts: pulumi.CustomResourceOptions;
}

export interface WafLogging {
    readonly logGroup: aws.cloudwatch.LogGroup;
    readonly configuration: aws.wafv2.WebAclLoggingConfiguration;
}

/**
 * An encrypted aws-waf-logs-* group, the log-delivery resource policy WAF needs to write into it
 * (created explicitly so the deployer needs no logs:PutResourcePolicy at run time), and the logging
 * configuration with the credential headers redacted.
 */
export function createWafLogging(args: WafLoggingArgs): WafLogging {
    const logGroup = new aws.cloudwatch.LogGroup(args.logicalName, {
        name: args.logGroupName,
        retentionInDays: args.retentionInDays,
        kmsKeyId: args.kmsKeyArn,
        tags: args.tags,
    }, args.opts);
    const deliveryPolicy = new aws.cloudwatch.LogResourcePolicy(args.logicalName, {
        policyName: `${args.logGroupName}-delivery`,
        policyDocument: args.account.apply(({ accountId, partition }) => JSON.stringify(wafLogDeliveryPolicy({ accountId, partition, region: args.region }))),
    }, args.opts);
    const configuration = new aws.wafv2.WebAclLoggingConfiguration(args.logicalName, {
        resourceArn: args.webAcl.arn,
        logDestinationConfigs: [logGroup.arn],
        redactedFields: REDACTED_HEADERS.map((name: string) => ({ singleHeader: { name } })),
    }, { ...args.opts, dependsOn: [deliveryPolicy] });
    return { logGroup, configuration };
}
