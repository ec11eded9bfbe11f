import { PolicyDocument } from "../security/policyDocument";
import { serviceTrustPolicy } from "../security/servicePrincipalStatements";
import { ClusterIdentity, clusterArn, fargateProfileArnPattern } from "./clusterContext";

/**
 * Trust policies of the compute layer. Each names its service principal and carries only the
 * conditions AWS documents for it (SERVICE_PRINCIPALS in security/servicePrincipals.ts): a condition
 * the service does not send locks it out.
 */

/**
 * EKS assumes the cluster role. The EKS User Guide's cluster role trust has no condition, and EKS
 * documents no confused-deputy key for it, so none is written.
 */
export function clusterRoleTrust(): PolicyDocument {
    return serviceTrustPolicy("EksControlPlane", "eks.amazonaws.com");
}

/**
 * EC2 assumes the node role for the instances the node groups launch. EC2 passes no source
 * account or ARN when it fetches instance-profile credentials; the role is reachable only through
 * this cluster's instance profiles, which EKS creates for its node groups.
 */
export function nodeRoleTrust(): PolicyDocument {
    return serviceTrustPolicy("Ec2Nodes", "ec2.amazonaws.com");
}

/** Fargate runs pods of this cluster's profiles only: aws:SourceArn on the profile ARNs, as the EKS User Guide shows. */
export function fargatePodExecutionTrust(identity: ClusterIdentity): PolicyDocument {
    return serviceTrustPolicy("EksFargatePods", "eks-fargate-pods.amazonaws.com", { "aws:SourceArn": fargateProfileArnPattern(identity) });
}

/** The service account a Pod Identity role is for. */
export interface PodIdentityBinding {
    readonly namespace: string;
    readonly serviceAccount: string;
}

/**
 * EKS Pod Identity: the EKS Auth service assumes the role and tags the session. AWS documents the
 * trust without conditions and the session tags as the way to narrow it (pod-id-role, pod-id-abac),
 * so the role is pinned to this cluster (eks-cluster-arn) and to the one namespace and service
 * account its PodIdentityAssociation binds. aws:SourceArn is not documented for Pod Identity and stopped
 * credentials from being issued in the field (awslabs/mountpoint-s3-csi-driver#781); with the VPC CNI
 * that means pods without addresses. The association must keep session tags on (disableSessionTags unset).
 */
export function podIdentityTrust(identity: ClusterIdentity, binding: PodIdentityBinding): PolicyDocument {
    return podIdentityTrustFor(clusterArn(identity), binding);
}

/** The same trust, for layers that hold the cluster's ARN rather than its identity (the data tier's EFS CSI driver). */
export function podIdentityTrustFor(trustedClusterArn: string, binding: PodIdentityBinding): PolicyDocument {
    return serviceTrustPolicy("EksPodIdentity", "pods.eks.amazonaws.com", {
        "aws:RequestTag/eks-cluster-arn": trustedClusterArn,
        "aws:RequestTag/kubernetes-namespace": binding.namespace,
        "aws:RequestTag/kubernetes-service-account": binding.serviceAccount,
    });
}
