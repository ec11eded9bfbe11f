import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { NamingContext, nameTagFor, physicalName } from "../../platform/naming";
import { PolicyDocument } from "../security/policyDocument";
import { ClusterIdentity, documentFor, managedPolicyArn } from "./clusterContext";
import { clusterRoleTrust, fargatePodExecutionTrust, nodeRoleTrust } from "./trustPolicies";

/** The only AWS-managed policies the control plane needs (no VPC resource controller: no security groups for pods). */
export const CLUSTER_ROLE_POLICIES: readonly string[] = ["AmazonEKSClusterPolicy"];

/**
 * Node permissions: join the cluster and pull images. No AmazonEKS_CNI_Policy: vpc-cni gets its own
 * role through Pod Identity, so a pod that reached the node role could not manage ENIs.
 */
export const NODE_ROLE_POLICIES: readonly string[] = ["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly"];

export const FARGATE_ROLE_POLICIES: readonly string[] = ["AmazonEKSFargatePodExecutionRolePolicy"];

export interface ClusterRoles {
    readonly cluster: aws.iam.Role;
    readonly node: aws.iam.Role;
    /** Undefined when no Fargate profile is configured. */
    readonly fargatePodExecution?: aws.iam.Role;
    /** Attachments the cluster and node groups must wait for. */
    readonly clusterGrants: readonly pulumi.Resource[];
    readonly nodeGrants: readonly pulumi.Resource[];
    readonly fargateGrants: readonly pulumi.Resource[];
}

interface RoleSpec {
    readonly slug: string;
    readonly description: string;
    readonly trust: (identity: ClusterIdentity) => PolicyDocument;
    readonly managedPolicies: readonly string[];
}

export interface ClusterRolesArgs {
    readonly naming: NamingContext;
    readonly identity: pulumi.Output<ClusterIdentity>;
    readonly fargate: boolean;
    readonly parent: pulumi.Resource;
}

export function createClusterRoles(args: ClusterRolesArgs): ClusterRoles {
    const create = (spec: RoleSpec): { role: aws.iam.Role; grants: pulumi.Resource[] } => {
        const role = new aws.iam.Role(spec.slug, {
            name: physicalName(args.naming, spec.slug),
            description: spec.description,
            assumeRolePolicy: documentFor(args.identity, spec.trust),
            tags: nameTagFor(args.naming, spec.slug),
        }, { parent: args.parent });
        const grants: pulumi.Resource[] = spec.managedPolicies.map((policyName: string) => new aws.iam.RolePolicyAttachment(`${spec.slug}-${policyName}`, {
            role: role.name,
            policyArn: args.identity.apply((identity: ClusterIdentity) => managedPolicyArn(identity, policyName)),
        }, { parent: args.parent }));
        return { role, grants };
    };

    const cluster = create({ slug: "eks-cluster", description: "EKS control plane of this cluster", trust: clusterRoleTrust, managedPolicies: CLUSTER_ROLE_POLICIES });
    const node = create({ slug: "eks-node", description: "EKS managed node group instances", trust: nodeRoleTrust, managedPolicies: NODE_ROLE_POLICIES });
    const fargate = args.fargate
        ? create({ slug: "eks-fargate-pod", description: "Fargate pod execution (image pulls) for this cluster's profiles", trust: fargatePodExecutionTrust, managedPolicies: FARGATE_ROLE_POLICIES })
        : undefined;
    return {
        cluster: cluster.role,
        node: node.role,
        fargatePodExecution: fargate?.role,
        clusterGrants: cluster.grants,
        nodeGrants: node.grants,
        fargateGrants: fargate?.grants ?? [],
    };
}
