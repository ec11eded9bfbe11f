import { resourcePolicy } from "../../../policy/lib/rule";
import {
    alarmActions, auroraCwExports, cloudtrailCwl, cloudtrailValidation, configRecorder, eksControlPlane, elasticacheLogs, lbAccessLogs, logGroupRetention, rdsEnhancedMonitoring, rdsPerformanceInsights, wafMetrics,
} from "../../../policy/rules/logging/resources";
import { UNKNOWN_ARRAY, UNKNOWN_BOOLEAN, UNKNOWN_OBJECT, UNKNOWN_STRING } from "../support/policyHarness";
import { describeResourcePolicy } from "../network/cases";

type P = Record<string, any>;  
const TRAIL = "aws:cloudtrail/trail:Trail";
const trail = { s3BucketName: "trail-bucket", isMultiRegionTrail: true, enableLogFileValidation: true, cloudWatchLogsGroupArn: "arn:aws:logs:us-east-1:1:log-group:cloudtrail:*", cloudWatchLogsRoleArn: "arn:aws:iam::1:role/ct" };

describeResourcePolicy({
    policy: resourcePolicy(cloudtrailValidation), severity: "medium", types: [TRAIL], baseline: trail,
    violations: [{ name: "validation omitted", mutate: (p: P) => { delete p.enableLogFileValidation; }, property: "enableLogFileValidation" }, { name: "validation false", mutate: (p: P) => { p.enableLogFileValidation = false; }, property: "enableLogFileValidation" }],
    unknowns: [{ name: "flag unknown", mutate: (p: P) => { p.enableLogFileValidation = UNKNOWN_BOOLEAN; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(cloudtrailCwl), severity: "medium", types: [TRAIL], baseline: trail,
    violations: [{ name: "no log group", mutate: (p: P) => { delete p.cloudWatchLogsGroupArn; }, property: "cloudWatchLogsGroupArn" }, { name: "no role", mutate: (p: P) => { delete p.cloudWatchLogsRoleArn; }, property: "cloudWatchLogsRoleArn" }],
    unknowns: [{ name: "ARNs of same-stack resources unknown", mutate: (p: P) => { p.cloudWatchLogsGroupArn = UNKNOWN_STRING; p.cloudWatchLogsRoleArn = UNKNOWN_STRING; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(eksControlPlane), severity: "high", types: ["aws:eks/cluster:Cluster"],
    baseline: { roleArn: "arn:r", vpcConfig: { subnetIds: ["s"] }, enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"] },
    violations: [
        { name: "no log types (@pulumi/eks default)", mutate: (p: P) => { delete p.enabledClusterLogTypes; }, property: "enabledClusterLogTypes" },
        { name: "audit missing", mutate: (p: P) => { p.enabledClusterLogTypes = ["api"]; }, property: "enabledClusterLogTypes" },
    ],
    unknowns: [{ name: "list unknown", mutate: (p: P) => { p.enabledClusterLogTypes = UNKNOWN_ARRAY; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(auroraCwExports), severity: "medium", types: ["aws:rds/cluster:Cluster"],
    baseline: { engine: "aurora-postgresql", enabledCloudwatchLogsExports: ["postgresql"] },
    compliant: [{ name: "non-Aurora engine is not applicable", mutate: (p: P) => { p.engine = "postgres"; delete p.enabledCloudwatchLogsExports; } }],
    violations: [
        { name: "PG exports omitted", mutate: (p: P) => { delete p.enabledCloudwatchLogsExports; }, property: "enabledCloudwatchLogsExports" },
        { name: "MySQL without audit", mutate: (p: P) => { p.engine = "aurora-mysql"; p.enabledCloudwatchLogsExports = ["error", "general", "slowquery"]; }, property: "enabledCloudwatchLogsExports" },
    ],
    unknowns: [{ name: "exports unknown", mutate: (p: P) => { p.enabledCloudwatchLogsExports = UNKNOWN_ARRAY; } }],
});

const CI = "aws:rds/clusterInstance:ClusterInstance";
describeResourcePolicy({
    policy: resourcePolicy(rdsEnhancedMonitoring), severity: "low", types: [CI, "aws:rds/instance:Instance"],
    baseline: { engine: "aurora-postgresql", instanceClass: "db.r6g.large", monitoringInterval: 60, monitoringRoleArn: "arn:aws:iam::1:role/em" },
    compliant: [{ name: "Aurora cluster level is not applicable", type: "aws:rds/cluster:Cluster", mutate: (p: P) => { delete p.monitoringInterval; } }],
    violations: [
        { name: "interval omitted", mutate: (p: P) => { delete p.monitoringInterval; }, property: "monitoringInterval" },
        { name: "interval 0", mutate: (p: P) => { p.monitoringInterval = 0; }, property: "monitoringInterval" },
        { name: "role missing", mutate: (p: P) => { delete p.monitoringRoleArn; }, property: "monitoringRoleArn" },
    ],
    unknowns: [{ name: "role unknown", mutate: (p: P) => { p.monitoringRoleArn = UNKNOWN_STRING; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(rdsPerformanceInsights), severity: "low", types: [CI, "aws:rds/instance:Instance"],
    baseline: { engine: "aurora-postgresql", performanceInsightsEnabled: true },
    violations: [{ name: "PI omitted", mutate: (p: P) => { delete p.performanceInsightsEnabled; }, property: "performanceInsightsEnabled" }, { name: "Multi-AZ DB cluster without PI", type: "aws:rds/cluster:Cluster", mutate: (p: P) => { p.engine = "postgres"; p.performanceInsightsEnabled = false; }, property: "performanceInsightsEnabled" }],
    unknowns: [{ name: "flag unknown", mutate: (p: P) => { p.performanceInsightsEnabled = UNKNOWN_BOOLEAN; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(elasticacheLogs), severity: "low", types: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    baseline: { description: "r", logDeliveryConfigurations: [{ logType: "slow-log", destination: "g", destinationType: "cloudwatch-logs", logFormat: "json" }, { logType: "engine-log", destination: "g", destinationType: "cloudwatch-logs", logFormat: "json" }] },
    violations: [{ name: "engine-log missing", mutate: (p: P) => { p.logDeliveryConfigurations.pop(); }, property: "logDeliveryConfigurations" }, { name: "none", mutate: (p: P) => { delete p.logDeliveryConfigurations; }, property: "logDeliveryConfigurations" }],
    unknowns: [{ name: "list unknown", mutate: (p: P) => { p.logDeliveryConfigurations = UNKNOWN_ARRAY; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(lbAccessLogs), severity: "medium", types: ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"],
    baseline: { accessLogs: { enabled: true, bucket: "alb-logs", prefix: "web" } },
    violations: [
        { name: "no accessLogs", mutate: (p: P) => { delete p.accessLogs; }, property: "accessLogs.enabled" },
        { name: "disabled", mutate: (p: P) => { p.accessLogs.enabled = false; }, property: "accessLogs.enabled" },
        { name: "no bucket", mutate: (p: P) => { delete p.accessLogs.bucket; }, property: "accessLogs.bucket" },
    ],
    unknowns: [{ name: "bucket unknown", mutate: (p: P) => { p.accessLogs.bucket = UNKNOWN_STRING; } }, { name: "block unknown", mutate: (p: P) => { p.accessLogs = UNKNOWN_OBJECT; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(wafMetrics), severity: "low", types: ["aws:wafv2/webAcl:WebAcl"],
    baseline: { scope: "REGIONAL", visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "acl", sampledRequestsEnabled: true }, rules: [{ name: "r", visibilityConfig: { cloudwatchMetricsEnabled: true } }] },
    violations: [{ name: "ACL metrics off", mutate: (p: P) => { p.visibilityConfig.cloudwatchMetricsEnabled = false; }, property: "visibilityConfig.cloudwatchMetricsEnabled" }, { name: "rule metrics off", mutate: (p: P) => { p.rules[0].visibilityConfig.cloudwatchMetricsEnabled = false; }, property: "rules[0].visibilityConfig.cloudwatchMetricsEnabled" }],
    unknowns: [{ name: "flag unknown", mutate: (p: P) => { p.visibilityConfig.cloudwatchMetricsEnabled = UNKNOWN_BOOLEAN; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(logGroupRetention), severity: "medium", types: ["aws:cloudwatch/logGroup:LogGroup"],
    baseline: { name: "/platform/app", retentionInDays: 30 },
    compliant: [{ name: "audit group kept a year", mutate: (p: P) => { p.name = "/platform/cloudtrail"; p.retentionInDays = 365; } }, { name: "never expire", mutate: (p: P) => { p.name = "/platform/cloudtrail"; p.retentionInDays = 0; } }],
    violations: [{ name: "no retention", mutate: (p: P) => { delete p.retentionInDays; }, property: "retentionInDays" }, { name: "audit group kept 90 days", mutate: (p: P) => { p.name = "/platform/cloudtrail"; p.retentionInDays = 90; }, property: "retentionInDays" }],
    unknowns: [{ name: "retention unknown", mutate: (p: P) => { p.retentionInDays = UNKNOWN_STRING; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(alarmActions), severity: "low", types: ["aws:cloudwatch/metricAlarm:MetricAlarm"],
    baseline: { comparisonOperator: "GreaterThanThreshold", evaluationPeriods: 1, alarmActions: ["arn:aws:sns:us-east-1:1:alerts"] },
    violations: [{ name: "no actions", mutate: (p: P) => { delete p.alarmActions; }, property: "alarmActions" }, { name: "actions disabled", mutate: (p: P) => { p.actionsEnabled = false; }, property: "actionsEnabled" }],
    unknowns: [{ name: "actions unknown", mutate: (p: P) => { p.alarmActions = UNKNOWN_ARRAY; } }, { name: "topic ARN unknown", mutate: (p: P) => { p.alarmActions = [UNKNOWN_STRING]; } }],
});

const RECORDER = "aws:cfg/recorder:Recorder";
describeResourcePolicy({
    policy: resourcePolicy(configRecorder), severity: "medium", types: [RECORDER],
    baseline: { name: "platform-prod-config", roleArn: "arn:aws:iam::1:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig", recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } },
    compliant: [
        { name: "no recording group (AWS records all supported types)", mutate: (p: P) => { delete p.recordingGroup; } },
        { name: "global types recorded in another Region", mutate: (p: P) => { p.recordingGroup.includeGlobalResourceTypes = false; } },
    ],
    violations: [
        { name: "selected types only", mutate: (p: P) => { p.recordingGroup = { allSupported: false, resourceTypes: ["AWS::S3::Bucket"] }; }, property: "recordingGroup.allSupported" },
        { name: "allSupported omitted in a group", mutate: (p: P) => { p.recordingGroup = { includeGlobalResourceTypes: true }; }, property: "recordingGroup.allSupported" },
        { name: "types excluded", mutate: (p: P) => { p.recordingGroup = { allSupported: true, exclusionByResourceTypes: [{ resourceTypes: ["AWS::EC2::NetworkInterface"] }] }; }, property: "recordingGroup.exclusionByResourceTypes" },
    ],
    unknowns: [
        { name: "recording group unknown", mutate: (p: P) => { p.recordingGroup = UNKNOWN_OBJECT; } },
        { name: "allSupported unknown", mutate: (p: P) => { p.recordingGroup.allSupported = UNKNOWN_BOOLEAN; } },
    ],
});

describeResourcePolicy({
    policy: resourcePolicy(configRecorder), severity: "medium", types: ["aws:cfg/recorderStatus:RecorderStatus"],
    baseline: { name: "platform-prod-config", isEnabled: true },
    violations: [
        { name: "recorder stopped", mutate: (p: P) => { p.isEnabled = false; }, property: "isEnabled" },
        { name: "isEnabled omitted (the provider's default is false)", mutate: (p: P) => { delete p.isEnabled; }, property: "isEnabled" },
    ],
    unknowns: [{ name: "isEnabled unknown", mutate: (p: P) => { p.isEnabled = UNKNOWN_BOOLEAN; } }],
});
