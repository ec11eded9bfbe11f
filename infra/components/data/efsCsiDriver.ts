import { physicalName } from "../../platform/naming";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { podIdentityTrustFor } from "../compute/trustPolicies";
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
        // Stack-prefixed: the deploy role may manage only roles named <prefix>-* (deployPermissions.ts).
        name: physicalName(naming, "efs-csi-driver"),
        description: "EFS CSI driver controller (EKS Pod Identity)",
        assumeRolePolicy: pulumi.output(eks.clusterArn)
            .apply((clusterArn: string) => JSON.stringify(podIdentityTrustFor(clusterArn, { namespace: EFS_CSI_NAMESPACE, serviceAccount: EFS_CSI_SERVICE_ACCOUNT }))),
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
        // As for the cluster's own add-ons: the program is the source of truth for add-on settings.
        resolveConflictsOnUpdate: "OVERWRITE",
        tags: nameTag(naming, "efs-csi-driver"),
    }, { parent, dependsOn: [association] });
    return { role, association, addon };
}
