import { beforeAll, describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { FAKE_ACCOUNT_ID } from "../../tools/offline/fakeCloud";
import { policies } from "../../policy/policies";
import { PolicyReport, evaluatePack } from "../../tools/preview/policy";
import { StackRunResult, policyDocument, runStack } from "../support/stackRun";
import { expectOnlyPendingLogDeliveryFindings } from "../support/pendingPolicy";

/**
 * Assertions shared by the dev and prod integration tests. Expected values are written out per
 * stack (from Pulumi.<stack>.yaml), not re-derived from the program's config.
 */
export interface QueueExpectation {
    readonly slug: string;
    readonly physicalName: string;
    readonly dlqName: string;
    readonly fifo: boolean;
    readonly visibilityTimeoutSeconds: number;
    readonly maxReceiveCount: number;
    /** Logical names of functions whose roles may send, then extra role ARNs. */
    readonly producerFunctions: readonly string[];
    /** State machines whose definitions send to the queue (${queueUrl:...}). */
    readonly producerStateMachines?: readonly string[];
    readonly producerRules: readonly { readonly name: string; readonly onDefaultBus: boolean }[];
    readonly producerTopics: readonly string[];
    readonly consumers: readonly string[];
}

export interface FunctionExpectation {
    readonly name: string;
    readonly code: { readonly runtime: string; readonly handler: string; readonly s3Key: string } | { readonly imageUri: string };
    readonly timeoutSeconds: number;
    readonly memoryMb: number;
    /** Undefined: no reservation. */
    readonly reservedConcurrency?: number;
    readonly reachesDataTier: boolean;
    readonly environment?: Record<string, string>;
    /** Sids of the execution role's policy, in order. */
    readonly policySids: readonly string[];
}

export interface RuleExpectation {
    readonly name: string;
    readonly onDefaultBus: boolean;
    readonly schedule?: string;
    readonly targets: readonly { readonly logical: string; readonly kind: "queue" | "function" | "stateMachine"; readonly target: string; readonly retries: number; readonly maxAge: number; readonly messageGroupId?: string }[];
}

export interface IntegrationExpectations {
    readonly stack: "dev" | "prod";
    readonly prefix: string;
    readonly protect: boolean;
    readonly deletionProtection: boolean;
    readonly keyDeletionWindowDays: number;
    readonly logRetentionDays: number;
    readonly archiveRetentionDays: number;
    readonly queues: readonly QueueExpectation[];
    readonly topics: readonly { readonly name: string; readonly publishers: readonly string[]; readonly publisherStateMachines?: readonly string[]; readonly subscriptions: readonly { readonly name: string; readonly protocol: string; readonly endpoint?: string; readonly queue?: string }[] }[];
    readonly rules: readonly RuleExpectation[];
    readonly functions: readonly FunctionExpectation[];
    readonly stateMachines: readonly { readonly name: string; readonly functions: readonly string[]; readonly queues: readonly string[]; readonly topics: readonly string[] }[];
    readonly api: {
        readonly throttling: { readonly burst: number; readonly rate: number };
        readonly featurePlan: "ESSENTIALS" | "PLUS";
        readonly mfa: "ON" | "OPTIONAL";
        readonly threatProtection?: "ENFORCED" | "AUDIT";
        readonly routes: readonly { readonly slug: string; readonly routeKey: string; readonly integration: string }[];
        readonly vpcLinkListenerArn?: string;
    };
    readonly acceptedAdvisories: readonly string[];
    /** What the function group's egress reaches: the services through NAT (sorted), and whether interface endpoints serve some. */
    readonly functionEgress: { readonly throughNat: readonly string[]; readonly viaEndpoints: boolean };
}

export const I = {
    component: "platform:integration:Integration",
    key: "aws:kms/key:Key",
    queue: "aws:sqs/queue:Queue",
    queuePolicy: "aws:sqs/queuePolicy:QueuePolicy",
    topic: "aws:sns/topic:Topic",
    topicPolicy: "aws:sns/topicPolicy:TopicPolicy",
    subscription: "aws:sns/topicSubscription:TopicSubscription",
    bus: "aws:cloudwatch/eventBus:EventBus",
    archive: "aws:cloudwatch/eventArchive:EventArchive",
    busPolicy: "aws:cloudwatch/eventBusPolicy:EventBusPolicy",
    rule: "aws:cloudwatch/eventRule:EventRule",
    target: "aws:cloudwatch/eventTarget:EventTarget",
    function: "aws:lambda/function:Function",
    permission: "aws:lambda/permission:Permission",
    mapping: "aws:lambda/eventSourceMapping:EventSourceMapping",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    egress: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    stateMachine: "aws:sfn/stateMachine:StateMachine",
    userPool: "aws:cognito/userPool:UserPool",
    client: "aws:cognito/userPoolClient:UserPoolClient",
    api: "aws:apigatewayv2/api:Api",
    stage: "aws:apigatewayv2/stage:Stage",
    authorizer: "aws:apigatewayv2/authorizer:Authorizer",
    route: "aws:apigatewayv2/route:Route",
    integration: "aws:apigatewayv2/integration:Integration",
    vpcLink: "aws:apigatewayv2/vpcLink:VpcLink",
    subnet: "aws:ec2/subnet:Subnet",
} as const;

type Statement = Record<string, unknown>;
const A = FAKE_ACCOUNT_ID;
const R = "us-east-1";

export function describeIntegration(expected: IntegrationExpectations): void {
    const { stack, prefix } = expected;
    const queueArn = (name: string): string => `arn:aws:sqs:${R}:${A}:${name}`;
    const topicArn = (name: string): string => `arn:aws:sns:${R}:${A}:${prefix}-${name}`;
    const functionArn = (name: string): string => `arn:aws:lambda:${R}:${A}:function:${prefix}-${name}`;
    const ruleArn = (name: string, onDefaultBus: boolean): string => `arn:aws:events:${R}:${A}:rule/${onDefaultBus ? "" : `${prefix}-events/`}${prefix}-${name}`;
    const busArn = `arn:aws:events:${R}:${A}:event-bus/${prefix}-events`;

    describe(`integration (${stack})`, () => {
        let result: StackRunResult;
        let report: PolicyReport;
        beforeAll(async () => {
            result = await runStack(stack);
            report = await evaluatePack(policies, result.resources, new Map(result.resources.map((r: RecordedResource) => [r.urn, r])), {});
        });

        const get = (type: string, name: string): RecordedResource => result.get(type, name);
        const statements = (resource: RecordedResource, property = "policy"): Statement[] => policyDocument(resource.inputs[property]).Statement;
        const key = (): RecordedResource => get(I.key, "integration");
        const logsKeyArn = (): unknown => get(I.key, "logs").outputs.arn;
        const roleArn = (name: string): unknown => get(I.role, name).outputs.arn;
        const privateSubnetIds = (): unknown[] => result.all(I.subnet).filter((s) => s.name.startsWith("private-")).map((s) => s.outputs.id).sort();

        it("is one platform:integration:Integration component parenting every resource of the layer on the regional provider", () => {
            const component: RecordedResource = get(I.component, "integration");
            const children: RecordedResource[] = result.resources.filter((r) => r.parent === component.urn);
            expect(children.length).toBeGreaterThan(40);
            expect(children.every((r) => r.provider?.endsWith("::regional"))).toBe(true);
            for (const type of [I.queue, I.topic, I.function, I.stateMachine, I.rule, I.userPool, I.api]) {
                // Other components own some of these types too (Karpenter's queues, the alarm topic).
                const layer: RecordedResource[] = result.all(type).filter((r) => !/platform:(compute|operations|edge|data):/.test(r.urn));
                expect(layer.length, type).toBeGreaterThan(0);
                expect(layer.every((r) => r.parent === component.urn), type).toBe(true);
            }
        });

        describe("key", () => {
            it(`is the layer's own rotating CMK with a ${expected.keyDeletionWindowDays}-day window, ${expected.protect ? "" : "not "}protected`, () => {
                expect(key().inputs).toMatchObject({ enableKeyRotation: true, keyUsage: "ENCRYPT_DECRYPT", deletionWindowInDays: expected.keyDeletionWindowDays });
                expect(key().protect).toBe(expected.protect);
                expect(key().retainOnDelete).toBe(expected.protect);
            });

            it("lets the caller-credential services use it only in this account, through the service, for this stack's resources", () => {
                const byId = new Map(statements(key()).map((s) => [s.Sid, s]));
                for (const [service, contextKey, arn] of [
                    ["sqs", "kms:EncryptionContext:aws:sqs:arn", `arn:aws:sqs:${R}:${A}:${prefix}-*`],
                    ["sns", "kms:EncryptionContext:aws:sns:topicArn", `arn:aws:sns:${R}:${A}:${prefix}-*`],
                    ["lambda", "kms:EncryptionContext:aws:lambda:FunctionArn", `arn:aws:lambda:${R}:${A}:function:${prefix}-*`],
                    ["states", "kms:EncryptionContext:aws:states:stateMachineArn", `arn:aws:states:${R}:${A}:stateMachine:${prefix}-*`],
                ]) {
                    const sid = `Allow${service.charAt(0).toUpperCase()}${service.slice(1)}Use`;
                    expect(byId.get(sid)?.Condition, sid).toEqual({
                        StringEquals: { "kms:CallerAccount": A, "kms:ViaService": [`${service}.${R}.amazonaws.com`] },
                        ArnLike: { [contextKey]: arn },
                    });
                    expect(byId.get(sid)?.Action).not.toContain("kms:CreateGrant");
                }
            });

            it("lets EventBridge use it for this bus and archive (DescribeKey; data keys by the bus encryption context) and EventBridge and SNS encrypt only into this stack's queues", () => {
                const byId = new Map(statements(key()).map((s) => [s.Sid, s]));
                // EventBridge "Authorizing EventBridge to use a customer managed key": DescribeKey without condition.
                expect(byId.get("AllowEventBridgeDescribeKey")).toEqual({
                    Sid: "AllowEventBridgeDescribeKey", Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "kms:DescribeKey", Resource: "*",
                });
                expect(byId.get("AllowEventBridgeBus")).toMatchObject({
                    Principal: { Service: "events.amazonaws.com" }, Action: ["kms:GenerateDataKey", "kms:Decrypt", "kms:ReEncrypt*"],
                    Condition: { StringEquals: { "kms:EncryptionContext:aws:events:event-bus:arn": busArn } },
                });
                const queues = `arn:aws:sqs:${R}:${A}:${prefix}-*`;
                expect(byId.get("AllowEventBridgeRulesIntoQueues")?.Condition).toEqual({ ArnLike: { "kms:EncryptionContext:aws:sqs:arn": queues } });
                expect(byId.get("AllowSnsIntoQueues")?.Condition).toEqual({
                    ArnLike: { "kms:EncryptionContext:aws:sqs:arn": queues },
                    StringEquals: { "aws:SourceAccount": A, "aws:SourceArn": expected.topics.map((t) => topicArn(t.name)) },
                });
            });
        });

        describe("queues", () => {
            for (const q of expected.queues) {
                it(`${q.physicalName}: encrypted with the layer key, redriving to ${q.dlqName} after ${q.maxReceiveCount} receives`, () => {
                    const queue: RecordedResource = get(I.queue, q.slug);
                    const dlq: RecordedResource = get(I.queue, `${q.slug}-dlq`);
                    expect(queue.inputs).toMatchObject({ name: q.physicalName, kmsMasterKeyId: key().outputs.arn, visibilityTimeoutSeconds: q.visibilityTimeoutSeconds });
                    expect(Boolean(queue.inputs.fifoQueue)).toBe(q.fifo);
                    expect(dlq.inputs).toMatchObject({ name: q.dlqName, kmsMasterKeyId: key().outputs.arn, messageRetentionSeconds: 1209600 });
                    expect(Boolean(dlq.inputs.fifoQueue), "a FIFO queue's DLQ is FIFO").toBe(q.fifo);
                    expect(JSON.parse(String(queue.inputs.redrivePolicy))).toEqual({ deadLetterTargetArn: dlq.outputs.arn, maxReceiveCount: q.maxReceiveCount });
                    expect(JSON.parse(String(dlq.inputs.redriveAllowPolicy))).toEqual({ redrivePermission: "byQueue", sourceQueueArns: [queueArn(q.physicalName)] });
                    expect(queue.protect).toBe(expected.protect);
                });

                it(`${q.physicalName}: denies plain HTTP and lets only the named producers send`, () => {
                    const policy: RecordedResource = get(I.queuePolicy, q.slug);
                    expect(policy.inputs.queueUrl).toBe(get(I.queue, q.slug).outputs.id);
                    const byId = new Map(statements(policy).map((s) => [s.Sid, s]));
                    expect(byId.get("DenyInsecureTransport")).toEqual({
                        Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "sqs:*", Resource: queueArn(q.physicalName), Condition: { Bool: { "aws:SecureTransport": "false" } },
                    });
                    const roles: unknown[] = [...q.producerFunctions.map((f) => roleArn(`fn-${f}`)), ...(q.producerStateMachines ?? []).map((m) => roleArn(`sfn-${m}`))];
                    expect(byId.get("AllowNamedRoles")?.Principal).toEqual(roles.length > 0 ? { AWS: roles } : undefined);
                    const rules: string[] = q.producerRules.map((r) => ruleArn(r.name, r.onDefaultBus));
                    expect((byId.get("AllowEventBridgeRules")?.Condition as Record<string, Record<string, unknown>> | undefined)?.ArnEquals["aws:SourceArn"]).toEqual(rules.length > 0 ? rules : undefined);
                    const topics: string[] = q.producerTopics.map(topicArn);
                    expect((byId.get("AllowSnsTopics")?.Condition as Record<string, Record<string, unknown>> | undefined)?.ArnEquals["aws:SourceArn"]).toEqual(topics.length > 0 ? topics : undefined);
                    const deny = byId.get("DenyUnnamedProducers")!;
                    expect(deny).toMatchObject({ Effect: "Deny", Principal: "*", Action: "sqs:SendMessage" });
                    expect(deny.Condition).toEqual({
                        ArnNotEqualsIfExists: {
                            ...(roles.length > 0 ? { "aws:PrincipalArn": roles } : {}),
                            ...(rules.length + topics.length > 0 ? { "aws:SourceArn": [...rules, ...topics] } : {}),
                        },
                    });
                });

                it(`${q.physicalName}: feeds ${q.consumers.join(", ") || "no function"} with partial-batch responses`, () => {
                    const mappings: RecordedResource[] = result.ofType(I.mapping).filter((m) => m.inputs.eventSourceArn === get(I.queue, q.slug).outputs.arn);
                    expect(mappings.map((m) => m.inputs.functionName).sort()).toEqual(q.consumers.map((c) => get(I.function, `fn-${c}`).outputs.arn).sort());
                    for (const mapping of mappings) {
                        expect(mapping.inputs).toMatchObject({ batchSize: 10, functionResponseTypes: ["ReportBatchItemFailures"] });
                    }
                });
            }

            it("puts every queue of the layer (incl. every DLQ) behind the key and a TLS-only policy", () => {
                const layerQueues: RecordedResource[] = result.all(I.queue).filter((q) => !q.name.startsWith("karpenter"));
                for (const queue of layerQueues) {
                    expect(queue.inputs.kmsMasterKeyId, queue.name).toBe(key().outputs.arn);
                    expect(statements(get(I.queuePolicy, queue.name))[0]).toMatchObject({ Sid: "DenyInsecureTransport", Effect: "Deny" });
                }
                expect(layerQueues).toHaveLength(expected.queues.length * 2 + expected.functions.length + expected.topics.length + 1);
            });
        });

        describe("topics", () => {
            for (const t of expected.topics) {
                it(`${prefix}-${t.name}: encrypted, TLS-only, published to only by ${t.publishers.join(", ")}`, () => {
                    const topic: RecordedResource = get(I.topic, `topic-${t.name}`);
                    expect(topic.inputs).toMatchObject({ name: `${prefix}-${t.name}`, kmsMasterKeyId: key().outputs.arn });
                    const policy: RecordedResource = get(I.topicPolicy, `topic-${t.name}`);
                    expect(policy.inputs.arn).toBe(topic.outputs.arn);
                    const [deny, allow, others] = statements(policy);
                    expect(deny).toMatchObject({ Effect: "Deny", Principal: "*", Action: "sns:Publish", Condition: { Bool: { "aws:SecureTransport": "false" } } });
                    const roles = [...t.publishers.map((p) => roleArn(`fn-${p}`)), ...(t.publisherStateMachines ?? []).map((m) => roleArn(`sfn-${m}`))];
                    expect(allow).toMatchObject({ Sid: "AllowNamedRoles", Principal: { AWS: roles }, Action: "sns:Publish", Resource: topicArn(t.name) });
                    expect(others).toMatchObject({ Sid: "DenyUnnamedProducers", Effect: "Deny", Condition: { ArnNotEqualsIfExists: { "aws:PrincipalArn": roles } } });
                });

                it(`${prefix}-${t.name}: every subscription redrives into the topic's DLQ, which only the topic may fill`, () => {
                    const dlq: RecordedResource = get(I.queue, `topic-${t.name}-dlq`);
                    const subscriptions: RecordedResource[] = result.ofType(I.subscription).filter((s) => s.name.startsWith(`topic-${t.name}-`));
                    expect(subscriptions.map((s) => [s.name, s.inputs.protocol]).sort()).toEqual(t.subscriptions.map((s) => [`topic-${t.name}-${s.name}`, s.protocol]).sort());
                    for (const s of t.subscriptions) {
                        const subscription: RecordedResource = get(I.subscription, `topic-${t.name}-${s.name}`);
                        expect(JSON.parse(String(subscription.inputs.redrivePolicy))).toEqual({ deadLetterTargetArn: dlq.outputs.arn });
                        expect(subscription.inputs.endpoint).toBe(s.queue ? get(I.queue, s.queue).outputs.arn : s.endpoint);
                    }
                    const sns = statements(get(I.queuePolicy, `topic-${t.name}-dlq`)).find((s) => s.Sid === "AllowSnsTopics");
                    expect((sns?.Condition as Record<string, Record<string, unknown>>).ArnEquals["aws:SourceArn"]).toEqual([topicArn(t.name)]);
                });
            }
        });

        describe("event bus", () => {
            it(`is a custom bus encrypted with the layer key, archived for ${expected.archiveRetentionDays} days, writable by this account only`, () => {
                const bus: RecordedResource = get(I.bus, "events");
                expect(bus.inputs).toMatchObject({ name: `${prefix}-events`, kmsKeyIdentifier: key().outputs.arn });
                expect(get(I.archive, "events").inputs).toMatchObject({ eventSourceArn: bus.outputs.arn, retentionDays: expected.archiveRetentionDays, kmsKeyIdentifier: key().outputs.arn });
                expect(statements(get(I.busPolicy, "events"))).toEqual([{
                    Sid: "AllowThisAccountToPutEvents", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "events:PutEvents", Resource: busArn,
                }]);
            });

            for (const rule of expected.rules) {
                it(`rule ${rule.name}: on the ${rule.onDefaultBus ? "default bus (scheduled)" : "custom bus"}, every target with the events DLQ and a retry policy`, () => {
                    const resource: RecordedResource = get(I.rule, `rule-${rule.name}`);
                    expect(resource.inputs.name).toBe(`${prefix}-${rule.name}`);
                    expect(resource.inputs.eventBusName).toBe(rule.onDefaultBus ? undefined : get(I.bus, "events").outputs.name);
                    expect(resource.inputs.scheduleExpression).toBe(rule.schedule);
                    const targets: RecordedResource[] = result.ofType(I.target).filter((t) => t.inputs.rule === resource.outputs.name);
                    expect(targets.map((t) => t.name).sort()).toEqual(rule.targets.map((t) => t.logical).sort());
                    for (const t of rule.targets) {
                        const target: RecordedResource = get(I.target, t.logical);
                        const arnOf = t.kind === "queue" ? get(I.queue, t.target).outputs.arn
                            : t.kind === "function" ? get(I.function, `fn-${t.target}`).outputs.arn : get(I.stateMachine, `sfn-${t.target}`).outputs.arn;
                        expect(target.inputs).toMatchObject({
                            arn: arnOf,
                            deadLetterConfig: { arn: get(I.queue, "events-dlq").outputs.arn },
                            retryPolicy: { maximumRetryAttempts: t.retries, maximumEventAgeInSeconds: t.maxAge },
                        });
                        expect((target.inputs.sqsTarget as Record<string, unknown> | undefined)?.messageGroupId).toBe(t.messageGroupId);
                        if (t.kind === "stateMachine") {
                            expect(target.inputs.roleArn).toBe(roleArn("events-targets"));
                        }
                        if (t.kind === "function") {
                            expect(get(I.permission, t.logical).inputs).toMatchObject({ principal: "events.amazonaws.com", sourceArn: resource.outputs.arn, sourceAccount: A });
                        }
                    }
                });
            }
        });

        describe("functions", () => {
            for (const f of expected.functions) {
                it(`${prefix}-${f.name}: ${"imageUri" in f.code ? "container image" : f.code.runtime}, X-Ray, ${f.reservedConcurrency === undefined ? "no reserved concurrency" : `reserved concurrency ${f.reservedConcurrency}`}, a DLQ and the CMK on its environment`, () => {
                    const fn: RecordedResource = get(I.function, `fn-${f.name}`);
                    expect(fn.inputs).toMatchObject({
                        name: `${prefix}-${f.name}`,
                        role: roleArn(`fn-${f.name}`),
                        timeout: f.timeoutSeconds,
                        memorySize: f.memoryMb,
                        kmsKeyArn: key().outputs.arn,
                        tracingConfig: { mode: "Active" },
                        deadLetterConfig: { targetArn: get(I.queue, `fn-${f.name}-dlq`).outputs.arn },
                        loggingConfig: { logFormat: "JSON", logGroup: `/aws/lambda/${prefix}-${f.name}` },
                    });
                    expect(fn.inputs.reservedConcurrentExecutions).toBe(f.reservedConcurrency);
                    if ("imageUri" in f.code) {
                        expect(fn.inputs).toMatchObject({ packageType: "Image", imageUri: f.code.imageUri });
                        expect(fn.inputs.runtime).toBeUndefined();
                    } else {
                        expect(fn.inputs).toMatchObject({ packageType: "Zip", runtime: f.code.runtime, handler: f.code.handler, s3Key: f.code.s3Key });
                    }
                    expect((fn.inputs.environment as Record<string, unknown> | undefined)?.variables).toEqual(f.environment);
                });

                it(`${prefix}-${f.name}: its dead-letter queue admits the function's own role (Lambda sends failed async events with it)`, () => {
                    const byId = new Map(statements(get(I.queuePolicy, `fn-${f.name}-dlq`)).map((s) => [s.Sid, s]));
                    expect(byId.get("AllowNamedRoles")).toMatchObject({ Principal: { AWS: [roleArn(`fn-${f.name}`)] }, Action: "sqs:SendMessage" });
                    expect(byId.get("DenyUnnamedProducers")?.Condition).toEqual({ ArnNotEqualsIfExists: { "aws:PrincipalArn": [roleArn(`fn-${f.name}`)] } });
                });

                it(`${prefix}-${f.name}: ${f.reachesDataTier ? "runs in the private subnets behind the function security group" : "stays outside the VPC"}`, () => {
                    const vpc = get(I.function, `fn-${f.name}`).inputs.vpcConfig as { subnetIds: unknown[]; securityGroupIds: unknown[] } | undefined;
                    if (!f.reachesDataTier) {
                        expect(vpc).toBeUndefined();
                        return;
                    }
                    expect([...vpc!.subnetIds].sort()).toEqual(privateSubnetIds());
                    expect(vpc!.securityGroupIds).toEqual([get(I.securityGroup, "functions").outputs.id]);
                });

                it(`${prefix}-${f.name}: logs to a pre-created, KMS-encrypted group kept ${expected.logRetentionDays} days`, () => {
                    expect(get(I.logGroup, `fn-${f.name}`).inputs).toMatchObject({
                        name: `/aws/lambda/${prefix}-${f.name}`, retentionInDays: expected.logRetentionDays, kmsKeyId: logsKeyArn(),
                    });
                    expect(get(I.function, `fn-${f.name}`).dependencies).toContain(get(I.logGroup, `fn-${f.name}`).urn);
                });

                it(`${prefix}-${f.name}: its role trusts Lambda (no condition: Lambda documents none for execution roles) and holds exactly the wired statements`, () => {
                    expect(statements(get(I.role, `fn-${f.name}`), "assumeRolePolicy")).toEqual([{
                        Sid: "AllowServiceAssumeRole", Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole",
                    }]);
                    const policy: Statement[] = statements(get(I.rolePolicy, `fn-${f.name}`));
                    expect(policy.map((s) => s.Sid)).toEqual(f.policySids);
                    expect(policy.find((s) => s.Sid === "WriteOwnLogs")?.Resource).toBe(`arn:aws:logs:${R}:${A}:log-group:/aws/lambda/${prefix}-${f.name}:log-stream:*`);
                    expect(policy.find((s) => s.Sid === "UseIntegrationKey")?.Resource).toBe(key().outputs.arn);
                    for (const s of policy.filter((p) => p.Resource === "*")) {
                        expect(s.Sid, "only actions without resource-level permissions on *").toMatch(/^(XRayTraces|DescribeNetwork)$/);
                    }
                });
            }

            it(`the function security group opens no ingress, and egress only on the routes its functions' dependencies take`, () => {
                const reaching = expected.functions.filter((f) => f.reachesDataTier);
                if (reaching.length === 0) {
                    expect(result.ofType(I.securityGroup).find((g) => g.name === "functions")).toBeUndefined();
                    return;
                }
                const group: RecordedResource = get(I.securityGroup, "functions");
                expect(group.inputs.ingress).toBeUndefined();
                expect(result.ofType(I.ingress).filter((r) => r.inputs.securityGroupId === group.outputs.id)).toEqual([]);
                const rules: RecordedResource[] = result.ofType(I.egress).filter((r) => r.inputs.securityGroupId === group.outputs.id);
                const destination = (r: RecordedResource): string => {
                    const inputs = r.inputs as { prefixListId?: string; referencedSecurityGroupId?: string; cidrIpv4?: string };
                    return inputs.prefixListId ? `prefix-list:${inputs.prefixListId}` : inputs.referencedSecurityGroupId ? `group:${inputs.referencedSecurityGroupId}` : `cidr:${String(inputs.cidrIpv4)}`;
                };
                const endpoint = (service: string): RecordedResource => get("aws:ec2/vpcEndpoint:VpcEndpoint", `gateway-${service}`);
                const expectedRules: string[] = [
                    `functions-to-dynamodb 443 prefix-list:${String(endpoint("dynamodb").outputs.prefixListId)}`,
                    ...(expected.functionEgress.viaEndpoints ? [`functions-to-endpoints 443 group:${String(get(I.securityGroup, "interface-endpoints").outputs.id)}`] : []),
                    "functions-to-aws-apis 443 cidr:0.0.0.0/0",
                    `functions-to-aurora 5432 group:${String(get(I.securityGroup, "aurora").outputs.id)}`,
                    `functions-to-cache 6379 group:${String(get(I.securityGroup, "cache").outputs.id)}`,
                ];
                expect(rules.map((r) => `${r.name} ${String(r.inputs.fromPort)} ${destination(r)}`).sort()).toEqual(expectedRules.sort());
                expect(rules.every((r) => r.inputs.ipProtocol === "tcp" && r.inputs.fromPort === r.inputs.toPort)).toBe(true);
                expect(String(get(I.egress, "functions-to-aws-apis").inputs.description)).toContain(expected.functionEgress.throughNat.join(", "));
            });
        });

        describe("state machines", () => {
            for (const m of expected.stateMachines) {
                it(`${prefix}-${m.name}: logs ALL to a KMS-encrypted group, traces, and encrypts with the layer key`, () => {
                    const machine: RecordedResource = get(I.stateMachine, `sfn-${m.name}`);
                    const group: RecordedResource = get(I.logGroup, `sfn-${m.name}`);
                    expect(group.inputs).toMatchObject({ name: `/aws/vendedlogs/states/${prefix}-${m.name}`, kmsKeyId: logsKeyArn(), retentionInDays: expected.logRetentionDays });
                    expect(machine.inputs).toMatchObject({
                        name: `${prefix}-${m.name}`,
                        roleArn: roleArn(`sfn-${m.name}`),
                        loggingConfiguration: { level: "ALL", includeExecutionData: true, logDestination: `${group.outputs.arn as string}:*` },
                        tracingConfiguration: { enabled: true },
                        encryptionConfiguration: { type: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyId: key().outputs.arn, kmsDataKeyReusePeriodSeconds: 300 },
                    });
                    const definition: string = String(machine.inputs.definition);
                    expect(definition).not.toMatch(/\$\{(function|queueUrl|topic):/);
                    for (const f of m.functions) {
                        expect(definition).toContain(functionArn(f));
                    }
                });

                it(`${prefix}-${m.name}: its role may call exactly what the definition references`, () => {
                    const policy: Statement[] = statements(get(I.rolePolicy, `sfn-${m.name}`));
                    const bySid = new Map(policy.map((s) => [s.Sid, s]));
                    expect(bySid.get("InvokeDefinitionFunctions")?.Resource).toEqual(m.functions.length > 0 ? m.functions.flatMap((f) => [functionArn(f), `${functionArn(f)}:*`]) : undefined);
                    expect(bySid.get("SendToDefinitionQueues")?.Resource).toEqual(m.queues.length > 0 ? m.queues.map((q) => queueArn(`${prefix}-${q}`)) : undefined);
                    expect(bySid.get("PublishToDefinitionTopics")?.Resource).toEqual(m.topics.length > 0 ? m.topics.map(topicArn) : undefined);
                    expect(bySid.get("DeliverLogs")).toMatchObject({ Resource: "*" });
                    expect(bySid.get("UseIntegrationKey")?.Resource).toBe(key().outputs.arn);
                    expect(statements(get(I.role, `sfn-${m.name}`), "assumeRolePolicy")[0]).toMatchObject({
                        Principal: { Service: "states.amazonaws.com" },
                        Condition: { StringEquals: { "aws:SourceAccount": A }, ArnLike: { "aws:SourceArn": [`arn:aws:states:${R}:${A}:stateMachine:${prefix}-${m.name}`] } },
                    });
                });
            }
        });

        describe("HTTP API and Cognito", () => {
            it(`the user pool: ${expected.api.featurePlan}, MFA ${expected.api.mfa} with TOTP, strong passwords, threat protection ${expected.api.threatProtection ?? "off"}, deletion protection ${expected.deletionProtection ? "on" : "off"}`, () => {
                const pool: RecordedResource = get(I.userPool, "api-users");
                expect(pool.inputs).toMatchObject({
                    name: `${prefix}-users`,
                    userPoolTier: expected.api.featurePlan,
                    mfaConfiguration: expected.api.mfa,
                    softwareTokenMfaConfiguration: { enabled: true },
                    deletionProtection: expected.deletionProtection ? "ACTIVE" : "INACTIVE",
                    passwordPolicy: { minimumLength: 14, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true, passwordHistorySize: 5 },
                    adminCreateUserConfig: { allowAdminCreateUserOnly: true },
                });
                expect((pool.inputs.userPoolAddOns as Record<string, unknown> | undefined)?.advancedSecurityMode).toBe(expected.api.threatProtection);
                expect(pool.protect).toBe(expected.protect);
            });

            it("the app client has no secret and no password flow", () => {
                expect(get(I.client, "api-client").inputs).toMatchObject({
                    userPoolId: get(I.userPool, "api-users").outputs.id,
                    generateSecret: false,
                    explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
                    preventUserExistenceErrors: "ENABLED",
                });
            });

            it(`the stage logs JSON to a KMS-encrypted group and throttles the default route at ${expected.api.throttling.burst}/${expected.api.throttling.rate}`, () => {
                const group: RecordedResource = get(I.logGroup, "api-access");
                expect(group.inputs).toMatchObject({ kmsKeyId: logsKeyArn(), retentionInDays: expected.logRetentionDays });
                const stage: RecordedResource = get(I.stage, "api");
                const logs = stage.inputs.accessLogSettings as { destinationArn: string; format: string };
                expect(logs.destinationArn).toBe(group.outputs.arn);
                expect(Object.keys(JSON.parse(logs.format))).toEqual(expect.arrayContaining(["requestId", "ip", "routeKey", "status", "principal"]));
                expect(stage.inputs.defaultRouteSettings).toMatchObject({ throttlingBurstLimit: expected.api.throttling.burst, throttlingRateLimit: expected.api.throttling.rate });
            });

            it("every route requires a JWT from the user pool", () => {
                const authorizer: RecordedResource = get(I.authorizer, "api-jwt");
                expect(authorizer.inputs).toMatchObject({
                    authorizerType: "JWT",
                    identitySources: ["$request.header.Authorization"],
                    jwtConfiguration: { audiences: [get(I.client, "api-client").outputs.id], issuer: `https://cognito-idp.${R}.amazonaws.com/${get(I.userPool, "api-users").outputs.id as string}` },
                });
                const routes: RecordedResource[] = result.all(I.route);
                expect(routes.map((r) => r.inputs.routeKey).sort()).toEqual(expected.api.routes.map((r) => r.routeKey).sort());
                for (const route of expected.api.routes) {
                    expect(get(I.route, `api-route-${route.slug}`).inputs).toMatchObject({
                        routeKey: route.routeKey, authorizationType: "JWT", authorizerId: authorizer.outputs.id,
                        target: `integrations/${get(I.integration, route.integration).outputs.id as string}`,
                    });
                }
            });

            it("Lambda routes use proxy integrations that only this API may invoke", () => {
                for (const integration of result.all(I.integration).filter((i) => i.name.startsWith("api-fn-"))) {
                    const fnName: string = integration.name.replace(/^api-fn-/, "");
                    expect(integration.inputs).toMatchObject({ integrationType: "AWS_PROXY", integrationUri: get(I.function, `fn-${fnName}`).outputs.arn, payloadFormatVersion: "2.0" });
                    expect(get(I.permission, `api-invoke-${fnName}`).inputs).toMatchObject({
                        principal: "apigateway.amazonaws.com",
                        sourceArn: `arn:aws:execute-api:${R}:${A}:${get(I.api, "api").outputs.id as string}/*/*`,
                    });
                }
            });

            it(expected.api.vpcLinkListenerArn ? "private routes go through a VPC link in the private subnets to the internal listener" : "creates no VPC link without private routes", () => {
                if (!expected.api.vpcLinkListenerArn) {
                    expect(result.ofType(I.vpcLink)).toEqual([]);
                    return;
                }
                const link: RecordedResource = get(I.vpcLink, "api");
                expect([...(link.inputs.subnetIds as unknown[])].sort()).toEqual(privateSubnetIds());
                expect(link.inputs.securityGroupIds).toEqual([get(I.securityGroup, "api-vpc-link").outputs.id]);
                expect(get(I.integration, "api-private").inputs).toMatchObject({
                    integrationType: "HTTP_PROXY", connectionType: "VPC_LINK", connectionId: link.outputs.id, integrationUri: expected.api.vpcLinkListenerArn,
                });
                const egress: RecordedResource = get(I.egress, "api-vpc-link-egress");
                expect(egress.inputs).toMatchObject({ ipProtocol: "tcp", fromPort: 443, toPort: 443 });
            });
        });

        describe("outputs and policy", () => {
            it("exports the key, bus, queue URLs, topic/function/state machine ARNs, the function SG and the API endpoint", () => {
                const outputs = result.run.stackOutputs.integration as Record<string, unknown>;
                expect(outputs.keyArn).toBe(key().outputs.arn);
                expect(outputs.eventBusName).toBe(get(I.bus, "events").outputs.name);
                expect(Object.keys(outputs.queueUrls as object).sort()).toEqual(expected.queues.map((q) => q.slug === q.physicalName.replace(`${prefix}-`, "") ? q.slug : q.physicalName.replace(`${prefix}-`, "")).sort());
                expect(Object.keys(outputs.functionArns as object).sort()).toEqual(expected.functions.map((f) => f.name).sort());
                expect(Object.keys(outputs.stateMachineArns as object)).toEqual(expected.stateMachines.map((m) => m.name));
                expect(outputs.functionSecurityGroupId).toBe(get(I.securityGroup, "functions").outputs.id);
                expect(outputs.userPoolClientId).toBe(get(I.client, "api-client").outputs.id);
            });

            it("its resources raise no mandatory finding except the pending Step Functions log-delivery statement, and only accepted advisories", () => {
                const component: RecordedResource = get(I.component, "integration");
                const ours = new Set(result.resources.filter((r) => r.parent === component.urn).map((r) => r.urn));
                const findings = report.violations.filter((v) => v.urn !== undefined && ours.has(v.urn));
                expectOnlyPendingLogDeliveryFindings(findings.filter((v) => v.enforcementLevel === "mandatory"));
                expect([...new Set(findings.filter((v) => v.enforcementLevel === "advisory").map((v) => v.policy))].sort()).toEqual([...expected.acceptedAdvisories].sort());
            });
        });
    });
}
