import { describe, expect, it } from "vitest";
import { stackPolicy } from "../../../policy/lib/rule";
import { apigwThrottling } from "../../../policy/rules/resilience/apiGateway";
import { backupRestoreTesting, backupVaultLock } from "../../../policy/rules/resilience/backup";
import { cognitoDeletionProtection } from "../../../policy/rules/resilience/cognito";
import { ecrImmutableTags, ecrLifecycle } from "../../../policy/rules/resilience/ecr";
import { efsBackup } from "../../../policy/rules/resilience/efs";
import {
    RUNTIME_DATA_CHECKED, RUNTIME_DEPRECATIONS, lambdaConcurrency, lambdaDlq, lambdaRuntimeSupported, runtimeDeprecatedOn,
} from "../../../policy/rules/resilience/lambda";
import * as runtimeData from "../../../policy/data/lambda-runtimes.json";
import { UNKNOWN_OBJECT, UNKNOWN_STRING, resource, runPolicy } from "../support/policyHarness";
import { describeResourcePolicy, expectClean, expectFired, expectMetadata, expectNoMandatory } from "../encryption/table";

/** Catalogue section 12: EFS backups, Lambda runtimes/DLQ/concurrency, API throttling, Cognito and ECR protection, Backup assurance. */

const FUNCTION = "aws:lambda/function:Function";

describeResourcePolicy({
    policy: lambdaRuntimeSupported, id: "res-lambda-runtime-supported", severity: "medium", type: FUNCTION,
    baseline: { role: "arn:aws:iam::111122223333:role/fn", runtime: "nodejs24.x", handler: "index.handler" },
    violations: [
        { name: "nodejs16.x (deprecated 2024-06-12)", patch: { runtime: "nodejs16.x" }, property: "runtime" },
        { name: "python3.8", patch: { runtime: "python3.8" }, property: "runtime" },
        { name: "go1.x (replaced by provided.al2023)", patch: { runtime: "go1.x" }, property: "runtime" },
        { name: "explicit Zip package without a runtime", patch: { packageType: "Zip", runtime: undefined }, property: "runtime is not set" },
    ],
    unknowns: [
        { name: "runtime unknown", patch: { runtime: UNKNOWN_STRING } },
        { name: "packageType unknown", patch: { packageType: UNKNOWN_STRING, runtime: "nodejs16.x" } },
    ],
    compliant: [
        { name: "container image (runtime chosen in the image)", patch: { packageType: "Image", runtime: undefined, imageUri: "111122223333.dkr.ecr.eu-west-1.amazonaws.com/fn:1" } },
        { name: "a runtime the list does not know (newer than the list)", patch: { runtime: "python3.14" } },
        { name: "OS-only runtime provided.al2023", patch: { runtime: "provided.al2023" } },
    ],
});

describe("res-lambda-runtime-supported data", () => {
    it("keeps its source and the date it was checked", () => {
        expect(runtimeData.source).toContain("https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html");
        expect(RUNTIME_DATA_CHECKED).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Object.values(RUNTIME_DEPRECATIONS).every((d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
    });
    it("a runtime counts as deprecated from its date on (future dates start failing by themselves)", () => {
        expect(runtimeDeprecatedOn("nodejs22.x", new Date("2027-04-29T12:00:00Z"))).toBeUndefined();
        expect(runtimeDeprecatedOn("nodejs22.x", new Date("2027-04-30T00:00:00Z"))).toBe("2027-04-30");
        expect(runtimeDeprecatedOn("nodejs24.x", new Date("2030-01-01T00:00:00Z"))).toBeUndefined();
    });
    it("allowedRuntimes accepts a listed runtime during a migration", async () => {
        const fn = resource(FUNCTION, { role: "r", runtime: "nodejs16.x" });
        expectClean(await runPolicy(lambdaRuntimeSupported, fn, { allowedRuntimes: ["nodejs16.x"] }));
    });
});

describeResourcePolicy({
    policy: lambdaConcurrency, id: "res-lambda-concurrency", severity: "low", type: FUNCTION,
    baseline: { role: "arn:aws:iam::111122223333:role/fn", runtime: "nodejs24.x", reservedConcurrentExecutions: 50 },
    violations: [
        { name: "omitted (unreserved)", patch: { reservedConcurrentExecutions: undefined }, property: "reservedConcurrentExecutions is not set" },
        { name: "-1 (unreserved)", patch: { reservedConcurrentExecutions: -1 }, property: "reservedConcurrentExecutions" },
    ],
    unknowns: [{ name: "value unknown", patch: { reservedConcurrentExecutions: UNKNOWN_STRING } }],
    compliant: [{ name: "0 (deliberately paused)", patch: { reservedConcurrentExecutions: 0 } }],
});

describeResourcePolicy({
    policy: apigwThrottling, id: "res-apigw-throttling", severity: "low", type: "aws:apigatewayv2/stage:Stage",
    baseline: { apiId: "a1b2c3", name: "$default", defaultRouteSettings: { throttlingBurstLimit: 200, throttlingRateLimit: 100 } },
    violations: [
        { name: "defaultRouteSettings omitted", patch: { defaultRouteSettings: undefined }, property: "defaultRouteSettings.throttlingBurstLimit is not set" },
        { name: "burst limit missing", patch: { "defaultRouteSettings.throttlingBurstLimit": undefined }, property: "defaultRouteSettings.throttlingBurstLimit" },
        { name: "rate limit missing", patch: { "defaultRouteSettings.throttlingRateLimit": undefined }, property: "defaultRouteSettings.throttlingRateLimit" },
    ],
    unknowns: [
        { name: "limits unknown", patch: { "defaultRouteSettings.throttlingRateLimit": UNKNOWN_STRING } },
        { name: "settings unknown", patch: { defaultRouteSettings: UNKNOWN_OBJECT } },
    ],
});

const POOL = "aws:cognito/userPool:UserPool";
describeResourcePolicy({
    policy: cognitoDeletionProtection, id: "res-cognito-deletion-protection", severity: "medium", type: POOL,
    baseline: { name: "customers", deletionProtection: "ACTIVE", tagsAll: { Environment: "prod" } },
    violations: [
        { name: "omitted in prod (INACTIVE)", patch: { deletionProtection: undefined }, property: "deletionProtection is not set" },
        { name: "INACTIVE in prod", patch: { deletionProtection: "INACTIVE" }, property: "deletionProtection" },
        { name: "environment from the explicit tags", patch: { deletionProtection: "INACTIVE", tagsAll: undefined, tags: { Environment: "prod" } }, property: "deletionProtection" },
    ],
    unknowns: [
        { name: "deletionProtection unknown", patch: { deletionProtection: UNKNOWN_STRING } },
        { name: "tags unknown: environment undecidable", patch: { deletionProtection: undefined, tagsAll: UNKNOWN_OBJECT } },
    ],
    compliant: [{ name: "dev pool without protection", patch: { deletionProtection: undefined, tagsAll: { Environment: "dev" } } }],
});

describeResourcePolicy({
    policy: ecrImmutableTags, id: "res-ecr-immutable-tags", severity: "medium", type: "aws:ecr/repository:Repository",
    baseline: { name: "orders-api", imageTagMutability: "IMMUTABLE" },
    violations: [
        { name: "omitted (MUTABLE)", patch: { imageTagMutability: undefined }, property: "imageTagMutability is not set" },
        { name: "MUTABLE", patch: { imageTagMutability: "MUTABLE" }, property: "imageTagMutability" },
        { name: "MUTABLE_WITH_EXCLUSION", patch: { imageTagMutability: "MUTABLE_WITH_EXCLUSION" }, property: "imageTagMutability" },
    ],
    unknowns: [{ name: "value unknown", patch: { imageTagMutability: UNKNOWN_STRING } }],
    compliant: [{ name: "IMMUTABLE_WITH_EXCLUSION", patch: { imageTagMutability: "IMMUTABLE_WITH_EXCLUSION", imageTagMutabilityExclusionFilters: [{ filter: "latest", filterType: "WILDCARD" }] } }],
});

const FS = "aws:efs/fileSystem:FileSystem";
const backupRule = stackPolicy(efsBackup);
const fileSystem = (id: unknown = "fs-1", tags: Record<string, string> = {}) =>
    resource(FS, { encrypted: true }, { name: "shared", outputs: { id, arn: typeof id === "string" ? `arn:aws:elasticfilesystem:eu-west-1:1:file-system/${id}` : UNKNOWN_STRING, tagsAll: tags } });
const efsBackupPolicy = (fs: ReturnType<typeof fileSystem>, status: unknown, ref: unknown = fs.outputs.id) =>
    resource("aws:efs/backupPolicy:BackupPolicy", { fileSystemId: ref, backupPolicy: { status } }, { name: "shared-backup", dependencies: [fs.urn] });
const selection = (props: Record<string, unknown>) => resource("aws:backup/selection:Selection", { planId: "p", iamRoleArn: "r", ...props }, { name: "sel" });

describe("res-efs-backup", () => {
    it("metadata", () => expectMetadata(backupRule, "res-efs-backup", "medium"));
    it("#1 a BackupPolicy ENABLED passes", async () => {
        const fs = fileSystem();
        expectClean(await runPolicy(backupRule, [fs, efsBackupPolicy(fs, "ENABLED")]));
    });
    it("passes when an AWS Backup selection covers the file system (ARN, wildcard, tag)", async () => {
        const fs = fileSystem("fs-1", { Backup: "daily" });
        expectClean(await runPolicy(backupRule, [fs, selection({ resources: [fs.outputs.arn] })]));
        expectClean(await runPolicy(backupRule, [fs, selection({ resources: ["arn:aws:elasticfilesystem:*:*:file-system/*"] })]));
        expectClean(await runPolicy(backupRule, [fs, efsBackupPolicy(fs, "DISABLED"), selection({ selectionTags: [{ type: "STRINGEQUALS", key: "Backup", value: "daily" }] })]));
    });
    it("fires without a backup policy or selection, and on a DISABLED policy", async () => {
        const fs = fileSystem();
        expectFired(await runPolicy(backupRule, [fs]), "res-efs-backup", "aws:efs/backupPolicy");
        const disabled = efsBackupPolicy(fs, "DISABLED");
        const result = await runPolicy(backupRule, [fs, disabled]);
        expectFired(result, "res-efs-backup", "backupPolicy.status");
        expect(result.violations[0].urn).toBe(disabled.urn);
        expectFired(await runPolicy(backupRule, [fs, selection({ resources: ["arn:aws:rds:*:*:cluster:*"] })]), "res-efs-backup", "aws:efs/backupPolicy");
    });
    it("first preview: unknown ids join through dependencies; unknown status passes", async () => {
        const fs = fileSystem(UNKNOWN_STRING);
        expectNoMandatory(await runPolicy(backupRule, [fs, efsBackupPolicy(fs, "ENABLED", UNKNOWN_STRING)]));
        expectClean(await runPolicy(backupRule, [fs, efsBackupPolicy(fs, UNKNOWN_STRING, UNKNOWN_STRING)]));
    });
    it("no file systems: nothing to check; exemption with a reason", async () => {
        expectClean(await runPolicy(backupRule, [selection({ resources: ["*"] })]));
        expectClean(await runPolicy(backupRule, [fileSystem()], { exemptions: [{ namePattern: "^shared$", reason: "cache volume, rebuilt from S3" }] }));
    });
});

const dlq = stackPolicy(lambdaDlq);
const fnArn = "arn:aws:lambda:eu-west-1:111122223333:function:orders";
const fn = (extra: Record<string, unknown> = {}, arn: unknown = fnArn) =>
    resource(FUNCTION, { role: "r", runtime: "nodejs24.x", ...extra }, { name: "orders", outputs: { role: "r", arn, name: arn === fnArn ? "orders" : UNKNOWN_STRING, id: arn === fnArn ? "orders" : UNKNOWN_STRING, ...extra } });
const permission = (principal: string, functionRef: unknown = "orders", deps: string[] = []) =>
    resource("aws:lambda/permission:Permission", { action: "lambda:InvokeFunction", function: functionRef, principal, sourceArn: "arn:aws:s3:::uploads" }, { name: `perm-${principal}`, dependencies: deps });
const eventTarget = (arn: unknown = fnArn) => resource("aws:cloudwatch/eventTarget:EventTarget", { rule: "nightly", arn }, { name: "nightly-target" });
const subscription = (protocol: string, endpoint: unknown = fnArn) => resource("aws:sns/topicSubscription:TopicSubscription", { topic: "t", protocol, endpoint }, { name: `sub-${protocol}` });
const invokeConfig = (destination: unknown, functionName: unknown = "orders") =>
    resource("aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig", { functionName, destinationConfig: { onFailure: { destination } } }, { name: "orders-invoke" });

describe("res-lambda-dlq", () => {
    it("metadata", () => expectMetadata(dlq, "res-lambda-dlq", "medium"));
    it("#1 an asynchronously invoked function with an on-failure destination or a DLQ passes", async () => {
        expectClean(await runPolicy(dlq, [fn(), permission("s3.amazonaws.com"), invokeConfig("arn:aws:sqs:eu-west-1:111122223333:orders-dlq")]));
        expectClean(await runPolicy(dlq, [fn({ deadLetterConfig: { targetArn: "arn:aws:sqs:eu-west-1:111122223333:orders-dlq" } }), eventTarget()]));
    });
    it("fires for each kind of asynchronous invoker without a failure destination", async () => {
        for (const invoker of [permission("s3.amazonaws.com"), permission("events.amazonaws.com"), eventTarget(), subscription("lambda")]) {
            const result = await runPolicy(dlq, [fn(), invoker]);
            expectFired(result, "res-lambda-dlq", "deadLetterConfig.targetArn");
            expect(result.messages[0]).toContain(invoker.name);
        }
    });
    it("an invoke config with only onSuccess does not count", async () => {
        const onlySuccess = resource("aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig", { functionName: "orders", destinationConfig: { onSuccess: { destination: "arn:aws:sqs:eu-west-1:1:done" } } }, { name: "cfg" });
        expectFired(await runPolicy(dlq, [fn(), eventTarget(), onlySuccess]), "res-lambda-dlq", "deadLetterConfig.targetArn");
    });
    it("synchronous callers (API Gateway, a named account) and other subscription protocols do not make it asynchronous", async () => {
        expectClean(await runPolicy(dlq, [fn(), permission("apigateway.amazonaws.com")]));
        expectClean(await runPolicy(dlq, [fn(), permission("444455556666")]));
        expectClean(await runPolicy(dlq, [fn(), subscription("sqs", "arn:aws:sqs:eu-west-1:1:q")]));
        expectClean(await runPolicy(dlq, [fn()]));
    });
    it("first preview: function ARN unknown, invokers joined through dependencies; unknown DLQ passes", async () => {
        const f = fn({}, UNKNOWN_STRING);
        const p = permission("sns.amazonaws.com", UNKNOWN_STRING, [f.urn]);
        expectFired(await runPolicy(dlq, [f, p]), "res-lambda-dlq", "deadLetterConfig.targetArn");
        expectNoMandatory(await runPolicy(dlq, [fn({ deadLetterConfig: { targetArn: UNKNOWN_STRING } }), eventTarget()]));
        expectClean(await runPolicy(dlq, [fn(), eventTarget(), invokeConfig(UNKNOWN_STRING)]));
    });
    it("exemption with a reason", async () => {
        expectClean(await runPolicy(dlq, [fn(), eventTarget()], { exemptions: [{ namePattern: "^orders$", reason: "idempotent nightly job, re-run by the scheduler" }] }));
    });
});

const lifecycle = stackPolicy(ecrLifecycle);
const repository = (name = "orders-api", id: unknown = name) => resource("aws:ecr/repository:Repository", { name }, { name: "orders", outputs: { name: id, id, arn: typeof id === "string" ? `arn:aws:ecr:eu-west-1:1:repository/${id}` : UNKNOWN_STRING } });
const lifecyclePolicy = (ref: unknown, deps: string[] = []) => resource("aws:ecr/lifecyclePolicy:LifecyclePolicy", { repository: ref, policy: "{\"rules\":[]}" }, { name: "orders-lifecycle", dependencies: deps });

describe("res-ecr-lifecycle", () => {
    it("metadata", () => expectMetadata(lifecycle, "res-ecr-lifecycle", "low"));
    it("#1 a repository with a lifecycle policy passes", async () => {
        expectClean(await runPolicy(lifecycle, [repository(), lifecyclePolicy("orders-api")]));
    });
    it("fires for a repository without one, or whose policy targets another repository", async () => {
        expectFired(await runPolicy(lifecycle, [repository()]), "res-ecr-lifecycle", "aws:ecr/lifecyclePolicy");
        expectFired(await runPolicy(lifecycle, [repository(), lifecyclePolicy("payments-api")]), "res-ecr-lifecycle", "aws:ecr/lifecyclePolicy");
    });
    it("first preview: joined through dependencies", async () => {
        const r = repository("orders-api", UNKNOWN_STRING);
        expectClean(await runPolicy(lifecycle, [r, lifecyclePolicy(UNKNOWN_STRING, [r.urn])]));
        expectFired(await runPolicy(lifecycle, [r]), "res-ecr-lifecycle", "aws:ecr/lifecyclePolicy");
    });
    it("no repositories: nothing to check; exemption with a reason", async () => {
        expectClean(await runPolicy(lifecycle, []));
        expectClean(await runPolicy(lifecycle, [repository()], { exemptions: [{ namePattern: "^orders$", reason: "release archive, images kept forever by policy" }] }));
    });
});

const VAULT = "aws:backup/vault:Vault";
const vaultLock = stackPolicy(backupVaultLock);
const vault = (env: unknown = "prod", name: unknown = "platform-vault") => resource(VAULT, { name }, { name: "vault", outputs: { name, id: name, tagsAll: env === UNKNOWN_OBJECT ? env : { Environment: env } } });
const lock = (ref: unknown, retention: { minRetentionDays?: unknown } = { minRetentionDays: 7 }, deps: string[] = []) =>
    resource("aws:backup/vaultLockConfiguration:VaultLockConfiguration", { backupVaultName: ref, ...retention }, { name: "vault-lock", dependencies: deps });

describe("res-backup-vault-lock", () => {
    it("metadata", () => expectMetadata(vaultLock, "res-backup-vault-lock", "low"));
    it("#1 a prod vault with a lock and a minimum retention passes", async () => {
        expectClean(await runPolicy(vaultLock, [vault(), lock("platform-vault")]));
    });
    it("fires for a prod vault without a lock, or a lock without minimum retention", async () => {
        expectFired(await runPolicy(vaultLock, [vault()]), "res-backup-vault-lock", "aws:backup/vaultLockConfiguration");
        expectFired(await runPolicy(vaultLock, [vault(), lock("other-vault")]), "res-backup-vault-lock", "aws:backup/vaultLockConfiguration");
        expectFired(await runPolicy(vaultLock, [vault(), lock("platform-vault", {})]), "res-backup-vault-lock", "minRetentionDays is not set");
    });
    it("does not apply outside production; config environments are honoured; the stack tag decides", async () => {
        expectClean(await runPolicy(vaultLock, [vault("dev")]));
        expectFired(await runPolicy(vaultLock, [vault("production")], { environments: ["production"] }), "res-backup-vault-lock", "aws:backup/vaultLockConfiguration");
    });
    it("unknown values: environment, vault name (dependency join), retention", async () => {
        expectNoMandatory(await runPolicy(vaultLock, [vault(UNKNOWN_OBJECT)]));
        const v = vault("prod", UNKNOWN_STRING);
        expectClean(await runPolicy(vaultLock, [v, lock(UNKNOWN_STRING, { minRetentionDays: UNKNOWN_STRING }, [v.urn])]));
    });
    it("exemption with a reason", async () => {
        expectClean(await runPolicy(vaultLock, [vault()], { exemptions: [{ namePattern: "^vault$", reason: "staging copy target, locked in the backup account" }] }));
    });
});

const restore = stackPolicy(backupRestoreTesting);
const plan = () => resource("aws:backup/plan:Plan", { rules: [{ ruleName: "daily", targetVaultName: "platform-vault", schedule: "cron(0 5 * * ? *)" }] }, { name: "daily" });
const testingPlan = (name: unknown = "weekly_restore") => resource("aws:backup/restoreTestingPlan:RestoreTestingPlan", {
    name, scheduleExpression: "cron(0 6 ? * SUN *)", recoveryPointSelection: { algorithm: "LATEST_WITHIN_WINDOW", includeVaults: ["*"], recoveryPointTypes: ["SNAPSHOT"] },
}, { name: "weekly-restore", outputs: { name, id: name } });
const testingSelection = (ref: unknown, deps: string[] = []) => resource("aws:backup/restoreTestingSelection:RestoreTestingSelection", {
    restoreTestingPlanName: ref, iamRoleArn: "arn:aws:iam::1:role/restore", protectedResourceType: "Aurora", protectedResourceArns: ["*"],
}, { name: "aurora-restore", dependencies: deps });

describe("res-backup-restore-testing", () => {
    it("metadata", () => expectMetadata(restore, "res-backup-restore-testing", "low"));
    it("#1 backup plans with a restore testing plan and a selection pass", async () => {
        expectClean(await runPolicy(restore, [plan(), testingPlan(), testingSelection("weekly_restore")]));
    });
    it("fires when backup plans exist without restore testing, or the testing plan selects nothing", async () => {
        const result = await runPolicy(restore, [plan()]);
        expectFired(result, "res-backup-restore-testing", "aws:backup/restoreTestingPlan");
        expect(result.violations[0].urn).toBe(plan().urn);
        expectFired(await runPolicy(restore, [plan(), testingPlan()]), "res-backup-restore-testing", "aws:backup/restoreTestingSelection");
        expectFired(await runPolicy(restore, [plan(), testingPlan(), testingSelection("another_plan")]), "res-backup-restore-testing", "aws:backup/restoreTestingSelection");
    });
    it("applies only when the stack has backup plans", async () => {
        expectClean(await runPolicy(restore, []));
        expectClean(await runPolicy(restore, [resource(VAULT, { name: "v" })]));
    });
    it("first preview: selection joined to the testing plan through dependencies", async () => {
        const p = testingPlan(UNKNOWN_STRING);
        expectClean(await runPolicy(restore, [plan(), p, testingSelection(UNKNOWN_STRING, [p.urn])]));
    });
    it("exemption with a reason", async () => {
        expectClean(await runPolicy(restore, [plan()], { exemptions: [{ namePattern: "^daily$", reason: "restores tested from the central backup account" }] }));
    });
});
