import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { NamingContext, nameTagFor, physicalName } from "../../platform/naming";
import { PolicyDocument, policyDocument } from "../security/policyDocument";
import { ClusterIdentity } from "./clusterContext";

/**
 * IAM roles for service accounts (IRSA), for pods EKS Pod Identity cannot serve: pods on Fargate.
 * "You can't use EKS Pod Identities with: Pods that run anywhere except Linux Amazon EC2 instances.
 * Linux and Windows pods that run on AWS Fargate (Fargate) aren't supported." (EKS User Guide,
 * "Learn how EKS Pod Identity grants pods access to AWS services" > restrictions). IRSA works on
 * Fargate and on EC2 nodes alike: the pod exchanges its projected service-account token with STS
 * (AssumeRoleWithWebIdentity) against the cluster's IAM OIDC provider.
 */

/** The only audience EKS service-account tokens for AWS carry (EKS User Guide, "Create an IAM OIDC provider for your cluster"). */
export const IRSA_AUDIENCE = "sts.amazonaws.com";

/** https://oidc.eks.us-east-1.amazonaws.com/id/ABC -> oidc.eks.us-east-1.amazonaws.com/id/ABC (the condition-key prefix). */
export function issuerHostPath(issuerUrl: string): string {
    return issuerUrl.replace(/^https:\/\//, "");
}

/**
 * The trust AWS documents for IRSA ("Assign IAM roles to Kubernetes service accounts"): the
 * cluster's OIDC provider, AssumeRoleWithWebIdentity, `<issuer>:sub` equal to exactly one service
 * account and `<issuer>:aud` equal to sts.amazonaws.com. Both keys come from the token itself.
 */
export function irsaTrust(providerArn: string, issuerUrl: string, namespace: string, serviceAccount: string): PolicyDocument {
    const issuer: string = issuerHostPath(issuerUrl);
    return policyDocument([{
        Sid: "EksServiceAccount",
        Effect: "Allow",
        Principal: { Federated: providerArn },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
            StringEquals: {
                [`${issuer}:sub`]: `system:serviceaccount:${namespace}:${serviceAccount}`,
                [`${issuer}:aud`]: IRSA_AUDIENCE,
            },
        },
    }]);
}

export interface IrsaContext {
    readonly naming: NamingContext;
    readonly identity: pulumi.Output<ClusterIdentity>;
    readonly cluster: aws.eks.Cluster;
    readonly parent: pulumi.Resource;
}

/**
 * The cluster's IAM OIDC provider. One per issuer URL per account: the URL is this cluster's own,
 * so no other stack owns it. No thumbprint: "AWS secures communication with OIDC identity providers
 * (IdPs) using our library of trusted root certificate authorities (CAs) to verify the JSON Web Key
 * Set (JWKS) endpoint's TLS certificate" (IAM API Reference, UpdateOpenIDConnectProviderThumbprint),
 * and thumbprintLists is optional in @pulumi/aws 7.
 */
export function createClusterOidcProvider(ctx: IrsaContext): aws.iam.OpenIdConnectProvider {
    return new aws.iam.OpenIdConnectProvider("eks-oidc", {
        url: clusterIssuer(ctx.cluster),
        clientIdLists: [IRSA_AUDIENCE],
        tags: nameTagFor(ctx.naming, "eks-oidc"),
    }, { parent: ctx.parent });
}

export function clusterIssuer(cluster: aws.eks.Cluster): pulumi.Output<string> {
    return cluster.identities.apply((identities) => identities[0]?.oidcs?.[0]?.issuer ?? "");
}

export interface IrsaSpec {
    readonly slug: string;
    readonly description: string;
    readonly namespace: string;
    readonly serviceAccount: string;
    readonly permissions?: () => PolicyDocument;
}

/** A role that exactly one service account assumes through the cluster's OIDC provider, and its permissions. */
export function createIrsaRole(ctx: IrsaContext, provider: aws.iam.OpenIdConnectProvider, spec: IrsaSpec): aws.iam.Role {
    const role = new aws.iam.Role(`${spec.slug}-irsa`, {
        name: physicalName(ctx.naming, `${spec.slug}-irsa`),
        description: spec.description,
        assumeRolePolicy: pulumi.all([provider.arn, provider.url]).apply(([arn, url]: [string, string]) =>
            JSON.stringify(irsaTrust(arn, url, spec.namespace, spec.serviceAccount))),
        tags: nameTagFor(ctx.naming, `${spec.slug}-irsa`),
    }, { parent: ctx.parent });
    if (spec.permissions) {
        new aws.iam.RolePolicy(`${spec.slug}-irsa`, {
            role: role.name,
            policy: JSON.stringify(spec.permissions()),
        }, { parent: ctx.parent });
    }
    return role;
}
