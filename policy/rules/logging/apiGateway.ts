import { ABSENT, resourcePolicy } from "../../lib/rule";
import { read, UNKNOWN } from "../../lib/values";

/** Amazon API Gateway v2 stages: access logs. */

export const LOG_GROUP_ARN = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:.+/;

/**
 * Access-log formats are JSON templates whose $context variables are substituted per request, and
 * numeric variables are often left unquoted ("status": $context.status), so substitute before parsing.
 */
export function isJsonLogFormat(format: string): boolean {
    try {
        const parsed: unknown = JSON.parse(format.replace(/\$(context|stageVariables)\.[A-Za-z0-9_.-]+/g, "0"));
        return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) && Object.keys(parsed).length > 0;
    } catch {
        return false;
    }
}

export const apigwAccessLogs = resourcePolicy({
    id: "log-apigw-access-logs",
    description: "API Gateway v2 stages write access logs to a CloudWatch log group in a JSON format.",
    severity: "medium",
    resourceTypes: ["aws:apigatewayv2/stage:Stage"],
    remediation: "Set accessLogSettings { destinationArn: logGroup.arn, format: JSON.stringify({ requestId: \"$context.requestId\", ip: \"$context.identity.sourceIp\", routeKey: \"$context.routeKey\", status: \"$context.status\", ... }) }.",
    check(props, ctx) {
        const settings: unknown = read(props, "accessLogSettings");
        if (settings === UNKNOWN) {
            return;
        }
        if (settings === undefined || settings === null) {
            ctx.report({ property: "accessLogSettings", value: ABSENT, expected: "{ destinationArn: <log group ARN>, format: <JSON format> }" });
            return;
        }
        const destination: unknown = read(props, "accessLogSettings.destinationArn");
        if (destination !== UNKNOWN && (typeof destination !== "string" || !LOG_GROUP_ARN.test(destination))) {
            ctx.report({ property: "accessLogSettings.destinationArn", value: destination ?? ABSENT, expected: "a CloudWatch Logs log group ARN (arn:aws:logs:<region>:<account>:log-group:<name>)" });
        }
        const format: unknown = read(props, "accessLogSettings.format");
        if (format !== UNKNOWN && (typeof format !== "string" || !isJsonLogFormat(format))) {
            ctx.report({ property: "accessLogSettings.format", value: format ?? ABSENT, expected: "a JSON object format of $context variables (e.g. {\"requestId\":\"$context.requestId\",\"status\":\"$context.status\"})" });
        }
    },
});

export const apiGatewayLoggingPolicies = [apigwAccessLogs];
