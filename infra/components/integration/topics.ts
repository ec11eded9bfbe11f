import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { SubscriptionConfig, TopicConfig } from "../../config/integrationConfig";
import { nameTagFor, physicalName } from "../../platform/naming";
import { IntegrationContext, LayerIdentity, arns } from "./integrationContext";
import { WiringEdge } from "./callers";
import { LayerQueue, createEncryptedQueue } from "./queues";
import { producersFrom, topicPolicy } from "./resourcePolicies";

export interface LayerTopic {
    readonly config: TopicConfig;
    readonly topic: aws.sns.Topic;
    /** Where SNS parks messages it could not deliver to a subscription. */
    readonly deadLetterQueue: aws.sqs.Queue;
}

/**
 * Topics encrypted with the integration key (their TLS-only, named-publishers policies come from
 * createTopicPolicies), and subscriptions (SQS, HTTPS, e-mail) that all redrive undeliverable
 * messages into the topic's dead-letter queue.
 */
export function createTopics(
    ctx: IntegrationContext,
    keyArn: pulumi.Input<string>,
    queues: ReadonlyMap<string, LayerQueue>,
): Map<string, LayerTopic> {
    const { naming, parent } = ctx;
    const created = new Map<string, LayerTopic>();
    for (const topicConfig of ctx.config.topics) {
        const physical: string = physicalName(naming, topicConfig.name);
        const slug = `topic-${topicConfig.name}`;
        const topic = new aws.sns.Topic(slug, {
            name: physical,
            kmsMasterKeyId: keyArn,
            tags: nameTagFor(naming, slug),
        }, { parent });
        const deadLetterQueue: aws.sqs.Queue = createEncryptedQueue({
            ctx,
            slug: `${slug}-dlq`,
            physicalName: `${physical}-sns-dlq`,
            fifo: false,
            keyArn,
            messageRetentionSeconds: 1209600,
        });
        const redrivePolicy: pulumi.Output<string> = deadLetterQueue.arn.apply((arn: string) => JSON.stringify({ deadLetterTargetArn: arn }));
        for (const subscription of topicConfig.subscriptions) {
            createSubscription(ctx, `${slug}-${subscription.name}`, topic, subscription, redrivePolicy, queues);
        }
        created.set(topicConfig.name, { config: topicConfig, topic, deadLetterQueue });
    }
    return created;
}

/**
 * One policy per topic, its publishers read from the callers table (callers.ts). The policies wait
 * for every calling role of the layer: SNS refuses a policy whose principal does not exist.
 */
export function createTopicPolicies(
    ctx: IntegrationContext,
    topics: ReadonlyMap<string, LayerTopic>,
    edges: pulumi.Output<readonly WiringEdge[]>,
    callerRoles: readonly pulumi.Resource[],
): aws.sns.TopicPolicy[] {
    return [...topics.values()].map((layerTopic: LayerTopic) => {
        const physical: string = physicalName(ctx.naming, layerTopic.config.name);
        return new aws.sns.TopicPolicy(`topic-${layerTopic.config.name}`, {
            arn: layerTopic.topic.arn,
            policy: pulumi.all([ctx.identity, edges]).apply(([id, table]: [LayerIdentity, readonly WiringEdge[]]) => {
                const topicArn: string = arns.topic(id, physical);
                return JSON.stringify(topicPolicy(topicArn, id.accountId, producersFrom(table, topicArn, "sns:Publish")));
            }),
        }, { parent: ctx.parent, dependsOn: [...callerRoles] });
    });
}

function createSubscription(
    ctx: IntegrationContext,
    slug: string,
    topic: aws.sns.Topic,
    subscription: SubscriptionConfig,
    redrivePolicy: pulumi.Output<string>,
    queues: ReadonlyMap<string, LayerQueue>,
): aws.sns.TopicSubscription {
    const endpoint: pulumi.Input<string> = subscription.protocol === "sqs"
        ? queues.get(subscription.queue!)!.queue.arn
        : subscription.endpoint!;
    return new aws.sns.TopicSubscription(slug, {
        topic: topic.arn,
        protocol: subscription.protocol,
        endpoint,
        rawMessageDelivery: subscription.rawMessageDelivery ? true : undefined,
        filterPolicy: subscription.filterPolicy ? JSON.stringify(subscription.filterPolicy) : undefined,
        redrivePolicy,
    }, { parent: ctx.parent });
}
