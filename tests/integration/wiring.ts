import { runSimulation } from "@cloud-copilot/iam-simulate";
import { beforeAll, describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { FAKE_ACCOUNT_ID } from "../../tools/offline/fakeCloud";
import { parsePlatformConfig } from "../../infra/config/load";
import { PlatformConfig } from "../../infra/config/platformConfig";
import { namingContext } from "../../infra/platform/naming";
import { KmsCaller, WiringEdge, integrationCallers, kmsCallersOf } from "../../infra/components/integration/callers";
import { PLATFORM_SERVICE_CALLERS, ServiceCallerEntry } from "../../infra/platform/wiring";
import { StackRunResult, policyDocument, runStack, stackConfiguration } from "../support/stackRun";

/**
 * Every call the recorded stack wires into one of its queues, topics or buckets, found by walking the
 * resources that make the wiring (not the config): Lambda dead-letter configs, state machine
 * definitions, EventBridge targets and their dead-letter queues, SNS subscriptions and their redrive
 * queues, alarm actions, budget notifications, anomaly subscriptions, S3 access logging, CloudFront
 * origins, CloudTrail, AWS Config and S3 replication. Each must have an entry in a callers table
 * (components/integration/callers.ts or platform/wiring.ts), and the callee's resource policy
 * (with the role's own identity policy, for role callers) must allow it, evaluated by
 * @cloud-copilot/iam-simulate (a development dependency of the tests only: AGPL-3.0-or-later).
 * A new kind of wiring that this walker does not know is caught by the completeness check at the end.
 */
export interface WiredCall {
    /** What wires the call: "<type> <logical name>: <property>". */
    readonly origin: string;
    readonly calleeKind: "queue" | "topic" | "bucket";
    /** The callee's real ARN (bucket object ARN for object actions). */
    readonly resourceArn: string;
    /** The queue, topic or bucket ARN whose policy decides. */
    readonly calleeArn: string;
    readonly action: string;
    /** A role ARN, or a service principal. */
    readonly principal: string;
    readonly context: Readonly<Record<string, string>>;
}

const T = {
    queue: "aws:sqs/queue:Queue",
    queuePolicy: "aws:sqs/queuePolicy:QueuePolicy",
    topic: "aws:sns/topic:Topic",
    topicPolicy: "aws:sns/topicPolicy:TopicPolicy",
    bucket: "aws:s3/bucket:Bucket",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    fn: "aws:lambda/function:Function",
    stateMachine: "aws:sfn/stateMachine:StateMachine",
    rule: "aws:cloudwatch/eventRule:EventRule",
    target: "aws:cloudwatch/eventTarget:EventTarget",
    subscription: "aws:sns/topicSubscription:TopicSubscription",
    alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    budget: "aws:budgets/budget:Budget",
    anomaly: "aws:costexplorer/anomalySubscription:AnomalySubscription",
    logging: "aws:s3/bucketLogging:BucketLogging",
    distribution: "aws:cloudfront/distribution:Distribution",
    trail: "aws:cloudtrail/trail:Trail",
    configChannel: "aws:cfg/deliveryChannel:DeliveryChannel",
    replication: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    logDestination: "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
} as const;

const A: string = FAKE_ACCOUNT_ID;
const regionOf = (arn: string): string => arn.split(":")[3];

/** The stack's queues by every ARN form the mocks hand out (fake output ARN) and the real one (from the name). */
class Callees {
    private readonly queues = new Map<string, RecordedResource>();
    constructor(private readonly result: StackRunResult) {
        for (const queue of result.ofType(T.queue)) {
            this.queues.set(String(queue.outputs.arn), queue);
            this.queues.set(this.queueArn(queue), queue);
        }
    }

    queueArn(queue: RecordedResource): string {
        return `arn:aws:sqs:${regionOf(String(queue.outputs.arn))}:${A}:${String(queue.inputs.name)}`;
    }

    /** The real ARN of a queue referenced by any of its ARN forms or by URL; throws for an unknown queue. */
    queue(reference: unknown): string {
        const text = String(reference);
        const url = /^https:\/\/sqs\.([a-z0-9-]+)\.amazonaws\.com\/(\d{12})\/(.+)$/.exec(text);
        if (url) {
            return `arn:aws:sqs:${url[1]}:${url[2]}:${url[3]}`;
        }
        const queue: RecordedResource | undefined = this.queues.get(text);
        if (!queue) {
            throw new Error(`wired to a queue the stack does not create: ${text}`);
        }
        return this.queueArn(queue);
    }

    queuePolicyOf(queueArn: string): object | undefined {
        const queue: RecordedResource | undefined = this.queues.get(queueArn);
        const forms = new Set([queueArn, String(queue?.outputs.arn)]);
        const urls = new Set<unknown>([queue?.outputs.id, queue?.outputs.url].filter((u) => u !== undefined));
        const policy = this.result.ofType(T.queuePolicy).find((p) => urls.has(p.inputs.queueUrl)
            || policyDocument(p.inputs.policy).Statement.some((s) => [s.Resource].flat().some((r) => forms.has(String(r)))));
        return policy && rewriteResources(policyDocument(policy.inputs.policy), String(queue?.outputs.arn), queueArn);
    }

    topicPolicyOf(topicArn: string): object | undefined {
        const policy = this.result.ofType(T.topicPolicy).find((p) => p.inputs.arn === topicArn);
        return policy && policyDocument(policy.inputs.policy);
    }

    bucketPolicyOf(bucketArn: string): object | undefined {
        const bucket = this.result.ofType(T.bucket).find((b) => b.outputs.arn === bucketArn);
        const policy = this.result.ofType(T.bucketPolicy).find((p) => p.inputs.bucket === bucket?.outputs.id || p.inputs.bucket === bucket?.outputs.bucket);
        return policy && policyDocument(policy.inputs.policy);
    }

    bucketArnByName(name: unknown): string {
        const bucket = this.result.ofType(T.bucket).find((b) => b.outputs.bucket === name || b.outputs.id === name || b.outputs.arn === name);
        if (!bucket) {
            throw new Error(`wired to a bucket the stack does not create: ${String(name)}`);
        }
        return String(bucket.outputs.arn);
    }
}

/** Policies built from a mock queue ARN (karpenter.ts uses queue.arn) name the same queue by its real ARN here. */
function rewriteResources(doc: { Statement: Array<Record<string, unknown>> }, mockArn: string, realArn: string): object {
    const swap = (r: unknown): unknown => (r === mockArn ? realArn : r);
    return { ...doc, Statement: doc.Statement.map((s) => ({ ...s, Resource: Array.isArray(s.Resource) ? s.Resource.map(swap) : swap(s.Resource) })) };
}

function ruleArn(rule: RecordedResource): string {
    const bus = rule.inputs.eventBusName as string | undefined;
    const region = regionOf(String(rule.outputs.arn));
    return `arn:aws:events:${region}:${A}:rule/${bus && bus !== "default" ? `${String(bus)}/` : ""}${String(rule.inputs.name)}`;
}

/** Task states of a definition (nested Parallel branches and Map iterators included). */
function taskStates(node: unknown): Array<{ Resource: string; Parameters?: Record<string, unknown> }> {
    if (node === null || typeof node !== "object") {
        return [];
    }
    const record = node as Record<string, unknown>;
    const own = record.Type === "Task" && typeof record.Resource === "string" ? [record as { Resource: string; Parameters?: Record<string, unknown> }] : [];
    return [...own, ...Object.values(record).flatMap(taskStates)];
}

/** Every wired call of the stack. */
export function wiredCalls(result: StackRunResult): WiredCall[] {
    const callees = new Callees(result);
    const calls: WiredCall[] = [];
    const secure = { "aws:SecureTransport": "true" };
    const asRole = (roleArn: unknown): { principal: string; context: Record<string, string> } =>
        ({ principal: String(roleArn), context: { ...secure, "aws:PrincipalArn": String(roleArn), "aws:PrincipalAccount": A } });
    const asService = (sourceArn: string, extra: Record<string, string> = {}): Record<string, string> =>
        ({ ...secure, "aws:SourceArn": sourceArn, "aws:SourceAccount": A, ...extra });
    const toQueue = (origin: string, queueRef: unknown, who: { principal: string; context: Record<string, string> }): void => {
        const arn: string = callees.queue(queueRef);
        calls.push({ origin, calleeKind: "queue", resourceArn: arn, calleeArn: arn, action: "sqs:SendMessage", ...who });
    };
    const toTopic = (origin: string, topicArn: unknown, who: { principal: string; context: Record<string, string> }): void => {
        calls.push({ origin, calleeKind: "topic", resourceArn: String(topicArn), calleeArn: String(topicArn), action: "sns:Publish", ...who });
    };

    for (const fn of result.ofType(T.fn)) {
        const target = (fn.inputs.deadLetterConfig as { targetArn?: string } | undefined)?.targetArn;
        if (target) {
            const origin = `${T.fn} ${fn.name}: deadLetterConfig.targetArn`;
            if (target.includes(":sns:")) {
                toTopic(origin, target, asRole(fn.inputs.role));
            } else {
                toQueue(origin, target, asRole(fn.inputs.role));
            }
        }
    }
    for (const machine of result.ofType(T.stateMachine)) {
        for (const task of taskStates(JSON.parse(String(machine.inputs.definition)))) {
            const origin = `${T.stateMachine} ${machine.name}: ${task.Resource}`;
            if (task.Resource.startsWith("arn:aws:states:::sqs:sendMessage")) {
                toQueue(origin, task.Parameters?.QueueUrl, asRole(machine.inputs.roleArn));
            } else if (task.Resource.startsWith("arn:aws:states:::sns:publish")) {
                toTopic(origin, task.Parameters?.TopicArn, asRole(machine.inputs.roleArn));
            }
        }
    }
    const rules = result.ofType(T.rule);
    for (const target of result.ofType(T.target)) {
        const rule = rules.find((r) => r.inputs.name === target.inputs.rule && (r.inputs.eventBusName ?? "default") === (target.inputs.eventBusName ?? "default"));
        if (!rule) {
            throw new Error(`${target.name}: no rule ${String(target.inputs.rule)}`);
        }
        const who = { principal: "events.amazonaws.com", context: asService(ruleArn(rule)) };
        const arn = String(target.inputs.arn);
        if (arn.includes(":sqs:")) {
            toQueue(`${T.target} ${target.name}: arn`, arn, who);
        } else if (arn.includes(":sns:")) {
            toTopic(`${T.target} ${target.name}: arn`, arn, who);
        }
        const dlq = (target.inputs.deadLetterConfig as { arn?: string } | undefined)?.arn;
        if (dlq) {
            toQueue(`${T.target} ${target.name}: deadLetterConfig.arn`, dlq, who);
        }
    }
    for (const subscription of result.ofType(T.subscription)) {
        const who = { principal: "sns.amazonaws.com", context: asService(String(subscription.inputs.topic)) };
        if (subscription.inputs.protocol === "sqs") {
            toQueue(`${T.subscription} ${subscription.name}: endpoint`, subscription.inputs.endpoint, who);
        }
        if (subscription.inputs.redrivePolicy) {
            toQueue(`${T.subscription} ${subscription.name}: redrivePolicy`, JSON.parse(subscription.inputs.redrivePolicy as string).deadLetterTargetArn, who);
        }
    }
    for (const alarm of result.ofType(T.alarm)) {
        for (const topic of new Set([...(alarm.inputs.alarmActions as string[] ?? []), ...(alarm.inputs.okActions as string[] ?? []), ...(alarm.inputs.insufficientDataActions as string[] ?? [])])) {
            toTopic(`${T.alarm} ${alarm.name}: actions`, topic, { principal: "cloudwatch.amazonaws.com", context: asService(`arn:aws:cloudwatch:${regionOf(topic)}:${A}:alarm:${String(alarm.inputs.name)}`) });
        }
    }
    for (const budget of result.ofType(T.budget)) {
        const notifications = budget.inputs.notifications as Array<{ subscriberSnsTopicArns?: string[] }> ?? [];
        for (const topic of new Set(notifications.flatMap((n) => n.subscriberSnsTopicArns ?? []))) {
            toTopic(`${T.budget} ${budget.name}: notifications`, topic, { principal: "budgets.amazonaws.com", context: asService(`arn:aws:budgets::${A}:budget/${String(budget.inputs.name)}`) });
        }
    }
    for (const subscription of result.ofType(T.anomaly)) {
        for (const subscriber of subscription.inputs.subscribers as Array<{ type: string; address: string }> ?? []) {
            if (subscriber.type === "SNS") {
                toTopic(`${T.anomaly} ${subscription.name}: subscribers`, subscriber.address, { principal: "costalerts.amazonaws.com", context: asService(String(subscription.outputs.arn)) });
            }
        }
    }
    for (const logging of result.ofType(T.logging)) {
        const bucketArn = callees.bucketArnByName(logging.inputs.targetBucket);
        const source = callees.bucketArnByName(logging.inputs.bucket);
        calls.push({
            origin: `${T.logging} ${logging.name}: targetBucket`, calleeKind: "bucket", calleeArn: bucketArn,
            resourceArn: `${bucketArn}/${(logging.inputs.targetPrefix as string | undefined) ?? ""}${A}/us-east-1/log-object`, action: "s3:PutObject",
            principal: "logging.s3.amazonaws.com", context: asService(source),
        });
    }
    for (const destination of result.ofType(T.logDestination)) {
        const target = String((destination.inputs.deliveryDestinationConfiguration as { destinationResourceArn?: string } | undefined)?.destinationResourceArn);
        if (target.startsWith("arn:aws:s3:::")) {
            calls.push({
                origin: `${T.logDestination} ${destination.name}: destinationResourceArn`, calleeKind: "bucket", calleeArn: target,
                resourceArn: `${target}/AWSLogs/${A}/CloudFront/log-object`, action: "s3:PutObject", principal: "delivery.logs.amazonaws.com",
                context: asService(`arn:aws:logs:us-east-1:${A}:delivery-source:${String(destination.inputs.name)}`, { "s3:x-amz-acl": "bucket-owner-full-control" }),
            });
        }
    }
    for (const distribution of result.ofType(T.distribution)) {
        for (const origin of distribution.inputs.origins as Array<{ domainName: string; originAccessControlId?: string }> ?? []) {
            const match = /^([a-z0-9.-]+)\.s3\.[a-z0-9-]+\.amazonaws\.com$/.exec(origin.domainName);
            if (match && origin.originAccessControlId) {
                const bucketArn = callees.bucketArnByName(match[1]);
                calls.push({
                    origin: `${T.distribution} ${distribution.name}: origins`, calleeKind: "bucket", calleeArn: bucketArn, resourceArn: `${bucketArn}/index.html`,
                    action: "s3:GetObject", principal: "cloudfront.amazonaws.com", context: asService(String(distribution.outputs.arn)),
                });
            }
        }
    }
    for (const trail of result.ofType(T.trail)) {
        const bucketArn = callees.bucketArnByName(trail.inputs.s3BucketName);
        const context = asService(String(trail.outputs.arn), { "s3:x-amz-acl": "bucket-owner-full-control" });
        calls.push({ origin: `${T.trail} ${trail.name}: s3BucketName`, calleeKind: "bucket", calleeArn: bucketArn, resourceArn: bucketArn, action: "s3:GetBucketAcl", principal: "cloudtrail.amazonaws.com", context });
        calls.push({ origin: `${T.trail} ${trail.name}: s3BucketName`, calleeKind: "bucket", calleeArn: bucketArn, resourceArn: `${bucketArn}/AWSLogs/${A}/CloudTrail/log-object`, action: "s3:PutObject", principal: "cloudtrail.amazonaws.com", context });
    }
    for (const channel of result.ofType(T.configChannel)) {
        const bucketArn = callees.bucketArnByName(channel.inputs.s3BucketName);
        const prefix = channel.inputs.s3KeyPrefix ? `${channel.inputs.s3KeyPrefix as string}/` : "";
        const context = { ...secure, "aws:SourceAccount": A, "s3:x-amz-acl": "bucket-owner-full-control" };
        for (const [action, resource] of [["s3:GetBucketAcl", bucketArn], ["s3:ListBucket", bucketArn], ["s3:PutObject", `${bucketArn}/${prefix}AWSLogs/${A}/Config/log-object`]] as const) {
            calls.push({ origin: `${T.configChannel} ${channel.name}: s3BucketName`, calleeKind: "bucket", calleeArn: bucketArn, resourceArn: resource, action, principal: "config.amazonaws.com", context });
        }
    }
    for (const replication of result.ofType(T.replication)) {
        for (const rule of replication.inputs.rules as Array<{ destination: { bucket: string } }> ?? []) {
            const bucketArn = rule.destination.bucket;
            calls.push({
                origin: `${T.replication} ${replication.name}: role -> destination.bucket`, calleeKind: "bucket", calleeArn: bucketArn, resourceArn: `${bucketArn}/object`,
                action: "s3:ReplicateObject", ...asRole(replication.inputs.role),
            });
        }
    }
    return calls;
}

/** The role's inline policies (every role the program creates keeps its permissions inline). */
function identityPolicies(result: StackRunResult, roleArn: string): Array<{ name: string; policy: object }> {
    const role = result.ofType(T.role).find((r) => r.outputs.arn === roleArn);
    if (!role) {
        return [];
    }
    return result.ofType(T.rolePolicy).filter((p) => p.inputs.role === role.outputs.name || p.inputs.role === role.outputs.id)
        .map((p) => ({ name: p.name, policy: policyDocument(p.inputs.policy) }));
}

export async function decide(result: StackRunResult, call: WiredCall, resourcePolicy: object | undefined): Promise<string> {
    const isRole = call.principal.startsWith("arn:");
    const response = await runSimulation({
        identityPolicies: isRole ? identityPolicies(result, call.principal) : [],
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy: resourcePolicy as never,
        request: { principal: call.principal, action: call.action, resource: { resource: call.resourceArn, accountId: A }, contextVariables: { ...call.context } },
    }, {});
    if (response.resultType === "error") {
        return `error: ${JSON.stringify(response.errors)}`;
    }
    return String(response.overallResult);
}

/** The table entry that declares a call, or undefined. */
export function declaredBy(call: WiredCall, integrationEdges: readonly WiringEdge[]): WiringEdge | ServiceCallerEntry | undefined {
    const edge = integrationEdges.find((e) => e.callee.arn === call.calleeArn && e.actions.includes(call.action)
        && (e.caller.kind === "role" ? e.caller.arn === call.principal : e.caller.service === call.principal && e.caller.sourceArn === call.context["aws:SourceArn"]));
    if (edge) {
        return edge;
    }
    const viaRole: boolean = call.principal.startsWith("arn:");
    return PLATFORM_SERVICE_CALLERS.find((entry) => (viaRole ? entry.assumesRole === true : entry.service === call.principal)
        && entry.callee.kind === call.calleeKind && entry.actions.includes(call.action) && (!viaRole || call.origin.startsWith(entry.wiredBy.split(" ")[0])));
}

/** The integration layer's table for the stack, with the mock account and the stack's region. */
export function integrationTable(stack: string, overrides: Record<string, string> = {}): WiringEdge[] {
    const configuration = stackConfiguration(stack);
    const config: PlatformConfig = parsePlatformConfig({ ...configuration.config, ...overrides }, configuration.project, stack);
    const naming = namingContext(config);
    return integrationCallers(config.integration, naming, { accountId: A, partition: "aws", region: config.region, prefix: naming.prefix });
}

export function describeWiring(stack: "dev" | "prod", expectations: { readonly minimumCalls: number; readonly origins: readonly string[]; readonly overrides?: Record<string, string> }): void {
    describe(`wiring (${stack}${expectations.overrides ? ", with overrides" : ""}): every caller the stack wires is declared and admitted`, () => {
        let result: StackRunResult;
        let calls: WiredCall[];
        let edges: WiringEdge[];
        beforeAll(async () => {
            result = await runStack(stack, expectations.overrides ? { overrides: expectations.overrides } : {});
            calls = wiredCalls(result);
            edges = integrationTable(stack, expectations.overrides);
        });

        it(`finds the wiring of every kind (${expectations.origins.join(", ")})`, () => {
            expect(calls.length).toBeGreaterThanOrEqual(expectations.minimumCalls);
            const kinds = new Set(calls.map((c) => c.origin.split(" ")[0]));
            expect([...kinds].sort()).toEqual([...expectations.origins].sort());
        });

        it("each wired call has an entry in a callers table", () => {
            const undeclared: string[] = calls.filter((c) => declaredBy(c, edges) === undefined).map((c) => `${c.origin}: ${c.principal} ${c.action} ${c.calleeArn}`);
            expect(undeclared).toEqual([]);
        });

        it("each wired call is allowed by the callee's policy (and the caller's identity policy, for roles)", async () => {
            const refused: string[] = [];
            for (const call of calls) {
                const policy = call.calleeKind === "queue" ? new Callees(result).queuePolicyOf(call.calleeArn)
                    : call.calleeKind === "topic" ? new Callees(result).topicPolicyOf(call.calleeArn)
                        : new Callees(result).bucketPolicyOf(call.calleeArn);
                const decision: string = await decide(result, call, policy);
                if (decision !== "Allowed") {
                    refused.push(`${call.origin}: ${call.principal} ${call.action} ${call.resourceArn} -> ${decision}`);
                }
            }
            expect(refused).toEqual([]);
        });

        it("every EventBridge target and API integration that invokes a function has the function's permission for exactly that caller", () => {
            const permissions = result.ofType("aws:lambda/permission:Permission");
            const functions = result.ofType(T.fn);
            const missing: string[] = [];
            let checked = 0;
            for (const target of result.ofType(T.target).filter((t) => String(t.inputs.arn).includes(":lambda:") || functions.some((f) => f.outputs.arn === t.inputs.arn))) {
                const fn = functions.find((f) => f.outputs.arn === target.inputs.arn);
                const rule = result.ofType(T.rule).find((r) => r.inputs.name === target.inputs.rule);
                checked += 1;
                if (!permissions.some((p) => p.inputs.function === fn?.outputs.name && p.inputs.principal === "events.amazonaws.com" && p.inputs.sourceArn === rule?.outputs.arn)) {
                    missing.push(`${target.name}: no lambda permission for events.amazonaws.com from ${String(rule?.inputs.name)}`);
                }
            }
            for (const integration of result.ofType("aws:apigatewayv2/integration:Integration").filter((i) => functions.some((f) => f.outputs.arn === i.inputs.integrationUri || f.outputs.invokeArn === i.inputs.integrationUri))) {
                const fn = functions.find((f) => f.outputs.arn === integration.inputs.integrationUri || f.outputs.invokeArn === integration.inputs.integrationUri);
                const permission = permissions.find((p) => p.inputs.function === fn?.outputs.name && p.inputs.principal === "apigateway.amazonaws.com");
                checked += 1;
                if (!permission || !String(permission.inputs.sourceArn).includes(`:${String(integration.inputs.apiId)}/`)) {
                    missing.push(`${integration.name}: no lambda permission for apigateway.amazonaws.com scoped to API ${String(integration.inputs.apiId)}`);
                }
            }
            expect(missing).toEqual([]);
            // Both stacks route their API to orders-api: the walk is never empty.
            expect(checked).toBeGreaterThan(0);
        });

        it("the integration key admits every service that writes into a queue or topic encrypted with it (kmsCallersOf)", () => {
            const key = result.ofType("aws:kms/key:Key").find((k) => k.name === "integration");
            const callers: KmsCaller[] = kmsCallersOf(edges).filter((c) => "Service" in c.principal);
            expect(callers.length > 0).toBe(key !== undefined);
            // Each service is named with the actions SQS needs of it. The conditions (the queue's
            // encryption context, which SQS sends on the service's behalf) are the key-user table's and
            // are evaluated per caller in tests/security/servicePrincipals*.
            const statements = policyDocument(key?.inputs.policy).Statement;
            const missing: string[] = callers.flatMap((caller: KmsCaller) => {
                const service: string = (caller.principal as { Service: string }).Service;
                return caller.actions.filter((action: string) => !statements.some((st) => st.Effect === "Allow"
                    && ([] as unknown[]).concat((st.Principal as { Service?: unknown } | undefined)?.Service ?? []).includes(service)
                    && ([] as unknown[]).concat(st.Action).some((a) => a === action || (typeof a === "string" && a.endsWith("*") && action.startsWith(a.slice(0, -1))))))
                    .map((action: string) => `${service} lacks ${action}`);
            });
            expect(missing).toEqual([]);
        });

        it("every edge of the integration table is wired in the stack (the table holds no stale entries)", () => {
            const wired = (e: WiringEdge): boolean => calls.some((c) => declaredBy(c, [e]) === e);
            const roleWrites = edges.filter((e) => (e.actions.includes("sqs:SendMessage") || e.actions.includes("sns:Publish"))
                && !(e.caller.kind === "role" && e.caller.owner !== "stateMachine" && !e.wiredBy.includes("deadLetterConfig")));
            expect(roleWrites.filter((e) => !wired(e)).map((e) => `${e.wiredBy}: ${e.callee.arn}`)).toEqual([]);
        });
    });
}
