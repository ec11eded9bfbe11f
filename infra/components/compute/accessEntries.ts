import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ClusterAccessConfig } from "../../config/computeConfig";
import { NamingContext, nameTagFor } from "../../platform/naming";

/** EKS access policies by the role a principal plays; each is associated at cluster scope. */
export const ACCESS_POLICIES = {
    administrator: "AmazonEKSAdminPolicy",
    breakGlass: "AmazonEKSClusterAdminPolicy",
    viewer: "AmazonEKSViewPolicy",
} as const;

type AccessRole = keyof typeof ACCESS_POLICIES;

export interface AccessEntriesArgs {
    readonly access: ClusterAccessConfig;
    readonly naming: NamingContext;
    readonly cluster: aws.eks.Cluster;
    readonly partition: pulumi.Input<string>;
    readonly parent: pulumi.Resource;
}

/**
 * The only way into the cluster (authenticationMode API, no creator admin): one access entry per
 * principal and one access policy association. Logical names come from the principal ARN, so
 * reordering the lists never replaces an entry.
 */
export function createAccessEntries(args: AccessEntriesArgs): aws.eks.AccessEntry[] {
    const entries: aws.eks.AccessEntry[] = [];
    const grant = (role: AccessRole, principalArn: string): void => {
        const slug = `${role}-${principalSlug(principalArn)}`;
        const entry = new aws.eks.AccessEntry(slug, {
            clusterName: args.cluster.name,
            principalArn,
            type: "STANDARD",
            tags: nameTagFor(args.naming, `access-${slug}`),
        }, { parent: args.parent });
        new aws.eks.AccessPolicyAssociation(slug, {
            clusterName: args.cluster.name,
            principalArn: entry.principalArn,
            policyArn: pulumi.interpolate`arn:${args.partition}:eks::aws:cluster-access-policy/${ACCESS_POLICIES[role]}`,
            accessScope: { type: "cluster" },
        }, { parent: args.parent });
        entries.push(entry);
    };
    args.access.administrators.forEach((arn: string) => grant("administrator", arn));
    args.access.breakGlassClusterAdmins.forEach((arn: string) => grant("breakGlass", arn));
    args.access.viewers.forEach((arn: string) => grant("viewer", arn));
    return entries;
}

/** arn:aws:iam::123456789012:role/platform-admins -> 123456789012-role-platform-admins */
export function principalSlug(arn: string): string {
    const match = /^arn:[^:]+:iam::(\d{12}):(.+)$/.exec(arn);
    const body: string = match ? `${match[1]}-${match[2]}` : arn;
    return body.replace(/[^A-Za-z0-9-]+/g, "-").replace(/-+/g, "-").replace(/^-|-$/g, "").toLowerCase();
}
