import { describe, expect, it } from "vitest";
import { ConfigValidationError } from "../../infra/config/errors";
import { parsePlatformConfig } from "../../infra/config/load";
import { EKS_VERSION_CALENDAR, SUPPORTED_KUBERNETES_VERSIONS } from "../../infra/config/kubernetesVersions";
import { setConfigClock } from "../../infra/config/clock";
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
        expect(problemsOf(withGroup({ capacityType: "SPOT", instanceTypes: ["m6i.large"], amiType: "AL2023_x86_64_STANDARD" }))).toEqual([
            'platform:compute.nodeGroups[0].instanceTypes: got ["m6i.large"]; allowed: at least two instance types of one size for a SPOT group (one capacity pool running dry would empty the group)',
        ]);
        expect(problemsOf(withGroup({ instanceTypes: ["m7i.large"] }))).toEqual([
            'platform:compute.nodeGroups[0].instanceTypes[0]: got "m7i.large"; allowed: an Arm (Graviton) instance type to match amiType AL2023_ARM_64_STANDARD',
        ]);
        expect(problemsOf(withGroup({ instanceTypes: ["m7g.large"], amiType: "AL2023_x86_64_STANDARD" }))).toEqual([
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

    describe("access entries", () => {
        const ADMIN = "arn:aws:iam::123456789012:role/platform-admins";
        const BREAK_GLASS = "arn:aws:iam::123456789012:role/platform-cluster-admin";
        const access = (changes: Record<string, unknown>) => compute({ access: { administrators: [ADMIN], breakGlassClusterAdmins: [BREAK_GLASS], ...changes } });

        it("requires a break-glass cluster-admin role: administrators alone cannot install CRDs, controllers or namespaces", () => {
            expect(problemsOf(access({ breakGlassClusterAdmins: [] }))).toEqual([
                "platform:compute.access.breakGlassClusterAdmins: got []; allowed: at least one existing IAM role ARN: the audited path to cluster-admin (AmazonEKSClusterAdminPolicy) that installs CRDs, ClusterRoles and webhooks (the Load Balancer Controller) and creates namespaces; administrators' AmazonEKSAdminPolicy cannot, and bootstrapClusterCreatorAdminPermissions is off",
            ]);
            // The committed prod file is held to the same rule.
            expect(problemsOf(prod({ access: { administrators: [ADMIN] } }), "prod")[0]).toMatch(/^platform:compute\.access\.breakGlassClusterAdmins: got \[\]/);
        });

        it("accepts only IAM roles as break-glass principals", () => {
            expect(problemsOf(access({ breakGlassClusterAdmins: ["arn:aws:iam::123456789012:user/root-like"] }))).toEqual([
                'platform:compute.access.breakGlassClusterAdmins[0]: got "arn:aws:iam::123456789012:user/root-like"; allowed: an existing IAM role ARN such as arn:aws:iam::123456789012:role/platform-cluster-admin (break-glass access is a role people assume, so CloudTrail records who assumed it; IAM users carry long-lived keys)',
            ]);
        });

        it.each(["administrators", "breakGlassClusterAdmins", "viewers"])("rejects an STS assumed-role session ARN in %s, naming the role ARN to use instead", (list: string) => {
            const session = "arn:aws:sts::123456789012:assumed-role/platform-admins/jane";
            expect(problemsOf(access({ [list]: [session] }))).toContain(
                `platform:compute.access.${list}[0]: got "${session}"; allowed: the IAM role's ARN (arn:aws:iam::<account>:role/<path/name>), not an STS assumed-role session ARN: an access entry names the role and admits every session of it`,
            );
        });

        it("accepts role paths (IAM Identity Center roles live under aws-reserved/sso.amazonaws.com/)", () => {
            const sso = "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_PlatformAdmin_0123456789abcdef";
            expect(parsePlatformConfig(access({ administrators: [sso] }), "platform", "dev").compute.access.administrators).toEqual([sso]);
        });

        it("rejects a principal listed twice, within a list or across lists (EKS allows one access entry per principal)", () => {
            expect(problemsOf(access({ viewers: [ADMIN] }))).toEqual([
                `platform:compute.access.viewers[0]: got "${ADMIN}"; allowed: a principal in only one of administrators, breakGlassClusterAdmins, viewers (already in administrators[0]; EKS allows one access entry per IAM principal)`,
            ]);
            expect(problemsOf(access({ administrators: [ADMIN, BREAK_GLASS] }))).toEqual([
                `platform:compute.access.breakGlassClusterAdmins[0]: got "${BREAK_GLASS}"; allowed: a principal in only one of administrators, breakGlassClusterAdmins, viewers (already in administrators[1]; EKS allows one access entry per IAM principal)`,
            ]);
            expect(problemsOf(access({ administrators: [ADMIN, ADMIN] }))[0]).toMatch(/^platform:compute\.access\.administrators\[1\]: .*already in administrators\[0\]/);
        });
    });

    describe("Kubernetes version support dates", () => {
        const at = (isoDate: string, run: () => void): void => {
            const restore = setConfigClock(() => new Date(`${isoDate}T12:00:00Z`));
            try {
                run();
            } finally {
                restore();
            }
        };

        it("dates every version: end of standard support, then end of extended support twelve months later", () => {
            for (const entry of EKS_VERSION_CALENDAR) {
                expect(entry.endOfStandardSupport, entry.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
                expect(entry.endOfExtendedSupport > entry.endOfStandardSupport, entry.version).toBe(true);
                const standard = new Date(entry.endOfStandardSupport);
                const extended = new Date(entry.endOfExtendedSupport);
                expect(extended.getUTCFullYear() * 12 + extended.getUTCMonth() - (standard.getUTCFullYear() * 12 + standard.getUTCMonth()), entry.version).toBe(12);
            }
        });

        it("accepts the pinned 1.35 on its last day of standard support and rejects it the day after, for either upgrade policy", () => {
            at("2027-03-27", () => {
                expect(parsePlatformConfig(compute({ kubernetesVersion: "1.35" }), "platform", "dev").compute.kubernetesVersion).toBe("1.35");
            });
            at("2027-03-28", () => {
                for (const upgradePolicy of ["STANDARD", "EXTENDED"]) {
                    expect(problemsOf(compute({ kubernetesVersion: "1.35", upgradePolicy }))).toEqual([
                        'platform:compute.kubernetesVersion: got "1.35"; allowed: a version still in EKS standard support on 2027-03-28: 1.36 (until 2027-07-31, estimated) (1.35 left standard support on 2027-03-27; upgrade the cluster one minor version at a time)',
                    ]);
                }
            });
        });

        it("rejects a version of the calendar whose standard support has already ended (1.34 on 2026-12-07)", () => {
            at("2026-12-07", () => {
                expect(problemsOf(compute({ kubernetesVersion: "1.34" }))).toEqual([
                    'platform:compute.kubernetesVersion: got "1.34"; allowed: a version still in EKS standard support on 2026-12-07: 1.35 (until 2027-03-27), 1.36 (until 2027-07-31, estimated) (1.34 left standard support on 2026-12-02; upgrade the cluster one minor version at a time)',
                ]);
            });
        });

        it("checks the committed stacks against today's date (this test fails once their pinned version lapses: bump the pin)", () => {
            for (const stack of ["dev", "prod"]) {
                const version = JSON.parse(stackConfiguration(stack).config["platform:compute"]).kubernetesVersion as string;
                const entry = EKS_VERSION_CALENDAR.find((e) => e.version === version)!;
                expect(new Date().toISOString().slice(0, 10) <= entry.endOfStandardSupport, `${stack} pins ${version}`).toBe(true);
            }
        });

        it("rejects an unknown upgrade policy", () => {
            expect(problemsOf(compute({ upgradePolicy: "LONG" }))).toEqual(['platform:compute.upgradePolicy: got "LONG"; allowed: one of STANDARD, EXTENDED']);
        });
    });

    describe("Fargate and Pod Identity", () => {
        const committed = () => devCompute().workloadIdentities as Record<string, unknown>[];
        const withWorkload = (workload: Record<string, unknown>, changes: Record<string, unknown> = {}) =>
            compute({ workloadIdentities: [...committed(), { name: "reports", namespace: "batch", serviceAccount: "reports", ...workload }], ...changes });

        it("requires IRSA for a workload in a namespace a Fargate profile selects (Pod Identity gives Fargate pods no credentials)", () => {
            expect(problemsOf(withWorkload({}))).toEqual([
                'platform:compute.workloadIdentities[2].credentials: got "podIdentity"; allowed: "irsa" while namespace batch runs on Fargate (fargateProfiles[0] "batch" selects it): EKS Pod Identity does not give Fargate pods credentials',
            ]);
            expect(parsePlatformConfig(withWorkload({ credentials: "irsa" }), "platform", "dev").compute.workloadIdentities.map((w) => `${w.name}:${w.credentials}`))
                .toEqual(["orders-api:podIdentity", "batch-jobs:irsa", "reports:irsa"]);
        });

        it("counts label-scoped Fargate selectors too: the workload's pod labels are not known to the config", () => {
            const profiles = [{ name: "batch", selectors: [{ namespace: "orders", labels: { "platform.io/fargate": "true" } }, { namespace: "batch" }] }];
            expect(problemsOf(compute({ fargateProfiles: profiles }))).toEqual([
                'platform:compute.workloadIdentities[0].credentials: got "podIdentity"; allowed: "irsa" while namespace orders runs on Fargate (fargateProfiles[0] "batch" selects it): EKS Pod Identity does not give Fargate pods credentials',
            ]);
        });

        it("rejects a Fargate selector that takes every pod of kube-system (the platform's Pod Identity controllers) and accepts a labelled one", () => {
            const profiles = (labels: Record<string, string>) => [...(devCompute().fargateProfiles as unknown[]), { name: "system", selectors: [{ namespace: "kube-system", labels }] }];
            expect(problemsOf(compute({ fargateProfiles: profiles({}) }))).toEqual([
                'platform:compute.fargateProfiles[1].selectors[0]: got {"namespace":"kube-system","labels":{}}; allowed: a selector with labels in kube-system (such as { k8s-app: kube-dns } for CoreDNS): the platform\'s controllers there get credentials through EKS Pod Identity, which does not serve Fargate pods',
            ]);
            expect(parsePlatformConfig(compute({ fargateProfiles: profiles({ "k8s-app": "kube-dns" }) }), "platform", "dev").compute.fargateProfiles).toHaveLength(2);
        });

        it("rejects an unknown credentials kind", () => {
            expect(problemsOf(withWorkload({ credentials: "kiam" }))).toEqual([
                'platform:compute.workloadIdentities[2].credentials: got "kiam"; allowed: one of podIdentity, irsa',
            ]);
        });
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
            compute({ nodeGroups: [{ ...groups[0], instanceTypes: ["m7g.large"], maxSize: 5 }, groups[1]] }),
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
