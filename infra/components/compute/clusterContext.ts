import * as pulumi from "@pulumi/pulumi";

/**
 * Account, partition and cluster identity resolved once, so every trust policy and ARN of the
 * compute layer is built from one place. The cluster name is explicit, so its ARN is known before
 * the cluster exists: the cluster role can trust exactly this cluster.
 */
export interface ClusterIdentity {
    readonly accountId: string;
    readonly partition: string;
    readonly region: string;
    readonly clusterName: string;
    readonly vpcId: string;
}

export function clusterArn(identity: ClusterIdentity): string {
    return `arn:${identity.partition}:eks:${identity.region}:${identity.accountId}:cluster/${identity.clusterName}`;
}

export function fargateProfileArnPattern(identity: ClusterIdentity): string {
    return `arn:${identity.partition}:eks:${identity.region}:${identity.accountId}:fargateprofile/${identity.clusterName}/*`;
}

export function managedPolicyArn(identity: ClusterIdentity, name: string): string {
    return `arn:${identity.partition}:iam::aws:policy/${name}`;
}

/** Serialises a document built from the resolved identity (never an invoke: mocks would hide the document). */
export function documentFor(identity: pulumi.Output<ClusterIdentity>, build: (identity: ClusterIdentity) => object): pulumi.Output<string> {
    return identity.apply((resolved: ClusterIdentity) => JSON.stringify(build(resolved)));
}
