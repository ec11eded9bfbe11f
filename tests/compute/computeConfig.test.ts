import { describe, expect, it } from "vitest";
import { ConfigValidationError } from "../../infra/config/errors";
import { parsePlatformConfig } from "../../infra/config/load";
import { SUPPORTED_KUBERNETES_VERSIONS } from "../../infra/config/kubernetesVersions";
import { devConfigWith, devObject } from "../config/configFixtures";
import { stackConfiguration } from "../support/stackRun";
import { namingContext, physicalName } from "../../infra/platform/naming";

/** The problem lines of a rejected configuration; fails when the configuration is accepted. */
function problemsOf(raw: Record<string, string>, stack = "dev"): string[] {
    try {
        parsePlatformConfig(raw, "platform", stack);
    } catch (error) {
        expect(error).toBeInstanceOf(ConfigValidationError);
        return (error as Error).message.split("\n").slice(1).map((line: string) => line.replace(/^ {2}- /, ""));
    }
    throw new Error("configuration was accepted but should have been rejected");
}

const devCompute = (): Record<string, unknown> => devObject("platform:compute");
const compute = (changes: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    devConfigWith({ "platform:compute": { ...devCompute(), ...changes }, ...extra });
const withGroup = (changes: Record<string, unknown>) => {
    const groups = devCompute().nodeGroups as Record<string, unknown>[];
    return compute({ nodeGroups: [{ ...groups[0], ...changes }, groups[1]] });
};
const prod = (changes: Record<string, unknown>) => compute(changes, {
    "platform:environment": "prod",
    // The data tier has production rules of its own; take prod's settings for it.
    "platform:data": JSON.parse(stackConfiguration("prod").config["platform:data"]),
    "platform:protection": { protectStatefulResources: true, deletionProtection: true, finalSnapshots: true, retainOnDelete: true },
    // Dev's user pool settings are not allowed in prod; not the subject of these tests.
    "platform:integration": undefined,
});

describe("platform:compute validation", () => {
    it("accepts the committed dev compute settings", () => {
        expect(parsePlatformConfig(compute({}), "platform", "dev").compute.nodeGroups.map((g) => g.name)).toEqual(["system", "workers"]);
    });

    it("rejects a Kubernetes version outside EKS standard support, listing the supported ones", () => {
        expect(problemsOf(compute({ kubernetesVersion: "1.29" }))).toEqual([
            `platform:compute.kubernetesVersion: got "1.29"; allowed: one of ${SUPPORTED_KUBERNETES_VERSIONS.join(", ")}`,
        ]);
    });

    it("rejects min greater than desired and desired greater than max", () => {
        expect(problemsOf(withGroup({ minSize: 3, desiredSize: 2, maxSize: 4 }))).toEqual([
            "platform:compute.nodeGroups[0].minSize: got 3; allowed: at most desiredSize (2)",
        ]);
        expect(problemsOf(withGroup({ minSize: 1, desiredSize: 5, maxSize: 4 }))).toEqual([
            "platform:compute.nodeGroups[0].desiredSize: got 5; allowed: at most maxSize (4)",
        ]);
    });

    it("rejects empty instance types", () => {
        expect(problemsOf(withGroup({ instanceTypes: [] }))).toEqual([
            "platform:compute.nodeGroups[0].instanceTypes: got []; allowed: at least one EC2 instance type such as m6i.large",
        ]);
    });

    it("rejects a Spot group with a single instance type and an instance type of the wrong architecture", () => {
        expect(problemsOf(withGroup({ capacityType: "SPOT", instanceTypes: ["m6i.large"] }))).toEqual([
            'platform:compute.nodeGroups[0].instanceTypes: got ["m6i.large"]; allowed: at least two instance types of one size for a SPOT group (one capacity pool running dry would empty the group)',
        ]);
        expect(problemsOf(withGroup({ instanceTypes: ["m7g.large"] }))).toEqual([
            'platform:compute.nodeGroups[0].instanceTypes[0]: got "m7g.large"; allowed: an x86_64 instance type to match amiType AL2023_x86_64_STANDARD',
        ]);
    });

    it("rejects two node groups with one name (one URN twice)", () => {
        const groups = devCompute().nodeGroups as Record<string, unknown>[];
        const problems: string[] = problemsOf(compute({ nodeGroups: [groups[0], { ...groups[1], name: "system" }] }));
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(/^platform:compute\.nodeGroups\[1\]: got \{"name":"system".*; allowed: distinct entries \("system" appears more than once\)$/);
    });

    it("rejects a public endpoint in prod", () => {
        expect(problemsOf(prod({ endpoint: { publicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] } }), "prod")).toEqual([
            "platform:compute.endpoint.publicAccess: got true; allowed: false when platform:environment is prod (reach the API through the private endpoint)",
        ]);
    });

    it("rejects a 0.0.0.0/0 allowlist and a public endpoint without an allowlist", () => {
        expect(problemsOf(compute({ endpoint: { publicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] } }))).toEqual([
            'platform:compute.endpoint.publicAccessCidrs[0]: got "0.0.0.0/0"; allowed: an IPv4 CIDR block with prefix /8 to /32 and no host bits (never 0.0.0.0/0: the API server would be open to the internet)',
        ]);
        expect(problemsOf(compute({ endpoint: { publicAccess: true, publicAccessCidrs: [] } }))).toEqual([
            "platform:compute.endpoint.publicAccessCidrs: got []; allowed: at least one CIDR block when endpoint.publicAccess is true (EKS would otherwise open the endpoint to 0.0.0.0/0)",
        ]);
    });

    it("accepts a dev public endpoint with an explicit allowlist", () => {
        const config = parsePlatformConfig(compute({ endpoint: { publicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] } }), "platform", "dev");
        expect(config.compute.endpoint).toMatchObject({ publicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] });
    });

    it("rejects a cluster nobody could administer", () => {
        expect(problemsOf(compute({ access: { administrators: [], viewers: ["arn:aws:iam::123456789012:role/readers"] } }))).toEqual([
            "platform:compute.access.administrators: got []; allowed: at least one IAM principal ARN (cluster-creator admin is off, so without one nobody could reach the cluster)",
        ]);
        expect(problemsOf(compute({ access: { administrators: ["arn:aws:sts::123456789012:assumed-role/admins/me"] } }))[0]).toMatch(
            /^platform:compute\.access\.administrators\[0\]: got "arn:aws:sts::123456789012:assumed-role\/admins\/me"; allowed: an IAM role or user ARN/,
        );
    });

    it("rejects Pod Identity statements with wildcard actions or Resource \"*\"", () => {
        const workload = (statements: unknown) => compute({ workloadIdentities: [{ name: "orders-api", namespace: "orders", serviceAccount: "orders-api", statements }] });
        expect(problemsOf(workload([{ actions: ["s3:*"], resources: ["arn:aws:s3:::orders/*"] }]))).toEqual([
            'platform:compute.workloadIdentities[0].statements[0].actions[0]: got "s3:*"; allowed: IAM actions named in full, such as s3:GetObject (no wildcards)',
        ]);
        expect(problemsOf(workload([{ actions: ["*"], resources: ["*"] }]))).toEqual([
            'platform:compute.workloadIdentities[0].statements[0].actions[0]: got "*"; allowed: IAM actions named in full, such as s3:GetObject (no wildcards)',
            'platform:compute.workloadIdentities[0].statements[0].resources[0]: got "*"; allowed: resource ARNs (never "*": name the tables, buckets or queues the workload uses)',
        ]);
    });

    it("rejects service account and namespace names Kubernetes would reject", () => {
        expect(problemsOf(compute({ workloadIdentities: [{ name: "orders-api", namespace: "Orders", serviceAccount: "orders_api" }] }))).toEqual([
            'platform:compute.workloadIdentities[0].namespace: got "Orders"; allowed: a Kubernetes namespace: 1 to 63 lowercase letters, digits or hyphens, starting and ending with a letter or digit',
            "platform:compute.workloadIdentities[0].serviceAccount: got \"orders_api\"; allowed: a Kubernetes service account name: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters",
        ]);
    });

    it("rejects an unknown key inside a node group", () => {
        expect(problemsOf(withGroup({ instanceType: "m6i.large" }))[0]).toMatch(/^platform:compute\.nodeGroups\[0\]\.instanceType: got "m6i\.large"; allowed: only the keys name, capacityType, instanceTypes/);
    });

    it("reports compute problems together with problems elsewhere in the file", () => {
        const raw = compute({ kubernetesVersion: "1.20" }, { "platform:network": { ...devObject("platform:network"), natStrategy: "double" } });
        expect(problemsOf(raw)).toHaveLength(2);
    });
});

describe("physical names of the compute layer", () => {
    const names = (raw: Record<string, string>): { cluster: string; groups: string[] } => {
        const config = parsePlatformConfig(raw, "platform", "dev");
        const naming = namingContext(config);
        return { cluster: physicalName(naming, "eks"), groups: config.compute.nodeGroups.map((g) => physicalName(naming, g.name)) };
    };

    it("keep the cluster and node group names when unrelated configuration changes", () => {
        const base = names(compute({}));
        expect(base).toEqual({ cluster: "platform-dev-eks", groups: ["platform-dev-system", "platform-dev-workers"] });
        const groups = devCompute().nodeGroups as Record<string, unknown>[];
        const variants: Record<string, string>[] = [
            compute({ kubernetesVersion: "1.36" }),
            compute({ nodeGroups: [{ ...groups[0], instanceTypes: ["m6i.large"], maxSize: 5 }, groups[1]] }),
            compute({ nodeGroups: [groups[1], groups[0]] }),
            compute({}, { "platform:tags": { ...devObject("platform:tags"), owner: "another-team", additional: { Repository: "acme/other" } } }),
            compute({ fargateProfiles: [] }),
        ];
        for (const variant of variants) {
            const renamed = names(variant);
            expect(renamed.cluster).toBe(base.cluster);
            expect([...renamed.groups].sort()).toEqual([...base.groups].sort());
        }
    });
});
