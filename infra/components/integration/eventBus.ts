import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EventRuleConfig, EventTargetConfig } from "../../config/integrationConfig";
import { nameTagFor, physicalName } from "../../platform/naming";
import { BUS_SLUG, IntegrationContext, LayerIdentity, arns, busName, documentFor, queueSlug, ruleBus } from "./integrationContext";
import { LayerFunction } from "./functions";
import { LayerQueue, createEncryptedQueue } from "./queues";
import { eventsToStateMachinesPolicy, serviceTrust } from "./rolePolicies";

export interface EventBusArgs {
    readonly ctx: IntegrationContext;
    readonly keyArn: pulumi.Input<string>;
    readonly functions: ReadonlyMap<string, LayerFunction>;
    readonly queues: ReadonlyMap<string, LayerQueue>;
    readonly stateMachines: ReadonlyMap<string, aws.sfn.StateMachine>;
}

export interface LayerEventBus {
    readonly bus: aws.cloudwatch.EventBus;
    readonly archive: aws.cloudwatch.EventArchive;
    readonly deadLetterQueue: aws.sqs.Queue;
    readonly rules: ReadonlyMap<string, aws.cloudwatch.EventRule>;
}

/**
 * A custom bus encrypted with the integration key, an archive for replay, a bus policy that lets
 * only this account put events, and the configured rules. Every target gets the shared events
 * dead-letter queue and its own retry policy. Scheduled rules live on the default bus (EventBridge
 * does not run schedules on custom buses).
 */
export function createEventBus(args: EventBusArgs): LayerEventBus {
    const { ctx } = args;
    const { config, naming, parent } = ctx;
    const name: string = busName(naming);
    const bus = new aws.cloudwatch.EventBus(BUS_SLUG, {
        name,
        description: `${naming.prefix} application events`,
        kmsKeyIdentifier: args.keyArn,
        tags: nameTagFor(naming, BUS_SLUG),
    }, { parent });
    const archive = new aws.cloudwatch.EventArchive(BUS_SLUG, {
        name,
        description: `Replay archive of ${name}`,
        eventSourceArn: bus.arn,
        retentionDays: config.eventBus.archiveRetentionDays,
        kmsKeyIdentifier: args.keyArn,
    }, { parent });
    new aws.cloudwatch.EventBusPolicy(BUS_SLUG, {
        eventBusName: bus.name,
        policy: documentFor(ctx.identity, (id: LayerIdentity) => ({
            Version: "2012-10-17",
            Statement: [{
                Sid: "AllowThisAccountToPutEvents",
                Effect: "Allow",
                Principal: { AWS: arns.root(id) },
                Action: "events:PutEvents",
                Resource: arns.bus(id, name),
            }],
        })),
    }, { parent });

    const ruleArn = (id: LayerIdentity, rule: EventRuleConfig): string => arns.rule(id, physicalName(naming, rule.name), ruleBus(naming, rule));
    const deadLetterQueue: aws.sqs.Queue = createEncryptedQueue({
        ctx,
        slug: `${BUS_SLUG}-dlq`,
        physicalName: `${name}-dlq`,
        fifo: false,
        keyArn: args.keyArn,
        messageRetentionSeconds: 1209600,
    });

    const stateMachineRules: EventRuleConfig[] = config.eventBus.rules.filter((r) => r.targets.some((t) => t.kind === "stateMachine"));
    const eventsRole: aws.iam.Role | undefined = stateMachineRules.length > 0 ? createEventsRole(args, stateMachineRules, ruleArn) : undefined;

    const rules = new Map<string, aws.cloudwatch.EventRule>();
    for (const ruleConfig of config.eventBus.rules) {
        const slug = `rule-${ruleConfig.name}`;
        const onCustomBus: boolean = ruleBus(naming, ruleConfig) !== undefined;
        const rule = new aws.cloudwatch.EventRule(slug, {
            name: physicalName(naming, ruleConfig.name),
            description: ruleConfig.description,
            eventBusName: onCustomBus ? bus.name : undefined,
            eventPattern: ruleConfig.eventPattern ? JSON.stringify(ruleConfig.eventPattern) : undefined,
            scheduleExpression: ruleConfig.scheduleExpression,
            state: "ENABLED",
            tags: nameTagFor(naming, slug),
        }, { parent });
        for (const target of ruleConfig.targets) {
            createTarget(args, { slug, rule, ruleConfig, onCustomBus, bus, target, deadLetterQueue, eventsRole });
        }
        rules.set(ruleConfig.name, rule);
    }
    return { bus, archive, deadLetterQueue, rules };
}

function createEventsRole(args: EventBusArgs, rules: readonly EventRuleConfig[], ruleArn: (id: LayerIdentity, rule: EventRuleConfig) => string): aws.iam.Role {
    const { ctx } = args;
    const machines: string[] = [...new Set(rules.flatMap((r) => r.targets.filter((t) => t.kind === "stateMachine").map((t) => t.name)))];
    const role = new aws.iam.Role("events-targets", {
        name: physicalName(ctx.naming, "events-targets"),
        description: "EventBridge rules starting the layer's state machines",
        assumeRolePolicy: documentFor(ctx.identity, (id: LayerIdentity) => serviceTrust("events", id, rules.map((r) => ruleArn(id, r)))),
        tags: nameTagFor(ctx.naming, "events-targets"),
    }, { parent: ctx.parent });
    new aws.iam.RolePolicy("events-targets", {
        role: role.name,
        policy: documentFor(ctx.identity, (id: LayerIdentity) => eventsToStateMachinesPolicy(machines.map((m: string) => arns.stateMachine(id, physicalName(ctx.naming, m))))),
    }, { parent: ctx.parent });
    return role;
}

interface TargetArgs {
    readonly slug: string;
    readonly rule: aws.cloudwatch.EventRule;
    readonly ruleConfig: EventRuleConfig;
    readonly onCustomBus: boolean;
    readonly bus: aws.cloudwatch.EventBus;
    readonly target: EventTargetConfig;
    readonly deadLetterQueue: aws.sqs.Queue;
    readonly eventsRole?: aws.iam.Role;
}

function createTarget(args: EventBusArgs, t: TargetArgs): aws.cloudwatch.EventTarget {
    const { ctx } = args;
    const { target } = t;
    const slug = `${t.slug}-${target.kind}-${target.kind === "queue" ? queueSlug(target.name) : target.name}`;
    let arn: pulumi.Input<string>;
    let extra: Partial<aws.cloudwatch.EventTargetArgs> = {};
    if (target.kind === "queue") {
        const queue: LayerQueue = args.queues.get(target.name)!;
        arn = queue.queue.arn;
        if (queue.config.fifo) {
            // FIFO targets need a message group; one per rule keeps a rule's events in order.
            extra = { sqsTarget: { messageGroupId: t.ruleConfig.name } };
        }
    } else if (target.kind === "function") {
        const fn: LayerFunction = args.functions.get(target.name)!;
        arn = fn.function.arn;
        new aws.lambda.Permission(slug, {
            action: "lambda:InvokeFunction",
            function: fn.function.name,
            principal: "events.amazonaws.com",
            sourceArn: t.rule.arn,
            sourceAccount: ctx.identity.apply((id: LayerIdentity) => id.accountId),
        }, { parent: ctx.parent });
    } else {
        arn = args.stateMachines.get(target.name)!.arn;
        extra = { roleArn: t.eventsRole!.arn };
    }
    return new aws.cloudwatch.EventTarget(slug, {
        rule: t.rule.name,
        eventBusName: t.onCustomBus ? t.bus.name : undefined,
        arn,
        deadLetterConfig: { arn: t.deadLetterQueue.arn },
        retryPolicy: { maximumRetryAttempts: target.maximumRetryAttempts, maximumEventAgeInSeconds: target.maximumEventAgeSeconds },
        ...extra,
    }, { parent: ctx.parent });
}
