import type * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { IntegrationConfig, QueueConfig } from "../../config/integrationConfig";
import { ProtectionConfig } from "../../config/platformConfig";
import { NamingContext, physicalName } from "../../platform/naming";

/**
 * Account, partition and Region resolved once. Every physical name of the layer is explicit, so
 * every ARN is known before its resource exists: key, queue and role policies can name exactly
 * the queues, topics, rules and functions they allow, without dependency cycles.
 */
export interface LayerIdentity {
    readonly accountId: string;
    readonly partition: string;
    readonly region: string;
    readonly prefix: string;
}

/** A queue the layer created, for the pass that writes its policy from the callers table. */
export interface OwnedQueue {
    readonly slug: string;
    readonly physicalName: string;
    readonly queue: aws.sqs.Queue;
}

/** What every creation function of the layer shares. */
export interface IntegrationContext {
    readonly config: IntegrationConfig;
    readonly naming: NamingContext;
    readonly protection: ProtectionConfig;
    readonly identity: pulumi.Output<LayerIdentity>;
    readonly parent: pulumi.Resource;
    /**
     * Every queue of the layer, filled as they are created (function, queue, topic and bus dead-letter
     * queues included). Their policies are written in one pass at the end, from the callers table,
     * once every calling role exists (SQS and SNS reject a policy naming a role that does not exist).
     */
    readonly ownedQueues: OwnedQueue[];
}

const FIFO_SUFFIX = ".fifo";

function base(name: string): string {
    return name.endsWith(FIFO_SUFFIX) ? name.slice(0, -FIFO_SUFFIX.length) : name;
}

/** Logical names carry no dots (FIFO suffix dropped); they are stable because config names are. */
export function queueSlug(name: string): string {
    return base(name);
}

export function queueName(naming: NamingContext, queue: Pick<QueueConfig, "name" | "fifo">): string {
    return queue.fifo ? `${physicalName(naming, base(queue.name))}${FIFO_SUFFIX}` : physicalName(naming, queue.name);
}

/** A FIFO queue's dead-letter queue must be FIFO as well (SQS rejects the redrive otherwise). */
export function deadLetterQueueName(naming: NamingContext, queue: Pick<QueueConfig, "name" | "fifo">): string {
    const dlq: string = `${physicalName(naming, base(queue.name))}-dlq`;
    return queue.fifo ? `${dlq}${FIFO_SUFFIX}` : dlq;
}

export const BUS_SLUG = "events";

export function busName(naming: NamingContext): string {
    return physicalName(naming, BUS_SLUG);
}

export const arns = {
    queue: (id: LayerIdentity, physical: string): string => `arn:${id.partition}:sqs:${id.region}:${id.accountId}:${physical}`,
    queueUrl: (id: LayerIdentity, physical: string): string => `https://sqs.${id.region}.amazonaws.com/${id.accountId}/${physical}`,
    topic: (id: LayerIdentity, physical: string): string => `arn:${id.partition}:sns:${id.region}:${id.accountId}:${physical}`,
    function: (id: LayerIdentity, physical: string): string => `arn:${id.partition}:lambda:${id.region}:${id.accountId}:function:${physical}`,
    stateMachine: (id: LayerIdentity, physical: string): string => `arn:${id.partition}:states:${id.region}:${id.accountId}:stateMachine:${physical}`,
    bus: (id: LayerIdentity, physical: string): string => `arn:${id.partition}:events:${id.region}:${id.accountId}:event-bus/${physical}`,
    /** Scheduled rules live on the default bus, whose rule ARNs carry no bus segment. */
    rule: (id: LayerIdentity, ruleName: string, bus: string | undefined): string =>
        `arn:${id.partition}:events:${id.region}:${id.accountId}:rule/${bus === undefined ? "" : `${bus}/`}${ruleName}`,
    logGroup: (id: LayerIdentity, group: string): string => `arn:${id.partition}:logs:${id.region}:${id.accountId}:log-group:${group}`,
    root: (id: LayerIdentity): string => `arn:${id.partition}:iam::${id.accountId}:root`,
};

/** Serialises a document built from the resolved identity (never an invoke: mocks would hide the document). */
export function documentFor(identity: pulumi.Output<LayerIdentity>, build: (identity: LayerIdentity) => object): pulumi.Output<string> {
    return identity.apply((resolved: LayerIdentity) => JSON.stringify(build(resolved)));
}

/** The bus a rule lives on: scheduled rules can only be created on the default bus (EventBridge restriction). */
export function ruleBus(naming: NamingContext, rule: { scheduleExpression?: string }): string | undefined {
    return rule.scheduleExpression === undefined ? busName(naming) : undefined;
}
