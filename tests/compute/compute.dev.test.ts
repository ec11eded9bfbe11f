import { describeCompute } from "./computeAssertions";

// Values from Pulumi.dev.yaml, written out so a change there is made on purpose here too.
describeCompute({
    stack: "dev",
    clusterName: "platform-dev-eks",
    kubernetesVersion: "1.35",
    upgradePolicy: "STANDARD",
    zones: 2,
    logRetentionDays: 30,
    privateAccessCidrs: ["10.20.0.0/16"],
    protect: false,
    deletionProtection: false,
    nodeGroups: [
        {
            name: "system", capacityType: "ON_DEMAND", instanceTypes: ["t4g.medium"], amiType: "AL2023_ARM_64_STANDARD", scaling: { minSize: 1, desiredSize: 1, maxSize: 2 }, diskSizeGiB: 20,
            taints: [{ key: "CriticalAddonsOnly", value: "true", effect: "NO_SCHEDULE" }],
        },
        {
            name: "workers", capacityType: "SPOT", instanceTypes: ["m6i.large", "m6a.large", "m5.large", "m5a.large"], amiType: "AL2023_x86_64_STANDARD", scaling: { minSize: 1, desiredSize: 1, maxSize: 4 }, diskSizeGiB: 30,
            taints: [],
        },
    ],
    fargateNamespaces: ["batch"],
    administrators: ["arn:aws:iam::123456789012:role/platform-admins"],
    breakGlassClusterAdmins: ["arn:aws:iam::123456789012:role/platform-cluster-admin"],
    viewers: ["arn:aws:iam::123456789012:role/platform-developers"],
    workloads: [
        { name: "orders-api", namespace: "orders", serviceAccount: "orders-api", credentials: "podIdentity" },
        { name: "batch-jobs", namespace: "batch", serviceAccount: "batch-jobs", credentials: "irsa" },
    ],
});
