import { beforeAll, describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { FAKE_ACCOUNT_ID } from "../../tools/offline/fakeCloud";
import { StackRunResult, policyDocument, runStack } from "../support/stackRun";

/** Expected operations values per stack, written out from Pulumi.<stack>.yaml. */
export interface OperationsExpectations {
    readonly stack: "dev" | "prod";
    readonly prefix: string;
    readonly natZones: readonly string[];
    readonly emails: readonly string[];
    readonly httpsEndpoints: readonly string[];
    readonly accessLogLifecycle: { readonly transitionToInfrequentAccessDays: number; readonly expirationDays: number };
    readonly cloudTrailDataEvents: boolean;
    readonly prometheus: boolean;
    readonly budget: { readonly limit: string; readonly actual: readonly number[]; readonly forecast: readonly number[]; readonly emails: readonly string[] };
    /** Undefined: the stack has no anomaly subscription (a consumer that names no monitor). */
    readonly anomalyThresholdUsd: number | undefined;
    /** platform:account.baseline: the owner has the account trail (CIS filters, data events) and the anomaly monitor. */
    readonly baseline: "owner" | "consumer";
    /** Data-tier alarms: the Aurora readers, DynamoDB tables and cache nodes of the stack file. */
    readonly dataAlarms: readonly string[];
    /** The data tier's application buckets that log into the home sink (replicas log into the replica region's). */
    readonly dataBuckets: readonly string[];
    readonly replicaBuckets: readonly string[];
    readonly protect: boolean;
    readonly retainOnDelete: boolean;
}

export const O = {
    accessLogs: "platform:operations:AccessLogs",
    observability: "platform:operations:Observability",
    costControls: "platform:operations:CostControls",
    bucket: "aws:s3/bucket:Bucket",
    sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    bucketLogging: "aws:s3/bucketLogging:BucketLogging",
    trail: "aws:cloudtrail/trail:Trail",
    key: "aws:kms/key:Key",
    topic: "aws:sns/topic:Topic",
    topicPolicy: "aws:sns/topicPolicy:TopicPolicy",
    subscription: "aws:sns/topicSubscription:TopicSubscription",
    alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    filter: "aws:cloudwatch/logMetricFilter:LogMetricFilter",
    dashboard: "aws:cloudwatch/dashboard:Dashboard",
    workspace: "aws:amp/workspace:Workspace",
    budget: "aws:budgets/budget:Budget",
    monitor: "aws:costexplorer/anomalyMonitor:AnomalyMonitor",
    anomalySubscription: "aws:costexplorer/anomalySubscription:AnomalySubscription",
} as const;

type Statement = Record<string, unknown>;

export function describeOperations(expected: OperationsExpectations): void {
    const { stack, prefix } = expected;

    describe(`operations (${stack})`, () => {
        let result: StackRunResult;
        beforeAll(async () => {
            result = await runStack(stack);
        });
        const get = (type: string, name: string): RecordedResource => result.get(type, name);
        const provider = (name: string): string => result.get("pulumi:providers:aws", name).urn;
        const topicArn = (): unknown => get(O.topic, "alarms").outputs.arn;
        const alarm = (name: string): RecordedResource => get(O.alarm, name);
        const bySid = (statements: Statement[], sid: string): Statement => statements.find((s: Statement) => s.Sid === sid) ?? (() => { throw new Error(`no ${sid}`); })();

        describe("access-log bucket: the only log sink", () => {
            it("private, ACLs disabled, SSE-S3 (what S3 access-log delivery supports), versioned, lifecycle from config", () => {
                expect(get(O.pab, "access-logs").inputs).toMatchObject({ blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
                expect(get(O.ownership, "access-logs").inputs.rule).toEqual({ objectOwnership: "BucketOwnerEnforced" });
                expect(get(O.sse, "access-logs").inputs.rules).toEqual([{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]);
                expect(get(O.versioning, "access-logs").inputs.versioningConfiguration).toEqual({ status: "Enabled" });
                expect((get(O.lifecycle, "access-logs").inputs.rules as Statement[])[0]).toMatchObject({
                    status: "Enabled",
                    transitions: [{ days: expected.accessLogLifecycle.transitionToInfrequentAccessDays, storageClass: "STANDARD_IA" }],
                    expiration: { days: expected.accessLogLifecycle.expirationDays },
                });
            });
            it(`protect=${expected.protect}, retainOnDelete=${expected.retainOnDelete}; a child of platform:operations:AccessLogs`, () => {
                const bucket: RecordedResource = get(O.bucket, "access-logs");
                expect(bucket.protect).toBe(expected.protect);
                expect(bucket.retainOnDelete).toBe(expected.retainOnDelete);
                expect(bucket.parent).toBe(get(O.accessLogs, "access-logs").urn);
                expect(bucket.provider).toBe(provider("regional"));
            });
            it("TLS-only; S3 log delivery only from this account, only under s3/", () => {
                const statements = policyDocument(get(O.bucketPolicy, "access-logs").inputs.policy).Statement;
                expect(bySid(statements, "DenyInsecureTransport")).toMatchObject({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } });
                expect(bySid(statements, "AllowS3ServerAccessLogDelivery")).toEqual({
                    Sid: "AllowS3ServerAccessLogDelivery", Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject",
                    Resource: `${String(get(O.bucket, "access-logs").outputs.arn)}/s3/*`, Condition: { StringEquals: { "aws:SourceAccount": FAKE_ACCOUNT_ID } },
                });
                expect(statements.map((s: Statement) => s.Sid)).not.toContain("AllowCloudFrontLogDelivery");
            });
            it("receives the access logs of the CloudTrail, static-assets and application buckets, and logs nowhere itself", () => {
                const target = get(O.bucket, "access-logs").outputs.id;
                const home: RecordedResource[] = result.ofType(O.bucketLogging).filter((l) => l.inputs.targetBucket === target);
                expect(home.map((l) => [l.inputs.bucket, l.inputs.targetPrefix]).sort()).toEqual([
                    ...(expected.baseline === "owner" ? [[get(O.bucket, "cloudtrail").outputs.id, "s3/cloudtrail/"]] : []),
                    [get(O.bucket, "static-assets").outputs.id, "s3/static-assets/"],
                    ...expected.dataBuckets.map((name: string) => [get(O.bucket, `bucket-${name}`).outputs.id, `s3/data/${name}/`]),
                ].sort());
                expect(result.ofType(O.bucketLogging).some((l) => l.inputs.bucket === target)).toBe(false);
            });

            it("replica buckets log into a sink in their own region (S3 delivers access logs within a region only)", () => {
                const sinks: RecordedResource[] = result.ofType(O.bucket).filter((b) => b.name === "access-logs-replica");
                expect(sinks).toHaveLength(expected.replicaBuckets.length > 0 ? 1 : 0);
                for (const name of expected.replicaBuckets) {
                    const logging: RecordedResource = result.ofType(O.bucketLogging).find((l) => l.inputs.bucket === get(O.bucket, `bucket-${name}-replica`).outputs.id)!;
                    expect(logging.inputs).toMatchObject({ targetBucket: sinks[0].outputs.id, targetPrefix: `s3/data/${name}-replica/` });
                    expect(logging.provider).toBe(get(O.bucket, `bucket-${name}-replica`).provider);
                }
            });
            it(`CloudTrail S3 data events on the audit bucket: ${expected.cloudTrailDataEvents ? "reads and deletions" : "off"}`, () => {
                if (expected.baseline === "consumer") {
                    expect(result.ofType(O.trail), "the account trail is the baseline owner's").toEqual([]);
                    return;
                }
                const selectors = get(O.trail, "audit").inputs.advancedEventSelectors as Statement[] | undefined;
                if (!expected.cloudTrailDataEvents) {
                    expect(selectors).toBeUndefined();
                    return;
                }
                const objects = `${String(get(O.bucket, "cloudtrail").outputs.arn)}/`;
                expect(selectors).toEqual([
                    { name: "Management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
                    { name: "Audit bucket reads", fieldSelectors: [
                        { field: "eventCategory", equals: ["Data"] }, { field: "resources.type", equals: ["AWS::S3::Object"] },
                        { field: "readOnly", equals: ["true"] }, { field: "resources.ARN", startsWiths: [objects] },
                    ] },
                    { name: "Audit bucket deletions", fieldSelectors: [
                        { field: "eventCategory", equals: ["Data"] }, { field: "resources.type", equals: ["AWS::S3::Object"] },
                        { field: "eventName", equals: ["DeleteObject", "DeleteObjects"] }, { field: "resources.ARN", startsWiths: [objects] },
                    ] },
                ]);
            });
        });

        describe("alarm topic", () => {
            it("encrypted with the operations key, which lets CloudWatch, Budgets and Cost Anomaly Detection of this account publish", () => {
                const key: RecordedResource = get(O.key, "alarms");
                expect(get(O.topic, "alarms").inputs).toMatchObject({ name: `${prefix}-alarms`, kmsMasterKeyId: key.outputs.arn });
                expect(key.inputs).toMatchObject({ enableKeyRotation: true });
                expect(key.protect).toBe(expected.protect);
                // One statement per publisher, each from its row in KEY_USERS / SERVICE_PRINCIPALS.
                for (const [sid, service] of [["AllowCloudwatchPublish", "cloudwatch"], ["AllowBudgetsPublish", "budgets"], ["AllowCostalertsPublish", "costalerts"]]) {
                    expect(bySid(policyDocument(key.inputs.policy).Statement, sid)).toEqual({
                        Sid: sid, Effect: "Allow",
                        Principal: { Service: `${service}.amazonaws.com` },
                        Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: "*", Condition: { StringEquals: { "aws:SourceAccount": FAKE_ACCOUNT_ID } },
                    });
                }
            });
            it("TLS-only topic policy; publishers pinned to this account", () => {
                const statements = policyDocument(get(O.topicPolicy, "alarms").inputs.policy).Statement;
                expect(get(O.topicPolicy, "alarms").inputs.arn).toBe(topicArn());
                expect(bySid(statements, "DenyInsecureTransport")).toEqual({
                    Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "sns:Publish", Resource: topicArn(), Condition: { Bool: { "aws:SecureTransport": "false" } },
                });
                expect(bySid(statements, "AllowAlarmPublishers").Condition).toEqual({ StringEquals: { "aws:SourceAccount": FAKE_ACCOUNT_ID } });
            });
            it("one subscription per configured e-mail address and HTTPS endpoint", () => {
                // The integration layer's topics have subscriptions of their own.
                const subscriptions = result.ofType(O.subscription).filter((s) => s.urn.includes(O.observability)).map((s) => [s.inputs.protocol, s.inputs.endpoint, s.inputs.topic]);
                expect(subscriptions.sort()).toEqual([
                    ...expected.emails.map((email: string) => ["email", email, topicArn()]),
                    ...expected.httpsEndpoints.map((url: string) => ["https", url, topicArn()]),
                ].sort());
            });
            it("the stack runs in us-east-1, so the edge alarms, the budget and anomaly detection share the one topic", () => {
                expect(result.ofType(O.topic).filter((t) => t.urn.includes(O.observability))).toHaveLength(1);
                expect((result.run.stackOutputs.operations as Record<string, unknown>).edgeAlarmTopicArn).toBe(topicArn());
            });
        });

        describe("alarms", () => {
            const notifies = (resource: RecordedResource): void => {
                expect(resource.inputs).toMatchObject({ actionsEnabled: true, alarmActions: [topicArn()], okActions: [topicArn()] });
            };
            it("CloudFront 5xx rate: average over two 5-minute periods at or above 5%, in us-east-1", () => {
                const a: RecordedResource = alarm("cloudfront-5xx-rate");
                expect(a.inputs).toMatchObject({
                    name: `${prefix}-cloudfront-5xx-rate`, namespace: "AWS/CloudFront", metricName: "5xxErrorRate", statistic: "Average", period: 300,
                    threshold: 5, comparisonOperator: "GreaterThanOrEqualToThreshold", evaluationPeriods: 2, datapointsToAlarm: 2, treatMissingData: "notBreaching",
                    dimensions: { DistributionId: get("aws:cloudfront/distribution:Distribution", "edge").outputs.id, Region: "Global" },
                });
                expect(a.provider).toBe(provider("global-edge"));
                notifies(a);
            });
            it("WAF blocked-request spike on the CLOUDFRONT web ACL, in us-east-1", () => {
                const a: RecordedResource = alarm("waf-blocked-spike");
                expect(a.inputs).toMatchObject({
                    namespace: "AWS/WAFV2", metricName: "BlockedRequests", statistic: "Sum", period: 300, threshold: 1000,
                    dimensions: { WebACL: `${prefix}-cloudfront`, Rule: "ALL" },
                });
                expect(a.provider).toBe(provider("global-edge"));
                notifies(a);
            });
            it("NAT gateway port-allocation errors, one alarm per NAT gateway (named by zone)", () => {
                const nats: RecordedResource[] = result.ofType("aws:ec2/natGateway:NatGateway");
                expect(nats.map((n) => n.name).sort()).toEqual(expected.natZones.map((zone: string) => `nat-${zone}`));
                for (const zone of expected.natZones) {
                    const a: RecordedResource = alarm(`nat-port-allocation-${zone}`);
                    expect(a.inputs).toMatchObject({
                        namespace: "AWS/NATGateway", metricName: "ErrorPortAllocation", statistic: "Sum", threshold: 1,
                        dimensions: { NatGatewayId: get("aws:ec2/natGateway:NatGateway", `nat-${zone}`).outputs.id },
                    });
                    expect(a.provider).toBe(provider("regional"));
                    notifies(a);
                }
            });
            it("EKS control-plane errors through a metric filter on /aws/eks/<cluster>/cluster", () => {
                const filter: RecordedResource = get(O.filter, "eks-control-plane-errors");
                expect(filter.inputs).toMatchObject({
                    logGroupName: `/aws/eks/${prefix}-eks/cluster`, pattern: "{ $.responseStatus.code >= 500 }",
                    metricTransformation: { name: "ControlPlaneServerErrors", namespace: `Platform/${prefix}/EKS`, value: "1", defaultValue: "0" },
                });
                expect(filter.inputs.logGroupName).toBe(get("aws:cloudwatch/logGroup:LogGroup", "eks-control-plane").outputs.name);
                const a: RecordedResource = alarm("eks-control-plane-errors");
                expect(a.inputs).toMatchObject({ namespace: `Platform/${prefix}/EKS`, metricName: "ControlPlaneServerErrors", statistic: "Sum", threshold: 10 });
                expect(a.dependencies).toContain(filter.urn);
                notifies(a);
            });
            it.each([
                ["unauthorized-api-calls", "AccessDenied*"],
                ["root-account-usage", "$.userIdentity.type = \"Root\""],
                ["iam-policy-changes", "($.eventName = PutRolePolicy)"],
                ["security-group-changes", "($.eventName = AuthorizeSecurityGroupIngress)"],
            ])("CIS %s: metric filter on the CloudTrail log group and an alarm on one event (the owner's: the account trail is there)", (name: string, fragment: string) => {
                if (expected.baseline === "consumer") {
                    expect(result.ofType(O.filter).filter((f) => f.name === `cis-${name}`)).toEqual([]);
                    expect(result.ofType(O.alarm).filter((a) => a.name === `cis-${name}`)).toEqual([]);
                    return;
                }
                const filter: RecordedResource = get(O.filter, `cis-${name}`);
                expect(filter.inputs.logGroupName).toBe(get("aws:cloudwatch/logGroup:LogGroup", "cloudtrail").outputs.name);
                expect(String(filter.inputs.pattern)).toContain(fragment);
                expect(filter.inputs.metricTransformation).toEqual({ name: `${prefix}-${name}`, namespace: "CISBenchmark", value: "1", defaultValue: "0" });
                const a: RecordedResource = alarm(`cis-${name}`);
                expect(a.inputs).toMatchObject({ namespace: "CISBenchmark", metricName: `${prefix}-${name}`, statistic: "Sum", threshold: 1, comparisonOperator: "GreaterThanOrEqualToThreshold" });
                notifies(a);
            });
            it("alarms on the data tier the stack deploys: Aurora (per reader), DynamoDB (per table), the cache (per node)", () => {
                const names: string[] = result.ofType(O.alarm).map((a) => a.name);
                expect(names.filter((n: string) => /^(aurora|dynamodb|cache)-/.test(n)).sort()).toEqual([...expected.dataAlarms].sort());
                expect(names).toHaveLength(2 + expected.natZones.length + 1 + (expected.baseline === "owner" ? 4 : 0) + expected.dataAlarms.length);
            });
        });

        describe("dashboard and Prometheus", () => {
            it("a platform dashboard with an alarm panel over every alarm and the edge graphs read from us-east-1", () => {
                const body = JSON.parse(String(get(O.dashboard, "platform").inputs.dashboardBody)) as { widgets: Statement[] };
                expect(get(O.dashboard, "platform").inputs.dashboardName).toBe(`${prefix}-platform`);
                const status = body.widgets[0] as { type: string; properties: { alarms: unknown[] } };
                expect(status.type).toBe("alarm");
                expect([...status.properties.alarms].sort()).toEqual(result.ofType(O.alarm).map((a) => a.outputs.arn).sort());
                const cloudFront = body.widgets.find((w) => JSON.stringify(w).includes("5xxErrorRate")) as { properties: { region: string } };
                expect(cloudFront.properties.region).toBe("us-east-1");
            });
            it(`Prometheus workspace: ${expected.prometheus ? "encrypted with the operations key" : "off"}`, () => {
                if (!expected.prometheus) {
                    expect(result.ofType(O.workspace)).toEqual([]);
                    return;
                }
                expect(get(O.workspace, "platform").inputs).toMatchObject({ alias: `${prefix}-prometheus`, kmsKeyArn: get(O.key, "alarms").outputs.arn });
                const via = bySid(policyDocument(get(O.key, "alarms").inputs.policy).Statement, "AllowPrometheusUse");
                expect(via.Condition).toEqual({ StringEquals: { "kms:CallerAccount": FAKE_ACCOUNT_ID, "kms:ViaService": ["aps.us-east-1.amazonaws.com"] } });
            });
        });

        describe("cost controls", () => {
            it("a monthly cost budget notifying the topic and the e-mails on actual and forecast thresholds", () => {
                const budget: RecordedResource = get(O.budget, "monthly");
                expect(budget.inputs).toMatchObject({ name: `${prefix}-monthly`, budgetType: "COST", limitAmount: expected.budget.limit, limitUnit: "USD", timeUnit: "MONTHLY" });
                const notifications = budget.inputs.notifications as Statement[];
                expect(notifications.map((n) => [n.notificationType, n.threshold])).toEqual([
                    ...expected.budget.actual.map((t: number) => ["ACTUAL", t]),
                    ...expected.budget.forecast.map((t: number) => ["FORECASTED", t]),
                ]);
                for (const notification of notifications) {
                    expect(notification).toMatchObject({ comparisonOperator: "GREATER_THAN", thresholdType: "PERCENTAGE", subscriberSnsTopicArns: [topicArn()], subscriberEmailAddresses: expected.budget.emails });
                }
                expect(budget.provider).toBe(provider("global-edge"));
            });
            it("the account's AWS services anomaly monitor (owner only, in the account baseline) and an immediate SNS subscription above the configured impact", () => {
                if (expected.anomalyThresholdUsd === undefined) {
                    expect(result.ofType(O.monitor)).toEqual([]);
                    expect(result.ofType(O.anomalySubscription)).toEqual([]);
                    return;
                }
                const monitor: RecordedResource = get(O.monitor, "services");
                expect(monitor.parent).toBe(get("platform:account:AccountBaseline", "account").urn);
                expect(monitor.inputs).toMatchObject({ monitorType: "DIMENSIONAL", monitorDimension: "SERVICE" });
                expect(get(O.anomalySubscription, "services").inputs).toMatchObject({
                    frequency: "IMMEDIATE", monitorArnLists: [monitor.outputs.arn], subscribers: [{ type: "SNS", address: topicArn() }],
                    thresholdExpression: { dimension: { key: "ANOMALY_TOTAL_IMPACT_ABSOLUTE", matchOptions: ["GREATER_THAN_OR_EQUAL"], values: [String(expected.anomalyThresholdUsd)] } },
                });
            });
        });
    });
}
