import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { QueueConfig } from "../../config/integrationConfig";
import { nameTagFor } from "../../platform/naming";
import { WiringEdge } from "./callers";
import { IntegrationContext, LayerIdentity, OwnedQueue, arns, deadLetterQueueName, queueName, queueSlug } from "./integrationContext";
import { LayerFunction } from "./functions";
import { producersFrom, queuePolicy } from "./resourcePolicies";

export interface EncryptedQueueArgs {
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
}

/**
 * A queue encrypted with the integration key. Its TLS-only, named-producers policy is written by
 * createQueuePolicies from the callers table, so nobody lists a queue's producers by hand.
 */
export function createEncryptedQueue(args: EncryptedQueueArgs): aws.sqs.Queue {
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
    ctx.ownedQueues.push({ slug: args.slug, physicalName: args.physicalName, queue });
    return queue;
}

/**
 * One policy per queue of the layer, its producers read from the callers table (callers.ts). The
 * policies wait for every calling role of the layer: SQS refuses a policy whose principal does not exist.
 */
export function createQueuePolicies(ctx: IntegrationContext, edges: pulumi.Output<readonly WiringEdge[]>, callerRoles: readonly pulumi.Resource[]): aws.sqs.QueuePolicy[] {
    return ctx.ownedQueues.map((owned: OwnedQueue) => new aws.sqs.QueuePolicy(owned.slug, {
        // The queue's id is its URL.
        queueUrl: owned.queue.id,
        policy: pulumi.all([ctx.identity, edges]).apply(([id, table]: [LayerIdentity, readonly WiringEdge[]]) => {
            const queueArn: string = arns.queue(id, owned.physicalName);
            return JSON.stringify(queuePolicy(queueArn, id.accountId, producersFrom(table, queueArn, "sqs:SendMessage")));
        }),
    }, { parent: ctx.parent, dependsOn: [...callerRoles] }));
}

export interface LayerQueue {
    readonly config: QueueConfig;
    readonly queue: aws.sqs.Queue;
    readonly deadLetterQueue: aws.sqs.Queue;
}

/**
 * The configured queues, each with a dead-letter queue of the same kind (a FIFO queue's DLQ must be
 * FIFO), a redrive policy and an event source mapping per consumer (policies: createQueuePolicies).
 */
export function createQueues(ctx: IntegrationContext, keyArn: pulumi.Input<string>, functions: ReadonlyMap<string, LayerFunction>): Map<string, LayerQueue> {
    const created = new Map<string, LayerQueue>();
    for (const queue of ctx.config.queues) {
        const slug: string = queueSlug(queue.name);
        const physical: string = queueName(ctx.naming, queue);
        const deadLetterQueue: aws.sqs.Queue = createEncryptedQueue({
            ctx,
            slug: `${slug}-dlq`,
            physicalName: deadLetterQueueName(ctx.naming, queue),
            fifo: queue.fifo,
            keyArn,
            messageRetentionSeconds: 1209600,
            redriveAllowSourceArns: ctx.identity.apply((id: LayerIdentity) => [arns.queue(id, physical)]),
        });
        const main: aws.sqs.Queue = createEncryptedQueue({
            ctx,
            slug,
            physicalName: physical,
            fifo: queue.fifo,
            keyArn,
            messageRetentionSeconds: queue.messageRetentionSeconds,
            visibilityTimeoutSeconds: queue.visibilityTimeoutSeconds,
            contentBasedDeduplication: queue.contentBasedDeduplication,
            redrivePolicy: deadLetterQueue.arn.apply((arn: string) => JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount: queue.maxReceiveCount })),
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
