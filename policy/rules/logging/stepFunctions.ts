import { ResourceValidationPolicy } from "@pulumi/policy";
import { isTrue } from "../../lib/props";
import { ABSENT, ResourceRule, resourcePolicy } from "../../lib/rule";
import { read, UNKNOWN } from "../../lib/values";
import { LOG_GROUP_ARN } from "./apiGateway";

/** AWS Step Functions: execution history logging and tracing. */

const STATE_MACHINE = "aws:sfn/stateMachine:StateMachine";

interface SfnLoggingConfig {
    allowedLevels: string[];
}

export const sfnLogging: ResourceRule<SfnLoggingConfig> = {
    id: "log-sfn-logging",
    description: "Step Functions state machines log executions (loggingConfiguration.level ALL or ERROR, not OFF) to a CloudWatch log group.",
    severity: "medium",
    resourceTypes: [STATE_MACHINE],
    remediation: "Set loggingConfiguration { level: \"ERROR\" (or \"ALL\"), includeExecutionData: false, logDestination: `${logGroup.arn}:*` } and grant the role the CloudWatch Logs delivery actions.",
    config: {
        schema: { allowedLevels: { type: "array", items: { type: "string" }, description: "Accepted loggingConfiguration.level values." } },
        defaults: { allowedLevels: ["ALL", "ERROR"] },
    },
    check(props, ctx) {
        const level: unknown = read(props, "loggingConfiguration.level");
        if (level !== UNKNOWN && (typeof level !== "string" || !ctx.config.allowedLevels.includes(level))) {
            ctx.report({ property: "loggingConfiguration.level", value: level ?? ABSENT, expected: `one of ${ctx.config.allowedLevels.join(", ")} (omitted means OFF)` });
        }
        const destination: unknown = read(props, "loggingConfiguration.logDestination");
        if (destination !== UNKNOWN && (typeof destination !== "string" || !LOG_GROUP_ARN.test(destination))) {
            ctx.report({ property: "loggingConfiguration.logDestination", value: destination ?? ABSENT, expected: "a CloudWatch Logs log group ARN ending in :*" });
        }
    },
};

export const sfnTracing: ResourceRule = {
    id: "log-sfn-tracing",
    description: "Step Functions state machines send traces to AWS X-Ray (tracingConfiguration.enabled true).",
    severity: "low",
    resourceTypes: [STATE_MACHINE],
    remediation: "Set tracingConfiguration: { enabled: true } and allow the X-Ray write actions in the state machine role.",
    check(props, ctx) {
        const enabled: unknown = read(props, "tracingConfiguration.enabled");
        if (enabled !== UNKNOWN && !isTrue(enabled)) {
            ctx.report({ property: "tracingConfiguration.enabled", value: enabled ?? ABSENT, expected: "true" });
        }
    },
};

export const stepFunctionsLoggingPolicies: ResourceValidationPolicy[] = [resourcePolicy(sfnLogging), resourcePolicy(sfnTracing)];
