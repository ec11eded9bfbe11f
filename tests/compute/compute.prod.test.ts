import { describeCompute } from "./computeAssertions";

// Values from Pulumi.prod.yaml, written out so a change there is made on purpose here too.
describeCompute({
    stack: "prod",
    clusterName: "platform-prod-eks",
    kubernetesVersion: "1.35",
    upgradePolicy: "EXTENDED",
    zones: 3,
    logRetentionDays: 365,
    privateAccessCidrs: ["10.40.0.0/16"],
    protect: true,
    deletionProtection: true,
    nodeGroups: [
        {
            name: "system", capacityType: "ON_DEMAND", instanceTypes: ["m6i.large"], amiType: "AL2023_x86_64_STANDARD", scaling: { minSize: 3, desiredSize: 3, maxSize: 6 }, diskSizeGiB: 50,
            taints: [{ key: "CriticalAddonsOnly", value: "true", effect: "NO_SCHEDULE" }],
        },
        {
            name: "general", capacityType: "ON_DEMAND", instanceTypes: ["m6i.xlarge"], amiType: "AL2023_x86_64_STANDARD", scaling: { minSize: 3, desiredSize: 3, maxSize: 12 }, diskSizeGiB: 100,
            taints: [],
        },
        {
            name: "spot", capacityType: "SPOT", instanceTypes: ["m6i.xlarge", "m6a.xlarge", "m5.xlarge", "m5a.xlarge"], amiType: "AL2023_x86_64_STANDARD", scaling: { minSize: 3, desiredSize: 3, maxSize: 30 }, diskSizeGiB: 100,
            taints: [{ key: "platform.io/spot", value: "true", effect: "NO_SCHEDULE" }],
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
