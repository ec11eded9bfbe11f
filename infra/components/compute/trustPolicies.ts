import { PolicyDocument, policyDocument } from "../security/policyDocument";
import { ClusterIdentity, clusterArn, fargateProfileArnPattern } from "./clusterContext";

/**
 * Trust policies of the compute layer. Each names its service principal and, where the service
 * supplies them, the confused-deputy conditions aws:SourceAccount and aws:SourceArn.
 */

/** EKS assumes the cluster role for this cluster only (EKS confused-deputy guidance). */
export function clusterRoleTrust(identity: ClusterIdentity): PolicyDocument {
    return policyDocument([{
        Sid: "EksControlPlane",
        Effect: "Allow",
        Principal: { Service: "eks.amazonaws.com" },
        Action: ["sts:AssumeRole", "sts:TagSession"],
        Condition: {
            StringEquals: { "aws:SourceAccount": identity.accountId },
            ArnLike: { "aws:SourceArn": clusterArn(identity) },
        },
    }]);
}

/**
 * EC2 assumes the node role for the instances the node groups launch. EC2 passes no source
 * account or ARN when it fetches instance-profile credentials, so a SourceArn/SourceAccount
 * condition would lock every node out; the role is reachable only through this cluster's
 * instance profiles, which EKS creates for its node groups.
 */
export function nodeRoleTrust(): PolicyDocument {
    return policyDocument([{
        Sid: "Ec2Nodes",
        Effect: "Allow",
        Principal: { Service: "ec2.amazonaws.com" },
        Action: "sts:AssumeRole",
    }]);
}

/** Fargate runs pods of this cluster's profiles only. */
export function fargatePodExecutionTrust(identity: ClusterIdentity): PolicyDocument {
    return policyDocument([{
        Sid: "EksFargatePods",
        Effect: "Allow",
        Principal: { Service: "eks-fargate-pods.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: {
            StringEquals: { "aws:SourceAccount": identity.accountId },
            ArnLike: { "aws:SourceArn": fargateProfileArnPattern(identity) },
        },
    }]);
}

/**
 * EKS Pod Identity: the EKS Auth service assumes the role for pods of this cluster only. Which
 * namespace and service account may use the role is decided by its PodIdentityAssociation.
 */
export function podIdentityTrust(identity: ClusterIdentity): PolicyDocument {
    return podIdentityTrustFor(identity.accountId, clusterArn(identity));
}

/** The same trust, for layers that hold the cluster's ARN rather than its identity (the data tier's EFS CSI driver). */
export function podIdentityTrustFor(accountId: string, trustedClusterArn: string): PolicyDocument {
    return policyDocument([{
        Sid: "EksPodIdentity",
        Effect: "Allow",
        Principal: { Service: "pods.eks.amazonaws.com" },
        Action: ["sts:AssumeRole", "sts:TagSession"],
        Condition: {
            StringEquals: { "aws:SourceAccount": accountId },
            ArnEquals: { "aws:SourceArn": trustedClusterArn },
        },
    }]);
}
