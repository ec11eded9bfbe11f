import { ABSENT, resourcePolicy } from "../../lib/rule";
import { read, UNKNOWN } from "../../lib/values";

/** AWS Lambda: request tracing. */

export const lambdaTracing = resourcePolicy({
    id: "log-lambda-tracing",
    description: "Lambda functions send traces to AWS X-Ray (tracingConfig.mode Active; the default PassThrough only traces when the caller already sampled).",
    severity: "low",
    resourceTypes: ["aws:lambda/function:Function"],
    remediation: "Set tracingConfig: { mode: \"Active\" } and allow xray:PutTraceSegments / xray:PutTelemetryRecords in the execution role (AWSXRayDaemonWriteAccess).",
    check(props, ctx) {
        const mode: unknown = read(props, "tracingConfig.mode");
        if (mode !== UNKNOWN && mode !== "Active") {
            ctx.report({ property: "tracingConfig.mode", value: mode ?? ABSENT, expected: "\"Active\"" });
        }
    },
});

export const lambdaLoggingPolicies = [lambdaTracing];
