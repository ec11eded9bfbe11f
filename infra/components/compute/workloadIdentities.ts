import * as aws from "@pulumi/aws";
import { IdentityStatementConfig, WorkloadIdentityConfig } from "../../config/computeConfig";
import { PolicyDocument, policyDocument } from "../security/policyDocument";
import { IrsaContext, createClusterOidcProvider, createIrsaRole } from "./irsa";
import { PodIdentityContext, PodIdentityRole, createPodIdentityRole } from "./podIdentity";

/** The statements a workload's config names, and nothing else (validated: no wildcards, no "*"). */
export function workloadPermissions(workload: WorkloadIdentityConfig): PolicyDocument {
    return policyDocument(workload.statements.map((statement: IdentityStatementConfig, index: number) => ({
        Sid: `Configured${index}`,
        Effect: "Allow" as const,
        Action: [...statement.actions],
        Resource: [...statement.resources],
    })));
}

export interface WorkloadIdentities {
    /** Workload name -> its IAM role, whichever way pods get its credentials. */
    readonly roles: Map<string, aws.iam.Role>;
    /** Workload name -> role, for IRSA workloads only: their service accounts carry the role ARN annotation. */
    readonly irsaRoles: Map<string, aws.iam.Role>;
    /** The cluster's IAM OIDC provider; created only when a workload uses IRSA. */
    readonly oidcProvider?: aws.iam.OpenIdConnectProvider;
}

/**
 * One role per configured workload: EKS Pod Identity by default, IRSA for workloads whose pods run
 * on Fargate (credentials: irsa; the config check requires it there). Roles without statements
 * still exist, so other layers (the data tier's grants) can attach their own policies by name.
 */
export function createWorkloadIdentities(ctx: PodIdentityContext & IrsaContext, workloads: readonly WorkloadIdentityConfig[]): WorkloadIdentities {
    const roles = new Map<string, aws.iam.Role>();
    const irsaRoles = new Map<string, aws.iam.Role>();
    const oidcProvider: aws.iam.OpenIdConnectProvider | undefined = workloads.some((w: WorkloadIdentityConfig) => w.credentials === "irsa")
        ? createClusterOidcProvider(ctx)
        : undefined;
    for (const workload of workloads) {
        const spec = {
            slug: `workload-${workload.name}`,
            description: `Workload ${workload.namespace}/${workload.serviceAccount}`,
            namespace: workload.namespace,
            serviceAccount: workload.serviceAccount,
        };
        if (workload.credentials === "irsa") {
            const role: aws.iam.Role = createIrsaRole(ctx, oidcProvider!, {
                ...spec,
                permissions: workload.statements.length > 0 ? () => workloadPermissions(workload) : undefined,
            });
            roles.set(workload.name, role);
            irsaRoles.set(workload.name, role);
        } else {
            const podRole: PodIdentityRole = createPodIdentityRole(ctx, {
                ...spec,
                permissions: workload.statements.length > 0 ? () => workloadPermissions(workload) : undefined,
            });
            roles.set(workload.name, podRole.role);
        }
    }
    return { roles, irsaRoles, oidcProvider };
}
