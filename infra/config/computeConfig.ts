/**
 * The validated `platform:compute` slice: the EKS cluster, its nodes, add-ons and workload identities.
 * Built by infra/config/computeSchema.ts; the compute component receives exactly this object.
 */
export type CapacityType = "ON_DEMAND" | "SPOT";
export type NodeAmiType = "AL2023_x86_64_STANDARD" | "AL2023_ARM_64_STANDARD" | "BOTTLEROCKET_x86_64" | "BOTTLEROCKET_ARM_64";
export type TaintEffect = "NO_SCHEDULE" | "NO_EXECUTE" | "PREFER_NO_SCHEDULE";

export interface EndpointConfig {
    /** Off in prod. In dev only together with publicAccessCidrs. */
    readonly publicAccess: boolean;
    /** Who may reach the public endpoint; never 0.0.0.0/0. */
    readonly publicAccessCidrs: readonly string[];
    /** Networks outside the cluster (VPN, CI runners, the VPC itself) allowed to reach the private endpoint on 443. */
    readonly privateAccessCidrs: readonly string[];
}

export interface ControlPlaneLogsConfig {
    readonly retentionInDays: number;
}

/**
 * Who may call the Kubernetes API, as EKS access entries (authenticationMode API). Every ARN must
 * name an IAM principal that already exists when `pulumi up` runs (CreateAccessEntry fails
 * otherwise; a principal recreated under the same ARN is not admitted again), and a principal
 * appears in one list only (one access entry per principal).
 */
export interface ClusterAccessConfig {
    /** IAM role/user ARNs with admin rights in every namespace (AmazonEKSAdminPolicy, cluster scope): no CRDs, ClusterRoles or webhooks. */
    readonly administrators: readonly string[];
    /**
     * Required: IAM roles with cluster-admin (AmazonEKSClusterAdminPolicy), the break-glass and
     * bootstrap path (CRDs, controllers, namespaces). Each use is audited: CloudTrail records who
     * assumed the role, and the control plane's audit and authenticator logs record each request
     * with the role session. The pack's iam-eks-access-config exempts exactly these associations
     * (policy/config/platform.json).
     */
    readonly breakGlassClusterAdmins: readonly string[];
    /** Read-only principals (AmazonEKSViewPolicy, cluster scope; no secrets). */
    readonly viewers: readonly string[];
}

/** STANDARD: EKS upgrades the cluster when standard support ends. EXTENDED: it stays (billed as extended support) until upgraded. */
export type UpgradePolicy = "STANDARD" | "EXTENDED";

export interface NodeTaintConfig {
    readonly key: string;
    readonly value?: string;
    readonly effect: TaintEffect;
}

export interface NodeGroupConfig {
    /** Stable name: part of the node group's and launch template's physical names. */
    readonly name: string;
    readonly capacityType: CapacityType;
    /** Several types of one size for SPOT, so one capacity pool running dry does not empty the group. */
    readonly instanceTypes: readonly string[];
    readonly amiType: NodeAmiType;
    readonly minSize: number;
    /** Initial size only: later changes belong to the autoscaler (ignored after creation). */
    readonly desiredSize: number;
    readonly maxSize: number;
    readonly diskSizeGiB: number;
    readonly labels: Readonly<Record<string, string>>;
    readonly taints: readonly NodeTaintConfig[];
    /** Share of nodes replaced at once during updates. */
    readonly maxUnavailablePercentage: number;
}

export interface FargateSelectorConfig {
    readonly namespace: string;
    readonly labels: Readonly<Record<string, string>>;
}

export interface FargateProfileConfig {
    readonly name: string;
    readonly selectors: readonly FargateSelectorConfig[];
}

/** EKS managed add-ons the program installs; versions are optional pins. */
export const MANAGED_ADDONS = [
    "vpc-cni", "kube-proxy", "eks-pod-identity-agent", "coredns", "aws-ebs-csi-driver", "amazon-cloudwatch-observability",
] as const;
export type ManagedAddonName = (typeof MANAGED_ADDONS)[number];

export interface AddonsConfig {
    /** addon name -> version such as v1.20.4-eksbuild.1; omitted means EKS's default for the cluster version. */
    readonly versions: Readonly<Partial<Record<ManagedAddonName, string>>>;
    /** Container Insights agent (billed per metric and log volume). */
    readonly cloudWatchObservability: boolean;
}

export interface IdentityStatementConfig {
    readonly actions: readonly string[];
    readonly resources: readonly string[];
}

/**
 * How a workload's pods get AWS credentials. podIdentity: EKS Pod Identity (EC2 nodes only).
 * irsa: IAM roles for service accounts through the cluster's OIDC provider; works on Fargate too,
 * and the service account must carry the annotation eks.amazonaws.com/role-arn (stack output
 * eks.irsaRoleArns).
 */
export type WorkloadCredentials = "podIdentity" | "irsa";

export interface WorkloadIdentityConfig {
    /** Stable name: the IAM role is <prefix>-<name>-pod (Pod Identity) or <prefix>-<name>-irsa. */
    readonly name: string;
    readonly namespace: string;
    readonly serviceAccount: string;
    /** podIdentity unless the namespace runs on Fargate (then irsa, enforced by the config check). */
    readonly credentials: WorkloadCredentials;
    /** Least-privilege statements; no wildcard actions, no Resource "*". */
    readonly statements: readonly IdentityStatementConfig[];
}

export interface ComputeConfig {
    /** A version of infra/config/kubernetesVersions.ts still in standard support on the day of the preview. */
    readonly kubernetesVersion: string;
    readonly upgradePolicy: UpgradePolicy;
    readonly endpoint: EndpointConfig;
    readonly controlPlaneLogs: ControlPlaneLogsConfig;
    readonly access: ClusterAccessConfig;
    readonly nodeGroups: readonly NodeGroupConfig[];
    readonly fargateProfiles: readonly FargateProfileConfig[];
    readonly addons: AddonsConfig;
    readonly workloadIdentities: readonly WorkloadIdentityConfig[];
    readonly loadBalancerController: { readonly enabled: boolean };
    readonly karpenter: { readonly enabled: boolean };
}
