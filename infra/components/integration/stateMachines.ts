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
import { DefinitionReferences, definitionReferences } from "./definitionReferences";
import { WiringEdge, callsBy, iamRoleArn, roleNames } from "./callers";

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
    /** The layer's table of who calls whom: each role may call exactly its edges. */
    readonly callers: pulumi.Output<readonly WiringEdge[]>;
}

export interface LayerStateMachines {
    readonly byName: ReadonlyMap<string, aws.sfn.StateMachine>;
    /** The execution roles (callers of queues and topics: their policies wait for them). */
    readonly roles: readonly aws.iam.Role[];
}

/**
 * State machines with logging at level ALL (execution data included) to a KMS-encrypted log group,
 * X-Ray tracing, encryption with the integration key, and a role that may call exactly what the
 * definition references.
 */
export function createStateMachines(args: StateMachinesArgs): LayerStateMachines {
    const { ctx } = args;
    const { config, naming, parent } = ctx;
    const fifoQueues = new Set(config.queues.filter((q) => q.fifo).map((q) => q.name));
    const created = new Map<string, aws.sfn.StateMachine>();
    const roles: aws.iam.Role[] = [];
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
            name: roleNames.stateMachine(naming, machine.name),
            description: `Execution role of state machine ${name}`,
            assumeRolePolicy: documentFor(ctx.identity, (id: LayerIdentity) => serviceTrust("states", id, [arns.stateMachine(id, name)])),
            tags: nameTagFor(naming, slug),
        }, { parent });
        roles.push(role);
        // Exactly the calls the callers table records for this role (the same edges admit it on each queue and topic).
        const policy = new aws.iam.RolePolicy(slug, {
            role: role.name,
            policy: pulumi.all([ctx.identity, args.keyArn, args.callers]).apply(([id, keyArn, table]: [LayerIdentity, string, readonly WiringEdge[]]) => {
                const calls: WiringEdge[] = callsBy(table, iamRoleArn(id, roleNames.stateMachine(naming, machine.name)));
                const targets = (kind: string): string[] => calls.filter((e: WiringEdge) => e.callee.kind === kind).map((e: WiringEdge) => e.callee.arn);
                return JSON.stringify(stateMachinePolicy({ keyArn, functionArns: targets("function"), queueArns: targets("queue"), topicArns: targets("topic") }));
            }),
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
    return { byName: created, roles };
}

export type { StateMachineConfig };
