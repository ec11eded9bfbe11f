import { ABSENT, ResourceRule, resourcePolicy } from "../../lib/rule";
import { UNKNOWN, list, read } from "../../lib/values";

/**
 * CloudFront origin failover (catalogue res-cf-origin-failover; FSBP CloudFront.4: "CloudFront
 * distributions should have origin failover configured", which requires an origin group with two
 * origins). Low severity, advisory: a second origin is a design decision the rule can only remind of.
 */
export const cfOriginFailover: ResourceRule = {
    id: "res-cf-origin-failover",
    description: "CloudFront distributions declare an origin group with two member origins and failover status codes (FSBP CloudFront.4), so a failing primary origin is retried on the secondary.",
    severity: "low",
    remediation: "Add originGroups: [{ originId, failoverCriteria: { statusCodes: [500, 502, 503, 504] }, members: [{ originId: <primary> }, { originId: <secondary> }] }] and point the cache behaviours at the group.",
    resourceTypes: ["aws:cloudfront/distribution:Distribution"],
    check(props, ctx) {
        const groups = list(props, "originGroups");
        if (groups === UNKNOWN) {
            return;
        }
        if (groups.length === 0) {
            ctx.report({ property: "originGroups", value: ABSENT, expected: "an origin group with two member origins and failoverCriteria.statusCodes" });
            return;
        }
        groups.forEach((group: unknown, i: number) => {
            if (group === UNKNOWN) {
                return;
            }
            const members = list(group, "members");
            if (members !== UNKNOWN && members.length < 2) {
                ctx.report({ property: `originGroups[${i}].members`, value: members.length, expected: "two member origins (primary and secondary)" });
            }
            const codes = list(group, "failoverCriteria.statusCodes");
            if (codes !== UNKNOWN && codes.length === 0) {
                ctx.report({ property: `originGroups[${i}].failoverCriteria.statusCodes`, value: read(group, "failoverCriteria") ?? ABSENT, expected: "the status codes that fail over (e.g. 500, 502, 503, 504)" });
            }
        });
    },
};

export const cloudfrontResiliencePolicies = [resourcePolicy(cfOriginFailover)];
