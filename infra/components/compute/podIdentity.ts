import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { NamingContext, nameTagFor, physicalName } from "../../platform/naming";
import { PolicyDocument } from "../security/policyDocument";
import { ClusterIdentity, documentFor, managedPolicyArn } from "./clusterContext";
import { podIdentityTrust } from "./trustPolicies";

/** One Kubernetes service account that gets AWS credentials through EKS Pod Identity. */
export interface PodIdentitySpec {
    /** Logical-name stem and physical role name segment (<prefix>-<slug>-pod). */
    readonly slug: string;
    readonly description: string;
    readonly namespace: string;
    readonly serviceAccount: string;
    /** AWS-managed policies by name (only those the pack allows: the EKS add-on set). */
    readonly managedPolicies?: readonly string[];
    /** Customer-managed permissions, built from the resolved identity (and other outputs, such as a queue ARN). */
    readonly permissions?: (identity: ClusterIdentity) => pulumi.Input<PolicyDocument>;
}

export interface PodIdentityRole {
    readonly role: aws.iam.Role;
    readonly association: aws.eks.PodIdentityAssociation;
}

export interface PodIdentityContext {
    readonly naming: NamingContext;
    readonly identity: pulumi.Output<ClusterIdentity>;
    readonly cluster: aws.eks.Cluster;
    readonly parent: pulumi.Resource;
}

/**
 * A role trusted only by EKS Pod Identity for this cluster and this namespace and service account
 * (session tags, trustPolicies.ts), its permissions, and the association that binds it to them.
 */
export function createPodIdentityRole(ctx: PodIdentityContext, spec: PodIdentitySpec): PodIdentityRole {
    const { parent } = ctx;
    const roleName: string = physicalName(ctx.naming, `${spec.slug}-pod`);
    const role = new aws.iam.Role(`${spec.slug}-pod`, {
        name: roleName,
        description: spec.description,
        assumeRolePolicy: documentFor(ctx.identity, (identity: ClusterIdentity) => podIdentityTrust(identity, { namespace: spec.namespace, serviceAccount: spec.serviceAccount })),
        tags: nameTagFor(ctx.naming, `${spec.slug}-pod`),
    }, { parent });

    const grants: pulumi.Resource[] = (spec.managedPolicies ?? []).map((policyName: string) =>
        new aws.iam.RolePolicyAttachment(`${spec.slug}-pod-${policyName}`, {
            role: role.name,
            policyArn: ctx.identity.apply((identity: ClusterIdentity) => managedPolicyArn(identity, policyName)),
        }, { parent }));
    if (spec.permissions) {
        grants.push(new aws.iam.RolePolicy(`${spec.slug}-pod`, {
            role: role.name,
            policy: ctx.identity.apply((identity: ClusterIdentity) => pulumi.output(spec.permissions!(identity)))
                .apply((document: PolicyDocument) => JSON.stringify(document)),
        }, { parent }));
    }

    const association = new aws.eks.PodIdentityAssociation(spec.slug, {
        clusterName: ctx.cluster.name,
        namespace: spec.namespace,
        serviceAccount: spec.serviceAccount,
        roleArn: role.arn,
        tags: nameTagFor(ctx.naming, spec.slug),
    }, { parent, dependsOn: grants });
    return { role, association };
}
