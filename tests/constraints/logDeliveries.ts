import { RecordedResource } from "../../tools/offline/mockEngine";

/**
 * Who writes into which CloudWatch Logs group, and under what naming rule. Every resource whose
 * inputs name a log group (by name or ARN) must be of a type listed here; a new type fails the
 * vended-logs test until someone looks up how that service delivers and classifies it.
 */
export type LogWriterKind =
    /** Vended logs: the service writes through the account's CloudWatch Logs resource policy (5,120 characters). */
    | { readonly kind: "vended"; readonly prefix: string; readonly source: string }
    /** The service writes with an IAM role or its own service-linked role: no resource policy grows. */
    | { readonly kind: "role"; readonly source: string }
    /** Not a writer: reads, grants, encrypts or filters the group. */
    | { readonly kind: "not-a-writer" };

const VENDED = "/aws/vendedlogs/";

export const LOG_WRITERS: Readonly<Record<string, LogWriterKind>> = {
    "aws:elasticache/replicationGroup:ReplicationGroup": {
        kind: "vended", prefix: VENDED, source: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Logging-destinations.html (logs:CreateLogDelivery, logs:PutResourcePolicy)",
    },
    "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination": {
        kind: "vended", prefix: VENDED, source: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-V2-CloudWatchLogs.html",
    },
    "aws:sfn/stateMachine:StateMachine": {
        kind: "vended", prefix: `${VENDED}states/`, source: "https://docs.aws.amazon.com/step-functions/latest/dg/bp-cwl.html (prefix with /aws/vendedlogs/states)",
    },
    "aws:apigatewayv2/stage:Stage": {
        kind: "vended", prefix: VENDED, source: "API Gateway access logging is listed among the services that use the log-delivery resource policy",
    },
    "aws:route53/queryLog:QueryLog": { kind: "vended", prefix: VENDED, source: "Route 53 query logging writes through a CloudWatch Logs resource policy" },
    // WAF refuses any other name ("must start with aws-waf-logs-"), so its groups cannot move under /aws/vendedlogs/.
    "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration": {
        kind: "vended", prefix: "aws-waf-logs-", source: "https://docs.aws.amazon.com/waf/latest/developerguide/logging-cw-logs.html",
    },
    "aws:lambda/function:Function": { kind: "role", source: "the execution role's logs:PutLogEvents" },
    "aws:ec2/flowLog:FlowLog": { kind: "role", source: "deliverLogsPermissionArn / iamRoleArn" },
    "aws:cloudtrail/trail:Trail": { kind: "role", source: "cloudWatchLogsRoleArn" },
    "aws:eks/cluster:Cluster": { kind: "role", source: "EKS writes /aws/eks/<cluster>/cluster itself" },
    "aws:rds/cluster:Cluster": { kind: "role", source: "RDS writes /aws/rds/cluster/<id>/<log> itself" },
    "aws:iam/rolePolicy:RolePolicy": { kind: "not-a-writer" },
    "aws:iam/policy:Policy": { kind: "not-a-writer" },
    "aws:iam/role:Role": { kind: "not-a-writer" },
    "aws:kms/key:Key": { kind: "not-a-writer" },
    "aws:cloudwatch/logMetricFilter:LogMetricFilter": { kind: "not-a-writer" },
    "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter": { kind: "not-a-writer" },
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": { kind: "not-a-writer" },
    "aws:cloudwatch/metricAlarm:MetricAlarm": { kind: "not-a-writer" },
    "aws:cloudwatch/dashboard:Dashboard": { kind: "not-a-writer" },
};

/** Every string inside a value (inputs are JSON-like; policy documents may be JSON strings). */
function strings(value: unknown, out: string[] = []): string[] {
    if (typeof value === "string") {
        out.push(value);
    } else if (Array.isArray(value)) {
        value.forEach((v: unknown) => strings(v, out));
    } else if (value !== null && typeof value === "object") {
        Object.values(value).forEach((v: unknown) => strings(v, out));
    }
    return out;
}

export interface LogGroupReference {
    readonly logGroup: RecordedResource;
    readonly name: string;
    readonly referencedBy: RecordedResource;
}

/** (log group, resource that names it) for every log group of a recorded stack. */
export function logGroupReferences(resources: readonly RecordedResource[]): LogGroupReference[] {
    const groups: RecordedResource[] = resources.filter((r) => r.type === "aws:cloudwatch/logGroup:LogGroup");
    const found: LogGroupReference[] = [];
    for (const r of resources) {
        if (!r.custom || r.type === "aws:cloudwatch/logGroup:LogGroup") {
            continue;
        }
        const texts: string[] = strings(r.inputs);
        for (const group of groups) {
            const name = String(group.outputs.name ?? group.inputs.name);
            const arn = String(group.outputs.arn);
            const names = (text: string): boolean => text === name || text.startsWith(arn) || text.includes(`"${arn}`) || text.includes(`${arn}:`)
                || (text.includes(`log-group:${name}`) && !text.includes("*"));
            if (texts.some(names)) {
                found.push({ logGroup: group, name, referencedBy: r });
            }
        }
    }
    return found;
}
