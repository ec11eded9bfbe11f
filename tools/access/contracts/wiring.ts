import { str } from "../documents";
import type { RecordedResource } from "../../offline/mockEngine";
import type { RequestPrincipal } from "../simulate";
import type { KeyUse, WiringEdge } from "./types";

/**
 * The default adapters: who calls whom and who uses which key, read from the recorded run. Each
 * edge names the resource it comes from, so a new wiring in the program brings its contract.
 */

export class RunIndex {
    readonly byType = new Map<string, RecordedResource[]>();
    private readonly arnByKey = new Map<string, string>();

    constructor(readonly resources: readonly RecordedResource[]) {
        for (const r of resources) {
            this.byType.set(r.type, [...(this.byType.get(r.type) ?? []), r]);
            const arn: unknown = r.outputs.arn;
            if (typeof arn === "string") {
                for (const k of [r.outputs.id, r.outputs.name, r.outputs.url, r.inputs.name, r.outputs.bucket]) {
                    if (typeof k === "string") {
                        this.arnByKey.set(`${r.type}|${k}`, arn);
                    }
                }
            }
        }
    }

    of(type: string): RecordedResource[] {
        return this.byType.get(type) ?? [];
    }

    arn(type: string, key: unknown): string | undefined {
        if (typeof key !== "string") {
            return undefined;
        }
        return key.startsWith("arn:") ? key : this.arnByKey.get(`${type}|${key}`);
    }

    byArn(arn: string): RecordedResource | undefined {
        return this.resources.find((r: RecordedResource) => r.outputs.arn === arn);
    }

    /** The customer-managed key a resource is encrypted with, by the input each type uses. */
    keyOf(r: RecordedResource): string | undefined {
        const i: Record<string, unknown> = r.inputs;
        const candidates: unknown[] = [i.kmsMasterKeyId, i.kmsKeyId, i.kmsKeyArn, (i.encryptionConfiguration as Record<string, unknown> | undefined)?.kmsKeyId, i.kmsKeyIdentifier];
        const key: unknown = candidates.find((c: unknown) => typeof c === "string" && c.startsWith("arn:aws:kms:"));
        return typeof key === "string" ? key : undefined;
    }
}

export function role(roleArn: string): RequestPrincipal {
    return { kind: "role", roleArn };
}

export function service(name: string): RequestPrincipal {
    return { kind: "service", service: name };
}

function queueArnFromUrl(url: string): string | undefined {
    const m = /^https:\/\/sqs\.([a-z0-9-]+)\.amazonaws\.com\/(\d{12})\/(.+)$/.exec(url);
    return m ? `arn:aws:sqs:${m[1]}:${m[2]}:${m[3]}` : undefined;
}

interface StateTask {
    readonly resource: string;
    readonly parameters: Record<string, unknown>;
}

function tasksOf(definition: unknown): StateTask[] {
    const tasks: StateTask[] = [];
    const walk = (states: unknown): void => {
        for (const state of Object.values((states ?? {}) as Record<string, Record<string, unknown>>)) {
            if (state.Type === "Task" && typeof state.Resource === "string") {
                tasks.push({ resource: state.Resource, parameters: (state.Parameters ?? state.Arguments ?? {}) as Record<string, unknown> });
            }
            for (const branch of (state.Branches as { States: unknown }[] | undefined) ?? []) {
                walk(branch.States);
            }
            const iterator = (state.ItemProcessor ?? state.Iterator) as { States?: unknown } | undefined;
            if (iterator?.States) {
                walk(iterator.States);
            }
        }
    };
    const parsed: unknown = typeof definition === "string" ? JSON.parse(definition) : definition;
    walk((parsed as { States?: unknown })?.States);
    return tasks;
}

/** Who calls whom in the recorded run. */
export function recordedWiring(index: RunIndex, account: string, config: Readonly<Record<string, unknown>>, prefix: string): WiringEdge[] {
    const edges: WiringEdge[] = [];
    const functions: RecordedResource[] = index.of("aws:lambda/function:Function");
    const fnRole = (fn: RecordedResource): string => String(fn.inputs.role);
    const fnArn = (fn: RecordedResource): string => String(fn.outputs.arn);

    // Each function's asynchronous-invocation dead-letter queue: the function's execution role sends
    // (Lambda Developer Guide, "Dead-letter queues": the execution role needs sqs:SendMessage).
    for (const fn of functions) {
        const dlq: unknown = (fn.inputs.deadLetterConfig as { targetArn?: unknown } | undefined)?.targetArn;
        if (typeof dlq === "string" && dlq.startsWith("arn:aws:sqs:")) {
            edges.push({ id: `function-sends-to-dlq/${str(fn.outputs.name)}`, caller: role(fnRole(fn)), actions: ["sqs:SendMessage"], resource: dlq, via: `${fn.type} ${fn.name}` });
        }
    }
    // EventBridge targets and their dead-letter queue: the service principal with the rule as source
    // (EventBridge User Guide, "Using dead-letter queues" and "Amazon SQS permissions").
    const rules = new Map<string, string>(index.of("aws:cloudwatch/eventRule:EventRule").map((r) => [String(r.outputs.name ?? r.inputs.name), String(r.outputs.arn)]));
    for (const target of index.of("aws:cloudwatch/eventTarget:EventTarget")) {
        const ruleArn: string | undefined = rules.get(String(target.inputs.rule));
        const targetArn = String(target.inputs.arn);
        const context: Record<string, string> = ruleArn ? { "aws:SourceArn": ruleArn, "aws:SourceAccount": account } : { "aws:SourceAccount": account };
        const roleArn: unknown = target.inputs.roleArn;
        if (targetArn.startsWith("arn:aws:sqs:")) {
            edges.push({ id: `eventbridge-delivers-to-queue/${target.name}`, caller: service("events.amazonaws.com"), actions: ["sqs:SendMessage"], resource: targetArn, context, via: `${target.type} ${target.name}` });
        } else if (targetArn.startsWith("arn:aws:lambda:")) {
            edges.push({ id: `eventbridge-invokes-function/${target.name}`, caller: service("events.amazonaws.com"), actions: ["lambda:InvokeFunction"], resource: targetArn, context, via: `${target.type} ${target.name}` });
        } else if (targetArn.startsWith("arn:aws:states:") && typeof roleArn === "string") {
            edges.push({ id: `eventbridge-starts-state-machine/${target.name}`, caller: role(roleArn), actions: ["states:StartExecution"], resource: targetArn, via: `${target.type} ${target.name}` });
        }
        const dlq: unknown = (target.inputs.deadLetterConfig as { arn?: unknown } | undefined)?.arn;
        if (typeof dlq === "string") {
            edges.push({ id: `eventbridge-delivers-to-dlq/${target.name}`, caller: service("events.amazonaws.com"), actions: ["sqs:SendMessage"], resource: dlq, context, via: `${target.type} ${target.name} deadLetterConfig` });
        }
    }
    // Event source mappings: the function's role polls the queue (Lambda Developer Guide, "Using Lambda with Amazon SQS").
    for (const mapping of index.of("aws:lambda/eventSourceMapping:EventSourceMapping")) {
        const fn: RecordedResource | undefined = functions.find((f) => f.outputs.arn === mapping.inputs.functionName || f.outputs.name === mapping.inputs.functionName);
        const source = String(mapping.inputs.eventSourceArn);
        if (fn && source.startsWith("arn:aws:sqs:")) {
            edges.push({ id: `function-polls-queue/${str(fn.outputs.name)}/${source.split(":").pop()}`, caller: role(fnRole(fn)), actions: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], resource: source, via: `${mapping.type} ${mapping.name}` });
        }
    }
    // State machines: every task integration their definition names, with the state machine's role.
    for (const machine of index.of("aws:sfn/stateMachine:StateMachine")) {
        const machineRole = String(machine.inputs.roleArn);
        for (const task of tasksOf(machine.inputs.definition)) {
            const params = task.parameters;
            const name = String(machine.outputs.name);
            if (/^arn:aws:states:::sqs:sendMessage/.test(task.resource) && typeof params.QueueUrl === "string") {
                const queue: string | undefined = queueArnFromUrl(params.QueueUrl);
                if (queue) {
                    edges.push({ id: `state-machine-sends-to-queue/${name}/${queue.split(":").pop()}`, caller: role(machineRole), actions: ["sqs:SendMessage"], resource: queue, via: `${machine.type} ${machine.name} definition` });
                }
            } else if (/^arn:aws:states:::sns:publish/.test(task.resource) && typeof params.TopicArn === "string") {
                edges.push({ id: `state-machine-publishes-to-topic/${name}/${params.TopicArn.split(":").pop()}`, caller: role(machineRole), actions: ["sns:Publish"], resource: params.TopicArn, via: `${machine.type} ${machine.name} definition` });
            } else if (/^arn:aws:states:::lambda:invoke/.test(task.resource) && typeof params.FunctionName === "string") {
                edges.push({ id: `state-machine-invokes-function/${name}/${params.FunctionName.split(":").pop()}`, caller: role(machineRole), actions: ["lambda:InvokeFunction"], resource: params.FunctionName, via: `${machine.type} ${machine.name} definition` });
            }
        }
    }
    // SNS subscriptions of queues and their redrive DLQs: sns.amazonaws.com with the topic as source
    // (SNS Developer Guide, "Sending Amazon SNS messages to an Amazon SQS queue"; "Amazon SNS dead-letter queues").
    for (const sub of index.of("aws:sns/topicSubscription:TopicSubscription")) {
        const topic = String(sub.inputs.topic);
        const context = { "aws:SourceArn": topic, "aws:SourceAccount": account };
        if (sub.inputs.protocol === "sqs" && typeof sub.inputs.endpoint === "string") {
            edges.push({ id: `topic-delivers-to-queue/${sub.name}`, caller: service("sns.amazonaws.com"), actions: ["sqs:SendMessage"], resource: sub.inputs.endpoint, context, via: `${sub.type} ${sub.name}` });
        }
        const redrive: unknown = typeof sub.inputs.redrivePolicy === "string" ? JSON.parse(sub.inputs.redrivePolicy) : undefined;
        const dlq: unknown = (redrive as { deadLetterTargetArn?: unknown } | undefined)?.deadLetterTargetArn;
        if (typeof dlq === "string") {
            edges.push({ id: `topic-delivers-to-dlq/${sub.name}`, caller: service("sns.amazonaws.com"), actions: ["sqs:SendMessage"], resource: dlq, context, via: `${sub.type} ${sub.name} redrivePolicy` });
        }
    }
    // Configured producers, consumers and publishers (platform:integration queues[].producerFunctions, consumers; topics[].publisherFunctions).
    const integration = (config["platform:integration"] ?? {}) as { queues?: { name: string; producerFunctions?: string[]; consumers?: string[] }[]; topics?: { name: string; publisherFunctions?: string[] }[] };
    const fnByConfigName = (n: string): RecordedResource | undefined => functions.find((f) => f.outputs.name === `${prefix}-${n}`);
    for (const queue of integration.queues ?? []) {
        const queueArn: string | undefined = index.arn("aws:sqs/queue:Queue", `${prefix}-${queue.name}`);
        for (const producer of queue.producerFunctions ?? []) {
            const fn = fnByConfigName(producer);
            if (fn && queueArn) {
                edges.push({ id: `function-sends-to-queue/${producer}/${queue.name}`, caller: role(fnRole(fn)), actions: ["sqs:SendMessage"], resource: queueArn, via: `platform:integration queues[${queue.name}].producerFunctions` });
            }
        }
    }
    for (const topic of integration.topics ?? []) {
        const topicArn: string | undefined = index.arn("aws:sns/topic:Topic", `${prefix}-${topic.name}`);
        for (const publisher of topic.publisherFunctions ?? []) {
            const fn = fnByConfigName(publisher);
            if (fn && topicArn) {
                edges.push({ id: `function-publishes-to-topic/${publisher}/${topic.name}`, caller: role(fnRole(fn)), actions: ["sns:Publish"], resource: topicArn, via: `platform:integration topics[${topic.name}].publisherFunctions` });
            }
        }
    }
    void fnArn;
    return edges;
}

/** The KMS calls a service makes on a caller's behalf, with the encryption context it passes (each service's KMS documentation). */
const SERVICE_ENCRYPTION_CONTEXT: Readonly<Record<string, string>> = {
    sqs: "aws:sqs:arn",
    sns: "aws:sns:topicArn",
};

/**
 * Key uses implied by the wiring: a caller writing to an encrypted queue or topic needs
 * kms:GenerateDataKey and kms:Decrypt on its key (SQS Developer Guide, "Key management": producers
 * need both; SNS Developer Guide, "Enable compatibility between event sources and encrypted topics").
 * A role calls through the service (kms:ViaService); a service principal calls directly.
 */
export function recordedKeyUses(index: RunIndex, wiring: readonly WiringEdge[], account: string, region: string): KeyUse[] {
    const uses: KeyUse[] = [];
    for (const edge of wiring) {
        const svc: string = edge.resource.split(":")[2];
        const contextKey: string | undefined = SERVICE_ENCRYPTION_CONTEXT[svc];
        if (!contextKey || !edge.actions.some((a) => /^(sqs:SendMessage|sns:Publish)$/.test(a))) {
            continue;
        }
        const target: RecordedResource | undefined = index.byArn(edge.resource);
        const keyArn: string | undefined = target ? index.keyOf(target) : undefined;
        if (!keyArn) {
            continue;
        }
        const context: Record<string, string> = {
            [`kms:EncryptionContext:${contextKey}`]: edge.resource,
            ...(edge.caller.kind === "role" ? { "kms:ViaService": `${svc}.${region}.amazonaws.com`, "kms:CallerAccount": account } : { ...(edge.context ?? {}) }),
        };
        for (const action of ["kms:GenerateDataKey", "kms:Decrypt"]) {
            uses.push({ id: `${edge.id}/${action}`, keyArn, caller: edge.caller, actions: [action], context, via: `${edge.via} (${svc} encrypted with ${keyArn.split("/").pop()})` });
        }
    }
    // EventBridge encrypts the bus and its archives with the bus's key (EventBridge User Guide,
    // "Encrypting EventBridge event buses with AWS KMS keys": kms:DescribeKey for the bus,
    // GenerateDataKey and Decrypt, ReEncrypt* for archives, with the bus as kms:EncryptionContext:aws:events:event-bus:arn).
    for (const bus of index.of("aws:cloudwatch/eventBus:EventBus")) {
        const keyArn: string | undefined = index.keyOf(bus);
        if (!keyArn) {
            continue;
        }
        const busArn = String(bus.outputs.arn);
        const context = { "aws:SourceArn": busArn, "aws:SourceAccount": account, "kms:EncryptionContext:aws:events:event-bus:arn": busArn };
        for (const action of ["kms:DescribeKey", "kms:GenerateDataKey", "kms:Decrypt"]) {
            uses.push({ id: `eventbridge-encrypts-bus/${str(bus.outputs.name)}/${action}`, keyArn, caller: service("events.amazonaws.com"), actions: [action], context, via: `${bus.type} ${bus.name}` });
        }
        for (const archive of index.of("aws:cloudwatch/eventArchive:EventArchive").filter((a) => a.inputs.eventSourceArn === busArn)) {
            for (const action of ["kms:ReEncryptFrom", "kms:ReEncryptTo"]) {
                uses.push({ id: `eventbridge-archive-reencrypts/${str(archive.outputs.name)}/${action}`, keyArn, caller: service("events.amazonaws.com"), actions: [action], context: { ...context, "aws:SourceArn": String(archive.outputs.arn) }, via: `${archive.type} ${archive.name}` });
            }
        }
    }
    // CloudWatch Logs encrypts every log group that names a key (CloudWatch Logs User Guide,
    // "Encrypt log data in CloudWatch Logs using AWS KMS": logs.<region>.amazonaws.com with the
    // log group's ARN as kms:EncryptionContext:aws:logs:arn).
    for (const group of index.of("aws:cloudwatch/logGroup:LogGroup")) {
        const keyArn: string | undefined = index.keyOf(group);
        if (!keyArn) {
            continue;
        }
        for (const action of ["kms:GenerateDataKey", "kms:Decrypt", "kms:Encrypt"]) {
            uses.push({
                id: `logs-encrypts-log-group/${str(group.outputs.name)}/${action}`, keyArn, caller: service(`logs.${region}.amazonaws.com`), actions: [action],
                context: { "kms:EncryptionContext:aws:logs:arn": String(group.outputs.arn) }, via: `${group.type} ${group.name}`,
            });
        }
    }
    return uses;
}
