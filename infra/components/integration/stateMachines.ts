import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { StateMachineConfig } from "../../config/integrationConfig";
import { DEFINITION_TOKEN } from "../../config/integrationSchema";
import { NamingContext, nameTagFor, physicalName } from "../../platform/naming";
import { IntegrationContext, LayerIdentity, arns, documentFor, queueName } from "./integrationContext";
import { LayerFunction } from "./functions";
import { LayerQueue } from "./queues";
import { LayerTopic } from "./topics";
import { serviceTrust, stateMachinePolicy } from "./rolePolicies";

/** What a definition calls, from its ${kind:name} references. */
export interface DefinitionReferences {
    readonly functions: readonly string[];
    readonly queues: readonly string[];
    readonly topics: readonly string[];
}

export function definitionReferences(definition: Readonly<Record<string, unknown>>): DefinitionReferences {
    const found: Record<string, Set<string>> = { function: new Set(), queueUrl: new Set(), topic: new Set() };
    for (const [, kind, name] of JSON.stringify(definition).matchAll(DEFINITION_TOKEN)) {
        found[kind].add(name);
    }
    return { functions: [...found.function].sort(), queues: [...found.queueUrl].sort(), topics: [...found.topic].sort() };
}

/** The definition with every ${kind:name} replaced by this stack's ARN (or queue URL). */
export function renderDefinition(definition: Readonly<Record<string, unknown>>, id: LayerIdentity, naming: NamingContext, fifoQueues: ReadonlySet<string>): string {
    return JSON.stringify(definition).replace(DEFINITION_TOKEN, (_match: string, kind: string, name: string) => {
        switch (kind) {
            case "function":
                return arns.function(id, physicalName(naming, name));
            case "queueUrl":
                return arns.queueUrl(id, queueName(naming, { name, fifo: fifoQueues.has(name) }));
            default:
                return arns.topic(id, physicalName(naming, name));
        }
    });
}

export interface StateMachinesArgs {
    readonly ctx: IntegrationContext;
    readonly keyArn: pulumi.Input<string>;
    readonly logsKeyArn: pulumi.Input<string>;
    readonly functions: ReadonlyMap<string, LayerFunction>;
    readonly queues: ReadonlyMap<string, LayerQueue>;
    readonly topics: ReadonlyMap<string, LayerTopic>;
}

/**
 * State machines with logging at level ALL (execution data included) to a KMS-encrypted log group,
 * X-Ray tracing, encryption with the integration key, and a role that may call exactly what the
 * definition references.
 */
export function createStateMachines(args: StateMachinesArgs): Map<string, aws.sfn.StateMachine> {
    const { ctx } = args;
    const { config, naming, parent } = ctx;
    const fifoQueues = new Set(config.queues.filter((q) => q.fifo).map((q) => q.name));
    const created = new Map<string, aws.sfn.StateMachine>();
    for (const machine of config.stateMachines) {
        const name: string = physicalName(naming, machine.name);
        const slug = `sfn-${machine.name}`;
        const references: DefinitionReferences = definitionReferences(machine.definition);
        // The vended-logs prefix keeps CloudWatch Logs' resource policy for log delivery small (Step Functions guide).
        const logGroup = new aws.cloudwatch.LogGroup(slug, {
            name: `/aws/vendedlogs/states/${name}`,
            retentionInDays: machine.logRetentionInDays ?? config.logRetentionInDays,
            kmsKeyId: args.logsKeyArn,
            tags: nameTagFor(naming, `${slug}-logs`),
        }, { parent });
        const role = new aws.iam.Role(slug, {
            name: `${name}-sfn`,
            description: `Execution role of state machine ${name}`,
            assumeRolePolicy: documentFor(ctx.identity, (id: LayerIdentity) => serviceTrust("states", id, [arns.stateMachine(id, name)])),
            tags: nameTagFor(naming, slug),
        }, { parent });
        const policy = new aws.iam.RolePolicy(slug, {
            role: role.name,
            policy: pulumi.all([ctx.identity, args.keyArn]).apply(([id, keyArn]: [LayerIdentity, string]) => JSON.stringify(stateMachinePolicy({
                keyArn,
                functionArns: references.functions.map((f: string) => arns.function(id, physicalName(naming, f))),
                queueArns: references.queues.map((q: string) => arns.queue(id, queueName(naming, { name: q, fifo: fifoQueues.has(q) }))),
                topicArns: references.topics.map((t: string) => arns.topic(id, physicalName(naming, t))),
            }))),
        }, { parent });
        const calls: pulumi.Resource[] = [
            ...references.functions.map((f: string) => args.functions.get(f)!.function),
            ...references.queues.map((q: string) => args.queues.get(q)!.queue),
            ...references.topics.map((t: string) => args.topics.get(t)!.topic),
        ];
        created.set(machine.name, new aws.sfn.StateMachine(slug, {
            name,
            type: machine.type,
            roleArn: role.arn,
            definition: ctx.identity.apply((id: LayerIdentity) => renderDefinition(machine.definition, id, naming, fifoQueues)),
            loggingConfiguration: {
                level: "ALL",
                includeExecutionData: true,
                logDestination: pulumi.interpolate`${logGroup.arn}:*`,
            },
            tracingConfiguration: { enabled: true },
            encryptionConfiguration: { type: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyId: args.keyArn, kmsDataKeyReusePeriodSeconds: 300 },
            tags: nameTagFor(naming, slug),
        }, { parent, dependsOn: [policy, logGroup, ...calls] }));
    }
    return created;
}

export type { StateMachineConfig };
