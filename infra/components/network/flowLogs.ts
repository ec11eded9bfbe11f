import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PlatformConfig } from "../../config/platformConfig";
import { AccountContext } from "../../platform/accountContext";
import { serviceTrustPolicy } from "../security/servicePrincipalStatements";
import { nameTag, namingContext, physicalName } from "../../platform/naming";

export interface VpcFlowLogs {
    readonly logGroup: aws.cloudwatch.LogGroup;
    readonly role: aws.iam.Role;
    readonly flowLog: aws.ec2.FlowLog;
}

/**
 * Flow logs for ALL traffic into a KMS-encrypted log group. The delivery role can write only to
 * that group, and only the flow-logs service acting for this account can assume it.
 */
export function createFlowLogs(
    config: PlatformConfig,
    account: AccountContext,
    vpc: aws.ec2.Vpc,
    kmsKeyArn: pulumi.Input<string>,
    parent: pulumi.Resource,
): VpcFlowLogs {
    const logGroup = new aws.cloudwatch.LogGroup("flow-logs", {
        name: `/platform/${config.stack}/vpc-flow-logs`,
        retentionInDays: config.network.flowLogs.retentionInDays,
        kmsKeyId: kmsKeyArn,
        tags: nameTag(config, "vpc-flow-logs"),
    }, { parent });

    const role = new aws.iam.Role("flow-logs", {
        // Stack-prefixed: the deploy role may manage only roles named <prefix>-* (deployPermissions.ts).
        name: physicalName(namingContext(config), "vpc-flow-logs"),
        description: "Delivers VPC flow logs to CloudWatch Logs",
        assumeRolePolicy: pulumi.all([account.accountId, account.partition]).apply(([accountId, partition]: [string, string]) =>
            // Confused-deputy protection as the VPC User Guide documents it: only flow logs of this account and region.
            JSON.stringify(serviceTrustPolicy("VpcFlowLogs", "vpc-flow-logs.amazonaws.com", {
                "aws:SourceAccount": accountId,
                "aws:SourceArn": `arn:${partition}:ec2:${config.region}:${accountId}:vpc-flow-log/*`,
            }))),
        tags: nameTag(config, "vpc-flow-logs"),
    }, { parent });

    new aws.iam.RolePolicy("flow-logs-delivery", {
        role: role.id,
        policy: logGroup.arn.apply((logGroupArn: string) => JSON.stringify({
            Version: "2012-10-17",
            Statement: [{
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                Resource: [logGroupArn, `${logGroupArn}:log-stream:*`],
            }],
        })),
    }, { parent });

    const flowLog = new aws.ec2.FlowLog("vpc", {
        vpcId: vpc.id,
        trafficType: "ALL",
        logDestinationType: "cloud-watch-logs",
        logDestination: logGroup.arn,
        iamRoleArn: role.arn,
        maxAggregationInterval: 60,
        tags: nameTag(config, "vpc-flow-logs"),
    }, { parent });

    return { logGroup, role, flowLog };
}
