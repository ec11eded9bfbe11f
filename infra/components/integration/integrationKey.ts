import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { IntegrationConfig } from "../../config/integrationConfig";
import { ProtectionConfig } from "../../config/platformConfig";
import { NamingContext, nameTagFor, physicalName } from "../../platform/naming";
import { PolicyDocument, PolicyStatement, policyDocument } from "../security/policyDocument";
import { LayerIdentity, arns, busName, documentFor, ruleBus } from "./integrationContext";

/**
 * The integration layer's own customer-managed key (queues, topics, the bus, Lambda environments,
 * state machines). Owned by the component rather than added to the baseline's keys because:
 * - its policy names the layer's bus, rules and topics (aws:SourceArn), which only this layer knows;
 * - it exists only when the layer is used (a stack without integration creates no key and pays nothing);
 * - compute already owns its Karpenter queue key the same way.
 * Log groups use the baseline's logs key, like every other log group of the platform.
 */
export const KEY_USE: readonly string[] = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext"];

/** Services that call KMS with the caller's credentials, and the encryption-context key each one sets. */
const CALLER_SERVICES: readonly { readonly service: string; readonly contextKey: string; readonly arnPattern: (id: LayerIdentity) => string }[] = [
    { service: "sqs", contextKey: "kms:EncryptionContext:aws:sqs:arn", arnPattern: (id) => arns.queue(id, `${id.prefix}-*`) },
    { service: "sns", contextKey: "kms:EncryptionContext:aws:sns:topicArn", arnPattern: (id) => arns.topic(id, `${id.prefix}-*`) },
    { service: "lambda", contextKey: "kms:EncryptionContext:aws:lambda:FunctionArn", arnPattern: (id) => arns.function(id, `${id.prefix}-*`) },
    { service: "states", contextKey: "kms:EncryptionContext:aws:states:stateMachineArn", arnPattern: (id) => arns.stateMachine(id, `${id.prefix}-*`) },
];

export interface IntegrationKeyInputs {
    /** Custom bus ARN and its archive ARN, when the bus is on. */
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
            ? [arns.bus(id, bus), `arn:${id.partition}:events:${id.region}:${id.accountId}:archive/${bus}`]
            : [],
        ruleArns: config.eventBus.enabled
            ? config.eventBus.rules.map((rule) => arns.rule(id, physicalName(naming, rule.name), ruleBus(naming, rule)))
            : [],
        topicArns: config.topics.map((topic) => arns.topic(id, physicalName(naming, topic.name))),
    };
}

/**
 * Root statement (AWS's default: IAM policies then decide who uses the key), the caller-credential
 * services narrowed to this account, kms:ViaService and an encryption context of this stack's
 * resources, and the two service principals that encrypt on their own behalf (EventBridge into the
 * bus and into encrypted queues, SNS into encrypted queues), each pinned by aws:SourceArn.
 */
export function integrationKeyPolicy(id: LayerIdentity, inputs: IntegrationKeyInputs): PolicyDocument {
    const statements: PolicyStatement[] = [
        {
            Sid: "EnableAccountIamPolicies",
            Effect: "Allow",
            Principal: { AWS: arns.root(id) },
            // The AWS default statement: without it no IAM policy could grant use and the key could become unmanageable.
            Action: "kms:*",
            Resource: "*",
        },
    ];
    for (const caller of CALLER_SERVICES) {
        const name: string = caller.service.charAt(0).toUpperCase() + caller.service.slice(1);
        const via = { "kms:CallerAccount": id.accountId, "kms:ViaService": `${caller.service}.${id.region}.amazonaws.com` };
        statements.push({
            Sid: `Allow${name}Use`,
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: KEY_USE,
            Resource: "*",
            Condition: { StringEquals: via, ArnLike: { [caller.contextKey]: caller.arnPattern(id) } },
        }, {
            Sid: `Allow${name}DescribeKey`,
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: "kms:DescribeKey",
            Resource: "*",
            Condition: { StringEquals: via },
        });
    }
    if (inputs.busArns.length > 0) {
        statements.push({
            Sid: "AllowEventBridgeBus",
            Effect: "Allow",
            Principal: { Service: "events.amazonaws.com" },
            Action: ["kms:GenerateDataKey", "kms:Decrypt"],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": id.accountId }, ArnEquals: { "aws:SourceArn": [...inputs.busArns] } },
        });
    }
    if (inputs.ruleArns.length > 0) {
        statements.push({
            Sid: "AllowEventBridgeRulesIntoQueues",
            Effect: "Allow",
            Principal: { Service: "events.amazonaws.com" },
            Action: ["kms:GenerateDataKey", "kms:Decrypt"],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": id.accountId }, ArnEquals: { "aws:SourceArn": [...inputs.ruleArns] } },
        });
    }
    if (inputs.topicArns.length > 0) {
        statements.push({
            Sid: "AllowSnsIntoQueues",
            Effect: "Allow",
            Principal: { Service: "sns.amazonaws.com" },
            Action: ["kms:GenerateDataKey", "kms:Decrypt"],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": id.accountId }, ArnEquals: { "aws:SourceArn": [...inputs.topicArns] } },
        });
    }
    return policyDocument(statements);
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
