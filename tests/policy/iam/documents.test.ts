import { describe, expect, it } from "vitest";
import { UNKNOWN_STRING } from "../support/policyHarness";
import { describeResourcePolicy, run } from "../encryption/table";
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
    ],
    unknowns: [{ name: "document unknown", patch: { policy: UNKNOWN_STRING } }],
    compliant: [
        { name: "ec2:DescribeInstances on *", patch: stmt({ Effect: "Allow", Action: "ec2:DescribeInstances", Resource: "*" }) },
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
