import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DeliveryConfig } from "../../config/deliveryConfig";
import { ProtectionConfig } from "../../config/platformConfig";
import { AccountContext } from "../../platform/accountContext";
import { NamingContext } from "../../platform/naming";
import { ArgoCd, createArgoCd } from "./argoCd";
import { DeliveryContext, DeliveryIdentity } from "./deliveryContext";
import { GithubRoles, createGithubRoles } from "./githubOidc";
import { LambdaImagePuller, Registries, createRegistries } from "./registries";

/** What delivery uses of the cluster. */
export interface DeliveryCluster {
    readonly clusterName: pulumi.Input<string>;
    /** The only principal the repositories let pull. */
    readonly nodeRoleArn: pulumi.Input<string>;
}

export interface DeliveryArgs {
    readonly delivery: DeliveryConfig;
    readonly protection: ProtectionConfig;
    readonly naming: NamingContext;
    readonly account: AccountContext;
    readonly cluster: DeliveryCluster;
    readonly logsKeyArn: pulumi.Input<string>;
    readonly kmsDeletionWindowInDays: number;
    /** Lambda functions that run images of these repositories: the repository policies admit them. */
    readonly lambdaImagePullers?: readonly LambdaImagePuller[];
    /** The account's GitHub OIDC provider (AccountBaseline: created by the owner, looked up elsewhere); required when github.enabled. */
    readonly githubOidcProviderArn?: pulumi.Output<string>;
    /** Regions beyond the stack's that the program creates resources in (the data tier's replica Region): the deploy role's scope. */
    readonly otherRegions?: readonly string[];
}

/**
 * Software delivery: ECR repositories, the GitHub Actions OIDC deploy and preview roles, and Argo CD
 * as an EKS capability. Each part exists only when configured.
 */
export class Delivery extends pulumi.ComponentResource {
    public readonly repositoryUrls: Record<string, pulumi.Output<string>>;
    public readonly registryKeyArn: pulumi.Output<string> | undefined;
    public readonly githubDeployRoleArn: pulumi.Output<string> | undefined;
    public readonly githubPreviewRoleArn: pulumi.Output<string> | undefined;
    public readonly githubOidcProviderArn: pulumi.Output<string> | undefined;
    public readonly argoCdCapabilityArn: pulumi.Output<string> | undefined;
    /** The repository policies (each admits the image functions of its repository). */
    public readonly repositoryPolicies: readonly aws.ecr.RepositoryPolicy[];

    constructor(name: string, args: DeliveryArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:delivery:Delivery", name, {}, opts);
        const { delivery } = args;
        const identity: pulumi.Output<DeliveryIdentity> = pulumi.all([args.account.accountId, args.account.partition])
            .apply(([accountId, partition]: [string, string]): DeliveryIdentity => ({ accountId, partition, region: args.account.region }));
        const ctx: DeliveryContext = { naming: args.naming, protection: args.protection, identity, parent: this };

        const registries: Registries | undefined = delivery.ecr.repositories.length > 0
            ? createRegistries(ctx, delivery.ecr.repositories, args.cluster.nodeRoleArn, args.kmsDeletionWindowInDays, args.lambdaImagePullers)
            : undefined;
        if (delivery.github.enabled && !args.githubOidcProviderArn) {
            throw new Error("Delivery: github.enabled needs the account's GitHub OIDC provider ARN (AccountBaseline.githubOidcProviderArn)");
        }
        const github: GithubRoles | undefined = delivery.github.enabled && args.githubOidcProviderArn
            ? createGithubRoles(ctx, delivery.github, args.githubOidcProviderArn, [args.account.region, ...(args.otherRegions ?? [])])
            : undefined;
        const argoCd: ArgoCd | undefined = delivery.argoCd.enabled
            ? createArgoCd({ ctx, argoCd: delivery.argoCd, clusterName: args.cluster.clusterName, logsKeyArn: args.logsKeyArn })
            : undefined;

        this.repositoryUrls = Object.fromEntries([...(registries?.repositories ?? new Map<string, aws.ecr.Repository>())]
            .map(([repo, resource]: [string, aws.ecr.Repository]) => [repo, resource.repositoryUrl]));
        this.registryKeyArn = registries?.key.arn;
        this.repositoryPolicies = [...(registries?.policies.values() ?? [])];
        this.githubDeployRoleArn = github?.deployRole.arn;
        this.githubPreviewRoleArn = github?.previewRole.arn;
        this.githubOidcProviderArn = github?.providerArn;
        this.argoCdCapabilityArn = argoCd?.capability.arn;

        this.registerOutputs({
            repositoryUrls: this.repositoryUrls,
            githubDeployRoleArn: this.githubDeployRoleArn,
            githubPreviewRoleArn: this.githubPreviewRoleArn,
            argoCdCapabilityArn: this.argoCdCapabilityArn,
        });
    }
}
