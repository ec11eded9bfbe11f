import { describe, expect, it } from "vitest";
import { parsePlatformConfig } from "../../infra/config/load";
import { PlatformConfig } from "../../infra/config/platformConfig";
import { devConfigWith, devObject } from "../config/configFixtures";
import { problemsOf } from "../support/configProblems";
import { stackConfiguration } from "../support/stackRun";

const OWNER = { id: "123456789012", baseline: "owner" };
const MONITOR = "arn:aws:ce::123456789012:anomalymonitor/0d2c6f7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f";

describe("platform:account is validated before anything is registered", () => {
    it("is required: no account id, no role", () => {
        expect(problemsOf(devConfigWith({ "platform:account": {} }))).toEqual([
            "platform:account.id: missing; required: a 12-digit AWS account id, quoted so YAML keeps it a string (such as \"123456789012\")",
            "platform:account.baseline: missing; required: owner (this stack creates and protects the account-wide resources), consumer (another stack of the account owns them) or organization (an organisation such as Control Tower manages them)",
        ]);
    });

    it("names the bad id, the unknown role (with the near miss) and unknown keys, all at once", () => {
        expect(problemsOf(devConfigWith({ "platform:account": { id: 12345678901, baseline: "owners", region: "us-east-1" } }))).toEqual([
            "platform:account.id: got 12345678901; allowed: a 12-digit AWS account id, quoted so YAML keeps it a string (such as \"123456789012\")",
            "platform:account.baseline: got \"owners\"; allowed: owner (this stack creates and protects the account-wide resources), consumer (another stack of the account owns them) or organization (an organisation such as Control Tower manages them); did you mean owner?",
            "platform:account.region: got \"us-east-1\"; allowed: only the keys id, baseline",
        ]);
    });

    it("the committed stacks: one shared account, prod the owner, dev the consumer", () => {
        const load = (stack: string): PlatformConfig => parsePlatformConfig(stackConfiguration(stack).config, "platform", stack);
        expect(load("prod").account).toEqual(OWNER);
        expect(load("dev").account).toEqual({ id: "123456789012", baseline: "consumer" });
        expect(load("prod").security.cloudTrail.enabled && load("prod").security.config.enabled).toBe(true);
        expect(load("dev").security.cloudTrail.enabled || load("dev").security.config.enabled).toBe(false);
    });

    it("every account id in a committed stack file is the stack's platform:account.id", () => {
        for (const stack of ["dev", "prod"]) {
            const config: Record<string, string> = stackConfiguration(stack).config;
            const id: string = (JSON.parse(config["platform:account"]) as { id: string }).id;
            const named: string[] = Object.values(config).flatMap((value: string) => [...value.matchAll(/(?:arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:|\b)(\d{12})(?=[:.]|\.dkr|$)/g)].map((m: RegExpMatchArray) => m[1]));
            expect(named.length, stack).toBeGreaterThan(3);
            expect(named.filter((other: string) => other !== id), stack).toEqual([]);
        }
    });

    it("a consumer whose config still sets owner-only settings or features is refused, each setting named", () => {
        const security = devObject("platform:security");
        expect(problemsOf(devConfigWith({
            "platform:security": { ...security, guardDuty: { features: { runtimeMonitoring: false } }, config: { globalResourcesRegion: "eu-west-1" } },
            "platform:operations": { ...devObject("platform:operations"), cloudTrailDataEvents: { enabled: true }, costAnomaly: { enabled: true } },
        }))).toEqual([
            "platform:security.guardDuty: got {\"features\":{\"s3DataEvents\":true,\"eksAuditLogs\":true,\"runtimeMonitoring\":false,\"rdsLoginEvents\":true,\"malwareProtecti...; allowed: the defaults (leave it out) when platform:account.baseline is consumer: only the baseline owner's stack creates the guardDuty resources, so its settings apply",
            "platform:security.config: got {\"globalResourcesRegion\":\"eu-west-1\"}; allowed: the defaults (leave it out) when platform:account.baseline is consumer: only the baseline owner's stack creates the config resources, so its settings apply",
            "platform:operations.cloudTrailDataEvents.enabled: got true; allowed: false when platform:account.baseline is consumer (data events are selected on the account trail, which the baseline owner's stack declares)",
            "platform:operations.costAnomaly.monitorArn: missing; required: the ARN of the baseline owner's cost anomaly monitor (its stack output costAnomalyMonitorArn) when costAnomaly.enabled is true and platform:account.baseline is consumer, or costAnomaly.enabled: false (AWS allows one AWS services monitor per account)",
        ]);
    });

    it("retired per-resource switches are refused with the reason, in platform:security and platform:delivery", () => {
        const reason = "nothing: this switch is gone; account-wide resources follow platform:account.baseline (owner creates them, consumer and organization do not)";
        expect(problemsOf(devConfigWith({
            "platform:account": OWNER,
            "platform:security": { ...devObject("platform:security"), guardDuty: { enabled: true }, ebsEncryptionByDefault: { enabled: false } },
            "platform:delivery": { ...devObject("platform:delivery"), github: { ...(devObject("platform:delivery").github as object), createProvider: false } },
        }))).toEqual([
            `platform:security.guardDuty.enabled: got true; allowed: ${reason}`,
            `platform:security.ebsEncryptionByDefault: got {"enabled":false}; allowed: ${reason}`,
            "platform:delivery.github.createProvider: got false; allowed: nothing: the GitHub OIDC provider (one per URL per account) follows platform:account.baseline: the owner's stack creates it, consumer and organization stacks look it up by URL",
        ]);
    });

    it("ARNs that must be in the stack's account: the cost anomaly monitor and the private integration's listener", () => {
        const integration = JSON.parse(stackConfiguration("prod").config["platform:integration"]) as { api: { vpcLink: Record<string, unknown> } };
        integration.api.vpcLink.listenerArn = "arn:aws:elasticloadbalancing:us-west-2:210987654321:listener/app/other/50dc6c495c0c9188/f2f7dc8efc522ab2";
        expect(problemsOf(devConfigWith({
            "platform:integration": integration,
            "platform:operations": { ...devObject("platform:operations"), costAnomaly: { enabled: true, monitorArn: MONITOR.replace("123456789012", "210987654321") } },
        }))).toEqual([
            "platform:integration.api.vpcLink.listenerArn: got \"arn:aws:elasticloadbalancing:us-west-2:210987654321:listener/app/other/50dc6c495c0c9188/f2f7dc8efc522ab2\"; allowed: a listener of the stack's own internal load balancer in account 123456789012 (platform:account.id)",
            "platform:operations.costAnomaly.monitorArn: got \"arn:aws:ce::210987654321:anomalymonitor/0d2c6f7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f\"; allowed: the cost anomaly monitor of this account in account 123456789012 (platform:account.id)",
        ]);
    });

    it("a consumer subscribes to the owner's monitor by ARN; the owner may not name one", () => {
        expect(() => parsePlatformConfig(devConfigWith({
            "platform:operations": { ...devObject("platform:operations"), costAnomaly: { enabled: true, monitorArn: MONITOR } },
        }), "platform", "dev")).not.toThrow();
        expect(problemsOf(devConfigWith({
            "platform:account": OWNER,
            "platform:operations": { ...devObject("platform:operations"), costAnomaly: { enabled: true, monitorArn: MONITOR } },
        }))).toEqual([
            `platform:operations.costAnomaly.monitorArn: got "${MONITOR}"; allowed: no monitorArn when platform:account.baseline is owner (the owner creates the account's AWS services monitor and subscribes to it)`,
        ]);
    });
});
