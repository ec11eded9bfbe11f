import { describe, expect, it } from "vitest";
import { UNKNOWN_STRING, resource, runPolicy } from "../support/policyHarness";
import { describeResourcePolicy, expectClean, expectFired, expectMetadata, expectNoMandatory } from "../encryption/table";
import { noAdminManagedPolicy, noAwsManagedPolicies, noLongLivedCredentials, noUserAttachedPolicies } from "../../../policy/rules/iam/managedPolicies";
import { eksAccessConfig, elasticacheAuth, imdsv2, kmsNoLockoutBypass, noSecretsInUserData, rdsIamAuth, secretRotation } from "../../../policy/rules/iam/services";

const ATTACH = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const ATTACH_TYPES = [ATTACH, "aws:iam/policyAttachment:PolicyAttachment", "aws:iam/groupPolicyAttachment:GroupPolicyAttachment", "aws:iam/userPolicyAttachment:UserPolicyAttachment"];
const managed = (name: string) => `arn:aws:iam::aws:policy/${name}`;

describeResourcePolicy({
    policy: noAwsManagedPolicies, id: "iam-no-aws-managed-policies", severity: "medium", type: ATTACH, baselineTypes: ATTACH_TYPES,
    baseline: { role: "node", policyArn: managed("AmazonEKSWorkerNodePolicy") },
    violations: [
        { name: "S3 full access", patch: { policyArn: managed("AmazonS3FullAccess") }, property: "policyArn" },
        { name: "role managedPolicyArns", type: "aws:iam/role:Role", patch: { policyArn: undefined, assumeRolePolicy: "{}", managedPolicyArns: [managed("AmazonEKSClusterPolicy"), managed("ReadOnlyAccess")] }, property: "managedPolicyArns[1]" },
        { name: "GovCloud partition", patch: { policyArn: "arn:aws-us-gov:iam::aws:policy/AmazonS3FullAccess" }, property: "policyArn" },
        { name: "allowlist narrowed by config", patch: {}, property: "policyArn", config: { allowedPolicies: ["AmazonEKSClusterPolicy"] } },
    ],
    unknowns: [{ name: "policy ARN from a same-stack policy", patch: { policyArn: UNKNOWN_STRING } }],
    compliant: [
        { name: "customer-managed policy", patch: { policyArn: "arn:aws:iam::111122223333:policy/app" } },
        { name: "service-role path allowlisted by name", patch: { policyArn: managed("service-role/AmazonEBSCSIDriverPolicy") } },
        { name: "AWS Backup service role", patch: { policyArn: managed("service-role/AWSBackupServiceRolePolicyForBackup") } },
    ],
});

describeResourcePolicy({
    policy: noAdminManagedPolicy, id: "iam-no-admin-managed-policy", severity: "high", type: ATTACH, baselineTypes: ATTACH_TYPES,
    baseline: { role: "node", policyArn: managed("AmazonEKSWorkerNodePolicy") },
    violations: [
        { name: "AdministratorAccess", patch: { policyArn: managed("AdministratorAccess") }, property: "policyArn" },
        { name: "IAMFullAccess on a user", type: "aws:iam/userPolicyAttachment:UserPolicyAttachment", patch: { policyArn: managed("IAMFullAccess") }, property: "policyArn" },
        { name: "role managedPolicyArns", type: "aws:iam/role:Role", patch: { managedPolicyArns: [managed("AdministratorAccess")] }, property: "managedPolicyArns[0]" },
    ],
    unknowns: [{ name: "ARN unknown", patch: { policyArn: UNKNOWN_STRING } }],
});

describeResourcePolicy({
    policy: noUserAttachedPolicies, id: "iam-no-user-attached-policies", severity: "medium", type: "aws:iam/policyAttachment:PolicyAttachment",
    baseline: { policyArn: "arn:aws:iam::111122223333:policy/app", groups: ["ops"], roles: ["app"] },
    violations: [
        { name: "users in a policy attachment", patch: { users: ["alice"] }, property: "users" },
        { name: "user policy attachment", type: "aws:iam/userPolicyAttachment:UserPolicyAttachment", patch: { user: "alice" }, property: "user" },
        { name: "inline user policy", type: "aws:iam/userPolicy:UserPolicy", patch: { user: "alice", policy: "{}" }, property: "user" },
    ],
    unknowns: [{ name: "users unknown", patch: { users: UNKNOWN_STRING } }],
});

describeResourcePolicy({
    policy: noLongLivedCredentials, id: "iam-no-long-lived-credentials", severity: "medium", type: "aws:iam/accessKey:AccessKey",
    baseline: { user: "ci", status: "Inactive" },
    violations: [
        { name: "active access key", patch: { status: "Active" }, property: "status" },
        { name: "access key default status", patch: { status: undefined }, property: "status" },
        { name: "IAM user", type: "aws:iam/user:User", patch: {}, property: "no IAM users" },
        { name: "login profile", type: "aws:iam/userLoginProfile:UserLoginProfile", patch: {}, property: "console passwords" },
    ],
    unknowns: [{ name: "status unknown", patch: { status: UNKNOWN_STRING } }],
});

describeResourcePolicy({
    policy: kmsNoLockoutBypass, id: "iam-kms-no-lockout-bypass", severity: "medium", type: "aws:kms/key:Key",
    baselineTypes: ["aws:kms/key:Key", "aws:kms/keyPolicy:KeyPolicy"], baseline: { enableKeyRotation: true },
    violations: [
        { name: "key bypass", patch: { bypassPolicyLockoutSafetyCheck: true }, property: "bypassPolicyLockoutSafetyCheck" },
        { name: "key policy bypass", type: "aws:kms/keyPolicy:KeyPolicy", patch: { bypassPolicyLockoutSafetyCheck: true }, property: "bypassPolicyLockoutSafetyCheck" },
    ],
    unknowns: [{ name: "flag unknown", patch: { bypassPolicyLockoutSafetyCheck: UNKNOWN_STRING } }],
    compliant: [{ name: "explicit false", patch: { bypassPolicyLockoutSafetyCheck: false } }],
});

describeResourcePolicy({
    policy: rdsIamAuth, id: "iam-rds-iam-auth", severity: "medium", type: "aws:rds/cluster:Cluster",
    baseline: { engine: "aurora-postgresql", iamDatabaseAuthenticationEnabled: true },
    violations: [
        { name: "omitted", patch: { iamDatabaseAuthenticationEnabled: undefined }, property: "iamDatabaseAuthenticationEnabled" },
        { name: "false", patch: { iamDatabaseAuthenticationEnabled: false }, property: "iamDatabaseAuthenticationEnabled" },
    ],
    unknowns: [{ name: "unknown", patch: { iamDatabaseAuthenticationEnabled: UNKNOWN_STRING } }],
});

describeResourcePolicy({
    policy: elasticacheAuth, id: "iam-elasticache-auth", severity: "high", type: "aws:elasticache/replicationGroup:ReplicationGroup",
    baseline: { description: "redis", transitEncryptionEnabled: true, userGroupIds: ["platform-users"] },
    violations: [
        { name: "no auth", patch: { userGroupIds: undefined }, property: "userGroupIds" },
        { name: "empty user groups", patch: { userGroupIds: [] }, property: "userGroupIds" },
        { name: "AUTH without TLS", patch: { userGroupIds: undefined, authToken: "t0ken-from-secret-manager", transitEncryptionEnabled: false }, property: "transitEncryptionEnabled" },
    ],
    unknowns: [
        { name: "auth token is an unknown secret", patch: { userGroupIds: undefined, authToken: UNKNOWN_STRING } },
        { name: "user groups unknown", patch: { userGroupIds: UNKNOWN_STRING } },
    ],
    compliant: [{ name: "write-only auth token", patch: { userGroupIds: undefined, authTokenWo: "x".repeat(20) } }],
});

describeResourcePolicy({
    policy: imdsv2, id: "iam-imdsv2", severity: "high", type: "aws:ec2/launchTemplate:LaunchTemplate",
    baselineTypes: ["aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/instance:Instance"],
    baseline: { metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 } },
    violations: [
        { name: "optional tokens", patch: { "metadataOptions.httpTokens": "optional" }, property: "metadataOptions.httpTokens" },
        { name: "no metadata options", patch: { metadataOptions: undefined }, property: "metadataOptions.httpTokens" },
        { name: "hop limit 2 by default", patch: { "metadataOptions.httpPutResponseHopLimit": 2 }, property: "metadataOptions.httpPutResponseHopLimit" },
        { name: "instance optional tokens", type: "aws:ec2/instance:Instance", patch: { "metadataOptions.httpTokens": "optional" }, property: "metadataOptions.httpTokens" },
    ],
    unknowns: [{ name: "tokens unknown", patch: { "metadataOptions.httpTokens": UNKNOWN_STRING } }],
    compliant: [
        { name: "IMDS disabled", patch: { metadataOptions: { httpEndpoint: "disabled" } } },
        { name: "hop 2 allowed by config", patch: { "metadataOptions.httpPutResponseHopLimit": 2 }, config: { maxHopLimit: 2 } },
    ],
});

describeResourcePolicy({
    policy: eksAccessConfig, id: "iam-eks-access-config", severity: "medium", type: "aws:eks/cluster:Cluster",
    baseline: { roleArn: "arn:role", accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false } },
    violations: [
        { name: "CONFIG_MAP", patch: { "accessConfig.authenticationMode": "CONFIG_MAP" }, property: "accessConfig.authenticationMode" },
        { name: "accessConfig omitted", patch: { accessConfig: undefined }, property: "accessConfig.authenticationMode" },
        { name: "bootstrap admin default", patch: { "accessConfig.bootstrapClusterCreatorAdminPermissions": undefined }, property: "accessConfig.bootstrapClusterCreatorAdminPermissions" },
        { name: "cluster admin association", type: "aws:eks/accessPolicyAssociation:AccessPolicyAssociation", patch: { policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", accessScope: { type: "cluster" } }, property: "policyArn" },
    ],
    unknowns: [{ name: "mode unknown", patch: { "accessConfig.authenticationMode": UNKNOWN_STRING } }],
    compliant: [{ name: "API_AND_CONFIG_MAP while migrating", patch: { "accessConfig.authenticationMode": "API_AND_CONFIG_MAP" } }],
});

const b64 = (s: string) => Buffer.from(s).toString("base64");
describeResourcePolicy({
    policy: noSecretsInUserData, id: "iam-no-secrets-in-user-data", severity: "medium", type: "aws:ec2/launchTemplate:LaunchTemplate",
    baseline: { userData: b64("#!/bin/bash\n/etc/eks/bootstrap.sh platform\nPASSWORD=$(aws secretsmanager get-secret-value --secret-id db)\n") },
    violations: [
        { name: "access key id", patch: { userData: b64("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n") }, property: "userData" },
        { name: "private key", patch: { userData: b64("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n") }, property: "userData" },
        { name: "instance plain userData with a password", type: "aws:ec2/instance:Instance", patch: { userData: "db_password=SuperSecret123" }, property: "userData" },
        { name: "instance userDataBase64", type: "aws:ec2/instance:Instance", patch: { userData: undefined, userDataBase64: b64("aws_secret_access_key = abc") }, property: "userDataBase64" },
    ],
    unknowns: [{ name: "user data unknown", patch: { userData: UNKNOWN_STRING } }],
});

it("iam-no-secrets-in-user-data never echoes the secret", async () => {
    const result = await runPolicy(noSecretsInUserData, resource("aws:ec2/instance:Instance", { userData: "db_password=SuperSecret123" }));
    expect(result.messages.join()).not.toContain("SuperSecret123");
});

describe("iam-secret-rotation", () => {
    const SECRET = "aws:secretsmanager/secret:Secret";
    const ROTATION = "aws:secretsmanager/secretRotation:SecretRotation";
    const secret = (name: string, arn: unknown = `arn:aws:secretsmanager:eu-west-1:111122223333:secret:${name}-AbCdEf`) => resource(SECRET, {}, { name, outputs: { arn, id: arn } });
    const rotation = (secretId: unknown, rules: unknown = { automaticallyAfterDays: 30 }, extra: Record<string, unknown> = {}, dependencies?: string[]) =>
        resource(ROTATION, { secretId, rotationLambdaArn: "arn:lambda", rotationRules: rules, ...extra }, { name: "rotation", dependencies });
    const arn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf";

    it("metadata", () => expectMetadata(secretRotation, "iam-secret-rotation", "medium"));
    it("#1 secret with 30-day rotation passes", async () => expectClean(await runPolicy(secretRotation, [secret("db"), rotation(arn)])));
    it("rate() and cron() schedules pass", async () => {
        expectClean(await runPolicy(secretRotation, [secret("db"), rotation(arn, { scheduleExpression: "rate(10 days)" })]));
        expectClean(await runPolicy(secretRotation, [secret("db"), rotation(arn, { scheduleExpression: "cron(0 16 1,15 * ? *)" })]));
    });
    it("fires on a secret without rotation", async () => expectFired(await runPolicy(secretRotation, [secret("db"), secret("api"), rotation(arn)]), "iam-secret-rotation", "rotation is not set"));
    it("fires on rotation longer than 90 days", async () => expectFired(await runPolicy(secretRotation, [secret("db"), rotation(arn, { automaticallyAfterDays: 180 })]), "iam-secret-rotation", "rotationRules.automaticallyAfterDays"));
    it("fires on rate(120 days)", async () => expectFired(await runPolicy(secretRotation, [secret("db"), rotation(arn, { scheduleExpression: "rate(120 days)" })]), "iam-secret-rotation", "rotationRules.automaticallyAfterDays"));
    it("fires when rotation is disabled", async () => expectFired(await runPolicy(secretRotation, [secret("db"), rotation(arn, undefined, { rotationEnabled: false })]), "iam-secret-rotation", "rotationEnabled"));
    it("config maxRotationDays", async () => expectFired(await runPolicy(secretRotation, [secret("db"), rotation(arn)], { maxRotationDays: 7 }), "iam-secret-rotation", "at most 7 days"));
    it("preview: unknown ids joined by dependency; unknown rules", async () => {
        const s = secret("db", UNKNOWN_STRING);
        expectNoMandatory(await runPolicy(secretRotation, [s, rotation(UNKNOWN_STRING, UNKNOWN_STRING, {}, [s.urn])]));
    });
    it("exemption with reason skips the secret", async () => {
        const result = await runPolicy(secretRotation, [secret("third-party-token")], { exemptions: [{ namePattern: "^third-party", reason: "vendor rotates" }] });
        expect(result.violations).toEqual([]);
    });
});
