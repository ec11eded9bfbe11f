import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ProtectionConfig } from "../../config/platformConfig";
import { nameTagFor, physicalName } from "../../platform/naming";
import { keyPolicyFor } from "../security/keyPolicies";
import { PolicyDocument, denyInsecureTransport, policyDocument } from "../security/policyDocument";
import { ClusterIdentity, documentFor, managedPolicyArn } from "./clusterContext";
import { NODE_ROLE_POLICIES } from "./clusterRoles";
import { karpenterControllerPolicy } from "./controllerPolicies/karpenter";
import { PodIdentityContext, PodIdentityRole, createPodIdentityRole } from "./podIdentity";
import { nodeRoleTrust } from "./trustPolicies";

/** The EC2 and AWS Health events Karpenter drains nodes on (Karpenter's interruption-handling guide). */
export const INTERRUPTION_EVENTS: readonly { readonly slug: string; readonly pattern: Record<string, unknown> }[] = [
    { slug: "spot-interruption", pattern: { source: ["aws.ec2"], "detail-type": ["EC2 Spot Instance Interruption Warning"] } },
    { slug: "rebalance", pattern: { source: ["aws.ec2"], "detail-type": ["EC2 Instance Rebalance Recommendation"] } },
    { slug: "instance-state-change", pattern: { source: ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"] } },
    { slug: "scheduled-change", pattern: { source: ["aws.health"], "detail-type": ["AWS Health Event"] } },
];

export interface KarpenterArgs {
    readonly podIdentity: PodIdentityContext;
    readonly protection: ProtectionConfig;
    readonly kmsDeletionWindowInDays: number;
}

export interface KarpenterPrerequisites {
    readonly queue: aws.sqs.Queue;
    readonly nodeRole: aws.iam.Role;
    readonly controller: PodIdentityRole;
}

function ruleName(identity: ClusterIdentity, slug: string): string {
    return `${identity.clusterName}-karpenter-${slug}`;
}

function ruleArns(identity: ClusterIdentity): string[] {
    return INTERRUPTION_EVENTS.map((event) => `arn:${identity.partition}:events:${identity.region}:${identity.accountId}:rule/${ruleName(identity, event.slug)}`);
}

/**
 * EventBridge may encrypt into the interruption queue and its dead-letter queue (SQS encryption
 * context of those two queues); Karpenter reads through SQS only. Derived from KEY_USERS.
 */
export function interruptionKeyPolicy(identity: ClusterIdentity, queueNames: readonly string[]): PolicyDocument {
    const queueArns: string[] = queueNames.map((name: string) => `arn:${identity.partition}:sqs:${identity.region}:${identity.accountId}:${name}`);
    return keyPolicyFor("karpenter-interruption", { ...identity, dnsSuffix: "amazonaws.com" }, { interruptionQueues: queueArns });
}

/** Only our EventBridge rules may send; nothing may use the queue without TLS. */
export function interruptionQueuePolicy(identity: ClusterIdentity, queueArn: string): PolicyDocument {
    return policyDocument([
        {
            Sid: "AllowEventBridgeRules",
            Effect: "Allow",
            Principal: { Service: "events.amazonaws.com" },
            Action: "sqs:SendMessage",
            Resource: queueArn,
            Condition: { ArnEquals: { "aws:SourceArn": ruleArns(identity) } },
        },
        denyInsecureTransport("sqs:*", queueArn),
    ]);
}

/**
 * What Karpenter needs from AWS before its Helm chart is installed: a node role with an EC2_LINUX
 * access entry (nodes join without aws-auth), the controller's Pod Identity role, and an encrypted
 * interruption queue (with a dead-letter queue) fed by EventBridge.
 */
export function createKarpenterPrerequisites(args: KarpenterArgs): KarpenterPrerequisites {
    const { podIdentity } = args;
    const { naming, identity, cluster, parent } = podIdentity;

    const key = new aws.kms.Key("karpenter-interruption", {
        description: `${naming.prefix} Karpenter interruption queue`,
        enableKeyRotation: true,
        deletionWindowInDays: args.kmsDeletionWindowInDays,
        policy: documentFor(identity, (resolved: ClusterIdentity) => interruptionKeyPolicy(resolved, [physicalName(naming, "karpenter-interruption"), physicalName(naming, "karpenter-interruption-dlq")])),
        tags: nameTagFor(naming, "karpenter-interruption"),
    }, { parent, protect: args.protection.protectStatefulResources, retainOnDelete: args.protection.retainOnDelete });

    const deadLetters = new aws.sqs.Queue("karpenter-interruption-dlq", {
        name: physicalName(naming, "karpenter-interruption-dlq"),
        kmsMasterKeyId: key.arn,
        messageRetentionSeconds: 1_209_600,
        tags: nameTagFor(naming, "karpenter-interruption-dlq"),
    }, { parent });
    const queue = new aws.sqs.Queue("karpenter-interruption", {
        name: physicalName(naming, "karpenter-interruption"),
        kmsMasterKeyId: key.arn,
        kmsDataKeyReusePeriodSeconds: 300,
        // An interruption warning is useless after its two minutes; Karpenter's own template keeps 5.
        messageRetentionSeconds: 300,
        redrivePolicy: deadLetters.arn.apply((arn: string) => JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount: 5 })),
        tags: nameTagFor(naming, "karpenter-interruption"),
    }, { parent });
    for (const [slug, target] of [["karpenter-interruption", queue], ["karpenter-interruption-dlq", deadLetters]] as const) {
        new aws.sqs.QueuePolicy(slug, {
            queueUrl: target.url,
            policy: pulumi.all([identity, target.arn]).apply(([resolved, arn]: [ClusterIdentity, string]) => JSON.stringify(interruptionQueuePolicy(resolved, arn))),
        }, { parent });
    }

    INTERRUPTION_EVENTS.forEach((event) => {
        const rule = new aws.cloudwatch.EventRule(`karpenter-${event.slug}`, {
            name: identity.apply((resolved: ClusterIdentity) => ruleName(resolved, event.slug)),
            description: `Karpenter interruption handling: ${event.slug}`,
            eventPattern: JSON.stringify(event.pattern),
            tags: nameTagFor(naming, `karpenter-${event.slug}`),
        }, { parent });
        new aws.cloudwatch.EventTarget(`karpenter-${event.slug}`, {
            rule: rule.name,
            arn: queue.arn,
            deadLetterConfig: { arn: deadLetters.arn },
            retryPolicy: { maximumEventAgeInSeconds: 300, maximumRetryAttempts: 3 },
        }, { parent });
    });

    const nodeRole = new aws.iam.Role("karpenter-node", {
        name: physicalName(naming, "karpenter-node"),
        description: "Nodes that Karpenter launches",
        assumeRolePolicy: JSON.stringify(nodeRoleTrust()),
        tags: nameTagFor(naming, "karpenter-node"),
    }, { parent });
    NODE_ROLE_POLICIES.forEach((policyName: string) => new aws.iam.RolePolicyAttachment(`karpenter-node-${policyName}`, {
        role: nodeRole.name,
        policyArn: identity.apply((resolved: ClusterIdentity) => managedPolicyArn(resolved, policyName)),
    }, { parent }));
    new aws.eks.AccessEntry("karpenter-node", {
        clusterName: cluster.name,
        principalArn: nodeRole.arn,
        type: "EC2_LINUX",
        tags: nameTagFor(naming, "karpenter-node"),
    }, { parent });

    const controller: PodIdentityRole = createPodIdentityRole(podIdentity, {
        slug: "karpenter",
        description: "Karpenter controller: launches and terminates this cluster's nodes",
        namespace: "kube-system",
        serviceAccount: "karpenter",
        permissions: (resolved: ClusterIdentity) => pulumi.all([nodeRole.arn, queue.arn])
            .apply(([nodeRoleArn, interruptionQueueArn]: [string, string]) => karpenterControllerPolicy({ ...resolved, nodeRoleArn, interruptionQueueArn })),
    });
    return { queue, nodeRole, controller };
}
