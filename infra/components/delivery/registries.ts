import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { RepositoryConfig } from "../../config/deliveryConfig";
import { NamingContext, compactPrefix, nameTagFor, physicalName } from "../../platform/naming";
import { PolicyDocument, policyDocument } from "../security/policyDocument";
import { keyPolicyFor } from "../security/keyPolicies";
import { DeliveryContext, DeliveryIdentity } from "./deliveryContext";

/**
 * <project>-<stack>/<name>: the stack prefix as the first path component keeps stacks apart in one
 * registry. ECR accepts lowercase only, so the prefix is slugged (unchanged for platform-prod).
 */
export function repositoryName(naming: NamingContext, name: string): string {
    return `${compactPrefix(naming, 64).prefix}/${name}`;
}

/**
 * The registries' key. ECR encrypts layers through KMS with the pushing/pulling caller's request
 * and keeps a grant per repository, so the key allows ECR in this account only (kms:ViaService,
 * kms:CallerAccount) and grants only for AWS resources. Owned by the delivery layer: it exists only
 * when a repository does.
 */
export function registryKeyPolicy(id: DeliveryIdentity): PolicyDocument {
    // Derived from KEY_USERS (security/keyUsers.ts): ECR through kms:ViaService, grants only for AWS resources.
    return keyPolicyFor("registries", { accountId: id.accountId, partition: id.partition, region: id.region, dnsSuffix: "amazonaws.com" });
}

/** Untagged layers go after a few days; only the newest N images are kept. */
export function lifecyclePolicy(repository: RepositoryConfig): object {
    return {
        rules: [
            {
                rulePriority: 1,
                description: `Expire untagged images after ${repository.lifecycle.untaggedExpireDays} days`,
                selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: repository.lifecycle.untaggedExpireDays },
                action: { type: "expire" },
            },
            {
                rulePriority: 2,
                description: `Keep the newest ${repository.lifecycle.keepTaggedImages} images`,
                selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: repository.lifecycle.keepTaggedImages },
                action: { type: "expire" },
            },
        ],
    };
}

/** Pull (and nothing else) for this account's cluster node role. */
export function pullPolicy(nodeRoleArn: string): PolicyDocument {
    return policyDocument([{
        Sid: "AllowClusterNodesToPull",
        Effect: "Allow",
        Principal: { AWS: nodeRoleArn },
        Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
    }]);
}

export interface Registries {
    readonly key: aws.kms.Key;
    readonly repositories: ReadonlyMap<string, aws.ecr.Repository>;
}

export function createRegistries(ctx: DeliveryContext, repositories: readonly RepositoryConfig[], nodeRoleArn: pulumi.Input<string>, deletionWindowInDays: number): Registries {
    const { naming, parent, protection } = ctx;
    const key = new aws.kms.Key("registries", {
        description: `${naming.prefix} ECR repositories`,
        keyUsage: "ENCRYPT_DECRYPT",
        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        enableKeyRotation: true,
        deletionWindowInDays,
        policy: ctx.identity.apply((id: DeliveryIdentity) => JSON.stringify(registryKeyPolicy(id))),
        tags: nameTagFor(naming, "registries"),
    }, { parent, protect: protection.protectStatefulResources, retainOnDelete: protection.retainOnDelete });
    new aws.kms.Alias("registries", { name: `alias/${physicalName(naming, "registries")}`, targetKeyId: key.keyId }, { parent });

    const created = new Map<string, aws.ecr.Repository>();
    for (const config of repositories) {
        const slug = `ecr-${config.name.replace(/[^a-z0-9]+/g, "-")}`;
        const repository = new aws.ecr.Repository(slug, {
            name: repositoryName(naming, config.name),
            imageTagMutability: "IMMUTABLE",
            imageScanningConfiguration: { scanOnPush: true },
            // Encryption settings cannot change after creation (the repository would be replaced).
            encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: key.arn }],
            forceDelete: false,
            tags: nameTagFor(naming, slug),
        }, { parent, protect: protection.protectStatefulResources });
        new aws.ecr.LifecyclePolicy(slug, { repository: repository.name, policy: JSON.stringify(lifecyclePolicy(config)) }, { parent });
        new aws.ecr.RepositoryPolicy(slug, {
            repository: repository.name,
            policy: pulumi.output(nodeRoleArn).apply((arn: string) => JSON.stringify(pullPolicy(arn))),
        }, { parent });
        created.set(config.name, repository);
    }
    return { key, repositories: created };
}
