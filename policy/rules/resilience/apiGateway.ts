import { ABSENT, resourcePolicy } from "../../lib/rule";
import { num, UNKNOWN } from "../../lib/stackJoins";
import { read } from "../../lib/values";

/** Amazon API Gateway v2 stages: throttling. */

export const apigwThrottling = resourcePolicy({
    id: "res-apigw-throttling",
    description: "API Gateway v2 stages set default route throttling (burst and rate limits), so one client cannot consume the account-level limit shared by every API in the region.",
    severity: "low",
    resourceTypes: ["aws:apigatewayv2/stage:Stage"],
    remediation: "Set defaultRouteSettings { throttlingBurstLimit, throttlingRateLimit } to the API's expected peak (override per route with routeSettings).",
    check(props, ctx) {
        for (const key of ["throttlingBurstLimit", "throttlingRateLimit"] as const) {
            const path = `defaultRouteSettings.${key}`;
            const value = num(read(props, path));
            if (value !== UNKNOWN && (value === undefined || value < 0)) {
                ctx.report({ property: path, value: value ?? ABSENT, expected: "a limit >= 0 (omitted means only the account-level limit applies)" });
            }
        }
    },
});

export const apiGatewayResiliencePolicies = [apigwThrottling];
