import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { IntegrationConfig } from "../../config/integrationConfig";
import { ProtectionConfig } from "../../config/platformConfig";
import { NamingContext, nameTagFor, physicalName } from "../../platform/naming";
import { KeyPolicyContext, keyPolicyFor } from "../security/keyPolicies";
import { PolicyDocument } from "../security/policyDocument";
import { LayerIdentity, arns, busName, documentFor, ruleBus } from "./integrationContext";

/**
 * The integration layer's own customer-managed key (queues, topics, the bus, Lambda environments,
 * state machines). Owned by the component rather than added to the baseline's keys because:
 * - its policy names the layer's bus, queues and topics (encryption contexts, aws:SourceArn), which only this layer knows;
 * - it exists only when the layer is used (a stack without integration creates no key and pays nothing);
 * - compute already owns its Karpenter queue key the same way.
 * Log groups use the baseline's logs key, like every other log group of the platform.
 */
export interface IntegrationKeyInputs {
    /** Custom bus ARN, when the bus is on (its archive encrypts under the bus's encryption context). */
    readonly busArns: readonly string[];
    /** Rules whose targets (queues, the events DLQ) are encrypted with this key. */
    readonly ruleArns: readonly string[];
    /** Topics that deliver into encrypted queues (subscriptions and their dead-letter queues). */
    readonly topicArns: readonly string[];
}

/** What the key policy names, from config alone (all ARNs are deterministic). */
export function keyInputs(config: IntegrationConfig, naming: NamingContext, id: LayerIdentity): IntegrationKeyInputs {
    const bus: string = busName(naming);
    return {
        busArns: config.eventBus.enabled
            ? [arns.bus(id, bus)]
            : [],
        ruleArns: config.eventBus.enabled
            ? config.eventBus.rules.map((rule) => arns.rule(id, physicalName(naming, rule.name), ruleBus(naming, rule)))
            : [],
        topicArns: config.topics.map((topic) => arns.topic(id, physicalName(naming, topic.name))),
    };
}

/**
 * Derived from KEY_USERS (security/keyUsers.ts): the root statement, the caller-credential services
 * (SQS, SNS, Lambda, Step Functions) narrowed to this account, kms:ViaService and an encryption context
 * of this stack's resources, EventBridge for the bus and its archive (DescribeKey, and data keys scoped
 * by the bus encryption context) and EventBridge and SNS delivering into this stack's encrypted queues
 * (scoped by the queue encryption context SQS sets; aws:SourceArn is documented for SNS, not for the
 * KMS request SQS makes for EventBridge).
 */
export function integrationKeyPolicy(id: LayerIdentity, inputs: IntegrationKeyInputs): PolicyDocument {
    const ctx: KeyPolicyContext = { accountId: id.accountId, partition: id.partition, region: id.region, dnsSuffix: "amazonaws.com" };
    return keyPolicyFor("integration", ctx, {
        busArn: inputs.busArns[0],
        ruleArns: inputs.ruleArns,
        topicArns: inputs.topicArns,
        integrationQueues: arns.queue(id, `${id.prefix}-*`),
        integrationTopics: arns.topic(id, `${id.prefix}-*`),
        integrationFunctions: arns.function(id, `${id.prefix}-*`),
        integrationStateMachines: arns.stateMachine(id, `${id.prefix}-*`),
    });
}

export interface IntegrationKeyArgs {
    readonly config: IntegrationConfig;
    readonly naming: NamingContext;
    readonly protection: ProtectionConfig;
    readonly identity: pulumi.Output<LayerIdentity>;
    readonly deletionWindowInDays: number;
    readonly parent: pulumi.Resource;
}

export function createIntegrationKey(args: IntegrationKeyArgs): aws.kms.Key {
    const { config, naming, parent } = args;
    const key = new aws.kms.Key("integration", {
        description: `${naming.prefix} integration: SQS, SNS, EventBridge, Lambda environments, Step Functions`,
        keyUsage: "ENCRYPT_DECRYPT",
        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        enableKeyRotation: true,
        deletionWindowInDays: args.deletionWindowInDays,
        policy: documentFor(args.identity, (id: LayerIdentity) => integrationKeyPolicy(id, keyInputs(config, naming, id))),
        tags: nameTagFor(naming, "integration"),
    }, { parent, protect: args.protection.protectStatefulResources, retainOnDelete: args.protection.retainOnDelete });
    new aws.kms.Alias("integration", { name: `alias/${physicalName(naming, "integration")}`, targetKeyId: key.keyId }, { parent });
    return key;
}
