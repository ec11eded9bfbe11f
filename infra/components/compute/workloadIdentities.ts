import { IdentityStatementConfig, WorkloadIdentityConfig } from "../../config/computeConfig";
import { PolicyDocument, policyDocument } from "../security/policyDocument";
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

/**
 * One Pod Identity role per configured workload. Roles without statements still exist, so other
 * layers (the data tier's grants) can attach their own least-privilege policies to them by name.
 */
export function createWorkloadIdentities(ctx: PodIdentityContext, workloads: readonly WorkloadIdentityConfig[]): Map<string, PodIdentityRole> {
    const roles = new Map<string, PodIdentityRole>();
    for (const workload of workloads) {
        roles.set(workload.name, createPodIdentityRole(ctx, {
            slug: `workload-${workload.name}`,
            description: `Workload ${workload.namespace}/${workload.serviceAccount}`,
            namespace: workload.namespace,
            serviceAccount: workload.serviceAccount,
            permissions: workload.statements.length > 0 ? () => workloadPermissions(workload) : undefined,
        }));
    }
    return roles;
}
