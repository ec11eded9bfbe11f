import { describe, expect, it } from "vitest";
import { resourcePolicy, stackPolicy } from "../../../policy/lib/rule";
import { apigwAccessLogs, isJsonLogFormat } from "../../../policy/rules/logging/apiGateway";
import { ecrScanning } from "../../../policy/rules/logging/ecr";
import { lambdaTracing } from "../../../policy/rules/logging/lambda";
import { sfnLogging, sfnTracing } from "../../../policy/rules/logging/stepFunctions";
import { UNKNOWN_ARRAY, UNKNOWN_BOOLEAN, UNKNOWN_OBJECT, UNKNOWN_STRING, resource, runPolicy } from "../support/policyHarness";
import { describeResourcePolicy, expectClean, expectFired, expectMetadata, expectNoMandatory } from "../encryption/table";

/** Catalogue section 12: Lambda and Step Functions tracing/logging, API Gateway v2 access logs, ECR scanning. */

const LOG_GROUP = "arn:aws:logs:eu-west-1:111122223333:log-group:/platform/api";

describeResourcePolicy({
    policy: lambdaTracing, id: "log-lambda-tracing", severity: "low", type: "aws:lambda/function:Function",
    baseline: { role: "arn:aws:iam::111122223333:role/fn", runtime: "nodejs22.x", tracingConfig: { mode: "Active" } },
    violations: [
        { name: "tracingConfig omitted (PassThrough)", patch: { tracingConfig: undefined }, property: "tracingConfig.mode is not set" },
        { name: "mode PassThrough", patch: { "tracingConfig.mode": "PassThrough" }, property: "tracingConfig.mode" },
    ],
    unknowns: [{ name: "mode unknown", patch: { "tracingConfig.mode": UNKNOWN_STRING } }],
});

const FORMAT = JSON.stringify({ requestId: "$context.requestId", ip: "$context.identity.sourceIp", routeKey: "$context.routeKey", status: "$context.status" });

describeResourcePolicy({
    policy: apigwAccessLogs, id: "log-apigw-access-logs", severity: "medium", type: "aws:apigatewayv2/stage:Stage",
    baseline: { apiId: "a1b2c3", name: "$default", autoDeploy: true, accessLogSettings: { destinationArn: LOG_GROUP, format: FORMAT } },
    violations: [
        { name: "accessLogSettings omitted", patch: { accessLogSettings: undefined }, property: "accessLogSettings is not set" },
        { name: "destination is not a log group (Firehose)", patch: { "accessLogSettings.destinationArn": "arn:aws:firehose:eu-west-1:111122223333:deliverystream/api" }, property: "accessLogSettings.destinationArn" },
        { name: "format missing", patch: { "accessLogSettings.format": undefined }, property: "accessLogSettings.format is not set" },
        { name: "CLF (not JSON) format", patch: { "accessLogSettings.format": "$context.identity.sourceIp - - [$context.requestTime] \"$context.httpMethod $context.routeKey\" $context.status" }, property: "accessLogSettings.format" },
        { name: "empty JSON object", patch: { "accessLogSettings.format": "{}" }, property: "accessLogSettings.format" },
    ],
    unknowns: [
        { name: "destination is a log group output", patch: { "accessLogSettings.destinationArn": UNKNOWN_STRING } },
        { name: "settings unknown", patch: { accessLogSettings: UNKNOWN_OBJECT } },
    ],
    compliant: [{ name: "unquoted numeric $context variables are still a JSON template", patch: { "accessLogSettings.format": "{\"requestId\":\"$context.requestId\",\"status\":$context.status,\"latency\":$context.responseLatency}" } }],
});

it("isJsonLogFormat accepts JSON templates and rejects other formats", () => {
    expect(isJsonLogFormat(FORMAT)).toBe(true);
    expect(isJsonLogFormat("{\"s\":$context.status}")).toBe(true);
    expect(isJsonLogFormat("<request id=\"$context.requestId\"/>")).toBe(false);
    expect(isJsonLogFormat("[\"$context.requestId\"]")).toBe(false);
});

const SFN = "aws:sfn/stateMachine:StateMachine";
const sfnBaseline = {
    roleArn: "arn:aws:iam::111122223333:role/sfn", definition: "{}",
    loggingConfiguration: { level: "ERROR", includeExecutionData: false, logDestination: "arn:aws:logs:eu-west-1:111122223333:log-group:/platform/sfn:*" },
    tracingConfiguration: { enabled: true },
};

describeResourcePolicy({
    policy: resourcePolicy(sfnLogging), id: "log-sfn-logging", severity: "medium", type: SFN, baseline: sfnBaseline,
    violations: [
        { name: "loggingConfiguration omitted (OFF)", patch: { loggingConfiguration: undefined }, property: "loggingConfiguration.level is not set" },
        { name: "level OFF", patch: { "loggingConfiguration.level": "OFF" }, property: "loggingConfiguration.level" },
        { name: "level FATAL is below the default minimum", patch: { "loggingConfiguration.level": "FATAL" }, property: "loggingConfiguration.level" },
        { name: "no log destination", patch: { "loggingConfiguration.logDestination": undefined }, property: "loggingConfiguration.logDestination is not set" },
        { name: "destination is not a log group", patch: { "loggingConfiguration.logDestination": "arn:aws:s3:::logs" }, property: "loggingConfiguration.logDestination" },
    ],
    unknowns: [
        { name: "destination is an output", patch: { "loggingConfiguration.logDestination": UNKNOWN_STRING } },
        { name: "whole configuration unknown", patch: { loggingConfiguration: UNKNOWN_OBJECT } },
    ],
    compliant: [{ name: "level ALL", patch: { "loggingConfiguration.level": "ALL" } }],
});

it("log-sfn-logging: allowedLevels is configurable", async () => {
    const fatal = resource(SFN, { ...sfnBaseline, loggingConfiguration: { ...sfnBaseline.loggingConfiguration, level: "FATAL" } });
    expectClean(await runPolicy(resourcePolicy(sfnLogging), fatal, { allowedLevels: ["ALL", "ERROR", "FATAL"] }));
});

describeResourcePolicy({
    policy: resourcePolicy(sfnTracing), id: "log-sfn-tracing", severity: "low", type: SFN, baseline: sfnBaseline,
    violations: [
        { name: "tracingConfiguration omitted", patch: { tracingConfiguration: undefined }, property: "tracingConfiguration.enabled is not set" },
        { name: "enabled false", patch: { "tracingConfiguration.enabled": false }, property: "tracingConfiguration.enabled" },
        { name: "string boolean \"false\"", patch: { "tracingConfiguration.enabled": "false" }, property: "tracingConfiguration.enabled" },
    ],
    unknowns: [{ name: "enabled unknown", patch: { "tracingConfiguration.enabled": UNKNOWN_BOOLEAN } }],
    compliant: [{ name: "string boolean \"true\"", patch: { "tracingConfiguration.enabled": "true" } }],
});

const REPO = "aws:ecr/repository:Repository";
const REGISTRY = "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration";
const scanning = stackPolicy(ecrScanning);
const repo = (scanOnPush: unknown, name: unknown = "orders-api") =>
    resource(REPO, { name, ...(scanOnPush === undefined ? {} : { imageScanningConfiguration: { scanOnPush } }) }, { name: "orders" });
const registry = (scanType: unknown, rules: unknown) => resource(REGISTRY, { scanType, rules }, { name: "registry-scanning" });
const rule = (filter: unknown, scanFrequency: unknown = "CONTINUOUS_SCAN") => ({ scanFrequency, repositoryFilters: [{ filter, filterType: "WILDCARD" }] });

describe("log-ecr-scanning", () => {
    it("metadata", () => expectMetadata(scanning, "log-ecr-scanning", "medium"));
    it("#1 scanOnPush true passes (and the string boolean \"true\")", async () => {
        expectClean(await runPolicy(scanning, [repo(true)]));
        expectClean(await runPolicy(scanning, [repo("true")]));
    });
    it("fires without scan on push and without a registry rule", async () => {
        expectFired(await runPolicy(scanning, [repo(undefined)]), "log-ecr-scanning", "imageScanningConfiguration.scanOnPush is not set");
        expectFired(await runPolicy(scanning, [repo(false)]), "log-ecr-scanning", "imageScanningConfiguration.scanOnPush");
        expectFired(await runPolicy(scanning, [repo("false")]), "log-ecr-scanning", "imageScanningConfiguration.scanOnPush");
    });
    it("passes through an ENHANCED registry rule covering the repository (\"*\" or a matching wildcard)", async () => {
        expectClean(await runPolicy(scanning, [repo(false), registry("ENHANCED", [rule("*")])]));
        expectClean(await runPolicy(scanning, [repo(false), registry("ENHANCED", [rule("orders-*", "SCAN_ON_PUSH")])]));
        expectClean(await runPolicy(scanning, [repo(false), registry("BASIC", [rule("orders-*", "SCAN_ON_PUSH")])]));
    });
    it("fires when the registry rule does not cover the repository or does not scan new images", async () => {
        expectFired(await runPolicy(scanning, [repo(false), registry("ENHANCED", [rule("payments-*")])]), "log-ecr-scanning", "imageScanningConfiguration.scanOnPush");
        expectFired(await runPolicy(scanning, [repo(false), registry("BASIC", [rule("*", "CONTINUOUS_SCAN")])]), "log-ecr-scanning", "imageScanningConfiguration.scanOnPush");
        expectFired(await runPolicy(scanning, [repo(false), registry("ENHANCED", [rule("*", "MANUAL")])]), "log-ecr-scanning", "imageScanningConfiguration.scanOnPush");
        expectFired(await runPolicy(scanning, [repo(false), registry("ENHANCED", [])]), "log-ecr-scanning", "imageScanningConfiguration.scanOnPush");
    });
    it("unknown values pass: scanOnPush, the repository name, the registry rules", async () => {
        expectNoMandatory(await runPolicy(scanning, [repo(UNKNOWN_BOOLEAN)]));
        expectClean(await runPolicy(scanning, [repo(false, UNKNOWN_STRING), registry("ENHANCED", [rule("orders-*")])]));
        expectClean(await runPolicy(scanning, [repo(false), registry("ENHANCED", UNKNOWN_ARRAY)]));
        expectClean(await runPolicy(scanning, [repo(false), registry(UNKNOWN_STRING, [rule("*")])]));
    });
    it("does not apply to a stack without repositories; exemption with a reason", async () => {
        expectClean(await runPolicy(scanning, [registry("BASIC", [])]));
        expectClean(await runPolicy(scanning, [repo(false)], { exemptions: [{ namePattern: "^orders$", reason: "mirror of a scanned upstream registry" }] }));
    });
});
