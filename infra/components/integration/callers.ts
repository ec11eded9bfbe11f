import { FunctionConfig, IntegrationConfig, QueueConfig, TopicConfig } from "../../config/integrationConfig";
import { NamingContext, physicalName } from "../../platform/naming";
import { LayerIdentity, arns, busName, deadLetterQueueName, queueName, ruleBus } from "./integrationContext";
import { definitionReferences } from "./definitionReferences";

/**
 * The integration layer's table of who calls whom: plain data, derived from the validated config and
 * the layer's deterministic names (every physical name of the layer is explicit, so every ARN is
 * known before anything exists). Queue policies, topic policies, the roles' identity statements, the
 * integration key's service callers (kmsCallersOf) and the access contracts of the offline
 * simulation all read this one table; a caller the platform wires without an entry here is denied
 * by the derived resource policies and fails tests/integration/wiring*.test.ts.
 *
 * Who signs the call decides the principal and the condition keys AWS sends:
 * - Lambda sends to a function's dead-letter queue with the function's execution role
 *   (Lambda developer guide, "Dead-letter queues": the execution role needs sqs:SendMessage,
 *   https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html#invocation-dlq).
 * - Step Functions' optimized SQS/SNS integrations call with the state machine's execution role
 *   (https://docs.aws.amazon.com/step-functions/latest/dg/sqs-iam.html, .../sns-iam.html).
 * - EventBridge delivers to SQS targets and to a target's dead-letter queue as events.amazonaws.com,
 *   with aws:SourceArn = the rule ARN (EventBridge user guide, "Amazon SQS permissions",
 *   https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sqs-permissions,
 *   and "Using dead-letter queues", https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html).
 * - SNS delivers to a subscribed queue and to a subscription's dead-letter queue as sns.amazonaws.com,
 *   with aws:SourceArn = the topic ARN (https://docs.aws.amazon.com/sns/latest/dg/subscribe-sqs-queue-to-sns-topic.html,
 *   https://docs.aws.amazon.com/sns/latest/dg/sns-configure-dead-letter-queue.html).
 * - Lambda's event source mapping polls a queue with the consuming function's execution role
 *   (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html#events-sqs-permissions).
 */

/** A role signs the call (aws:PrincipalArn = the role ARN). */
export interface RoleCaller {
    readonly kind: "role";
    /** What the role belongs to: a function, a state machine, the EventBridge targets role, or a configured ARN. */
    readonly owner: "function" | "stateMachine" | "eventsTargets" | "configured";
    /** Config name of the function / state machine, or the ARN for configured roles. */
    readonly name: string;
    readonly arn: string;
}

/** A service principal calls on behalf of one of our resources (aws:SourceArn = that resource). */
export interface ServiceCaller {
    readonly kind: "service";
    readonly service: "events.amazonaws.com" | "sns.amazonaws.com";
    /** The rule or topic on whose behalf the service calls. */
    readonly name: string;
    readonly sourceArn: string;
}

export type Caller = RoleCaller | ServiceCaller;

export type CalleeKind = "queue" | "topic" | "function" | "stateMachine";

export interface Callee {
    readonly kind: CalleeKind;
    /** Config name of the queue / topic / function / state machine, or "<owner> dead-letter queue". */
    readonly name: string;
    readonly arn: string;
    /** Encrypted with the integration key: the caller (or the service for it) needs the key too. */
    readonly encryptedWithLayerKey: boolean;
}

export interface WiringEdge {
    readonly caller: Caller;
    readonly callee: Callee;
    readonly actions: readonly string[];
    /** Where the platform wires the call (a config path), so a failing check names its origin. */
    readonly wiredBy: string;
    /** The AWS documentation that names the principal and the condition keys it sends. */
    readonly source: string;
    /**
     * The call leaves from the caller's own network interface (a function's code), so the caller's
     * security group and subnets need a path to the service (platform/networkDependencies.ts). False
     * when a service makes the call for the caller (Lambda's DLQ delivery and SQS poller, Step
     * Functions, EventBridge, SNS) or the caller is outside this platform's network.
     */
    readonly fromCallerNetwork: boolean;
}

export const SOURCES = {
    lambdaDlq: "https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html#invocation-dlq",
    lambdaSqsPoll: "https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html#events-sqs-permissions",
    roleIdentityPolicy: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html",
    stepFunctionsSqs: "https://docs.aws.amazon.com/step-functions/latest/dg/sqs-iam.html",
    stepFunctionsSns: "https://docs.aws.amazon.com/step-functions/latest/dg/sns-iam.html",
    stepFunctionsLambda: "https://docs.aws.amazon.com/step-functions/latest/dg/lambda-iam.html",
    eventBridgeSqs: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sqs-permissions",
    eventBridgeLambda: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-lambda-permissions",
    eventBridgeDlq: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html",
    eventBridgeStepFunctions: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-identity-based.html",
    snsSqs: "https://docs.aws.amazon.com/sns/latest/dg/subscribe-sqs-queue-to-sns-topic.html",
    snsDlq: "https://docs.aws.amazon.com/sns/latest/dg/sns-configure-dead-letter-queue.html",
} as const;

export const SEND = ["sqs:SendMessage"] as const;
export const PUBLISH = ["sns:Publish"] as const;
/** What Lambda's SQS poller does with the consumer's role (AWSLambdaSQSQueueExecutionRole's actions). */
export const CONSUME = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"] as const;

/** The layer's deterministic role names (functions.ts and stateMachines.ts create them under these names). */
export const roleNames = {
    function: (naming: NamingContext, fn: string): string => `${physicalName(naming, fn)}-fn`,
    stateMachine: (naming: NamingContext, machine: string): string => `${physicalName(naming, machine)}-sfn`,
    eventsTargets: (naming: NamingContext): string => physicalName(naming, "events-targets"),
};

export const iamRoleArn = (id: LayerIdentity, name: string): string => `arn:${id.partition}:iam::${id.accountId}:role/${name}`;

/** The physical names of every queue the layer creates, by what owns it. */
export const queueNames = {
    configured: (naming: NamingContext, q: Pick<QueueConfig, "name" | "fifo">): string => queueName(naming, q),
    configuredDlq: (naming: NamingContext, q: Pick<QueueConfig, "name" | "fifo">): string => deadLetterQueueName(naming, q),
    functionDlq: (naming: NamingContext, fn: string): string => `${physicalName(naming, fn)}-dlq`,
    topicDlq: (naming: NamingContext, topic: string): string => `${physicalName(naming, topic)}-sns-dlq`,
    eventsDlq: (naming: NamingContext): string => `${busName(naming)}-dlq`,
};

/** Every edge of the integration layer, in a stable order (config order). */
export function integrationCallers(config: IntegrationConfig, naming: NamingContext, id: LayerIdentity): WiringEdge[] {
    const fifo = new Set(config.queues.filter((q) => q.fifo).map((q) => q.name));
    const fnRole = (fn: string): RoleCaller => ({ kind: "role", owner: "function", name: fn, arn: iamRoleArn(id, roleNames.function(naming, fn)) });
    const configuredRole = (arn: string): RoleCaller => ({ kind: "role", owner: "configured", name: arn, arn });
    const queue = (name: string): Callee => ({ kind: "queue", name, arn: arns.queue(id, queueName(naming, { name, fifo: fifo.has(name) })), encryptedWithLayerKey: true });
    const topic = (name: string): Callee => ({ kind: "topic", name, arn: arns.topic(id, physicalName(naming, name)), encryptedWithLayerKey: true });
    const fn = (name: string): Callee => ({ kind: "function", name, arn: arns.function(id, physicalName(naming, name)), encryptedWithLayerKey: false });
    const machine = (name: string): Callee => ({ kind: "stateMachine", name, arn: arns.stateMachine(id, physicalName(naming, name)), encryptedWithLayerKey: false });
    const edges: WiringEdge[] = [];

    config.functions.forEach((f: FunctionConfig, i: number) => {
        edges.push({
            caller: fnRole(f.name),
            callee: { kind: "queue", name: `${f.name} dead-letter queue`, arn: arns.queue(id, queueNames.functionDlq(naming, f.name)), encryptedWithLayerKey: true },
            actions: SEND,
            wiredBy: `platform:integration.functions[${i}] (deadLetterConfig)`,
            source: SOURCES.lambdaDlq, fromCallerNetwork: false,
        });
    });

    config.queues.forEach((q: QueueConfig, i: number) => {
        for (const producer of q.producerFunctions) {
            edges.push({ caller: fnRole(producer), callee: queue(q.name), actions: SEND, wiredBy: `platform:integration.queues[${i}].producerFunctions`, source: SOURCES.roleIdentityPolicy, fromCallerNetwork: true });
        }
        for (const arn of q.producerRoleArns) {
            edges.push({ caller: configuredRole(arn), callee: queue(q.name), actions: SEND, wiredBy: `platform:integration.queues[${i}].producerRoleArns`, source: SOURCES.roleIdentityPolicy, fromCallerNetwork: false });
        }
        for (const consumer of q.consumers) {
            edges.push({ caller: fnRole(consumer), callee: queue(q.name), actions: CONSUME, wiredBy: `platform:integration.queues[${i}].consumers`, source: SOURCES.lambdaSqsPoll, fromCallerNetwork: false });
        }
    });

    config.topics.forEach((t: TopicConfig, i: number) => {
        const topicArn: string = arns.topic(id, physicalName(naming, t.name));
        for (const publisher of t.publisherFunctions) {
            edges.push({ caller: fnRole(publisher), callee: topic(t.name), actions: PUBLISH, wiredBy: `platform:integration.topics[${i}].publisherFunctions`, source: SOURCES.roleIdentityPolicy, fromCallerNetwork: true });
        }
        for (const arn of t.publisherRoleArns) {
            edges.push({ caller: configuredRole(arn), callee: topic(t.name), actions: PUBLISH, wiredBy: `platform:integration.topics[${i}].publisherRoleArns`, source: SOURCES.roleIdentityPolicy, fromCallerNetwork: false });
        }
        const sns: ServiceCaller = { kind: "service", service: "sns.amazonaws.com", name: t.name, sourceArn: topicArn };
        t.subscriptions.forEach((s, j: number) => {
            if (s.protocol === "sqs" && s.queue !== undefined) {
                edges.push({ caller: sns, callee: queue(s.queue), actions: SEND, wiredBy: `platform:integration.topics[${i}].subscriptions[${j}]`, source: SOURCES.snsSqs, fromCallerNetwork: false });
            }
        });
        // Every subscription redrives into the topic's dead-letter queue.
        edges.push({
            caller: sns,
            callee: { kind: "queue", name: `${t.name} dead-letter queue`, arn: arns.queue(id, queueNames.topicDlq(naming, t.name)), encryptedWithLayerKey: true },
            actions: SEND,
            wiredBy: `platform:integration.topics[${i}] (subscription redrivePolicy)`,
            source: SOURCES.snsDlq, fromCallerNetwork: false,
        });
    });

    config.stateMachines.forEach((m, i: number) => {
        const caller: RoleCaller = { kind: "role", owner: "stateMachine", name: m.name, arn: iamRoleArn(id, roleNames.stateMachine(naming, m.name)) };
        const refs = definitionReferences(m.definition);
        const wiredBy = `platform:integration.stateMachines[${i}].definition`;
        refs.functions.forEach((f: string) => edges.push({ caller, callee: fn(f), actions: ["lambda:InvokeFunction"], wiredBy, source: SOURCES.stepFunctionsLambda, fromCallerNetwork: false }));
        refs.queues.forEach((q: string) => edges.push({ caller, callee: queue(q), actions: SEND, wiredBy, source: SOURCES.stepFunctionsSqs, fromCallerNetwork: false }));
        refs.topics.forEach((t: string) => edges.push({ caller, callee: topic(t), actions: PUBLISH, wiredBy, source: SOURCES.stepFunctionsSns, fromCallerNetwork: false }));
    });

    if (config.eventBus.enabled) {
        const eventsDlq: Callee = { kind: "queue", name: "events dead-letter queue", arn: arns.queue(id, queueNames.eventsDlq(naming)), encryptedWithLayerKey: true };
        config.eventBus.rules.forEach((rule, i: number) => {
            const ruleArn: string = arns.rule(id, physicalName(naming, rule.name), ruleBus(naming, rule));
            const events: ServiceCaller = { kind: "service", service: "events.amazonaws.com", name: rule.name, sourceArn: ruleArn };
            rule.targets.forEach((target, j: number) => {
                const wiredBy = `platform:integration.eventBus.rules[${i}].targets[${j}]`;
                if (target.kind === "queue") {
                    edges.push({ caller: events, callee: queue(target.name), actions: SEND, wiredBy, source: SOURCES.eventBridgeSqs, fromCallerNetwork: false });
                } else if (target.kind === "function") {
                    edges.push({ caller: events, callee: fn(target.name), actions: ["lambda:InvokeFunction"], wiredBy, source: SOURCES.eventBridgeLambda, fromCallerNetwork: false });
                } else {
                    const role: RoleCaller = { kind: "role", owner: "eventsTargets", name: "events-targets", arn: iamRoleArn(id, roleNames.eventsTargets(naming)) };
                    edges.push({ caller: role, callee: machine(target.name), actions: ["states:StartExecution"], wiredBy, source: SOURCES.eventBridgeStepFunctions, fromCallerNetwork: false });
                }
            });
            // Every target of every rule parks undeliverable events in the bus's dead-letter queue.
            edges.push({ caller: events, callee: eventsDlq, actions: SEND, wiredBy: `platform:integration.eventBus.rules[${i}] (target deadLetterConfig)`, source: SOURCES.eventBridgeDlq, fromCallerNetwork: false });
        });
    }
    return edges;
}

/**
 * The table's shape without an account: which edges exist, from config alone. For questions that
 * do not depend on ARNs (which AWS services a function's code calls, so which network paths it
 * needs); policies always use integrationCallers with the resolved identity.
 */
export function callerStructure(config: IntegrationConfig, naming: NamingContext): WiringEdge[] {
    return integrationCallers(config, naming, { accountId: "<account>", partition: "aws", region: "<region>", prefix: naming.prefix });
}

/** The edges into one resource that carry one of the actions. */
export function callersOf(edges: readonly WiringEdge[], calleeArn: string, action: string): WiringEdge[] {
    return edges.filter((e: WiringEdge) => e.callee.arn === calleeArn && e.actions.includes(action));
}

/** The edges a role makes (its identity policy grants exactly these). */
export function callsBy(edges: readonly WiringEdge[], roleArnOf: string): WiringEdge[] {
    return edges.filter((e: WiringEdge) => e.caller.kind === "role" && e.caller.arn === roleArnOf);
}

/** One statement a key policy needs for a service that encrypts into a queue/topic on its own behalf. */
export interface KmsCaller {
    readonly principal: { readonly Service: string } | { readonly AWS: string };
    readonly actions: readonly string[];
    /** aws:SourceArn values (service callers only). */
    readonly sourceArns: readonly string[];
    /** The callees that make the key necessary, for the statement's comment. */
    readonly because: readonly string[];
    readonly source: string;
}

/**
 * Who must be able to use the integration key because they write into a queue or topic encrypted with
 * it: SQS/SNS with SSE-KMS need kms:GenerateDataKey and kms:Decrypt from the sender
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-key-management.html#compatibility-with-aws-services).
 * Roles are admitted by the key's account-root statement plus their identity policy; service
 * principals need a key-policy statement of their own, pinned by aws:SourceArn to the callers here.
 */
export function kmsCallersOf(edges: readonly WiringEdge[]): KmsCaller[] {
    const writes = edges.filter((e: WiringEdge) => e.callee.encryptedWithLayerKey && (e.actions.includes("sqs:SendMessage") || e.actions.includes("sns:Publish")));
    const byPrincipal = new Map<string, { principal: KmsCaller["principal"]; sourceArns: Set<string>; because: Set<string>; source: string }>();
    for (const edge of writes) {
        const key: string = edge.caller.kind === "service" ? edge.caller.service : edge.caller.arn;
        const entry = byPrincipal.get(key) ?? {
            principal: edge.caller.kind === "service" ? { Service: edge.caller.service } : { AWS: edge.caller.arn },
            sourceArns: new Set<string>(),
            because: new Set<string>(),
            source: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-key-management.html#compatibility-with-aws-services",
        };
        if (edge.caller.kind === "service") {
            entry.sourceArns.add(edge.caller.sourceArn);
        }
        entry.because.add(edge.callee.arn);
        byPrincipal.set(key, entry);
    }
    return [...byPrincipal.values()].map((e) => ({
        principal: e.principal,
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        sourceArns: [...e.sourceArns].sort(),
        because: [...e.because].sort(),
        source: e.source,
    }));
}
