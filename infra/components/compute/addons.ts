import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AddonsConfig, ManagedAddonName } from "../../config/computeConfig";
import { NamingContext, nameTagFor } from "../../platform/naming";
import { PodIdentityContext, PodIdentityRole, PodIdentitySpec, createPodIdentityRole } from "./podIdentity";

/** When an add-on can be installed: some must run before nodes join, others need nodes to schedule on. */
type AddonPhase = "beforeNodes" | "afterNodes";

interface AddonDefinition {
    readonly name: ManagedAddonName;
    readonly phase: AddonPhase;
    /** The add-on's AWS permissions, through Pod Identity on its own service account. */
    readonly identity?: Omit<PodIdentitySpec, "slug" | "description"> & { readonly description: string };
}

/**
 * The managed add-ons. vpc-cni, kube-proxy and the Pod Identity agent run as DaemonSets that nodes
 * need to become Ready, so they exist before the node groups (and vpc-cni's role before vpc-cni);
 * CoreDNS and the EBS CSI controller are Deployments that stay DEGRADED without nodes.
 */
export function addonDefinitions(addons: AddonsConfig): AddonDefinition[] {
    const definitions: AddonDefinition[] = [
        {
            name: "vpc-cni",
            phase: "beforeNodes",
            identity: { description: "VPC CNI (aws-node): manages pod ENIs and IPs", namespace: "kube-system", serviceAccount: "aws-node", managedPolicies: ["AmazonEKS_CNI_Policy"] },
        },
        { name: "kube-proxy", phase: "beforeNodes" },
        { name: "eks-pod-identity-agent", phase: "beforeNodes" },
        { name: "coredns", phase: "afterNodes" },
        {
            name: "aws-ebs-csi-driver",
            phase: "afterNodes",
            identity: { description: "EBS CSI controller: creates and attaches volumes", namespace: "kube-system", serviceAccount: "ebs-csi-controller-sa", managedPolicies: ["AmazonEBSCSIDriverPolicy"] },
        },
    ];
    if (addons.cloudWatchObservability) {
        definitions.push({
            name: "amazon-cloudwatch-observability",
            phase: "afterNodes",
            identity: { description: "CloudWatch agent and Fluent Bit (Container Insights)", namespace: "amazon-cloudwatch", serviceAccount: "cloudwatch-agent", managedPolicies: ["CloudWatchAgentServerPolicy"] },
        });
    }
    return definitions;
}

export interface AddonsArgs {
    readonly addons: AddonsConfig;
    readonly naming: NamingContext;
    readonly identity: PodIdentityContext;
    readonly phase: AddonPhase;
    readonly dependsOn: readonly pulumi.Resource[];
}

export interface InstalledAddon {
    readonly addon: aws.eks.Addon;
    readonly identity?: PodIdentityRole;
}

export function createAddons(args: AddonsArgs): InstalledAddon[] {
    const { parent, cluster } = args.identity;
    return addonDefinitions(args.addons)
        .filter((definition: AddonDefinition) => definition.phase === args.phase)
        .map((definition: AddonDefinition): InstalledAddon => {
            const identity: PodIdentityRole | undefined = definition.identity
                ? createPodIdentityRole(args.identity, { ...definition.identity, slug: definition.name })
                : undefined;
            const addon = new aws.eks.Addon(definition.name, {
                clusterName: cluster.name,
                addonName: definition.name,
                addonVersion: args.addons.versions[definition.name],
                // The program is the source of truth for add-on settings: take over anything
                // installed by hand on create, and reassert the declared settings on update.
                resolveConflictsOnCreate: "OVERWRITE",
                resolveConflictsOnUpdate: "OVERWRITE",
                tags: nameTagFor(args.naming, definition.name),
            }, { parent, dependsOn: [...args.dependsOn, ...(identity ? [identity.association] : [])] });
            return { addon, identity };
        });
}
