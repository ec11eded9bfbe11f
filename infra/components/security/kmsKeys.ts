import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PlatformConfig } from "../../config/platformConfig";
import { AccountContext } from "../../platform/accountContext";
import { retainedResourceOptions } from "../../platform/providers";
import { KeyPolicyContext, backupKeyPolicy, clusterSecretsKeyPolicy, dataKeyPolicy, logsKeyPolicy } from "./keyPolicies";
import { nameRule } from "../../platform/awsNameRules";
import { namePrefix, nameTag, ruleFittedName } from "../../platform/naming";
import { PolicyDocument } from "./policyDocument";

/** One customer-managed key per data domain, so access to one domain never implies another. */
export type KeyDomain = "data" | "logs" | "clusterSecrets" | "backup";

export const KEY_DOMAINS: readonly KeyDomain[] = ["data", "logs", "clusterSecrets", "backup"];

export type PlatformKeys = Readonly<Record<KeyDomain, aws.kms.Key>>;

/** Everything a key policy may depend on, resolved once. */
interface KeyPolicyInputs {
    readonly ctx: KeyPolicyContext;
    readonly trailArn?: string;
}

interface KeyDefinition {
    /** Logical name and alias/Name segment (kebab-case, as alias names are). */
    readonly slug: string;
    readonly description: string;
    readonly policy: (inputs: KeyPolicyInputs) => PolicyDocument;
}

export interface PlatformKeysArgs {
    readonly config: PlatformConfig;
    readonly account: AccountContext;
    /** The audit trail's ARN when CloudTrail is on: the logs key must let exactly that trail encrypt. */
    readonly trailArn?: pulumi.Output<string>;
    readonly parent: pulumi.Resource;
}

function keyDefinitions(config: PlatformConfig): Record<KeyDomain, KeyDefinition> {
    return {
        data: {
            slug: "data",
            description: "data at rest: RDS, DynamoDB, ElastiCache, Secrets Manager, EFS, S3 application buckets, EBS (EKS nodes and the account default)",
            policy: ({ ctx }: KeyPolicyInputs) => dataKeyPolicy(ctx),
        },
        logs: {
            slug: "logs",
            description: `logs: CloudWatch Logs groups and CloudTrail log files${config.security.config.enabled ? ", AWS Config deliveries" : ""}`,
            policy: ({ ctx, trailArn }: KeyPolicyInputs) => logsKeyPolicy(ctx, { trailArn, configDelivery: config.security.config.enabled }),
        },
        clusterSecrets: {
            slug: "cluster-secrets",
            description: "EKS envelope encryption of Kubernetes secrets",
            policy: ({ ctx }: KeyPolicyInputs) => clusterSecretsKeyPolicy(ctx),
        },
        // Separate from the data key so that deleting or disabling a database's key never takes its backups with it.
        backup: {
            slug: "backup",
            description: "AWS Backup vault recovery points",
            policy: ({ ctx }: KeyPolicyInputs) => backupKeyPolicy(ctx),
        },
    };
}

/**
 * Creates the keys with rotation, the configured deletion window, an explicit key policy and an
 * alias. Keys are retained/protected per config: losing a key loses every byte encrypted with it.
 */
export function createPlatformKeys(args: PlatformKeysArgs): PlatformKeys {
    const { config, account, parent } = args;
    const policyInputs: pulumi.Output<KeyPolicyInputs> = pulumi
        .all([account.accountId, account.partition, account.dnsSuffix, args.trailArn ?? pulumi.output(undefined)])
        .apply(([accountId, partition, dnsSuffix, trailArn]: [string, string, string, string | undefined]): KeyPolicyInputs => ({
            ctx: { accountId, partition, region: account.region, dnsSuffix },
            trailArn,
        }));

    const createKey = (definition: KeyDefinition): aws.kms.Key => {
        const key = new aws.kms.Key(definition.slug, {
            description: `${namePrefix(config)} ${definition.description}`,
            keyUsage: "ENCRYPT_DECRYPT",
            customerMasterKeySpec: "SYMMETRIC_DEFAULT",
            enableKeyRotation: true,
            deletionWindowInDays: config.security.kms.deletionWindowInDays,
            policy: policyInputs.apply((inputs: KeyPolicyInputs) => JSON.stringify(definition.policy(inputs))),
            tags: nameTag(config, definition.slug),
        }, { parent, ...retainedResourceOptions(config) });
        new aws.kms.Alias(definition.slug, {
            name: ruleFittedName(config, definition.slug, nameRule("aws:kms/alias:Alias", "name"), "alias/"),
            targetKeyId: key.keyId,
        }, { parent });
        return key;
    };

    const definitions: Record<KeyDomain, KeyDefinition> = keyDefinitions(config);
    return {
        data: createKey(definitions.data),
        logs: createKey(definitions.logs),
        clusterSecrets: createKey(definitions.clusterSecrets),
        backup: createKey(definitions.backup),
    };
}
