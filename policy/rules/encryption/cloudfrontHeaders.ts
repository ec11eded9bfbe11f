import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { ABSENT, StackRule, stackPolicy } from "../../lib/rule";
import { UNKNOWN, ofType, peek, peekArray } from "../../lib/stackJoins";

/**
 * tls-cf-hsts: every cache behaviour of a distribution sends HSTS, through a response-headers policy
 * with max-age of at least one year, includeSubdomains and override (so an origin cannot drop it).
 * Behaviours are joined to the policy by id; ids unknown during a first preview are not judged.
 */
const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const HEADERS_POLICY = "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy";
export const HSTS_MIN_MAX_AGE = 31_536_000;

interface Behaviour { readonly path: string; readonly policyId: unknown }

function behaviours(distribution: PolicyResource): Behaviour[] {
    const found: Behaviour[] = [{ path: "defaultCacheBehavior", policyId: peek(peek(distribution.props, "defaultCacheBehavior"), "responseHeadersPolicyId") }];
    const ordered = peekArray(peek(distribution.props, "orderedCacheBehaviors"));
    if (ordered !== UNKNOWN) {
        ordered.forEach((b: unknown, i: number) => found.push({ path: `orderedCacheBehaviors[${i}]`, policyId: b === UNKNOWN ? UNKNOWN : peek(b, "responseHeadersPolicyId") }));
    }
    return found;
}

/** What is wrong with a policy's HSTS settings, or undefined when they are sufficient. */
export function hstsProblem(policy: PolicyResource): { property: string; value: unknown; expected: string } | undefined {
    const hsts = peek(peek(policy.props, "securityHeadersConfig"), "strictTransportSecurity");
    if (hsts === UNKNOWN) {
        return undefined;
    }
    if (hsts === undefined || hsts === null) {
        return { property: "securityHeadersConfig.strictTransportSecurity", value: ABSENT, expected: `HSTS with accessControlMaxAgeSec >= ${HSTS_MIN_MAX_AGE}, includeSubdomains and override` };
    }
    const maxAge = peek(hsts, "accessControlMaxAgeSec");
    if (maxAge !== UNKNOWN && !(typeof maxAge === "number" && maxAge >= HSTS_MIN_MAX_AGE)) {
        return { property: "securityHeadersConfig.strictTransportSecurity.accessControlMaxAgeSec", value: maxAge ?? ABSENT, expected: `at least ${HSTS_MIN_MAX_AGE} (one year)` };
    }
    for (const flag of ["includeSubdomains", "override"]) {
        const value = peek(hsts, flag);
        if (value !== UNKNOWN && value !== true) {
            return { property: `securityHeadersConfig.strictTransportSecurity.${flag}`, value: value ?? ABSENT, expected: "true" };
        }
    }
    return undefined;
}

export const cloudfrontHsts: StackRule = {
    id: "tls-cf-hsts",
    description: "Every CloudFront cache behaviour references a response-headers policy that sends HSTS with max-age >= 31536000, includeSubdomains and override.",
    severity: "low",
    remediation: "Create an aws.cloudfront.ResponseHeadersPolicy with securityHeadersConfig.strictTransportSecurity { accessControlMaxAgeSec: 31536000, includeSubdomains: true, override: true } and set responseHeadersPolicyId on every behaviour.",
    check(resources, ctx) {
        const policies: PolicyResource[] = ofType(resources, [HEADERS_POLICY]);
        for (const distribution of ofType(resources, [DISTRIBUTION])) {
            for (const { path, policyId } of behaviours(distribution)) {
                if (policyId === UNKNOWN) {
                    continue;
                }
                if (typeof policyId !== "string" || policyId.length === 0) {
                    ctx.report(distribution, { property: `${path}.responseHeadersPolicyId`, value: policyId ?? ABSENT, expected: "the id of a response-headers policy with HSTS" });
                    continue;
                }
                const policy: PolicyResource | undefined = policies.find((p: PolicyResource) => peek(p.props, "id") === policyId);
                if (!policy) {
                    // A managed or out-of-stack policy: SecurityHeadersPolicy (67f7725c-...) sends HSTS of one year.
                    continue;
                }
                const problem = hstsProblem(policy);
                if (problem) {
                    ctx.report(policy, problem);
                }
            }
        }
    },
};

export const cloudfrontHeaderPolicies: StackValidationPolicy[] = [stackPolicy(cloudfrontHsts)];
