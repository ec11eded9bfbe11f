import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { QueueConfig } from "../../config/integrationConfig";
import { nameTagFor, physicalName } from "../../platform/naming";
import { IntegrationContext, LayerIdentity, arns, deadLetterQueueName, queueName, queueSlug, ruleBus } from "./integrationContext";
import { LayerFunction } from "./functions";
import { Producers, queuePolicy } from "./resourcePolicies";

export interface QueueWithPolicyArgs {
    readonly ctx: IntegrationContext;
    readonly slug: string;
    readonly physicalName: string;
    readonly fifo: boolean;
    readonly keyArn: pulumi.Input<string>;
    readonly messageRetentionSeconds: number;
    readonly visibilityTimeoutSeconds?: number;
    readonly contentBasedDeduplication?: boolean;
    readonly redrivePolicy?: pulumi.Input<string>;
    /** For a dead-letter queue: the only queues allowed to move messages into it. */
    readonly redriveAllowSourceArns?: pulumi.Input<string[]>;
    readonly producers: pulumi.Input<Producers>;
}

/** A queue encrypted with the integration key, with its TLS-only, named-producers policy. */
export function createQueueWithPolicy(args: QueueWithPolicyArgs): aws.sqs.Queue {
    const { ctx } = args;
    const queue = new aws.sqs.Queue(args.slug, {
        name: args.physicalName,
        fifoQueue: args.fifo ? true : undefined,
        contentBasedDeduplication: args.contentBasedDeduplication ? true : undefined,
        kmsMasterKeyId: args.keyArn,
        kmsDataKeyReusePeriodSeconds: 300,
        messageRetentionSeconds: args.messageRetentionSeconds,
        visibilityTimeoutSeconds: args.visibilityTimeoutSeconds,
        redrivePolicy: args.redrivePolicy,
        redriveAllowPolicy: args.redriveAllowSourceArns
            ? pulumi.output(args.redriveAllowSourceArns).apply((sources: string[]) => JSON.stringify({ redrivePermission: "byQueue", sourceQueueArns: sources }))
            : undefined,
        tags: nameTagFor(ctx.naming, args.slug),
    }, { parent: ctx.parent, protect: ctx.protection.protectStatefulResources });
    new aws.sqs.QueuePolicy(args.slug, {
        // The queue's id is its URL.
        queueUrl: queue.id,
        policy: pulumi.all([ctx.identity, pulumi.output(args.producers)])
            .apply(([id, producers]: [LayerIdentity, Producers]) => JSON.stringify(queuePolicy(arns.queue(id, args.physicalName), id.accountId, producers))),
    }, { parent: ctx.parent });
    return queue;
}

export interface LayerQueue {
    readonly config: QueueConfig;
    readonly queue: aws.sqs.Queue;
    readonly deadLetterQueue: aws.sqs.Queue;
}

/** Who may send to a configured queue: its producer functions and roles, the rules targeting it, the topics subscribing it. */
function producersOf(ctx: IntegrationContext, queue: QueueConfig, functions: ReadonlyMap<string, LayerFunction>): pulumi.Output<Producers> {
    const { config, naming } = ctx;
    const roleArns: pulumi.Output<string>[] = queue.producerFunctions.map((name: string) => functions.get(name)!.role.arn);
    return pulumi.all([ctx.identity, pulumi.all(roleArns)]).apply(([id, functionRoles]: [LayerIdentity, string[]]): Producers => ({
        roleArns: [...functionRoles, ...queue.producerRoleArns],
        ruleArns: config.eventBus.enabled
            ? config.eventBus.rules
                .filter((rule) => rule.targets.some((t) => t.kind === "queue" && t.name === queue.name))
                .map((rule) => arns.rule(id, physicalName(naming, rule.name), ruleBus(naming, rule)))
            : [],
        topicArns: config.topics
            .filter((topic) => topic.subscriptions.some((s) => s.protocol === "sqs" && s.queue === queue.name))
            .map((topic) => arns.topic(id, physicalName(naming, topic.name))),
    }));
}

/**
 * The configured queues, each with a dead-letter queue of the same kind (a FIFO queue's DLQ must be
 * FIFO), a redrive policy, the named-producers policy and an event source mapping per consumer.
 */
export function createQueues(ctx: IntegrationContext, keyArn: pulumi.Input<string>, functions: ReadonlyMap<string, LayerFunction>): Map<string, LayerQueue> {
    const created = new Map<string, LayerQueue>();
    for (const queue of ctx.config.queues) {
        const slug: string = queueSlug(queue.name);
        const physical: string = queueName(ctx.naming, queue);
        const deadLetterQueue: aws.sqs.Queue = createQueueWithPolicy({
            ctx,
            slug: `${slug}-dlq`,
            physicalName: deadLetterQueueName(ctx.naming, queue),
            fifo: queue.fifo,
            keyArn,
            messageRetentionSeconds: 1209600,
            redriveAllowSourceArns: ctx.identity.apply((id: LayerIdentity) => [arns.queue(id, physical)]),
            producers: pulumi.output({ roleArns: [], ruleArns: [], topicArns: [] }),
        });
        const main: aws.sqs.Queue = createQueueWithPolicy({
            ctx,
            slug,
            physicalName: physical,
            fifo: queue.fifo,
            keyArn,
            messageRetentionSeconds: queue.messageRetentionSeconds,
            visibilityTimeoutSeconds: queue.visibilityTimeoutSeconds,
            contentBasedDeduplication: queue.contentBasedDeduplication,
            redrivePolicy: deadLetterQueue.arn.apply((arn: string) => JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount: queue.maxReceiveCount })),
            producers: producersOf(ctx, queue, functions),
        });
        for (const consumer of queue.consumers) {
            const fn: LayerFunction = functions.get(consumer)!;
            new aws.lambda.EventSourceMapping(`${slug}-to-${consumer}`, {
                eventSourceArn: main.arn,
                functionName: fn.function.arn,
                batchSize: 10,
                functionResponseTypes: ["ReportBatchItemFailures"],
                tags: nameTagFor(ctx.naming, `${slug}-to-${consumer}`),
            }, { parent: ctx.parent });
        }
        created.set(queue.name, { config: queue, queue: main, deadLetterQueue });
    }
    return created;
}
