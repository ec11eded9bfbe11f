import * as fs from "fs";
import * as path from "path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PolicyPackConfig } from "@pulumi/policy";
import { policies } from "../../policy/policies";
import { PolicyReport, evaluatePack } from "../../tools/preview/policy";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { PROJECT_DIR, StackRunResult, runStack } from "../support/stackRun";

/** The policy configuration CI passes with --policy-pack-config: the repository's reviewed exemptions. */
export const REPOSITORY_POLICY_CONFIG: PolicyPackConfig = JSON.parse(
    fs.readFileSync(path.join(PROJECT_DIR, "policy", "config", "platform.json"), "utf8"),
) as PolicyPackConfig;

/**
 * Advisory findings this program is known to produce, each with the reason it is accepted.
 * The README lists the same table; a new advisory finding fails the test until it is justified here.
 */
export const ACCEPTED_ADVISORIES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    dev: {
        "log-log-group-retention": "Dev keeps flow logs and EKS control-plane logs 30 days to save cost. Prod keeps 365 days (and, as the account's baseline owner, the account trail's log group).",
        "iam-cognito-threat-protection": "Dev's user pool is on Cognito's Essentials plan (10,000 MAUs a month free) because threat protection needs the Plus plan ($0.02 per MAU, no free tier); dev holds test users only. Prod runs Plus with threat protection ENFORCED.",
        "res-eks-nodegroup-ha": "Dev node groups start at one node each (one on-demand system node, one Spot worker) to keep the cluster cheap; prod runs at least three per group across three zones.",
        "res-rds-deletion-protection": "Dev turns platform:protection.deletionProtection off so the stack can be torn down; prod forces it on.",
        "res-dynamodb-deletion-protection": "Dev turns platform:protection.deletionProtection off so the stack can be torn down; prod forces it on.",
        "res-elasticache-failover": "Dev runs one cache.t4g.micro node (no replica, so no failover) to save cost; prod requires a replica per shard.",
        "res-secret-recovery-window": "Dev deletes its secrets without a recovery window (recoveryWindowInDays 0) so that destroy-then-create reuses their names the same day; a 30-day window would keep each name taken. Prod keeps 30 days.",
        "res-lambda-concurrency": "Dev reserves no Lambda concurrency: a fresh account's concurrency quota (often 10) admits no reservation, since Lambda keeps 100 unreserved (infra/config/lambdaConcurrency.ts). Prod reserves and names the quota it needs (platform:integration.accountConcurrencyQuota).",
        "net-nondefault-ports": "Aurora listens on 5432 and the cache on 6379 (engine defaults). A non-default port only hides the service from scans for default ports; the data tier is reachable only from the workload clients' security groups in private subnets, with IAM authentication. The ports come from the who-calls-whom wiring (a cache port change replaces the replication group), so it is not changed here (issue 21).",
        "res-cf-origin-failover": "The edge distribution has one S3 origin (static assets); failover needs a second origin (a replica bucket in another Region behind its own OAC), a design decision for the edge owners (issue 21).",
        "log-sns-delivery-status": "The SNS topics (order notifications, alarms) name no <protocol>FailureFeedbackRoleArn yet; adding the delivery-status role belongs to the integration and operations components (issue 21 lists it for their owners).",
    },
    prod: {
        "net-nondefault-ports": "Aurora listens on 5432 and the cache on 6379 (engine defaults). A non-default port only hides the service from scans for default ports; the data tier is reachable only from the workload clients' security groups in private subnets, with IAM authentication. The ports come from the who-calls-whom wiring (a cache port change replaces the replication group), so it is not changed here (issue 21).",
        "res-cf-origin-failover": "The edge distribution has one S3 origin (static assets); failover needs a second origin (a replica bucket in another Region behind its own OAC), a design decision for the edge owners (issue 21).",
        "log-sns-delivery-status": "The SNS topics (order notifications, alarms) name no <protocol>FailureFeedbackRoleArn yet; adding the delivery-status role belongs to the integration and operations components (issue 21 lists it for their owners).",
    },
};

/** Runs this repository's own program for a stack and evaluates the whole pack on it. */
export function describeProgramCompliance(stack: string): void {
    describe(`the program passes the policy pack (${stack})`, () => {
        let result: StackRunResult;
        let report: PolicyReport;
        beforeAll(async () => {
            result = await runStack(stack);
            const byUrn = new Map(result.resources.map((r: RecordedResource) => [r.urn, r]));
            report = await evaluatePack(policies, result.resources, byUrn, REPOSITORY_POLICY_CONFIG);
        });

        it("evaluates every policy of the pack", () => {
            expect(report.resourcePolicies + report.stackPolicies).toBe(policies.length);
            expect(policies.length).toBeGreaterThan(130);
            expect(report.resourceEvaluations).toBeGreaterThan(result.resources.length);
        });

        it("applies only exemptions that carry a reason, each of which removes a real finding", async () => {
            const unexempted: PolicyReport = await evaluatePack(policies, result.resources, new Map(result.resources.map((r: RecordedResource) => [r.urn, r])), {});
            for (const [policy, settings] of Object.entries(REPOSITORY_POLICY_CONFIG)) {
                const exemptions = (settings as { exemptions?: { reason?: string; urnPattern?: string }[] }).exemptions ?? [];
                for (const exemption of exemptions) {
                    expect(typeof exemption.reason === "string" && exemption.reason.length > 20, policy).toBe(true);
                    const pattern = new RegExp(exemption.urnPattern ?? "$^");
                    const removed = unexempted.violations.filter((v) => v.policy === policy && pattern.test(v.urn ?? ""));
                    expect(removed.length, `${policy}: the exemption matches a finding`).toBeGreaterThan(0);
                    expect(report.violations.filter((v) => v.policy === policy && pattern.test(v.urn ?? ""))).toEqual([]);
                }
            }
        });

        it("has zero mandatory violations", () => {
            expect(report.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => v.message)).toEqual([]);
        });

        it("has only the advisory findings documented in ACCEPTED_ADVISORIES", () => {
            const advisories: string[] = [...new Set(report.violations.filter((v) => v.enforcementLevel === "advisory").map((v) => v.policy))].sort();
            expect(advisories).toEqual(Object.keys(ACCEPTED_ADVISORIES[stack] ?? {}).sort());
        });
    });
}
