import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PolicyDocument } from "../security/policyDocument";
import { AccountContext } from "../../platform/accountContext";
import { DataNaming, nameTag } from "./context";

export const EFS_CSI_NAMESPACE = "kube-system";
export const EFS_CSI_SERVICE_ACCOUNT = "efs-csi-controller-sa";
export const EFS_CSI_ADDON = "aws-efs-csi-driver";
export const EFS_CSI_MANAGED_POLICY = "AmazonEFSCSIDriverPolicy";

export interface EfsCsiCluster {
    readonly clusterName: pulumi.Input<string>;
    readonly clusterArn: pulumi.Input<string>;
}

export interface EfsCsiDriverArgs {
    readonly naming: DataNaming;
    readonly account: AccountContext;
    readonly parent: pulumi.Resource;
    /** The EKS cluster; without one there is nothing to install the driver into. */
    readonly eks?: EfsCsiCluster;
}

export interface EfsCsiDriver {
    readonly role: aws.iam.Role;
    readonly association: aws.eks.PodIdentityAssociation;
    readonly addon: aws.eks.Addon;
}

/** EKS Pod Identity: only the pods agent of this account, for this cluster, may assume the role. */
export function podIdentityTrustPolicy(accountId: string, clusterArn: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [{
            Sid: "EksPodIdentity",
            Effect: "Allow",
            Principal: { Service: "pods.eks.amazonaws.com" },
            Action: ["sts:AssumeRole", "sts:TagSession"],
            Condition: {
                StringEquals: { "aws:SourceAccount": accountId },
                ArnEquals: { "aws:SourceArn": clusterArn },
            },
        }],
    };
}

/**
 * The aws-efs-csi-driver add-on with its controller's role through Pod Identity. The AWS-managed
 * AmazonEFSCSIDriverPolicy is used because the driver creates and deletes access points for
 * dynamic provisioning, whose ids cannot be known in advance; AWS maintains the policy with the driver.
 */
export function createEfsCsiDriver(args: EfsCsiDriverArgs): EfsCsiDriver | undefined {
    const { eks, account, naming, parent } = args;
    if (!eks) {
        return undefined;
    }
    const role = new aws.iam.Role("efs-csi-driver", {
        description: "EFS CSI driver controller (EKS Pod Identity)",
        assumeRolePolicy: pulumi.all([account.accountId, eks.clusterArn])
            .apply(([accountId, clusterArn]: [string, string]) => JSON.stringify(podIdentityTrustPolicy(accountId, clusterArn))),
        tags: nameTag(naming, "efs-csi-driver"),
    }, { parent });
    const attachment = new aws.iam.RolePolicyAttachment("efs-csi-driver", {
        role: role.name,
        policyArn: pulumi.interpolate`arn:${account.partition}:iam::aws:policy/service-role/${EFS_CSI_MANAGED_POLICY}`,
    }, { parent });
    const association = new aws.eks.PodIdentityAssociation("efs-csi-driver", {
        clusterName: eks.clusterName,
        namespace: EFS_CSI_NAMESPACE,
        serviceAccount: EFS_CSI_SERVICE_ACCOUNT,
        roleArn: role.arn,
        tags: nameTag(naming, "efs-csi-driver"),
    }, { parent, dependsOn: [attachment] });
    const addon = new aws.eks.Addon("efs-csi-driver", {
        clusterName: eks.clusterName,
        addonName: EFS_CSI_ADDON,
        resolveConflictsOnCreate: "OVERWRITE",
        resolveConflictsOnUpdate: "PRESERVE",
        tags: nameTag(naming, "efs-csi-driver"),
    }, { parent, dependsOn: [association] });
    return { role, association, addon };
}
