import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { ConfigValidationError } from "../../infra/config/errors";
import { parsePlatformConfig } from "../../infra/config/load";
import { PROJECT_DIR } from "../support/stackRun";
import { devConfigWith, devObject } from "./configFixtures";

/** Parses and returns the problem lines; fails the test if the config was accepted. */
function problemsOf(raw: Record<string, string>, stack = "dev"): string[] {
    try {
        parsePlatformConfig(raw, "platform", stack);
    } catch (error) {
        expect(error).toBeInstanceOf(ConfigValidationError);
        const message: string = (error as Error).message;
        expect(message).toMatch(new RegExp(`^Invalid configuration for stack "${stack}" \\(\\d+ problems?\\); nothing was created:`));
        return message.split("\n").slice(1).map((line: string) => line.replace(/^ {2}- /, ""));
    }
    throw new Error("configuration was accepted but should have been rejected");
}

const network = (changes: Record<string, unknown>) => devConfigWith({ "platform:network": { ...devObject("platform:network"), ...changes } });

/** The baseline owner of the committed account: the role whose stack file configures the trail. */
const OWNER = { id: "123456789012", baseline: "owner" };

describe("stack configuration validation", () => {
    it("accepts both committed stack files", () => {
        expect(() => parsePlatformConfig(devConfigWith({}), "platform", "dev")).not.toThrow();
    });

    it("rejects a CIDR that does not parse, naming key, value and what is allowed", () => {
        expect(problemsOf(network({ vpcCidr: "10.0.0.300/16" }))).toEqual([
            'platform:network.vpcCidr: got "10.0.0.300/16"; allowed: an IPv4 CIDR block with prefix /16 to /21 and no host bits set (for example 10.0.0.0/16)',
        ]);
    });

    it("rejects a CIDR with host bits set or an out-of-range prefix", () => {
        expect(problemsOf(network({ vpcCidr: "10.0.0.1/16" }))[0]).toMatch(/^platform:network\.vpcCidr: got "10\.0\.0\.1\/16"/);
        expect(problemsOf(network({ vpcCidr: "10.0.0.0/8" }))[0]).toMatch(/^platform:network\.vpcCidr: got "10\.0\.0\.0\/8"/);
    });

    it("rejects subnet sizing that does not fit the VPC", () => {
        const [line] = problemsOf(network({ vpcCidr: "10.0.0.0/20", subnetSizing: { private: { newBits: 2 }, public: { newBits: 7 }, database: { newBits: 7 } } }));
        expect(line).toMatch(/^platform:network\.subnetSizing: got \{"private":\{"newBits":2\}.*allowed: subnet sizes whose 3 tiers x 6 zone slots fit in 10\.0\.0\.0\/20 \(this sizing needs 6528 addresses, the VPC has 4096\)/);
    });

    it("rejects subnets smaller than AWS allows", () => {
        expect(problemsOf(network({ vpcCidr: "10.0.0.0/21", subnetSizing: { private: { newBits: 4 }, public: { newBits: 8 }, database: { newBits: 7 } } })))
            .toContain("platform:network.subnetSizing.public.newBits: got 8; allowed: at most 7 for 10.0.0.0/21 (AWS subnets are /28 or larger)");
    });

    it("rejects transit-gateway destinations that overlap the VPC", () => {
        expect(problemsOf(network({ transitGateway: { enabled: true, transitGatewayId: "tgw-0123456789abcdef0", destinationCidrs: ["10.20.64.0/18", "10.0.0.0/8"] } }))).toEqual([
            'platform:network.transitGateway.destinationCidrs[0]: got "10.20.64.0/18"; allowed: a CIDR block that does not overlap the VPC 10.20.0.0/16',
            'platform:network.transitGateway.destinationCidrs[1]: got "10.0.0.0/8"; allowed: a CIDR block that does not overlap the VPC 10.20.0.0/16',
        ]);
    });

    describe("availability zones by zone id", () => {
        const zones = (availabilityZoneIds: unknown, region = "us-east-1") => devConfigWith({
            "aws:region": region,
            "platform:network": { ...devObject("platform:network"), availabilityZoneIds },
        });
        const HOW_TO_LIST = 'list your account\'s with: aws ec2 describe-availability-zones --region us-east-1 --query "AvailabilityZones[].[ZoneName,ZoneId]"';

        it("requires the list (no default: which zones is a per-account decision), 2 to 6 ids", () => {
            const { availabilityZoneIds: _omitted, ...withoutZones } = devObject("platform:network");
            expect(problemsOf(devConfigWith({ "platform:network": withoutZones }))).toEqual([
                `platform:network.availabilityZoneIds: missing; required: 2 to 6 distinct zone ids of us-east-1 such as [use1-az1, use1-az2] (${HOW_TO_LIST})`,
            ]);
            expect(problemsOf(zones(["use1-az1"]))).toEqual([
                `platform:network.availabilityZoneIds: got ["use1-az1"]; allowed: 2 to 6 distinct zone ids of us-east-1 such as [use1-az1, use1-az2] (${HOW_TO_LIST})`,
            ]);
        });

        it("rejects zone names, ids of another region, Local Zones and ids without a subnet-plan slot", () => {
            expect(problemsOf(zones(["us-east-1a", "usw2-az1", "use1-bos1-az1", "use1-az7"]))).toEqual([
                'platform:network.availabilityZoneIds[0]: got "us-east-1a"; allowed: a zone id of us-east-1 from use1-az1 to use1-az6 (Local and Wavelength Zones are not supported)',
                'platform:network.availabilityZoneIds[1]: got "usw2-az1"; allowed: a zone id of us-east-1 from use1-az1 to use1-az6 (Local and Wavelength Zones are not supported)',
                'platform:network.availabilityZoneIds[2]: got "use1-bos1-az1"; allowed: a zone id of us-east-1 from use1-az1 to use1-az6 (Local and Wavelength Zones are not supported)',
                'platform:network.availabilityZoneIds[3]: got "use1-az7"; allowed: a zone id of us-east-1 from use1-az1 to use1-az6 (Local and Wavelength Zones are not supported)',
            ]);
        });

        it.each([
            ["us-east-1", "use1-az3", "use1-az1"],
            ["us-west-1", "usw1-az2", "usw1-az1"],
            ["ca-central-1", "cac1-az3", "cac1-az1"],
        ])("rejects the zone EKS does not support in %s (%s), naming the exception and the dated source", (region: string, unsupported: string, supported: string) => {
            expect(problemsOf(zones([supported, unsupported], region))).toEqual([
                `platform:network.availabilityZoneIds[1]: got "${unsupported}"; allowed: a zone id EKS supports for cluster subnets (EKS rejects ${unsupported} in ${region} with UnsupportedAvailabilityZoneException; EKS User Guide "network requirements", checked 2026-12-07)`,
            ]);
        });

        it("accepts the same ids in another region's spelling (eu-central-1 -> euc1, ap-northeast-1 -> apne1)", () => {
            for (const [region, ids] of [["eu-central-1", ["euc1-az1", "euc1-az3"]], ["ap-northeast-1", ["apne1-az4", "apne1-az1"]]] as const) {
                expect(parsePlatformConfig(zones(ids, region), "platform", "dev").availabilityZoneIds).toEqual(ids);
            }
        });

        it("rejects a repeated zone id", () => {
            expect(problemsOf(zones(["use1-az2", "use1-az2"]))).toEqual([
                'platform:network.availabilityZoneIds[1]: got "use1-az2"; allowed: distinct entries ("use1-az2" appears more than once)',
            ]);
        });
    });

    it("rejects unknown enum values", () => {
        expect(problemsOf(network({ natStrategy: "perSubnet" }))).toEqual(['platform:network.natStrategy: got "perSubnet"; allowed: one of none, single, onePerAz']);
        expect(problemsOf(network({ interfaceEndpoints: ["ecr.api", "s4"] }))[0]).toMatch(/^platform:network\.interfaceEndpoints\[1\]: got "s4"; allowed: one of ecr\.api, ecr\.dkr/);
        expect(problemsOf(devConfigWith({ "platform:environment": "qa" }))).toEqual(['platform:environment: got "qa"; allowed: one of dev, staging, prod']);
    });

    it("rejects a minimum greater than its maximum (lifecycle ordering)", () => {
        const security = devObject("platform:security") as { cloudTrail: Record<string, unknown> };
        // The trail is the baseline owner's: only an owner's stack file configures it.
        const lines: string[] = problemsOf(devConfigWith({
            "platform:account": OWNER,
            "platform:security": { ...security, cloudTrail: { ...security.cloudTrail, bucketLifecycle: { transitionToInfrequentAccessDays: 120, transitionToGlacierDays: 90, expirationDays: 60 } } },
        }));
        expect(lines).toEqual([
            "platform:security.cloudTrail.bucketLifecycle.expirationDays: got 60; allowed: an integer from 90 to 3650",
            "platform:security.cloudTrail.bucketLifecycle.transitionToGlacierDays: got 90; allowed: more than transitionToInfrequentAccessDays (120)",
            "platform:security.cloudTrail.bucketLifecycle.expirationDays: got 60; allowed: more than transitionToGlacierDays (90)",
        ]);
        const ordering: string[] = problemsOf(devConfigWith({
            "platform:account": OWNER,
            "platform:security": { ...security, cloudTrail: { ...security.cloudTrail, bucketLifecycle: { transitionToInfrequentAccessDays: 120, transitionToGlacierDays: 90, expirationDays: 95 } } },
        }));
        expect(ordering).toEqual([
            "platform:security.cloudTrail.bucketLifecycle.transitionToGlacierDays: got 90; allowed: more than transitionToInfrequentAccessDays (120)",
        ]);
    });

    it("reports missing required keys", () => {
        const lines: string[] = problemsOf(devConfigWith({ "platform:environment": undefined, "aws:region": undefined, "platform:tags": { owner: "platform-team" } }));
        expect(lines).toEqual([
            "aws:region: missing; required: an AWS Region such as us-east-1 (the commercial Regions as of 2026-12-01, infra/config/regions.ts)",
            "platform:environment: missing; required: one of dev, staging, prod",
            "platform:tags.costCenter: missing; required: 2 to 32 letters, digits or hyphens, such as CC-1234",
            "platform:tags.dataClassification: missing; required: one of public, internal, confidential, restricted",
        ]);
    });

    it("refuses prod settings that would lose data", () => {
        const lines: string[] = problemsOf(devConfigWith({
            "platform:environment": "prod",
            "platform:protection": { protectStatefulResources: true, deletionProtection: false, finalSnapshots: false, retainOnDelete: true },
            // The schema's data defaults are prod-safe; the dev stack's cheap data shape is not.
            "platform:data": {},
            // Dev's user pool (optional MFA, Essentials plan) is not allowed in prod either; not the subject here.
            "platform:integration": undefined,
        }), "prod");
        expect(lines).toEqual([
            "platform:protection.deletionProtection: got false; allowed: true when platform:environment is prod (turning it off could lose data)",
            "platform:protection.finalSnapshots: got false; allowed: true when platform:environment is prod (turning it off could lose data)",
        ]);
    });

    it("refuses a prod network without egress for private subnets", () => {
        expect(problemsOf(devConfigWith({ "platform:environment": "prod", "platform:protection": {}, "platform:data": {}, "platform:integration": undefined, "platform:network": { ...devObject("platform:network"), natStrategy: "none" } }), "prod"))
            .toEqual(['platform:network.natStrategy: got "none"; allowed: single or onePerAz when platform:environment is prod (private subnets need egress for EKS nodes)']);
    });

    it("rejects unknown keys (typos) at every level", () => {
        const lines: string[] = problemsOf({ ...devConfigWith({}), "platform:netwrok": "{}", "platform:network": JSON.stringify({ ...devObject("platform:network"), natStrategey: "single" }) });
        expect(lines).toContain('platform:network.natStrategey: got "single"; allowed: only the keys vpcCidr, availabilityZoneIds, subnetSizing, natStrategy, interfaceEndpoints, flowLogs, transitGateway; did you mean natStrategy?');
        expect(lines).toContain("platform:netwrok: got {}; allowed: a key this program or its providers read (aws:region, platform:environment, platform:account, platform:tags, platform:protection, platform:network, platform:security, platform:compute, platform:data, platform:edge, platform:operations, platform:integration, platform:delivery, the AWS provider's aws:* settings, pulumi:*); did you mean platform:network?");
    });

    it("reports every field problem at once", () => {
        const lines: string[] = problemsOf(devConfigWith({
            "platform:tags": { owner: "x", costCenter: "CC 1", dataClassification: "secret" },
            "platform:network": { vpcCidr: "banana", availabilityZoneIds: "use1-az1", natStrategy: "double" },
        }));
        expect(lines.map((l: string) => l.split(":").slice(0, 2).join(":"))).toEqual([
            "platform:tags.owner", "platform:tags.costCenter", "platform:tags.dataClassification",
            "platform:network.vpcCidr", "platform:network.availabilityZoneIds", "platform:network.natStrategy",
        ]);
    });

    it("rejects log retention values CloudWatch does not accept", () => {
        expect(problemsOf(network({ flowLogs: { retentionInDays: 45 } }))[0]).toMatch(/^platform:network\.flowLogs\.retentionInDays: got 45; allowed: one of 1, 3, 5, 7, 14, 30, 60, 90/);
    });

    it("rejects a key in a namespace nobody reads, suggesting the nearest known key", () => {
        // A misspelt project namespace: without this check the section would be ignored and its defaults applied.
        const lines: string[] = problemsOf({ ...devConfigWith({}), "platfrom:network": JSON.stringify({ natStrategy: "none" }), "acme:owner": "x" });
        expect(lines).toEqual([
            'platfrom:network: got {"natStrategy":"none"}; allowed: a key this program or its providers read (aws:region, platform:environment, platform:account, platform:tags, platform:protection, platform:network, platform:security, platform:compute, platform:data, platform:edge, platform:operations, platform:integration, platform:delivery, the AWS provider\'s aws:* settings, pulumi:*); did you mean platform:network?',
            'acme:owner: got "x"; allowed: a key this program or its providers read (aws:region, platform:environment, platform:account, platform:tags, platform:protection, platform:network, platform:security, platform:compute, platform:data, platform:edge, platform:operations, platform:integration, platform:delivery, the AWS provider\'s aws:* settings, pulumi:*)',
        ]);
    });

    it("rejects an unknown platform key and an unknown AWS provider setting, accepting the real ones", () => {
        const lines: string[] = problemsOf({ ...devConfigWith({}), "platform:foo": "1", "platform:securty": "{}", "aws:regoin": "us-east-1" });
        expect(lines.map((l: string) => l.replace(/; allowed: .*?(; did you mean [^?]+\?)?$/, "$1"))).toEqual([
            'aws:regoin: got "us-east-1"; did you mean aws:region?',
            'platform:foo: got "1"',
            "platform:securty: got {}; did you mean platform:security?",
        ]);
        expect(() => parsePlatformConfig({ ...devConfigWith({}), "aws:profile": "platform-dev", "aws:skipMetadataApiCheck": "false", "pulumi:template": "aws-typescript" }, "platform", "dev")).not.toThrow();
    });

    it("accepts only Regions AWS has, suggesting the closest", () => {
        expect(problemsOf(devConfigWith({ "aws:region": "us-east-7" }))).toEqual([
            'aws:region: got "us-east-7"; allowed: an AWS Region such as us-east-1 (the commercial Regions as of 2026-12-01, infra/config/regions.ts); did you mean us-east-1?',
        ]);
        expect(problemsOf(devConfigWith({ "aws:region": "mars-north-1" }))[0]).toMatch(/^aws:region: got "mars-north-1"; allowed: an AWS Region such as us-east-1 \([^)]*\)$/);
        const euWest: string[] = problemsOf(devConfigWith({ "aws:region": "eu-wset-1" }));
        expect(euWest[0]).toMatch(/did you mean eu-west-1\?$/);
    });

    it("rejects a repeated entry in a list whose entries become resources, naming key and value", () => {
        expect(problemsOf(network({ interfaceEndpoints: ["ecr.api", "sts", "logs", "sts"] }))).toEqual([
            'platform:network.interfaceEndpoints[3]: got "sts"; allowed: distinct entries ("sts" appears more than once)',
        ]);
        expect(problemsOf(network({ availabilityZoneIds: ["use1-az2", "use1-az2"] }))).toEqual([
            'platform:network.availabilityZoneIds[1]: got "use1-az2"; allowed: distinct entries ("use1-az2" appears more than once)',
        ]);
    });

    it("names the closest allowed spelling of a bad enum value, and none for an unrelated word", () => {
        expect(problemsOf(network({ natStrategy: "oneperaz" }))).toEqual(['platform:network.natStrategy: got "oneperaz"; allowed: one of none, single, onePerAz; did you mean onePerAz?']);
        expect(problemsOf(devConfigWith({ "platform:environment": "prdo" }))).toEqual(['platform:environment: got "prdo"; allowed: one of dev, staging, prod; did you mean prod?']);
        expect(problemsOf(network({ interfaceEndpoints: ["ecr.api", "secretmanager"] }))[0]).toMatch(/^platform:network\.interfaceEndpoints\[1\]: got "secretmanager"; allowed: one of ecr\.api, .*; did you mean secretsmanager\?$/);
        expect(problemsOf(network({ natStrategy: "perSubnet" }))[0]).not.toContain("did you mean");
    });

    it("reports three mistakes of three kinds at once: a bad enum value, a production rule, two settings in the wrong order", () => {
        const security = devObject("platform:security") as { cloudTrail: Record<string, unknown> };
        const lines: string[] = problemsOf(devConfigWith({
            "platform:environment": "prod",
            "platform:account": OWNER,
            "platform:protection": { finalSnapshots: false },
            "platform:network": { ...devObject("platform:network"), natStrategy: "singel" },
            "platform:security": { ...security, cloudTrail: { ...security.cloudTrail, bucketLifecycle: { transitionToInfrequentAccessDays: 120, transitionToGlacierDays: 90, expirationDays: 365 } } },
        }), "prod");
        expect(lines).toEqual([
            'platform:network.natStrategy: got "singel"; allowed: one of none, single, onePerAz; did you mean single?',
            "platform:protection.finalSnapshots: got false; allowed: true when platform:environment is prod (turning it off could lose data)",
            "platform:security.cloudTrail.bucketLifecycle.transitionToGlacierDays: got 90; allowed: more than transitionToInfrequentAccessDays (120)",
        ]);
    });

    it("runs a part's cross-field rules even while another field of the same key is mistyped", () => {
        // natStrategy fails to parse; the subnet sizing rule reads vpcCidr and subnetSizing only, so it still reports.
        const lines: string[] = problemsOf(network({ natStrategy: 3, vpcCidr: "10.0.0.0/20", subnetSizing: { private: { newBits: 2 }, public: { newBits: 7 }, database: { newBits: 7 } } }));
        expect(lines.map((l: string) => l.split(": got")[0])).toEqual(["platform:network.natStrategy", "platform:network.subnetSizing"]);
    });
});

describe("AWS Config and naming inputs", () => {
    it("refuses the retired CloudTrail and AWS Config switches: the baseline owner has both, other stacks neither", () => {
        const security = devObject("platform:security");
        expect(problemsOf(devConfigWith({ "platform:security": { ...security, cloudTrail: { enabled: false }, config: { enabled: false } } }))).toEqual([
            "platform:security.cloudTrail.enabled: got false; allowed: nothing: this switch is gone; account-wide resources follow platform:account.baseline (owner creates them, consumer and organization do not)",
            "platform:security.config.enabled: got false; allowed: nothing: this switch is gone; account-wide resources follow platform:account.baseline (owner creates them, consumer and organization do not)",
        ]);
    });

    it("limits the stack name that physical names are built from", () => {
        expect(problemsOf(devConfigWith({}), "s".repeat(101))).toEqual([
            `stack name: got "${"s".repeat(101)}"; allowed: 1 to 100 letters, digits, hyphens, underscores or periods`,
        ]);
        expect(() => parsePlatformConfig(devConfigWith({}), "platform", "s".repeat(100))).not.toThrow();
    });
});

describe("the README's configuration example", () => {
    it("is exactly what the program prints for that stack file", () => {
        const readme: string = fs.readFileSync(path.join(PROJECT_DIR, "README.md"), "utf8");
        const security = devObject("platform:security") as { cloudTrail: Record<string, unknown> };
        let message = "";
        try {
            parsePlatformConfig(devConfigWith({
                "platfrom:security": { kms: { deletionWindowInDays: 7 } },
                "aws:region": "eu-wset-1",
                "platform:environment": "prod",
                "platform:account": OWNER,
                "platform:protection": { finalSnapshots: false },
                "platform:network": { ...devObject("platform:network"), natStrategy: "singel", interfaceEndpoints: ["ecr.api", "sts", "logs", "sts"] },
                "platform:security": { ...security, cloudTrail: { ...security.cloudTrail, bucketLifecycle: { transitionToInfrequentAccessDays: 120, transitionToGlacierDays: 90, expirationDays: 365 } } },
            }), "platform", "prod");
        } catch (error) {
            message = (error as Error).message;
        }
        expect(message.split("\n")).toHaveLength(7);
        expect(readme).toContain("```\nerror: " + message + "\n```");
    });
});
