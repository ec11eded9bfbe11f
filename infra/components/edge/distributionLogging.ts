import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EdgeLoggingConfig } from "../../config/edgeConfig";
import { nameTagFor, physicalName } from "../../platform/naming";
import { EdgeContext, atGlobalEdge } from "./edgeContext";

export interface DistributionLoggingArgs {
    readonly logging: EdgeLoggingConfig;
    readonly distributionArn: pulumi.Input<string>;
    /** The us-east-1 edge key (cloudwatch destination). */
    readonly edgeKeyArn: pulumi.Input<string>;
    /** The access-log bucket (s3 destination). */
    readonly accessLogBucketArn: pulumi.Input<string>;
}

export interface DistributionLogging {
    readonly logGroup?: aws.cloudwatch.LogGroup;
    readonly delivery: aws.cloudwatch.LogDelivery;
}

/**
 * CloudFront standard logging v2 (CloudWatch vended logs): the source is the distribution in
 * us-east-1, the destination an encrypted us-east-1 log group or the access-log bucket. v2 needs
 * no bucket ACLs (legacy logging needs them, which would break BucketOwnerEnforced).
 */
export function createDistributionLogging(ctx: EdgeContext, args: DistributionLoggingArgs): DistributionLogging {
    const source = new aws.cloudwatch.LogDeliverySource("edge-access-logs", {
        name: physicalName(ctx.naming, "cloudfront"),
        logType: "ACCESS_LOGS",
        resourceArn: args.distributionArn,
        tags: nameTagFor(ctx.naming, "cloudfront"),
    }, atGlobalEdge(ctx));
    let logGroup: aws.cloudwatch.LogGroup | undefined;
    let destinationArn: pulumi.Input<string> = args.accessLogBucketArn;
    if (args.logging.destination === "cloudwatch") {
        // /aws/vendedlogs/ keeps the log-delivery resource policy AWS manages for vended logs small.
        logGroup = new aws.cloudwatch.LogGroup("edge-access-logs", {
            name: `/aws/vendedlogs/cloudfront/${ctx.naming.prefix}`,
            retentionInDays: args.logging.retentionInDays,
            kmsKeyId: args.edgeKeyArn,
            tags: nameTagFor(ctx.naming, "cloudfront"),
        }, atGlobalEdge(ctx));
        destinationArn = logGroup.arn;
    }
    const destination = new aws.cloudwatch.LogDeliveryDestination("edge-access-logs", {
        name: physicalName(ctx.naming, `cloudfront-${args.logging.destination}`),
        outputFormat: args.logging.destination === "cloudwatch" ? "json" : "parquet",
        deliveryDestinationConfiguration: { destinationResourceArn: destinationArn },
        tags: nameTagFor(ctx.naming, "cloudfront"),
    }, atGlobalEdge(ctx));
    const delivery = new aws.cloudwatch.LogDelivery("edge-access-logs", {
        deliverySourceName: source.name,
        deliveryDestinationArn: destination.arn,
        tags: nameTagFor(ctx.naming, "cloudfront"),
    }, atGlobalEdge(ctx));
    return { logGroup, delivery };
}
