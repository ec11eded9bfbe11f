import { z } from "zod";
import type { StackConfig } from "./schema";
import { MANAGED_ADDONS } from "./computeConfig";
import { KubernetesVersionSupport, SUPPORTED_KUBERNETES_VERSIONS, pastStandardSupport, versionSupport, versionsInStandardSupport } from "./kubernetesVersions";
import { configToday } from "./clock";
import { parseCidr } from "./cidr";
import { distinctList, flag, integerBetween, oneOf, oneOfNumbers, strictObject, textMatching } from "./fieldTypes";

/** CloudWatch Logs retention values (kept here too so this file has no runtime import of schema.ts). */
const RETENTION_DAYS: readonly number[] = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/**
 * Access entries name IAM principals that must already exist when `pulumi up` runs: CreateAccessEntry
 * fails for an ARN IAM does not know, and EKS binds the entry to the principal's unique id, so a
 * principal deleted and recreated under the same ARN is no longer admitted (EKS User Guide, "Grant
 * IAM users and roles access to Kubernetes APIs" > "Create access entries"). Offline the program can
 * check only the shape: an IAM role (any path, IAM Identity Center roles included) or user ARN,
 * never an STS assumed-role session ARN. STANDARD entries may name principals of another account
 * (same page), so the account id is not compared with the stack's.
 */
const IAM_PRINCIPAL_ALLOWED = "an existing IAM role or user ARN such as arn:aws:iam::123456789012:role/platform-admins";
const IAM_PRINCIPAL = /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/-]{1,512}$/;
const IAM_ROLE_ALLOWED = "an existing IAM role ARN such as arn:aws:iam::123456789012:role/platform-cluster-admin (break-glass access is a role people assume, so CloudTrail records who assumed it; IAM users carry long-lived keys)";
const IAM_ROLE = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const ASSUMED_ROLE = /^arn:aws[a-z-]*:sts::\d{12}:assumed-role\//;
const ASSUMED_ROLE_ALLOWED = "the IAM role's ARN (arn:aws:iam::<account>:role/<path/name>), not an STS assumed-role session ARN: an access entry names the role and admits every session of it";

/** An access-entry principal: the pattern's message, or the assumed-role one for a session ARN. */
function accessPrincipal(pattern: RegExp, allowed: string) {
    return z.string({ error: allowed })
        .refine((arn: string) => !ASSUMED_ROLE.test(arn), { error: ASSUMED_ROLE_ALLOWED })
        .refine((arn: string) => ASSUMED_ROLE.test(arn) || pattern.test(arn), { error: allowed });
}
/** DNS-1123 label: namespaces (Kubernetes rejects anything else). */
const NAMESPACE = /^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const NAMESPACE_ALLOWED = "a Kubernetes namespace: 1 to 63 lowercase letters, digits or hyphens, starting and ending with a letter or digit";
/** DNS-1123 subdomain: service account names. */
const SERVICE_ACCOUNT = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const SERVICE_ACCOUNT_ALLOWED = "a Kubernetes service account name: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters";
/** Kubernetes label/taint keys: optional DNS prefix, then a name of at most 63 characters. */
const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
/** Short names become physical names (<prefix>-<name>), so they stay small and lowercase. */
const SHORT_NAME = /^[a-z][a-z0-9-]{0,23}$/;
const SHORT_NAME_ALLOWED = "1 to 24 lowercase letters, digits or hyphens, starting with a letter";
const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;
/** Graviton families carry a "g" after the generation digit (m7g, c7gn, r6gd, t4g). */
const ARM_INSTANCE_TYPE = /^[a-z]+\d+[a-z]*g[a-z]*\./;
const IAM_ACTION = /^[a-z0-9-]+:[A-Za-z0-9]+$/;
const ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$/;

const labelsSchema = z.record(
    textMatching(LABEL_KEY, "Kubernetes label keys (optional DNS prefix/, then up to 63 letters, digits, - _ .)"),
    textMatching(LABEL_VALUE, "Kubernetes label values: up to 63 letters, digits, - _ ., starting and ending alphanumeric"),
    { error: "a map of Kubernetes labels" },
).default({});

const taintSchema = strictObject({
    key: textMatching(LABEL_KEY, "a Kubernetes taint key such as CriticalAddonsOnly"),
    value: textMatching(LABEL_VALUE, "a Kubernetes taint value: up to 63 letters, digits, - _ .").optional(),
    effect: oneOf(["NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE"] as const),
});

const nodeGroupSchema = strictObject({
    name: textMatching(SHORT_NAME, SHORT_NAME_ALLOWED),
    capacityType: oneOf(["ON_DEMAND", "SPOT"] as const).default("ON_DEMAND"),
    instanceTypes: z.array(textMatching(INSTANCE_TYPE, "EC2 instance types such as m6i.large"), { error: "a list of EC2 instance types" })
        .min(1, { error: "at least one EC2 instance type such as m6i.large" }),
    amiType: oneOf(["AL2023_x86_64_STANDARD", "AL2023_ARM_64_STANDARD", "BOTTLEROCKET_x86_64", "BOTTLEROCKET_ARM_64"] as const)
        .default("AL2023_x86_64_STANDARD"),
    minSize: integerBetween(0, 450),
    desiredSize: integerBetween(0, 450),
    maxSize: integerBetween(1, 450),
    diskSizeGiB: integerBetween(20, 16384).default(50),
    labels: labelsSchema,
    taints: z.array(taintSchema, { error: "a list of taints { key, value, effect }" }).max(50, { error: "at most 50 taints" }).default([]),
    maxUnavailablePercentage: integerBetween(1, 100).default(33),
});

const fargateProfileSchema = strictObject({
    name: textMatching(SHORT_NAME, SHORT_NAME_ALLOWED),
    selectors: z.array(strictObject({
        namespace: textMatching(NAMESPACE, NAMESPACE_ALLOWED),
        labels: labelsSchema,
    }), { error: "a list of selectors { namespace, labels }" })
        .min(1, { error: "1 to 5 selectors" }).max(5, { error: "1 to 5 selectors (the EKS limit per profile)" }),
});

const identityStatementSchema = strictObject({
    actions: z.array(textMatching(IAM_ACTION, "IAM actions named in full, such as s3:GetObject (no wildcards)"), { error: "a list of IAM actions" })
        .min(1, { error: "at least one IAM action" }),
    resources: z.array(
        z.string({ error: "resource ARNs (never \"*\")" })
            .refine((arn: string) => arn !== "*", { error: "resource ARNs (never \"*\": name the tables, buckets or queues the workload uses)" })
            .refine((arn: string) => arn === "*" || ARN.test(arn), { error: "resource ARNs such as arn:aws:s3:::bucket/prefix/*" }),
        { error: "a list of resource ARNs" },
    ).min(1, { error: "at least one resource ARN" }),
});

const workloadIdentitySchema = strictObject({
    name: textMatching(SHORT_NAME, SHORT_NAME_ALLOWED),
    namespace: textMatching(NAMESPACE, NAMESPACE_ALLOWED),
    serviceAccount: textMatching(SERVICE_ACCOUNT, SERVICE_ACCOUNT_ALLOWED),
    // Pod Identity does not serve Fargate pods; checkFargateCredentials requires irsa there.
    credentials: oneOf(["podIdentity", "irsa"] as const).default("podIdentity"),
    statements: z.array(identityStatementSchema, { error: "a list of statements { actions, resources }" }).default([]),
});

const publicCidr = z.string({ error: "IPv4 CIDR blocks" }).refine((text: string) => {
    const parsed = parseCidr(text);
    return parsed !== undefined && parsed.prefixLength >= 8;
}, { error: "an IPv4 CIDR block with prefix /8 to /32 and no host bits (never 0.0.0.0/0: the API server would be open to the internet)" });

const privateCidr = z.string({ error: "IPv4 CIDR blocks" }).refine((text: string) => {
    const parsed = parseCidr(text);
    return parsed !== undefined && parsed.prefixLength >= 8;
}, { error: "an IPv4 CIDR block with prefix /8 to /32 and no host bits, such as 10.0.0.0/16" });

const addonVersions = strictObject(Object.fromEntries(MANAGED_ADDONS.map((name: string) => [
    name,
    textMatching(/^v\d+\.\d+\.\d+-eksbuild\.\d+$/, "an EKS add-on version such as v1.20.4-eksbuild.1").optional(),
])) as Record<(typeof MANAGED_ADDONS)[number], z.ZodOptional<z.ZodString>>);

export const DEFAULT_NODE_GROUPS = [
    {
        name: "system",
        capacityType: "ON_DEMAND",
        instanceTypes: ["m6i.large"],
        minSize: 2,
        desiredSize: 2,
        maxSize: 3,
        labels: { "platform.io/pool": "system" },
        taints: [{ key: "CriticalAddonsOnly", value: "true", effect: "NO_SCHEDULE" }],
    },
    {
        name: "workers",
        capacityType: "SPOT",
        instanceTypes: ["m6i.large", "m6a.large", "m5.large", "m5a.large"],
        minSize: 2,
        desiredSize: 2,
        maxSize: 10,
        labels: { "platform.io/pool": "workers" },
    },
] as const;

export const computeSchema = strictObject({
    kubernetesVersion: oneOf(SUPPORTED_KUBERNETES_VERSIONS).default("1.35"),
    endpoint: strictObject({
        publicAccess: flag().default(false),
        publicAccessCidrs: z.array(publicCidr, { error: "a list of IPv4 CIDR blocks" }).default([]),
        privateAccessCidrs: z.array(privateCidr, { error: "a list of IPv4 CIDR blocks" }).default([]),
    }).default({ publicAccess: false, publicAccessCidrs: [], privateAccessCidrs: [] }),
    controlPlaneLogs: strictObject({
        retentionInDays: oneOfNumbers(RETENTION_DAYS).default(365),
    }).default({ retentionInDays: 365 }),
    // Standard support only while the version has it (checkKubernetesVersionSupport). STANDARD lets EKS
    // upgrade the cluster when standard support ends; EXTENDED keeps the version (billed as extended
    // support only once standard support has ended) until an operator upgrades it.
    upgradePolicy: oneOf(["STANDARD", "EXTENDED"] as const).default("STANDARD"),
    access: strictObject({
        administrators: z.array(accessPrincipal(IAM_PRINCIPAL, IAM_PRINCIPAL_ALLOWED), { error: "a list of IAM role or user ARNs" }).default([]),
        // Required (checkCompute): the one audited path to cluster-admin.
        breakGlassClusterAdmins: z.array(accessPrincipal(IAM_ROLE, IAM_ROLE_ALLOWED), { error: "a list of IAM role ARNs" }).default([]),
        viewers: z.array(accessPrincipal(IAM_PRINCIPAL, IAM_PRINCIPAL_ALLOWED), { error: "a list of IAM role or user ARNs" }).default([]),
    }).default({ administrators: [], breakGlassClusterAdmins: [], viewers: [] }),
    nodeGroups: distinctList(nodeGroupSchema, (group: { name: string }) => group.name, "a list of node groups { name, instanceTypes, minSize, desiredSize, maxSize, ... }")
        .default(DEFAULT_NODE_GROUPS.map((group) => nodeGroupSchema.parse(group))),
    fargateProfiles: distinctList(fargateProfileSchema, (profile: { name: string }) => profile.name, "a list of Fargate profiles { name, selectors }").default([]),
    addons: strictObject({
        versions: addonVersions.default({}),
        cloudWatchObservability: flag().default(false),
    }).default({ versions: {}, cloudWatchObservability: false }),
    workloadIdentities: distinctList(workloadIdentitySchema, (workload: { name: string }) => workload.name, "a list of workload identities { name, namespace, serviceAccount, statements }").default([]),
    loadBalancerController: strictObject({ enabled: flag().default(true) }).default({ enabled: true }),
    karpenter: strictObject({ enabled: flag().default(false) }).default({ enabled: false }),
});

type RefinementContext = z.RefinementCtx<StackConfig>;

function problem(ctx: RefinementContext, path: (string | number)[], input: unknown, allowed: string): void {
    ctx.addIssue({ code: "custom", path, input, message: allowed });
}

/**
 * Cross-field rules of platform:compute: a pinned version still in standard support, a break-glass
 * cluster-admin role and one access entry per principal, IRSA where Fargate runs the pods, sizes in
 * order, no open endpoint.
 */
export function checkCompute(config: StackConfig, ctx: RefinementContext): void {
    const compute = config["platform:compute"];
    const key = "platform:compute";
    const production: boolean = config["platform:environment"] === "prod";

    checkKubernetesVersionSupport(compute.kubernetesVersion, ctx);
    checkClusterAccess(compute.access, ctx);
    checkFargateCredentials(compute, ctx);
    if (production && compute.endpoint.publicAccess) {
        problem(ctx, [key, "endpoint", "publicAccess"], true, "false when platform:environment is prod (reach the API through the private endpoint)");
    }
    if (compute.endpoint.publicAccess && compute.endpoint.publicAccessCidrs.length === 0) {
        problem(ctx, [key, "endpoint", "publicAccessCidrs"], [], "at least one CIDR block when endpoint.publicAccess is true (EKS would otherwise open the endpoint to 0.0.0.0/0)");
    }
    if (!compute.endpoint.publicAccess && compute.endpoint.publicAccessCidrs.length > 0) {
        problem(ctx, [key, "endpoint", "publicAccessCidrs"], compute.endpoint.publicAccessCidrs, "an empty list while endpoint.publicAccess is false");
    }
    compute.nodeGroups.forEach((group, index: number) => {
        const at: (string | number)[] = [key, "nodeGroups", index];
        if (group.minSize > group.desiredSize) {
            problem(ctx, [...at, "minSize"], group.minSize, `at most desiredSize (${group.desiredSize})`);
        }
        if (group.desiredSize > group.maxSize) {
            problem(ctx, [...at, "desiredSize"], group.desiredSize, `at most maxSize (${group.maxSize})`);
        }
        if (group.capacityType === "SPOT" && group.instanceTypes.length < 2) {
            problem(ctx, [...at, "instanceTypes"], group.instanceTypes, "at least two instance types of one size for a SPOT group (one capacity pool running dry would empty the group)");
        }
        const arm: boolean = group.amiType.includes("ARM");
        group.instanceTypes.forEach((type: string, typeIndex: number) => {
            if (ARM_INSTANCE_TYPE.test(type) !== arm) {
                problem(ctx, [...at, "instanceTypes", typeIndex], type, `an ${arm ? "Arm (Graviton)" : "x86_64"} instance type to match amiType ${group.amiType}`);
            }
        });
        const duplicates: string[] = group.instanceTypes.filter((type: string, i: number) => group.instanceTypes.indexOf(type) !== i);
        if (duplicates.length > 0) {
            problem(ctx, [...at, "instanceTypes"], group.instanceTypes, `distinct instance types ("${duplicates[0]}" appears more than once)`);
        }
    });
    if (compute.nodeGroups.length === 0 && compute.fargateProfiles.length === 0) {
        problem(ctx, [key, "nodeGroups"], [], "at least one node group or Fargate profile (CoreDNS and the add-ons need somewhere to run)");
    }
    compute.fargateProfiles.forEach((profile, index: number) => {
        const namespaces: string[] = profile.selectors.map((s) => s.namespace);
        if (new Set(namespaces).size !== namespaces.length && profile.selectors.every((s) => Object.keys(s.labels).length === 0)) {
            problem(ctx, [key, "fargateProfiles", index, "selectors"], namespaces, "distinct selectors");
        }
    });
}

/**
 * A pinned version past its end of standard support fails the preview: with upgradePolicy STANDARD
 * EKS has upgraded (or is about to upgrade) the cluster and `pulumi up` would try to downgrade it;
 * with EXTENDED the cluster is billed six times the standard rate. Either way the pin moves first.
 */
function checkKubernetesVersionSupport(version: string, ctx: RefinementContext): void {
    const support: KubernetesVersionSupport | undefined = versionSupport(version);
    const today: string = configToday();
    if (!support || !pastStandardSupport(support, today)) {
        return;
    }
    const open: string = versionsInStandardSupport(today)
        .map((entry: KubernetesVersionSupport) => `${entry.version} (until ${entry.endOfStandardSupport}${entry.estimated ? ", estimated" : ""})`)
        .join(", ");
    problem(ctx, ["platform:compute", "kubernetesVersion"], version,
        `a version still in EKS standard support on ${today}: ${open || "none in infra/config/kubernetesVersions.ts; add the new versions there"} `
        + `(${version} left standard support on ${support.endOfStandardSupport}; upgrade the cluster one minor version at a time)`);
}

type AccessList = "administrators" | "breakGlassClusterAdmins" | "viewers";
const ACCESS_LISTS: readonly AccessList[] = ["administrators", "breakGlassClusterAdmins", "viewers"];

/**
 * A break-glass cluster-admin role is required: administrators get AmazonEKSAdminPolicy, which
 * cannot create CRDs, ClusterRoles or webhooks, and the creator's bootstrap admin is off. And a
 * principal appears in one list only: EKS allows one access entry per principal.
 */
function checkClusterAccess(access: Record<AccessList, readonly string[]>, ctx: RefinementContext): void {
    if (access.breakGlassClusterAdmins.length === 0) {
        problem(ctx, ["platform:compute", "access", "breakGlassClusterAdmins"], [],
            "at least one existing IAM role ARN: the audited path to cluster-admin (AmazonEKSClusterAdminPolicy) that installs CRDs, "
            + "ClusterRoles and webhooks (the Load Balancer Controller) and creates namespaces; administrators' AmazonEKSAdminPolicy cannot, "
            + "and bootstrapClusterCreatorAdminPermissions is off");
    }
    const firstSeen = new Map<string, string>();
    for (const list of ACCESS_LISTS) {
        access[list].forEach((arn: string, index: number) => {
            const earlier: string | undefined = firstSeen.get(arn);
            if (earlier) {
                problem(ctx, ["platform:compute", "access", list, index], arn,
                    `a principal in only one of ${ACCESS_LISTS.join(", ")} (already in ${earlier}; EKS allows one access entry per IAM principal)`);
            } else {
                firstSeen.set(arn, `${list}[${index}]`);
            }
        });
    }
}

/**
 * Namespaces where the platform's own controllers get credentials through EKS Pod Identity
 * (addons.ts, loadBalancerController.ts, karpenter.ts, the data tier's EFS CSI driver).
 */
export function platformPodIdentityNamespaces(compute: { addons: { cloudWatchObservability: boolean } }): string[] {
    return ["kube-system", ...(compute.addons.cloudWatchObservability ? ["amazon-cloudwatch"] : [])];
}

interface FargateSelectorView {
    readonly namespace: string;
    readonly labels: Readonly<Record<string, string>>;
}

/**
 * "You can't use EKS Pod Identities with: Pods that run anywhere except Linux Amazon EC2 instances.
 * Linux and Windows pods that run on AWS Fargate (Fargate) aren't supported." (EKS User Guide, EKS
 * Pod Identity restrictions.) A workload in a namespace a Fargate profile selects (with or without
 * labels: the workload's pod labels are not known here) therefore uses IRSA, which works on Fargate
 * and EC2 alike. The platform's own Pod Identity controllers live in kube-system (and
 * amazon-cloudwatch): a selector taking every pod of those namespaces to Fargate would leave them
 * without credentials, so only label-scoped selectors there (CoreDNS on Fargate) are accepted.
 */
function checkFargateCredentials(
    compute: { workloadIdentities: readonly { namespace: string; credentials: string }[]; fargateProfiles: readonly { name: string; selectors: readonly FargateSelectorView[] }[]; addons: { cloudWatchObservability: boolean } },
    ctx: RefinementContext,
): void {
    const servedBy = (namespace: string, labelledToo: boolean): string | undefined => {
        for (const [index, profile] of compute.fargateProfiles.entries()) {
            if (profile.selectors.some((s: FargateSelectorView) => s.namespace === namespace && (labelledToo || Object.keys(s.labels).length === 0))) {
                return `fargateProfiles[${index}] "${profile.name}"`;
            }
        }
        return undefined;
    };
    compute.workloadIdentities.forEach((workload, index: number) => {
        const profile: string | undefined = servedBy(workload.namespace, true);
        if (workload.credentials === "podIdentity" && profile) {
            problem(ctx, ["platform:compute", "workloadIdentities", index, "credentials"], workload.credentials,
                `"irsa" while namespace ${workload.namespace} runs on Fargate (${profile} selects it): EKS Pod Identity does not give Fargate pods credentials`);
        }
    });
    const platformNamespaces: string[] = platformPodIdentityNamespaces(compute);
    compute.fargateProfiles.forEach((profile, profileIndex: number) => {
        profile.selectors.forEach((selector: FargateSelectorView, selectorIndex: number) => {
            if (platformNamespaces.includes(selector.namespace) && Object.keys(selector.labels).length === 0) {
                problem(ctx, ["platform:compute", "fargateProfiles", profileIndex, "selectors", selectorIndex], selector,
                    `a selector with labels in ${selector.namespace} (such as { k8s-app: kube-dns } for CoreDNS): the platform's controllers there `
                    + "get credentials through EKS Pod Identity, which does not serve Fargate pods");
            }
        });
    });
}
