import { describe, expect, it } from "vitest";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { policies } from "../../../policy/policies";
import { UNKNOWN_ARRAY, UNKNOWN_BOOLEAN, resource, runPolicy } from "../support/policyHarness";
import { expectClean, expectFired, expectMetadata } from "../network/cases";

/** Issue 21: res-rds-instance-multi-az (catalogue section 13) and res-cf-origin-failover (left out until now). */

const byName = (name: string) => policies.find((p) => p.name === name) as ResourceValidationPolicy;
const pulumiType = (policy: ResourceValidationPolicy) => (policy.validateResource as unknown as { __pulumiType?: string }).__pulumiType;

describe("res-rds-instance-multi-az", () => {
    const policy = byName("res-rds-instance-multi-az");
    const instance = (props: Record<string, unknown>) => resource("aws:rds/instance:Instance", { engine: "postgres", instanceClass: "db.m7g.large", tagsAll: { Environment: "prod" }, ...props });

    it("metadata: medium, advisory, a single-type policy the server skips for other types", () => {
        expectMetadata(policy, "res-rds-instance-multi-az", "medium");
        expect(pulumiType(policy)).toBe("aws:rds/instance:Instance");
    });
    it("passes a Multi-AZ production instance (boolean or string) and an unknown value", async () => {
        expectClean(await runPolicy(policy, instance({ multiAz: true })));
        expectClean(await runPolicy(policy, instance({ multiAz: "true" })));
        expectClean(await runPolicy(policy, instance({ multiAz: UNKNOWN_BOOLEAN })));
    });
    it("fires in production when multiAz is false or omitted (provider default single-AZ)", async () => {
        expectFired(await runPolicy(policy, instance({ multiAz: false })), policy, "multiAz is false");
        expectFired(await runPolicy(policy, instance({})), policy, "multiAz is not set");
        expectFired(await runPolicy(policy, instance({ tagsAll: undefined, tags: { Environment: "prod" } })), policy, "multiAz");
    });
    it("does not apply outside production, or to Aurora cluster instances", async () => {
        const dev = await runPolicy(policy, instance({ tagsAll: { Environment: "dev" } }));
        expectClean(dev);
        expect(dev.notApplicable.map((n) => n.reason)).toContain("not a production environment");
        expectClean(await runPolicy(policy, resource("aws:rds/clusterInstance:ClusterInstance", { clusterIdentifier: "c", instanceClass: "db.r7g.large", engine: "aurora-postgresql", tagsAll: { Environment: "prod" } })));
    });
    it("honours configured production environment names", async () => {
        expectFired(await runPolicy(policy, instance({ tagsAll: { Environment: "production" } }), { environments: ["production"] }), policy, "multiAz");
    });
});

describe("res-cf-origin-failover", () => {
    const policy = byName("res-cf-origin-failover");
    const group = { originId: "assets-group", failoverCriteria: { statusCodes: [500, 502, 503, 504] }, members: [{ originId: "primary" }, { originId: "secondary" }] };
    const distribution = (props: Record<string, unknown>) => resource("aws:cloudfront/distribution:Distribution", { enabled: true, origins: [{ originId: "primary", domainName: "a.s3.amazonaws.com" }, { originId: "secondary", domainName: "b.s3.amazonaws.com" }], ...props });

    it("metadata: low, advisory, single-type skip", () => {
        expectMetadata(policy, "res-cf-origin-failover", "low");
        expect(pulumiType(policy)).toBe("aws:cloudfront/distribution:Distribution");
    });
    it("passes an origin group with two members and failover status codes; unknown groups pass", async () => {
        expectClean(await runPolicy(policy, distribution({ originGroups: [group] })));
        expectClean(await runPolicy(policy, distribution({ originGroups: UNKNOWN_ARRAY })));
    });
    it("fires without an origin group, with one member, or without status codes", async () => {
        expectFired(await runPolicy(policy, distribution({})), policy, "originGroups is not set");
        expectFired(await runPolicy(policy, distribution({ originGroups: [{ ...group, members: [{ originId: "primary" }] }] })), policy, "originGroups[0].members");
        expectFired(await runPolicy(policy, distribution({ originGroups: [{ ...group, failoverCriteria: { statusCodes: [] } }] })), policy, "originGroups[0].failoverCriteria.statusCodes");
    });
});
