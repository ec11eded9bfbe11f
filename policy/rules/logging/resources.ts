import type * as aws from "@pulumi/aws";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { isFalse, isTrue } from "../../lib/props";
import { ABSENT, ResourceRule, resourcePolicy } from "../../lib/rule";
import { UNKNOWN, arg, knownStrings, matchesAny, num, peek, peekArray } from "../../lib/stackJoins";
import { requireTrue } from "../../lib/checks";
import { isSet } from "../../lib/values";

/** Single-resource logging rules: CloudTrail, EKS, databases, caches, load balancers, WAF, CloudWatch. */

const TRAIL = "aws:cloudtrail/trail:Trail";

export const cloudtrailValidation: ResourceRule = {
    id: "log-cloudtrail-validation",
    description: "CloudTrail log file integrity validation is enabled.",
    severity: "medium",
    remediation: "Set enableLogFileValidation: true on the trail.",
    resourceTypes: [TRAIL],
    check(props, ctx) {
        requireTrue<aws.cloudtrail.TrailArgs>(props, ctx, "enableLogFileValidation");
    },
};

export const cloudtrailCwl: ResourceRule = {
    id: "log-cloudtrail-cwl",
    description: "CloudTrail delivers to CloudWatch Logs (group + role) for metric filters and alarms.",
    severity: "medium",
    remediation: "Set cloudWatchLogsGroupArn (\"${logGroup.arn}:*\") and cloudWatchLogsRoleArn on the trail.",
    resourceTypes: [TRAIL],
    check(props, ctx) {
        for (const key of ["cloudWatchLogsGroupArn", "cloudWatchLogsRoleArn"] as const) {
            if (!isSet(props, key)) {
                ctx.report({ property: key, value: ABSENT, expected: "set (CloudTrail -> CloudWatch Logs delivery)" });
            }
        }
    },
};

interface EksLogConfig { requiredLogTypes: string[] }

export const eksControlPlane: ResourceRule<EksLogConfig> = {
    id: "log-eks-control-plane",
    description: "EKS control-plane logging is enabled for api, audit, authenticator, controllerManager and scheduler.",
    severity: "high",
    remediation: "Set enabledClusterLogTypes: [\"api\", \"audit\", \"authenticator\", \"controllerManager\", \"scheduler\"] (@pulumi/eks: enabledClusterLogTypes).",
    resourceTypes: ["aws:eks/cluster:Cluster"],
    config: {
        schema: { requiredLogTypes: { type: "array", items: { type: "string" }, description: "Control-plane log types that must be enabled (minimum: audit)." } },
        defaults: { requiredLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"] },
    },
    check(props, ctx) {
        const raw = arg<aws.eks.ClusterArgs>(props, "enabledClusterLogTypes");
        const list = peekArray(raw);
        if (list === UNKNOWN || list.some((v) => v === UNKNOWN)) {
            return;
        }
        const enabled = knownStrings(raw);
        const missing = ctx.config.requiredLogTypes.filter((t: string) => !enabled.includes(t));
        if (missing.length > 0) {
            ctx.report({ property: "enabledClusterLogTypes", value: enabled.length ? enabled : ABSENT, expected: `to include ${missing.join(", ")}` });
        }
    },
};

function engineOf(props: unknown): unknown {
    return peek(props, "engine");
}

export const auroraCwExports: ResourceRule = {
    id: "log-aurora-cw-exports",
    description: "Aurora clusters export their engine logs to CloudWatch Logs (PostgreSQL: postgresql; MySQL: audit, error, general, slowquery).",
    severity: "medium",
    remediation: "Set enabledCloudwatchLogsExports: [\"postgresql\"] for Aurora PostgreSQL (MySQL: [\"audit\", \"error\", \"general\", \"slowquery\"]).",
    resourceTypes: ["aws:rds/cluster:Cluster"],
    check(props, ctx) {
        const engine = engineOf(props);
        const required = engine === "aurora-postgresql" ? ["postgresql"] : engine === "aurora-mysql" || engine === "aurora" ? ["audit", "error", "general", "slowquery"] : undefined;
        if (!required) {
            ctx.notApplicable("not an Aurora cluster");
        }
        const raw = arg<aws.rds.ClusterArgs>(props, "enabledCloudwatchLogsExports");
        if (containsUnknownList(raw)) {
            return;
        }
        const exports = knownStrings(raw);
        const missing = required!.filter((t: string) => !exports.includes(t));
        if (missing.length > 0) {
            ctx.report({ property: "enabledCloudwatchLogsExports", value: exports.length ? exports : ABSENT, expected: `to include ${missing.join(", ")}` });
        }
    },
};

function containsUnknownList(raw: unknown): boolean {
    const list = peekArray(raw);
    return list === UNKNOWN || list.some((v) => v === UNKNOWN);
}

const MONITORING_INTERVALS: readonly number[] = [1, 5, 10, 15, 30, 60];
const RDS_INSTANCE_TYPES = ["aws:rds/clusterInstance:ClusterInstance", "aws:rds/cluster:Cluster", "aws:rds/instance:Instance"];

function auroraClusterLevel(ctx: { type: string; notApplicable(reason: string): never }, props: unknown): void {
    const engine = engineOf(props);
    if (ctx.type === "aws:rds/cluster:Cluster" && (typeof engine !== "string" || engine.startsWith("aurora"))) {
        ctx.notApplicable("Aurora configures this per cluster instance");
    }
}

export const rdsEnhancedMonitoring: ResourceRule = {
    id: "log-rds-enhanced-monitoring",
    description: "RDS instances (Aurora: cluster instances) use Enhanced Monitoring with a monitoring role.",
    severity: "low",
    remediation: "Set monitoringInterval to 1/5/10/15/30/60 and monitoringRoleArn to a role with AmazonRDSEnhancedMonitoringRole.",
    resourceTypes: RDS_INSTANCE_TYPES,
    check(props, ctx) {
        auroraClusterLevel(ctx, props);
        const interval = num(peek(props, "monitoringInterval"));
        if (interval === UNKNOWN) {
            return;
        }
        if (interval === undefined || !MONITORING_INTERVALS.includes(interval)) {
            ctx.report({ property: "monitoringInterval", value: interval ?? ABSENT, expected: "one of 1, 5, 10, 15, 30, 60" });
        } else if (!isSet(props, "monitoringRoleArn")) {
            ctx.report({ property: "monitoringRoleArn", value: ABSENT, expected: "the enhanced-monitoring role ARN" });
        }
    },
};

export const rdsPerformanceInsights: ResourceRule = {
    id: "log-rds-performance-insights",
    description: "Performance Insights (or Database Insights) is enabled on RDS instances / Aurora cluster instances.",
    severity: "low",
    remediation: "Set performanceInsightsEnabled: true (with performanceInsightsKmsKeyId set to a CMK).",
    resourceTypes: RDS_INSTANCE_TYPES,
    check(props, ctx) {
        auroraClusterLevel(ctx, props);
        const value = peek(props, "performanceInsightsEnabled");
        const mode = peek(props, "databaseInsightsMode");
        if (value !== UNKNOWN && !isTrue(value) && mode !== "advanced" && mode !== UNKNOWN) {
            ctx.report({ property: "performanceInsightsEnabled", value: value ?? ABSENT, expected: "true" });
        }
    },
};

export const elasticacheLogs: ResourceRule = {
    id: "log-elasticache-logs",
    description: "Redis replication groups deliver slow-log and engine-log.",
    severity: "low",
    remediation: "Add logDeliveryConfigurations for logType \"slow-log\" and \"engine-log\" (cloudwatch-logs destination).",
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    check(props, ctx) {
        const list = peekArray(arg<aws.elasticache.ReplicationGroupArgs>(props, "logDeliveryConfigurations"));
        if (list === UNKNOWN) {
            return;
        }
        const types = list.map((c) => peek(c, "logType"));
        if (types.includes(UNKNOWN)) {
            return;
        }
        const missing = ["slow-log", "engine-log"].filter((t) => !types.includes(t));
        if (missing.length > 0) {
            ctx.report({ property: "logDeliveryConfigurations", value: types.length ? types : ABSENT, expected: `entries for ${missing.join(", ")}` });
        }
    },
};

export const lbAccessLogs: ResourceRule = {
    id: "log-lb-access-logs",
    description: "Load balancers write access logs to S3.",
    severity: "medium",
    remediation: "Set accessLogs: { enabled: true, bucket: <log bucket>, prefix } (the bucket policy must allow the ELB log-delivery principal).",
    resourceTypes: ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"],
    check(props, ctx) {
        const logs = arg<aws.lb.LoadBalancerArgs>(props, "accessLogs");
        if (logs === UNKNOWN) {
            return;
        }
        const enabled = peek(logs, "enabled");
        if (enabled !== UNKNOWN && !isTrue(enabled)) {
            ctx.report({ property: "accessLogs.enabled", value: enabled ?? ABSENT, expected: "true" });
        } else if (!isSet(logs, "bucket")) {
            ctx.report({ property: "accessLogs.bucket", value: ABSENT, expected: "the access-log bucket name" });
        }
    },
};

export const wafMetrics: ResourceRule = {
    id: "log-waf-metrics",
    description: "WAF web ACLs and their rules publish CloudWatch metrics.",
    severity: "low",
    remediation: "Set visibilityConfig.cloudwatchMetricsEnabled: true on the web ACL and on every rule.",
    resourceTypes: ["aws:wafv2/webAcl:WebAcl"],
    check(props, ctx) {
        const top = peek(arg<aws.wafv2.WebAclArgs>(props, "visibilityConfig"), "cloudwatchMetricsEnabled");
        if (top !== UNKNOWN && !isTrue(top)) {
            ctx.report({ property: "visibilityConfig.cloudwatchMetricsEnabled", value: top ?? ABSENT, expected: "true" });
        }
        const rules = peekArray(arg<aws.wafv2.WebAclArgs>(props, "rules"));
        if (rules === UNKNOWN) {
            return;
        }
        rules.forEach((rule, index) => {
            const value = peek(peek(rule, "visibilityConfig"), "cloudwatchMetricsEnabled");
            if (value !== UNKNOWN && isFalse(value)) {
                ctx.report({ property: `rules[${index}].visibilityConfig.cloudwatchMetricsEnabled`, value, expected: "true" });
            }
        });
    },
};

interface RetentionConfig { auditLogGroupNamePatterns: string[]; auditMinimumRetentionDays: number }

export const logGroupRetention: ResourceRule<RetentionConfig> = {
    id: "log-log-group-retention",
    description: "Log groups set a retention period; audit groups (CloudTrail, EKS audit, VPC flow logs, WAF) keep at least a year (0 = never expire passes).",
    severity: "medium",
    remediation: "Set retentionInDays (>= 365 for audit log groups).",
    resourceTypes: ["aws:cloudwatch/logGroup:LogGroup"],
    config: {
        schema: {
            auditLogGroupNamePatterns: { type: "array", items: { type: "string" }, description: "Regexes on the log group's name/logical name that mark audit log groups." },
            auditMinimumRetentionDays: { type: "number", description: "Minimum retention for audit log groups." },
        },
        defaults: { auditLogGroupNamePatterns: ["cloudtrail", "audit", "/aws/eks/.+/cluster", "flow-?logs?", "aws-waf-logs"], auditMinimumRetentionDays: 365 },
    },
    check(props, ctx) {
        const retention = num(arg<aws.cloudwatch.LogGroupArgs>(props, "retentionInDays"));
        if (retention === UNKNOWN) {
            return;
        }
        if (retention === undefined) {
            ctx.report({ property: "retentionInDays", value: ABSENT, expected: "a retention period (log groups otherwise keep data forever at cost)" });
            return;
        }
        const name = peek(props, "name");
        if (retention !== 0 && retention < ctx.config.auditMinimumRetentionDays && matchesAny(ctx.config.auditLogGroupNamePatterns, ctx.name, name === UNKNOWN ? undefined : name)) {
            ctx.report({ property: "retentionInDays", value: retention, expected: `>= ${ctx.config.auditMinimumRetentionDays} for an audit log group` });
        }
    },
};

export const alarmActions: ResourceRule = {
    id: "log-alarm-actions",
    description: "CloudWatch alarms notify someone (actions enabled, at least one alarm action).",
    severity: "low",
    remediation: "Set alarmActions to an SNS topic ARN and leave actionsEnabled true.",
    resourceTypes: ["aws:cloudwatch/metricAlarm:MetricAlarm"],
    check(props, ctx) {
        const enabled = arg<aws.cloudwatch.MetricAlarmArgs>(props, "actionsEnabled");
        if (isFalse(enabled)) {
            ctx.report({ property: "actionsEnabled", value: enabled, expected: "true" });
        }
        const actions = peekArray(arg<aws.cloudwatch.MetricAlarmArgs>(props, "alarmActions"));
        if (actions !== UNKNOWN && actions.length === 0) {
            ctx.report({ property: "alarmActions", value: ABSENT, expected: "at least one action (SNS topic ARN)" });
        }
    },
};

const RECORDER = "aws:cfg/recorder:Recorder";
const RECORDER_STATUS = "aws:cfg/recorderStatus:RecorderStatus";

/**
 * An account baseline: checked wherever the recorder is declared (a stack without one is not
 * flagged, since an organisation-level recorder may cover the account). Security Hub's controls
 * are evaluated on what Config records, so a partial recorder silently hides findings.
 */
export const configRecorder: ResourceRule = {
    id: "log-config-recorder",
    description: "AWS Config records every supported resource type (no exclusions) and the recorder is switched on.",
    severity: "medium",
    remediation: "Set recordingGroup: { allSupported: true, includeGlobalResourceTypes: <true in one Region> } on aws.cfg.Recorder and isEnabled: true on aws.cfg.RecorderStatus.",
    resourceTypes: [RECORDER, RECORDER_STATUS],
    check(props, ctx) {
        if (ctx.type === RECORDER_STATUS) {
            requireTrue<aws.cfg.RecorderStatusArgs>(props, ctx, "isEnabled");
            return;
        }
        const group = arg<aws.cfg.RecorderArgs>(props, "recordingGroup");
        // Without a recording group AWS records all supported types (the service default).
        if (group === UNKNOWN || group === undefined || group === null) {
            return;
        }
        const allSupported = peek(group, "allSupported");
        if (allSupported !== UNKNOWN && !isTrue(allSupported)) {
            ctx.report({ property: "recordingGroup.allSupported", value: allSupported ?? ABSENT, expected: "true (record every supported resource type)" });
        }
        const exclusionBlocks = peekArray(peek(group, "exclusionByResourceTypes"));
        const excludedTypes: unknown[] = exclusionBlocks === UNKNOWN ? [] : exclusionBlocks.flatMap((block: unknown) => {
            const types = peekArray(peek(block, "resourceTypes"));
            return types === UNKNOWN ? [] : types;
        });
        if (excludedTypes.length > 0) {
            ctx.report({ property: "recordingGroup.exclusionByResourceTypes", value: excludedTypes, expected: "no excluded resource types" });
        }
    },
};

export const loggingResourcePolicies: ResourceValidationPolicy[] = [
    resourcePolicy(cloudtrailValidation),
    resourcePolicy(cloudtrailCwl),
    resourcePolicy(eksControlPlane),
    resourcePolicy(auroraCwExports),
    resourcePolicy(rdsEnhancedMonitoring),
    resourcePolicy(rdsPerformanceInsights),
    resourcePolicy(elasticacheLogs),
    resourcePolicy(lbAccessLogs),
    resourcePolicy(wafMetrics),
    resourcePolicy(logGroupRetention),
    resourcePolicy(alarmActions),
    resourcePolicy(configRecorder),
];
