import { RecordedResource } from "../../offline/mockEngine";
import { Charge, Pricer, PricingContext, referencing, textOf } from "./context";

/**
 * CloudFront pay-as-you-go: transfer out and HTTPS requests. The always-free allowance (1 TB and
 * 10 million requests a month) is one per payer account, so it is deducted only as far as the stack's
 * assumptions claim it (none by default).
 */
export const priceDistribution: Pricer = (_r, ctx) => {
    const a = ctx.assumptions;
    return [
        { rate: "cloudFrontGb", quantity: Math.max(0, a.cloudFrontGbPerMonth - a.cloudFrontFreeTierGbPerMonth) },
        { rate: "cloudFrontHttpsRequestsMillion", quantity: Math.max(0, a.cloudFrontRequestsMillionPerMonth - a.cloudFrontFreeTierRequestsMillionPerMonth) },
    ];
};

/**
 * A web ACL's monthly fee, its rules, and the requests it inspects: a CLOUDFRONT ACL inspects every
 * request of the distributions that name it (all of them, not only the cache misses); a REGIONAL ACL
 * what its load balancers or APIs receive, which the program does not know (an assumption).
 */
export const priceWebAcl: Pricer = (r, ctx) => {
    const rules: unknown[] = Array.isArray(r.inputs.rules) ? r.inputs.rules : [];
    const botControl: boolean = JSON.stringify(rules).includes("AWSManagedRulesBotControlRuleSet");
    const requests: number = inspectedRequestsMillion(r, ctx);
    const charges: Charge[] = [
        { rate: "wafWebAclMonth", quantity: 1 },
        { rate: "wafRuleMonth", quantity: rules.length },
        { rate: "wafRequestsMillion", quantity: requests },
    ];
    if (botControl) {
        charges.push({ rate: "wafBotControlMonth", quantity: 1 }, { rate: "wafBotControlRequestsMillion", quantity: requests });
    }
    return charges;
};

function inspectedRequestsMillion(acl: RecordedResource, ctx: PricingContext): number {
    if (textOf(acl.inputs.scope, "REGIONAL") === "CLOUDFRONT") {
        const distributions: RecordedResource[] = referencing(acl, "aws:cloudfront/distribution:Distribution", "webAclId", ctx);
        return distributions.length * ctx.assumptions.cloudFrontRequestsMillionPerMonth;
    }
    return ctx.assumptions.regionalWafRequestsMillionPerMonth;
}
