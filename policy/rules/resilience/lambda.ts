import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import * as runtimeData from "../../data/lambda-runtimes.json";
import { ABSENT, StackRule, resourcePolicy, stackPolicy } from "../../lib/rule";
import { UNKNOWN, childrenOf, isUnknown, knownStrings, num, ofType, peek, peekPath } from "../../lib/stackJoins";
import { isSet, read } from "../../lib/values";
import { lambdaFunctionName, parseArn } from "../../lib/arns";

/** AWS Lambda resilience: supported runtimes, failure destinations for asynchronous invocations, reserved concurrency. */

const FUNCTION = "aws:lambda/function:Function";

/** Deprecation date (YYYY-MM-DD) per runtime identifier; source and check date live in data/lambda-runtimes.json. */
export const RUNTIME_DEPRECATIONS: Readonly<Record<string, string>> = runtimeData.deprecations;
export const RUNTIME_DATA_CHECKED: string = runtimeData.checked;

/** The deprecation date when the runtime is deprecated on `today`, else undefined. */
export function runtimeDeprecatedOn(runtime: string, today: Date): string | undefined {
    const date: string | undefined = RUNTIME_DEPRECATIONS[runtime];
    return date !== undefined && new Date(`${date}T00:00:00Z`).getTime() <= today.getTime() ? date : undefined;
}

interface RuntimeConfig {
    allowedRuntimes: string[];
}

export const lambdaRuntimeSupported = resourcePolicy<RuntimeConfig>({
    id: "res-lambda-runtime-supported",
    description: `Lambda functions deployed as .zip archives use a runtime AWS has not deprecated (list dated ${runtimeData.checked}, policy/data/lambda-runtimes.json); container images are out of scope.`,
    severity: "medium",
    resourceTypes: [FUNCTION],
    remediation: "Move the function to a current runtime (e.g. nodejs24.x, python3.13, java21, provided.al2023) and redeploy; Lambda blocks updates to deprecated runtimes soon after the deprecation date.",
    config: {
        schema: { allowedRuntimes: { type: "array", items: { type: "string" }, description: "Runtimes accepted despite the deprecation list (a migration in progress, with its own ticket)." } },
        defaults: { allowedRuntimes: [] },
    },
    check(props, ctx) {
        const packageType: unknown = read(props, "packageType");
        if (packageType === UNKNOWN || packageType === "Image") {
            return;
        }
        const runtime: unknown = read(props, "runtime");
        if (runtime === UNKNOWN) {
            return;
        }
        if (typeof runtime !== "string" || runtime.length === 0) {
            ctx.report({ property: "runtime", value: ABSENT, expected: "a supported runtime identifier (required for packageType Zip)" });
            return;
        }
        if (ctx.config.allowedRuntimes.includes(runtime)) {
            return;
        }
        const deprecated: string | undefined = runtimeDeprecatedOn(runtime, new Date());
        if (deprecated !== undefined) {
            ctx.report({ property: "runtime", value: runtime, expected: `a runtime that is still supported (${runtime} was deprecated on ${deprecated})` });
        }
    },
});

export const lambdaConcurrency = resourcePolicy({
    id: "res-lambda-concurrency",
    description: "Lambda functions reserve concurrency (reservedConcurrentExecutions >= 0), so one function cannot exhaust the account's concurrency pool (-1, the default, means unreserved).",
    severity: "low",
    resourceTypes: [FUNCTION],
    remediation: "Set reservedConcurrentExecutions to the function's expected peak (it is both a guarantee and a cap).",
    check(props, ctx) {
        const value = num(read(props, "reservedConcurrentExecutions"));
        if (value !== UNKNOWN && (value === undefined || value < 0)) {
            ctx.report({ property: "reservedConcurrentExecutions", value: value ?? ABSENT, expected: ">= 0 (omitted or -1 means unreserved)" });
        }
    },
});

const PERMISSION = "aws:lambda/permission:Permission";
const EVENT_TARGET = "aws:cloudwatch/eventTarget:EventTarget";
const TOPIC_SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";
const EVENT_INVOKE_CONFIG = "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig";

/** Service principals that invoke Lambda asynchronously (the function's own retries and DLQ apply). */
export const ASYNC_INVOKER_PRINCIPALS: readonly string[] = [
    "s3.amazonaws.com", "sns.amazonaws.com", "events.amazonaws.com", "scheduler.amazonaws.com", "ses.amazonaws.com",
    "logs.amazonaws.com", "iot.amazonaws.com", "config.amazonaws.com", "codecommit.amazonaws.com", "cloudformation.amazonaws.com",
];

const FUNCTION_KEYS: readonly string[] = ["arn", "name", "id", "qualifiedArn", "invokeArn"];

/**
 * Resources of childTypes whose refKey names the function: by id/ARN/dependencies (childrenOf), or by
 * any other reference Lambda accepts for the same function, a qualified ARN (function:name:alias or
 * :version), a partial ARN (account:function:name) or the bare name (lambdaFunctionName), in the
 * function's own partition, Region and account when both are ARNs.
 */
function referencingFunction(resources: readonly PolicyResource[], fn: PolicyResource, childTypes: readonly string[], refKey: string): PolicyResource[] {
    const joined: PolicyResource[] = childrenOf(resources, fn, childTypes, refKey, FUNCTION_KEYS);
    const physical: unknown = peek(fn.props, "name");
    const fnArn = parseArn(peek(fn.props, "arn"));
    if (typeof physical !== "string" || physical.length === 0) {
        return joined;
    }
    const sameScope = (reference: string): boolean => {
        const refArn = parseArn(reference);
        return !refArn || !fnArn || (refArn.partition === fnArn.partition && refArn.region === fnArn.region && refArn.account === fnArn.account);
    };
    const byName: PolicyResource[] = ofType(resources, childTypes).filter((child: PolicyResource) => !joined.includes(child)
        && knownStrings(peek(child.props, refKey)).some((reference: string) => lambdaFunctionName(reference) === physical && sameScope(reference)));
    return [...joined, ...byName];
}

/** Why the function is invoked asynchronously (a resource naming it), or undefined. */
function asyncInvoker(resources: readonly PolicyResource[], fn: PolicyResource): PolicyResource | undefined {
    const permissions = referencingFunction(resources, fn, [PERMISSION], "function")
        .filter((p: PolicyResource) => ASYNC_INVOKER_PRINCIPALS.includes(String(peek(p.props, "principal"))));
    const targets = referencingFunction(resources, fn, [EVENT_TARGET], "arn");
    const subscriptions = referencingFunction(resources, fn, [TOPIC_SUBSCRIPTION], "endpoint")
        .filter((s: PolicyResource) => peek(s.props, "protocol") === "lambda");
    return [...permissions, ...targets, ...subscriptions][0];
}

function hasFailureDestination(resources: readonly PolicyResource[], fn: PolicyResource): boolean {
    const dlq: unknown = peekPath(fn.props, "deadLetterConfig.targetArn");
    if (isUnknown(dlq) || (typeof dlq === "string" && dlq.length > 0)) {
        return true;
    }
    return referencingFunction(resources, fn, [EVENT_INVOKE_CONFIG], "functionName")
        .some((config: PolicyResource) => isSet(config.props, "destinationConfig.onFailure.destination"));
}

export const lambdaDlq: StackRule = {
    id: "res-lambda-dlq",
    description: "Lambda functions invoked asynchronously (S3, SNS, EventBridge, ... through a permission, an EventBridge target or an SNS subscription) have a dead-letter queue or an on-failure destination, so failed events are not dropped after the retries.",
    severity: "medium",
    remediation: "Add aws.lambda.FunctionEventInvokeConfig { functionName: fn.name, destinationConfig: { onFailure: { destination: queue.arn } } } (or deadLetterConfig.targetArn on the function).",
    check(resources, ctx) {
        for (const fn of ofType(resources, [FUNCTION])) {
            const invoker: PolicyResource | undefined = asyncInvoker(resources, fn);
            if (invoker === undefined || hasFailureDestination(resources, fn)) {
                continue;
            }
            ctx.report(fn, {
                property: "deadLetterConfig.targetArn",
                value: ABSENT,
                expected: `a dead-letter queue or a FunctionEventInvokeConfig onFailure destination (invoked asynchronously through ${invoker.type} "${invoker.name}")`,
            });
        }
    },
};

export const lambdaResiliencePolicies = [lambdaRuntimeSupported, lambdaConcurrency];
export const lambdaResilienceStackPolicies: StackValidationPolicy[] = [stackPolicy(lambdaDlq)];
