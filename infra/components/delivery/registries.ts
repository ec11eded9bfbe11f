import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { RepositoryConfig } from "../../config/deliveryConfig";
import { imageRepositoryPathOf } from "../../config/imageFunctions";
import { FunctionConfig, IntegrationConfig } from "../../config/integrationConfig";
import { NamingContext, compactPrefix, nameTagFor, physicalName } from "../../platform/naming";
import { PolicyDocument, PolicyStatement, policyDocument } from "../security/policyDocument";
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

/** A Lambda function that runs an image of one of this stack's repositories. */
export interface LambdaImagePuller {
    /** Physical function name (<prefix>-<name>). */
    readonly functionName: string;
    /** Physical repository path (<prefix>/<name>), as in the image URI. */
    readonly repositoryPath: string;
}

/**
 * Every image function of the integration layer with the repository it pulls from, functions whose
 * first image is pending included (so the policy admits them before they are created).
 */
export function lambdaImagePullers(integration: IntegrationConfig, naming: NamingContext): LambdaImagePuller[] {
    return integration.functions.flatMap((fn: FunctionConfig): LambdaImagePuller[] => {
        const repositoryPath: string | undefined = imageRepositoryPathOf(fn, (name: string) => repositoryName(naming, name));
        return repositoryPath === undefined ? [] : [{ functionName: physicalName(naming, fn.name), repositoryPath }];
    });
}

/**
 * Pull (and nothing else) for this account's cluster node role and, when image functions use the
 * repository, for Lambda on behalf of exactly those functions.
 *
 * Lambda pulls with its service principal: on CreateFunction it adds a statement of its own
 * (Sid LambdaECRImageRetrievalPolicy, lambda.amazonaws.com, ecr:BatchGetImage and
 * ecr:GetDownloadUrlForLayer) to the repository policy, and the next update of this policy would
 * remove it, so the statement is written here. The actions are the two Lambda's documentation names
 * (https://repost.aws/knowledge-center/lambda-ecr-image); aws:SourceArn narrows the principal to the
 * functions, the condition AWS documents for Lambda's pulls (the cross-account form allows
 * arn:aws:lambda:<region>:<account>:function:*; https://docs.aws.amazon.com/lambda/latest/dg/images-create.html).
 */
export function pullPolicy(nodeRoleArn: string, lambdaFunctionArns: readonly string[] = []): PolicyDocument {
    const statements: PolicyStatement[] = [{
        Sid: "AllowClusterNodesToPull",
        Effect: "Allow",
        Principal: { AWS: nodeRoleArn },
        Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
    }];
    if (lambdaFunctionArns.length > 0) {
        statements.push({
            Sid: "LambdaECRImageRetrievalPolicy",
            Effect: "Allow",
            Principal: { Service: "lambda.amazonaws.com" },
            Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
            // The function ARN, and its qualified ARNs (versions and aliases).
            Condition: { StringLike: { "aws:SourceArn": [...lambdaFunctionArns].sort().flatMap((arn: string) => [arn, `${arn}:*`]) } },
        });
    }
    return policyDocument(statements);
}

export interface Registries {
    readonly key: aws.kms.Key;
    readonly repositories: ReadonlyMap<string, aws.ecr.Repository>;
    /** Repository name -> its policy (image functions are created after these). */
    readonly policies: ReadonlyMap<string, aws.ecr.RepositoryPolicy>;
}

export function createRegistries(
    ctx: DeliveryContext,
    repositories: readonly RepositoryConfig[],
    nodeRoleArn: pulumi.Input<string>,
    deletionWindowInDays: number,
    lambdaPullers: readonly LambdaImagePuller[] = [],
): Registries {
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
    const policies = new Map<string, aws.ecr.RepositoryPolicy>();
    // A disposable stack (dev) deletes its repositories with their images; otherwise DeleteRepository
    // fails on a repository that holds any (RepositoryNotEmptyException) and dev cannot be destroyed.
    const disposable: boolean = !protection.protectStatefulResources && !protection.retainOnDelete;
    for (const config of repositories) {
        const slug = `ecr-${config.name.replace(/[^a-z0-9]+/g, "-")}`;
        const repository = new aws.ecr.Repository(slug, {
            name: repositoryName(naming, config.name),
            imageTagMutability: "IMMUTABLE",
            imageScanningConfiguration: { scanOnPush: true },
            // Encryption settings cannot change after creation (the repository would be replaced).
            encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: key.arn }],
            forceDelete: disposable,
            tags: nameTagFor(naming, slug),
        }, { parent, protect: protection.protectStatefulResources });
        new aws.ecr.LifecyclePolicy(slug, { repository: repository.name, policy: JSON.stringify(lifecyclePolicy(config)) }, { parent });
        const path: string = repositoryName(naming, config.name);
        const functionNames: string[] = lambdaPullers.filter((p: LambdaImagePuller) => p.repositoryPath === path).map((p: LambdaImagePuller) => p.functionName);
        const policy = new aws.ecr.RepositoryPolicy(slug, {
            repository: repository.name,
            policy: pulumi.all([pulumi.output(nodeRoleArn), ctx.identity]).apply(([arn, id]: [string, DeliveryIdentity]) => JSON.stringify(pullPolicy(
                arn,
                functionNames.map((name: string) => `arn:${id.partition}:lambda:${id.region}:${id.accountId}:function:${name}`),
            ))),
        }, { parent });
        created.set(config.name, repository);
        policies.set(config.name, policy);
    }
    return { key, repositories: created, policies };
}
