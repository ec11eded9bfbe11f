import { beforeAll, describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { FAKE_ACCOUNT_ID } from "../../tools/offline/fakeCloud";
import { TAGGABLE_TYPES } from "../../policy/lib/taggable";
import { REQUIRED_TAG_KEYS } from "../../infra/config/requiredTags";
import { isAccountSingleton } from "../../infra/components/account/accountSingletons";
import { StackRunResult, policyDocument, runStack } from "../support/stackRun";

/**
 * Assertions shared by the dev and prod test files. Expected values are written out literally per
 * stack (from Pulumi.<stack>.yaml) rather than re-derived from the program's own config, so a
 * change to a stack file or to the component has to be made on purpose in both places.
 */
export interface SecurityExpectations {
    readonly stack: "dev" | "prod";
    readonly region: string;
    readonly deletionWindowInDays: number;
    readonly cloudTrailLogRetentionInDays: number;
    readonly lifecycle: { readonly infrequentAccessDays: number; readonly glacierDays: number; readonly expirationDays: number };
    /** GuardDuty feature name -> expected status. */
    readonly guardDutyFeatures: Readonly<Record<string, "ENABLED" | "DISABLED">>;
    /** Pulumi protect / retainOnDelete on keys and the audit bucket (protect also on trail, log group, detector, hub). */
    readonly protect: boolean;
    readonly retainOnDelete: boolean;
    readonly requiredTags: Readonly<Record<string, string>>;
    /** Config keys replaced for the run (dev runs as the baseline owner of an account of its own). */
    readonly overrides?: Record<string, string>;
    /** The account the run's credentials belong to (default: the committed stack's). */
    readonly accountId?: string;
}

export const T = {
    key: "aws:kms/key:Key",
    alias: "aws:kms/alias:Alias",
    bucket: "aws:s3/bucket:Bucket",
    bucketPab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    trail: "aws:cloudtrail/trail:Trail",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    detector: "aws:guardduty/detector:Detector",
    accountBaseline: "platform:account:AccountBaseline",
    feature: "aws:guardduty/detectorFeature:DetectorFeature",
    hub: "aws:securityhub/account:Account",
    standard: "aws:securityhub/standardsSubscription:StandardsSubscription",
    analyzer: "aws:accessanalyzer/analyzer:Analyzer",
    accountPab: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
    ebsDefault: "aws:ebs/encryptionByDefault:EncryptionByDefault",
    ebsKey: "aws:ebs/defaultKmsKey:DefaultKmsKey",
    serviceLinkedRole: "aws:iam/serviceLinkedRole:ServiceLinkedRole",
    recorder: "aws:cfg/recorder:Recorder",
    deliveryChannel: "aws:cfg/deliveryChannel:DeliveryChannel",
    recorderStatus: "aws:cfg/recorderStatus:RecorderStatus",
    baseline: "platform:security:Baseline",
} as const;

type Statement = Record<string, unknown>;
type Conditions = Record<string, Record<string, unknown>>;

export const KEY_NAMES = ["data", "logs", "cluster-secrets", "backup"] as const;
export const BUCKET_GUARDRAILS = [T.bucketPab, T.ownership, T.sse, T.versioning, T.lifecycle, T.bucketPolicy] as const;

export function statementsOf(document: unknown): Statement[] {
    return policyDocument(document).Statement;
}

export function bySid(document: unknown, sid: string): Statement {
    const found: Statement | undefined = statementsOf(document).find((s: Statement) => s.Sid === sid);
    if (!found) {
        throw new Error(`no statement ${sid}`);
    }
    return found;
}

function asArray(value: unknown): unknown[] {
    return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** Every Service principal that an Allow statement names. */
export function servicePrincipals(document: unknown): string[] {
    return [...new Set(statementsOf(document)
        .filter((s: Statement) => s.Effect === "Allow")
        .flatMap((s: Statement) => asArray((s.Principal as Record<string, unknown> | undefined)?.Service) as string[]))].sort();
}

function isWildcardPrincipal(principal: unknown): boolean {
    return principal === "*" || asArray((principal as Record<string, unknown> | undefined)?.AWS).includes("*");
}

/** A wildcard-principal Allow is acceptable only when scoped to this account and to AWS services. */
export function expectWildcardPrincipalsScoped(document: unknown, accountId: string): void {
    for (const statement of statementsOf(document)) {
        expect(statement.NotPrincipal, `NotPrincipal in ${String(statement.Sid)}`).toBeUndefined();
        expect(statement.NotAction, `NotAction in ${String(statement.Sid)}`).toBeUndefined();
        if (statement.Effect !== "Allow" || !isWildcardPrincipal(statement.Principal)) {
            continue;
        }
        const equals: Record<string, unknown> = (statement.Condition as Conditions | undefined)?.StringEquals ?? {};
        expect(equals["kms:CallerAccount"], `kms:CallerAccount on ${String(statement.Sid)}`).toBe(accountId);
        // Narrowed to callers through a service, or to one named role of this account (aws:PrincipalArn).
        const principalArns: unknown[] = asArray((statement.Condition as Conditions | undefined)?.ArnEquals?.["aws:PrincipalArn"]);
        expect(asArray(equals["kms:ViaService"]).length + principalArns.length, `kms:ViaService or aws:PrincipalArn on ${String(statement.Sid)}`).toBeGreaterThan(0);
        for (const arn of principalArns) {
            expect(String(arn), `aws:PrincipalArn on ${String(statement.Sid)}`).toMatch(new RegExp(`^arn:[a-z-]+:iam::${accountId}:role/`));
        }
    }
}

export function describeSecurityBaseline(expected: SecurityExpectations): void {
    const { stack, region } = expected;
    const account: string = expected.accountId ?? FAKE_ACCOUNT_ID;
    const prefix = `platform-${stack}`;
    const trailArn = `arn:aws:cloudtrail:${region}:${account}:trail/${prefix}-audit`;
    let result: StackRunResult;
    let baselineUrn: string;
    let accountBaselineUrn: string;

    const get = (type: string, name: string): RecordedResource => result.get(type, name);
    const keyArn = (name: string): string => String(get(T.key, name).outputs.arn);

    describe(`security baseline (${stack})`, () => {
        beforeAll(async () => {
            result = await runStack(stack, expected.overrides ? { overrides: expected.overrides, accountId: expected.accountId } : {});
            baselineUrn = get(T.baseline, "security").urn;
            accountBaselineUrn = get(T.accountBaseline, "account").urn;
        });

        describe("KMS keys", () => {
            it.each(KEY_NAMES)("%s key: rotation, deletion window, symmetric, no lockout bypass", (name: string) => {
                const key: RecordedResource = get(T.key, name);
                expect(key.inputs.enableKeyRotation).toBe(true);
                expect(key.inputs.deletionWindowInDays).toBe(expected.deletionWindowInDays);
                expect(key.inputs.keyUsage).toBe("ENCRYPT_DECRYPT");
                expect(key.inputs.customerMasterKeySpec).toBe("SYMMETRIC_DEFAULT");
                expect(key.inputs.bypassPolicyLockoutSafetyCheck).not.toBe(true);
                expect(key.inputs.isEnabled).not.toBe(false);
            });

            it.each(KEY_NAMES)("%s key: alias alias/<project>-<stack>-<domain> targets the key", (name: string) => {
                const alias: RecordedResource = get(T.alias, name);
                expect(alias.inputs.name).toBe(`alias/${prefix}-${name}`);
                expect(alias.inputs.targetKeyId).toBe(get(T.key, name).outputs.keyId);
            });

            it.each(KEY_NAMES)("%s key: account root statement, no unscoped wildcard principal", (name: string) => {
                const policy: unknown = get(T.key, name).inputs.policy;
                expect(typeof policy).toBe("string");
                const root: Statement = bySid(policy, "EnableAccountIamPolicies");
                expect(root.Principal).toEqual({ AWS: `arn:aws:iam::${account}:root` });
                expect(root.Effect).toBe("Allow");
                expectWildcardPrincipalsScoped(policy, account);
            });

            it("logs key trusts only CloudWatch Logs (log groups of this account/region), our trail and AWS Config for this account", () => {
                const policy: unknown = get(T.key, "logs").inputs.policy;
                expect(servicePrincipals(policy)).toEqual(["cloudtrail.amazonaws.com", "config.amazonaws.com", `logs.${region}.amazonaws.com`]);
                const config: Statement = bySid(policy, "AllowConfigDelivery");
                expect(config.Action).toEqual(["kms:GenerateDataKey", "kms:Decrypt"]);
                expect(config.Condition).toEqual({ StringEquals: { "aws:SourceAccount": account } });
                const logs: Statement = bySid(policy, "AllowCloudWatchLogs");
                expect(logs.Condition).toEqual({
                    ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${region}:${account}:log-group:*` },
                });
                const encrypt: Statement = bySid(policy, "AllowCloudTrailEncrypt");
                expect(encrypt.Action).toBe("kms:GenerateDataKey*");
                const conditions = encrypt.Condition as Conditions;
                expect(conditions.StringEquals["aws:SourceArn"]).toBe(trailArn);
                expect(conditions.StringLike["kms:EncryptionContext:aws:cloudtrail:arn"]).toBe(trailArn);
                const describeKey: Statement = bySid(policy, "AllowCloudTrailDescribeKey");
                expect((describeKey.Condition as Conditions).StringEquals["aws:SourceArn"]).toBe(trailArn);
                // The audit bucket has an S3 Bucket Key: CloudTrail needs kms:Decrypt to create or update the trail.
                const decrypt: Statement = bySid(policy, "AllowCloudTrailDecrypt");
                expect(decrypt).toMatchObject({ Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "kms:Decrypt", Condition: { StringEquals: { "aws:SourceArn": trailArn } } });
                // No service statement goes without a condition.
                for (const statement of statementsOf(policy).filter((s: Statement) => s.Sid !== "EnableAccountIamPolicies")) {
                    expect(statement.Condition, String(statement.Sid)).toBeDefined();
                }
            });

            it("data key: only its services via kms:ViaService in this account (EC2 for node volumes) and the Auto Scaling service-linked role", () => {
                const policy: unknown = get(T.key, "data").inputs.policy;
                expect(servicePrincipals(policy)).toEqual([]);
                const expectedServices: string[] = ["rds", "dynamodb", "elasticache", "secretsmanager", "backup", "elasticfilesystem", "s3", "ec2"]
                    .map((service: string) => `${service}.${region}.amazonaws.com`).sort();
                for (const sid of ["AllowDataServicesUse", "AllowDataServicesGrants"]) {
                    const equals = (bySid(policy, sid).Condition as Conditions).StringEquals;
                    expect((equals["kms:ViaService"] as string[]).slice().sort()).toEqual(expectedServices);
                    expect(equals["kms:CallerAccount"]).toBe(account);
                }
                expect((bySid(policy, "AllowDataServicesGrants").Condition as Conditions).Bool).toEqual({ "kms:GrantIsForAWSResource": "true" });
                // EC2 Auto Scaling "Required AWS KMS key policy for use with encrypted volumes": the service-linked role, named by
                // aws:PrincipalArn because KMS rejects a policy naming a role that does not exist yet (it appears with the first ASG).
                const slr = `arn:aws:iam::${account}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
                expect(bySid(policy, "AllowAutoScalingServiceRoleUse")).toMatchObject({
                    Principal: { AWS: "*" },
                    Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
                    Condition: { StringEquals: { "kms:CallerAccount": account }, ArnEquals: { "aws:PrincipalArn": slr } },
                });
                expect(bySid(policy, "AllowAutoScalingServiceRoleGrants")).toMatchObject({
                    Action: "kms:CreateGrant",
                    Condition: { StringEquals: { "kms:CallerAccount": account }, ArnEquals: { "aws:PrincipalArn": slr }, Bool: { "kms:GrantIsForAWSResource": "true" } },
                });
                expect(statementsOf(policy)).toHaveLength(5);
            });

            it("cluster-secrets key: only EKS via kms:ViaService in this account", () => {
                const policy: unknown = get(T.key, "cluster-secrets").inputs.policy;
                expect(servicePrincipals(policy)).toEqual([]);
                for (const sid of ["AllowEksUse", "AllowEksGrants"]) {
                    const equals = (bySid(policy, sid).Condition as Conditions).StringEquals;
                    expect(equals["kms:ViaService"]).toEqual([`eks.${region}.amazonaws.com`]);
                    expect(equals["kms:CallerAccount"]).toBe(account);
                }
                expect(statementsOf(policy)).toHaveLength(3);
            });

            it("backup key: only AWS Backup via kms:ViaService in this account", () => {
                const policy: unknown = get(T.key, "backup").inputs.policy;
                expect(servicePrincipals(policy)).toEqual([]);
                for (const sid of ["AllowBackupUse", "AllowBackupGrants"]) {
                    const equals = (bySid(policy, sid).Condition as Conditions).StringEquals;
                    expect(equals["kms:ViaService"]).toEqual([`backup.${region}.amazonaws.com`]);
                    expect(equals["kms:CallerAccount"]).toBe(account);
                }
                expect((bySid(policy, "AllowBackupGrants").Condition as Conditions).Bool).toEqual({ "kms:GrantIsForAWSResource": "true" });
                expect(statementsOf(policy)).toHaveLength(3);
            });

            it("keys are exactly data, logs, cluster-secrets and backup, exported by domain", () => {
                expect(result.all(T.key).filter((k: RecordedResource) => k.parent === baselineUrn).map((k: RecordedResource) => k.name).sort())
                    .toEqual(["backup", "cluster-secrets", "data", "logs"]);
                expect(result.run.stackOutputs.kmsKeyArns).toEqual({
                    data: keyArn("data"), logs: keyArn("logs"), clusterSecrets: keyArn("cluster-secrets"), backup: keyArn("backup"),
                });
            });
        });

        describe("CloudTrail", () => {
            it("multi-region trail with global events, log file validation, the logs key and an explicit name", () => {
                const trail: RecordedResource = get(T.trail, "audit");
                expect(trail.inputs.name).toBe(`${prefix}-audit`);
                expect(trail.outputs.arn).toBe(trailArn);
                expect(trail.inputs.isMultiRegionTrail).toBe(true);
                expect(trail.inputs.includeGlobalServiceEvents).toBe(true);
                expect(trail.inputs.enableLogFileValidation).toBe(true);
                expect(trail.inputs.enableLogging).not.toBe(false);
                expect(trail.inputs.kmsKeyId).toBe(keyArn("logs"));
                expect(trail.inputs.s3BucketName).toBe(get(T.bucket, "cloudtrail").outputs.id);
            });

            it("trail delivers to its CloudWatch log group through its role and waits for the bucket policy", () => {
                const trail: RecordedResource = get(T.trail, "audit");
                const logGroup: RecordedResource = get(T.logGroup, "cloudtrail");
                expect(trail.inputs.cloudWatchLogsGroupArn).toBe(`${String(logGroup.outputs.arn)}:*`);
                expect(trail.inputs.cloudWatchLogsRoleArn).toBe(get(T.role, "cloudtrail-logs").outputs.arn);
                expect(trail.dependencies).toContain(get(T.bucketPolicy, "cloudtrail").urn);
                expect(trail.dependencies).toContain(get(T.rolePolicy, "cloudtrail-logs").urn);
                expect(result.run.stackOutputs.cloudTrailBucketName).toBe(get(T.bucket, "cloudtrail").outputs.bucket);
            });

            it("log group: retention from config, encrypted with the logs key", () => {
                const logGroup: RecordedResource = get(T.logGroup, "cloudtrail");
                expect(logGroup.inputs.retentionInDays).toBe(expected.cloudTrailLogRetentionInDays);
                expect(logGroup.inputs.kmsKeyId).toBe(keyArn("logs"));
            });

            it("delivery role: CloudTrail assumes it without confused-deputy conditions (documented as not applicable); it may only write streams of its group", () => {
                const role: RecordedResource = get(T.role, "cloudtrail-logs");
                const trust: Statement[] = statementsOf(role.inputs.assumeRolePolicy);
                expect(trust).toHaveLength(1);
                expect(trust[0].Principal).toEqual({ Service: "cloudtrail.amazonaws.com" });
                expect(trust[0].Action).toBe("sts:AssumeRole");
                // InvalidCloudWatchLogsRoleArnException at CreateTrail when the trust carries aws:SourceArn/aws:SourceAccount.
                expect(trust[0].Condition).toBeUndefined();
                expect(role.inputs.managedPolicyArns ?? []).toEqual([]);

                const inline: RecordedResource = get(T.rolePolicy, "cloudtrail-logs");
                expect(inline.inputs.role).toBe(role.outputs.id);
                const permissions: Statement[] = statementsOf(inline.inputs.policy);
                expect(permissions).toHaveLength(1);
                expect(permissions[0].Effect).toBe("Allow");
                expect(permissions[0].Action).toEqual(["logs:CreateLogStream", "logs:PutLogEvents"]);
                expect(permissions[0].Resource).toBe(`${String(get(T.logGroup, "cloudtrail").outputs.arn)}:log-stream:*`);
            });
        });

        describe("CloudTrail bucket", () => {
            const bucketId = (): unknown => get(T.bucket, "cloudtrail").outputs.id;

            it.each(BUCKET_GUARDRAILS)("%s is attached to the CloudTrail bucket", (type: string) => {
                expect(get(type, "cloudtrail").inputs.bucket).toBe(bucketId());
            });

            it("public access block: all four switches on", () => {
                const pab: RecordedResource = get(T.bucketPab, "cloudtrail");
                for (const flag of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) {
                    expect(pab.inputs[flag], flag).toBe(true);
                }
            });

            it("ACLs disabled (BucketOwnerEnforced), versioning enabled", () => {
                expect(get(T.ownership, "cloudtrail").inputs.rule).toEqual({ objectOwnership: "BucketOwnerEnforced" });
                expect(get(T.versioning, "cloudtrail").inputs.versioningConfiguration).toEqual({ status: "Enabled" });
            });

            it("SSE-KMS with the logs key and a bucket key", () => {
                expect(get(T.sse, "cloudtrail").inputs.rules).toEqual([{
                    applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: keyArn("logs") },
                    bucketKeyEnabled: true,
                }]);
            });

            it("lifecycle: tiering and expiration from config, noncurrent expiry, aborted uploads", () => {
                const rules = get(T.lifecycle, "cloudtrail").inputs.rules as Array<Record<string, unknown>>;
                expect(rules).toHaveLength(1);
                const rule: Record<string, unknown> = rules[0];
                expect(rule.status).toBe("Enabled");
                expect(rule.filter).toEqual({});
                expect(rule.transitions).toEqual([
                    { days: expected.lifecycle.infrequentAccessDays, storageClass: "STANDARD_IA" },
                    { days: expected.lifecycle.glacierDays, storageClass: "GLACIER" },
                ]);
                expect(rule.expiration).toEqual({ days: expected.lifecycle.expirationDays });
                expect(rule.noncurrentVersionExpiration).toEqual({ noncurrentDays: 90 });
                expect(rule.abortIncompleteMultipartUpload).toEqual({ daysAfterInitiation: 7 });
            });

            it("bucket policy: TLS-only deny on bucket and objects; CloudTrail allowed only for our trail", () => {
                const bucketArn = String(get(T.bucket, "cloudtrail").outputs.arn);
                const policy: unknown = get(T.bucketPolicy, "cloudtrail").inputs.policy;
                const deny: Statement = bySid(policy, "DenyInsecureTransport");
                expect(deny.Effect).toBe("Deny");
                expect(deny.Principal).toBe("*");
                expect(deny.Action).toBe("s3:*");
                expect(deny.Resource).toEqual([bucketArn, `${bucketArn}/*`]);
                expect(deny.Condition).toEqual({ Bool: { "aws:SecureTransport": "false" } });

                const aclCheck: Statement = bySid(policy, "AllowCloudTrailAclCheck");
                expect(aclCheck.Action).toBe("s3:GetBucketAcl");
                expect(aclCheck.Resource).toBe(bucketArn);
                expect(aclCheck.Condition).toEqual({ StringEquals: { "aws:SourceArn": trailArn } });

                const write: Statement = bySid(policy, "AllowCloudTrailWrite");
                expect(write.Action).toBe("s3:PutObject");
                expect(write.Resource).toBe(`${bucketArn}/AWSLogs/${account}/*`);
                expect(write.Condition).toEqual({
                    StringEquals: { "aws:SourceArn": trailArn, "s3:x-amz-acl": "bucket-owner-full-control" },
                });

                const allows: Statement[] = statementsOf(policy).filter((s: Statement) => s.Effect === "Allow");
                expect(allows.map((s: Statement) => s.Principal)).toEqual([
                    { Service: "cloudtrail.amazonaws.com" }, { Service: "cloudtrail.amazonaws.com" },
                    { Service: "config.amazonaws.com" }, { Service: "config.amazonaws.com" }, { Service: "config.amazonaws.com" },
                ]);
            });

            it("bucket policy: AWS Config checks the bucket and writes only under config/AWSLogs/<account>/Config/, for this account", () => {
                const bucketArn = String(get(T.bucket, "cloudtrail").outputs.arn);
                const policy: unknown = get(T.bucketPolicy, "cloudtrail").inputs.policy;
                expect(bySid(policy, "AllowConfigAclCheck")).toMatchObject({ Action: "s3:GetBucketAcl", Resource: bucketArn, Condition: { StringEquals: { "aws:SourceAccount": account } } });
                expect(bySid(policy, "AllowConfigExistenceCheck")).toMatchObject({ Action: "s3:ListBucket", Resource: bucketArn, Condition: { StringEquals: { "aws:SourceAccount": account } } });
                expect(bySid(policy, "AllowConfigDelivery")).toMatchObject({
                    Action: "s3:PutObject",
                    Resource: `${bucketArn}/config/AWSLogs/${account}/Config/*`,
                    Condition: { StringEquals: { "aws:SourceAccount": account, "s3:x-amz-acl": "bucket-owner-full-control" } },
                });
            });

            it("bucket policy waits for the public access block and ownership controls", () => {
                const deps: readonly string[] = get(T.bucketPolicy, "cloudtrail").dependencies;
                expect(deps).toContain(get(T.bucketPab, "cloudtrail").urn);
                expect(deps).toContain(get(T.ownership, "cloudtrail").urn);
            });

            it("forceDestroy only when protection is off", () => {
                expect(get(T.bucket, "cloudtrail").inputs.forceDestroy).toBe(!expected.protect && !expected.retainOnDelete);
            });
        });

        describe("AWS Config", () => {
            it("runs as AWS Config's service-linked role", () => {
                expect(get(T.serviceLinkedRole, "config").inputs.awsServiceName).toBe("config.amazonaws.com");
            });

            it("records every supported type continuously, global types here (the account's global-resources Region)", () => {
                const recorder: RecordedResource = get(T.recorder, "config");
                expect(recorder.inputs.name).toBe(`${prefix}-config`);
                expect(recorder.inputs.roleArn).toBe(get(T.serviceLinkedRole, "config").outputs.arn);
                expect(recorder.inputs.recordingGroup).toEqual({ allSupported: true, includeGlobalResourceTypes: true });
                expect(recorder.inputs.recordingMode).toEqual({ recordingFrequency: "CONTINUOUS" });
            });

            it("delivers to the audit bucket under config/, encrypted with the logs key, after the bucket policy", () => {
                const channel: RecordedResource = get(T.deliveryChannel, "config");
                expect(channel.inputs).toMatchObject({
                    name: `${prefix}-config`,
                    s3BucketName: get(T.bucket, "cloudtrail").outputs.bucket,
                    s3KeyPrefix: "config",
                    s3KmsKeyArn: keyArn("logs"),
                    snapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" },
                });
                expect(channel.dependencies).toEqual(expect.arrayContaining([get(T.recorder, "config").urn, get(T.bucketPolicy, "cloudtrail").urn]));
            });

            it("is switched on once the delivery channel exists", () => {
                const status: RecordedResource = get(T.recorderStatus, "config");
                expect(status.inputs).toEqual({ name: `${prefix}-config`, isEnabled: true });
                expect(status.dependencies).toContain(get(T.deliveryChannel, "config").urn);
            });
        });

        describe("GuardDuty", () => {
            it("detector enabled", () => {
                const detector: RecordedResource = get(T.detector, "main");
                expect(detector.inputs.enable).toBe(true);
                expect(detector.inputs.findingPublishingFrequency).toBe("FIFTEEN_MINUTES");
            });

            it("every protection plan is declared with the configured status", () => {
                const detectorId: unknown = get(T.detector, "main").outputs.id;
                const features: RecordedResource[] = result.all(T.feature);
                const statuses: Record<string, unknown> = Object.fromEntries(features.map((f: RecordedResource) => [f.inputs.name, f.inputs.status]));
                expect(statuses).toEqual(expected.guardDutyFeatures);
                for (const feature of features) {
                    expect(feature.inputs.detectorId).toBe(detectorId);
                }
            });

            it("runtime monitoring manages the EKS add-on with the same status", () => {
                const runtime: RecordedResource = get(T.feature, "runtime-monitoring");
                expect(runtime.inputs.name).toBe("RUNTIME_MONITORING");
                expect(runtime.inputs.additionalConfigurations).toEqual([
                    { name: "EKS_ADDON_MANAGEMENT", status: expected.guardDutyFeatures.RUNTIME_MONITORING },
                ]);
            });
        });

        describe("account guardrails", () => {
            it("Security Hub with FSBP 1.0.0 and CIS 3.0.0, no default standards", () => {
                const hub: RecordedResource = get(T.hub, "main");
                expect(hub.inputs.enableDefaultStandards).toBe(false);
                const arns: unknown[] = result.all(T.standard).map((s: RecordedResource) => s.inputs.standardsArn).sort();
                expect(arns).toEqual([
                    `arn:aws:securityhub:${region}::standards/aws-foundational-security-best-practices/v/1.0.0`,
                    `arn:aws:securityhub:${region}::standards/cis-aws-foundations-benchmark/v/3.0.0`,
                ]);
                for (const subscription of result.all(T.standard)) {
                    expect(subscription.dependencies).toContain(hub.urn);
                }
            });

            it("IAM Access Analyzer for the account", () => {
                const analyzer: RecordedResource = get(T.analyzer, "account");
                expect(analyzer.inputs.type).toBe("ACCOUNT");
                expect(analyzer.inputs.analyzerName).toBe(`${prefix}-account`);
            });

            it("account-level S3 public access block: all four switches on", () => {
                const pab: RecordedResource = get(T.accountPab, "account");
                for (const flag of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) {
                    expect(pab.inputs[flag], flag).toBe(true);
                }
            });

            it("EBS encryption by default with the data key", () => {
                expect(get(T.ebsDefault, "account").inputs.enabled).toBe(true);
                expect(get(T.ebsKey, "account").inputs.keyArn).toBe(keyArn("data"));
            });
        });

        describe("resource options, tree and tags", () => {
            const retained = (): RecordedResource[] => [
                ...KEY_NAMES.map((name: string) => get(T.key, name)),
                get(T.bucket, "cloudtrail"),
                ...BUCKET_GUARDRAILS.map((type: string) => get(type, "cloudtrail")),
            ];
            const protectedOnly = (): RecordedResource[] => [get(T.logGroup, "cloudtrail")];
            const singletons = (): RecordedResource[] => children().filter((r: RecordedResource) => isAccountSingleton(r.type, r.inputs));

            it(`keys and the audit bucket: protect=${expected.protect}, retainOnDelete=${expected.retainOnDelete}`, () => {
                for (const resource of retained()) {
                    expect(resource.protect, resource.urn).toBe(expected.protect);
                    expect(resource.retainOnDelete, resource.urn).toBe(expected.retainOnDelete);
                }
            });

            it(`the trail's log group: protect=${expected.protect}`, () => {
                for (const resource of protectedOnly()) {
                    expect(resource.protect, resource.urn).toBe(expected.protect);
                }
            });

            it("account singletons (trail, GuardDuty, Security Hub, Config, analyzer, account PAB, EBS, anomaly monitor, OIDC provider): protected whatever platform:protection says", () => {
                expect(singletons().length).toBe(20);
                for (const resource of singletons()) {
                    expect(resource.protect, resource.urn).toBe(true);
                    expect(resource.parent, resource.urn).toBe(accountBaselineUrn);
                }
            });

            it("nothing else is protected (aliases, roles, policies stay replaceable)", () => {
                const stateful = new Set<string>([...retained(), ...protectedOnly(), ...singletons()].map((r: RecordedResource) => r.urn));
                const others: RecordedResource[] = children().filter((r: RecordedResource) => !stateful.has(r.urn));
                // 4 aliases, the trail log-delivery role and its policy, the audit bucket's access logging.
                expect(others.length).toBe(7);
                for (const resource of others) {
                    expect(resource.protect, resource.urn).toBe(false);
                    expect(resource.retainOnDelete, resource.urn).toBe(false);
                }
            });

            const children = (): RecordedResource[] => result.resources.filter((r: RecordedResource) => r.parent === baselineUrn || r.parent === accountBaselineUrn);

            it("every security resource is a child of the security or account baseline and uses the regional provider (Cost Explorer: us-east-1)", () => {
                const regional: string = result.get("pulumi:providers:aws", "regional").urn;
                const globalEdge: string = result.get("pulumi:providers:aws", "global-edge").urn;
                const ours: RecordedResource[] = children();
                // 4 keys + 4 aliases + bucket + 6 guardrails + access logging + log group + role + role policy + trail
                // + detector + 5 features + hub + 2 standards + analyzer + account PAB + 2 EBS
                // + Config (service-linked role, recorder, delivery channel, recorder status)
                // + the cost anomaly monitor and the GitHub OIDC provider of the account baseline.
                expect(ours).toHaveLength(39);
                for (const resource of ours) {
                    expect(resource.provider, resource.urn).toBe(resource.type.startsWith("aws:costexplorer/") ? globalEdge : regional);
                }
                const securityTypes: RegExp = /^aws:(kms|cloudtrail|guardduty|securityhub|accessanalyzer|ebs|s3|cfg)\//;
                // The data, edge and operations components own keys and buckets of their own.
                const otherComponents: RegExp = /platform:(data|edge|operations|integration|delivery):/;
                for (const resource of result.resources.filter((r: RecordedResource) => securityTypes.test(r.type) && !otherComponents.test(r.urn))) {
                    expect([baselineUrn, accountBaselineUrn], resource.urn).toContain(resource.parent);
                }
            });

            it("every taggable resource carries the required tags (and a Name)", () => {
                const taggable: RecordedResource[] = children().filter((r: RecordedResource) => TAGGABLE_TYPES.has(r.type));
                // keys x4, bucket, log group, role, trail, detector, analyzer, Config's service-linked role,
                // the anomaly monitor and the OIDC provider.
                expect(taggable.length).toBe(13);
                expect(Object.keys(expected.requiredTags).sort()).toEqual([...REQUIRED_TAG_KEYS].sort());
                for (const resource of taggable) {
                    const tagsAll = resource.inputs.tagsAll as Record<string, unknown>;
                    expect(tagsAll, resource.urn).toMatchObject(expected.requiredTags);
                    expect(String(tagsAll.Name), resource.urn).toMatch(new RegExp(`^${prefix}-`));
                }
            });

            it("no secret material among the inputs", () => {
                for (const resource of children()) {
                    expect(resource.secretInputs, resource.urn).toEqual([]);
                }
            });
        });
    });
}
