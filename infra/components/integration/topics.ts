import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { SubscriptionConfig, TopicConfig } from "../../config/integrationConfig";
import { nameTagFor, physicalName } from "../../platform/naming";
import { IntegrationContext, LayerIdentity, arns } from "./integrationContext";
import { LayerFunction } from "./functions";
import { LayerQueue, createQueueWithPolicy } from "./queues";
import { topicPolicy } from "./resourcePolicies";

export interface LayerTopic {
    readonly config: TopicConfig;
    readonly topic: aws.sns.Topic;
    /** Where SNS parks messages it could not deliver to a subscription. */
    readonly deadLetterQueue: aws.sqs.Queue;
}

/**
 * Topics encrypted with the integration key, with a TLS-only policy that lets only the named
 * publishers publish, and subscriptions (SQS, HTTPS, e-mail) that all redrive undeliverable
 * messages into the topic's dead-letter queue.
 */
export function createTopics(
    ctx: IntegrationContext,
    keyArn: pulumi.Input<string>,
    functions: ReadonlyMap<string, LayerFunction>,
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
        const publisherRoles: pulumi.Output<string>[] = topicConfig.publisherFunctions.map((name: string) => functions.get(name)!.role.arn);
        new aws.sns.TopicPolicy(slug, {
            arn: topic.arn,
            policy: pulumi.all([ctx.identity, pulumi.all(publisherRoles)]).apply(([id, roles]: [LayerIdentity, string[]]) =>
                JSON.stringify(topicPolicy(arns.topic(id, physical), id.accountId, [...roles, ...topicConfig.publisherRoleArns]))),
        }, { parent });
        const deadLetterQueue: aws.sqs.Queue = createQueueWithPolicy({
            ctx,
            slug: `${slug}-dlq`,
            physicalName: `${physical}-sns-dlq`,
            fifo: false,
            keyArn,
            messageRetentionSeconds: 1209600,
            producers: ctx.identity.apply((id: LayerIdentity) => ({ roleArns: [], ruleArns: [], topicArns: [arns.topic(id, physical)] })),
        });
        const redrivePolicy: pulumi.Output<string> = deadLetterQueue.arn.apply((arn: string) => JSON.stringify({ deadLetterTargetArn: arn }));
        for (const subscription of topicConfig.subscriptions) {
            createSubscription(ctx, `${slug}-${subscription.name}`, topic, subscription, redrivePolicy, queues);
        }
        created.set(topicConfig.name, { config: topicConfig, topic, deadLetterQueue });
    }
    return created;
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
