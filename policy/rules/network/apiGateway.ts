import { ABSENT, resourcePolicy } from "../../lib/rule";
import { isSet, read, UNKNOWN } from "../../lib/values";

/** Amazon API Gateway v2 (HTTP and WebSocket APIs): every route authorises its callers. */

const NEEDS_AUTHORIZER: readonly string[] = ["JWT", "CUSTOM"];

/**
 * WebSocket APIs authorise only the $connect route; every other WebSocket route ($disconnect and
 * action keys such as "sendmessage") must stay NONE. HTTP route keys are "$default" or "METHOD /path".
 */
function isWebSocketNonConnectRoute(routeKey: unknown): boolean {
    return typeof routeKey === "string" && routeKey !== "$connect" && routeKey !== "$default" && !routeKey.includes(" ");
}

export const apigwRouteAuth = resourcePolicy({
    id: "net-apigw-route-auth",
    description: "API Gateway v2 routes require authorisation: AWS_IAM, or JWT / CUSTOM with an authorizerId (NONE only through an exemption with a reason, e.g. a health route).",
    severity: "high",
    resourceTypes: ["aws:apigatewayv2/route:Route"],
    remediation: "Set authorizationType \"JWT\" (Cognito / OIDC issuer) or \"CUSTOM\" with authorizerId: authorizer.id, or \"AWS_IAM\"; exempt a deliberately open route (GET /health) by name with a reason.",
    check(props, ctx) {
        const routeKey: unknown = read(props, "routeKey");
        if (isWebSocketNonConnectRoute(routeKey)) {
            ctx.notApplicable("WebSocket routes other than $connect cannot carry an authorizer");
        }
        const type: unknown = read(props, "authorizationType");
        if (type === UNKNOWN) {
            return;
        }
        if (type === "AWS_IAM") {
            return;
        }
        if (typeof type === "string" && NEEDS_AUTHORIZER.includes(type)) {
            if (!isSet(props, "authorizerId")) {
                ctx.report({ property: "authorizerId", value: ABSENT, expected: `the id of an aws.apigatewayv2.Authorizer (required with authorizationType ${type})` });
            }
            return;
        }
        ctx.report({ property: "authorizationType", value: type ?? ABSENT, expected: "\"AWS_IAM\", \"JWT\" or \"CUSTOM\" (omitted means NONE)" });
    },
});

export const apiGatewayNetworkPolicies = [apigwRouteAuth];
