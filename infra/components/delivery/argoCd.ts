import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgoCdConfig } from "../../config/deliveryConfig";
import { nameTagFor, physicalName } from "../../platform/naming";
import { PolicyDocument, policyDocument } from "../security/policyDocument";
import { serviceTrustPolicy } from "../security/servicePrincipalStatements";
import { DeliveryContext, DeliveryIdentity } from "./deliveryContext";

/** One vended log type per Argo CD controller component (aws.eks.Capability documentation). */
export const ARGOCD_LOG_TYPES: readonly { readonly slug: string; readonly logType: string }[] = [
    { slug: "application", logType: "EKS_CAPABILITY_ARGOCD_APPLICATION_LOGS" },
    { slug: "applicationset", logType: "EKS_CAPABILITY_ARGOCD_APPLICATIONSET_LOGS" },
    { slug: "commitserver", logType: "EKS_CAPABILITY_ARGOCD_COMMITSERVER_LOGS" },
    { slug: "reposerver", logType: "EKS_CAPABILITY_ARGOCD_REPOSERVER_LOGS" },
    { slug: "server", logType: "EKS_CAPABILITY_ARGOCD_SERVER_LOGS" },
];

/**
 * EKS capabilities assume their role as capabilities.eks.amazonaws.com and tag the session. The EKS
 * User Guide's capability role trust has no condition and EKS documents no confused-deputy key for it,
 * so none is written (SERVICE_PRINCIPALS).
 */
export function capabilityTrust(): PolicyDocument {
    return serviceTrustPolicy("AllowEksCapabilities", "capabilities.eks.amazonaws.com");
}

/** Argo CD may pull charts and images stored as OCI artifacts in this stack's repositories, nothing else. */
export function argoCdPolicy(repositoryArnPattern: string): PolicyDocument {
    return policyDocument([
        { Sid: "RegistryToken", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
        { Sid: "PullStackArtifacts", Effect: "Allow", Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"], Resource: repositoryArnPattern },
    ]);
}

export interface ArgoCdArgs {
    readonly ctx: DeliveryContext;
    readonly argoCd: ArgoCdConfig;
    readonly clusterName: pulumi.Input<string>;
    readonly logsKeyArn: pulumi.Input<string>;
}

export interface ArgoCd {
    readonly capability: aws.eks.Capability;
    readonly role: aws.iam.Role;
    readonly logGroup: aws.cloudwatch.LogGroup;
}

/**
 * Argo CD as an EKS managed capability: AWS runs the controllers outside the cluster, users sign in
 * through IAM Identity Center, and every controller's logs are delivered to one KMS-encrypted group.
 * Kubernetes resources Argo CD created are retained when the capability is deleted.
 */
export function createArgoCd(args: ArgoCdArgs): ArgoCd {
    const { ctx, argoCd } = args;
    const { naming, parent } = ctx;
    const role = new aws.iam.Role("argocd", {
        name: physicalName(naming, "argocd"),
        description: "EKS Argo CD capability",
        assumeRolePolicy: JSON.stringify(capabilityTrust()),
        tags: nameTagFor(naming, "argocd"),
    }, { parent });
    new aws.iam.RolePolicy("argocd", {
        role: role.name,
        policy: ctx.identity.apply((id: DeliveryIdentity) =>
            JSON.stringify(argoCdPolicy(`arn:${id.partition}:ecr:${id.region}:${id.accountId}:repository/${naming.prefix}/*`))),
    }, { parent });
    const capability = new aws.eks.Capability("argocd", {
        clusterName: args.clusterName,
        capabilityName: "argocd",
        type: "ARGOCD",
        roleArn: role.arn,
        deletePropagationPolicy: "RETAIN",
        configuration: {
            argoCd: {
                awsIdc: { idcInstanceArn: argoCd.identityCenterInstanceArn!, idcRegion: argoCd.identityCenterRegion },
                namespace: argoCd.namespace,
                rbacRoleMappings: argoCd.rbacRoleMappings.map((mapping) => ({
                    role: mapping.role,
                    identities: mapping.identities.map((identity) => ({ id: identity.id, type: identity.type })),
                })),
            },
        },
        tags: nameTagFor(naming, "argocd"),
    }, { parent });
    // Delivered as vended logs (a CloudWatch Logs delivery destination): under /aws/vendedlogs/ the
    // group does not grow the account's 5,120-character log-delivery resource policy
    // (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-and-resource-policy.html).
    const logGroup = new aws.cloudwatch.LogGroup("argocd", {
        name: pulumi.interpolate`/aws/vendedlogs/eks/${args.clusterName}/capabilities/argocd`,
        retentionInDays: argoCd.logRetentionInDays,
        kmsKeyId: args.logsKeyArn,
        tags: nameTagFor(naming, "argocd-logs"),
        // A renamed group is replaced: in prod the old one and its history are left to their retention.
    }, { parent, retainOnDelete: ctx.protection.retainOnDelete });
    const destination = new aws.cloudwatch.LogDeliveryDestination("argocd", {
        name: physicalName(naming, "argocd-logs"),
        deliveryDestinationConfiguration: { destinationResourceArn: logGroup.arn },
        tags: nameTagFor(naming, "argocd-logs"),
        // A renamed group is replaced: in prod the old one and its history are left to their retention.
    }, { parent, retainOnDelete: ctx.protection.retainOnDelete });
    for (const { slug, logType } of ARGOCD_LOG_TYPES) {
        const source = new aws.cloudwatch.LogDeliverySource(`argocd-${slug}`, {
            name: physicalName(naming, `argocd-${slug}`),
            logType,
            resourceArn: capability.arn,
            tags: nameTagFor(naming, `argocd-${slug}`),
        }, { parent });
        new aws.cloudwatch.LogDelivery(`argocd-${slug}`, {
            deliverySourceName: source.name,
            deliveryDestinationArn: destination.arn,
            tags: nameTagFor(naming, `argocd-${slug}`),
        }, { parent });
    }
    return { capability, role, logGroup };
}
