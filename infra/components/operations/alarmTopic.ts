import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AlarmSubscriptionsConfig } from "../../config/operationsConfig";
import { ProtectionConfig } from "../../config/platformConfig";
import { NamingContext, nameTagFor, physicalName } from "../../platform/naming";
import { KeyPolicyContext } from "../security/keyPolicies";
import { alarmTopicPolicy, operationsKeyPolicy } from "./operationsPolicies";

export interface AlarmTopicArgs {
    /** "" for the stack's region, "-edge" for the us-east-1 copy. */
    readonly suffix: string;
    readonly region: string;
    readonly subscriptions: AlarmSubscriptionsConfig;
    readonly naming: NamingContext;
    readonly protection: ProtectionConfig;
    readonly account: pulumi.Output<Omit<KeyPolicyContext, "region">>;
    readonly kmsDeletionWindowInDays: number;
    readonly opts: pulumi.CustomResourceOptions;
}

export interface AlarmTopic {
    readonly key: aws.kms.Key;
    readonly topic: aws.sns.Topic;
}

/**
 * An SNS topic encrypted with a customer-managed key whose policy lets CloudWatch, Budgets and Cost
 * Anomaly Detection publish (alias/aws/sns would refuse them), a TLS-only topic policy and one
 * subscription per configured e-mail address and HTTPS endpoint (logical names from the address).
 */
export function createAlarmTopic(args: AlarmTopicArgs): AlarmTopic {
    const what = `alarms${args.suffix}`;
    const key = new aws.kms.Key(what, {
        description: `${physicalName(args.naming, what)}: alarm topic and Prometheus workspace`,
        keyUsage: "ENCRYPT_DECRYPT",
        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        enableKeyRotation: true,
        deletionWindowInDays: args.kmsDeletionWindowInDays,
        policy: args.account.apply((account) => JSON.stringify(operationsKeyPolicy({ ...account, region: args.region }))),
        tags: nameTagFor(args.naming, what),
    }, { ...args.opts, protect: args.protection.protectStatefulResources, retainOnDelete: args.protection.retainOnDelete });
    new aws.kms.Alias(what, { name: `alias/${physicalName(args.naming, what)}`, targetKeyId: key.keyId }, args.opts);
    const topic = new aws.sns.Topic(what, {
        name: physicalName(args.naming, what),
        kmsMasterKeyId: key.arn,
        tags: nameTagFor(args.naming, what),
    }, args.opts);
    new aws.sns.TopicPolicy(what, {
        arn: topic.arn,
        policy: pulumi.all([topic.arn, args.account]).apply(([topicArn, account]) =>
            JSON.stringify(alarmTopicPolicy({ topicArn, accountId: account.accountId, partition: account.partition }))),
    }, args.opts);
    for (const email of args.subscriptions.emails) {
        new aws.sns.TopicSubscription(`${what}-email-${email.toLowerCase()}`, { topic: topic.arn, protocol: "email", endpoint: email }, args.opts);
    }
    for (const url of args.subscriptions.httpsEndpoints) {
        new aws.sns.TopicSubscription(`${what}-https-${url.replace(/^https:\/\//, "").replace(/[^A-Za-z0-9.-]+/g, "-")}`, { topic: topic.arn, protocol: "https", endpoint: url, endpointAutoConfirms: false }, args.opts);
    }
    return { key, topic };
}
