import { expect, it } from "vitest";
import { resourcePolicy } from "../../../policy/lib/rule";
import { cognitoClientFlows, cognitoMfa, cognitoPasswordPolicy, cognitoThreatProtection } from "../../../policy/rules/iam/cognito";
import { isScopedGithubSubject, oidcGithubTrustScoped } from "../../../policy/rules/iam/githubOidc";
import { UNKNOWN_ARRAY, UNKNOWN_BOOLEAN, UNKNOWN_OBJECT, UNKNOWN_STRING, resource, runPolicy } from "../support/policyHarness";
import { describeResourcePolicy, expectClean, expectFired } from "../encryption/table";

/** Catalogue section 12: Cognito user pools and clients, GitHub Actions OIDC trust. */

const POOL = "aws:cognito/userPool:UserPool";
const pool = {
    name: "customers",
    mfaConfiguration: "ON",
    softwareTokenMfaConfiguration: { enabled: true },
    passwordPolicy: { minimumLength: 14, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true },
    userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
    userPoolTier: "PLUS",
    tagsAll: { Environment: "prod" },
};

describeResourcePolicy({
    policy: resourcePolicy(cognitoMfa), id: "iam-cognito-mfa", severity: "high", type: POOL, baseline: pool,
    violations: [
        { name: "mfaConfiguration omitted (OFF)", patch: { mfaConfiguration: undefined }, property: "mfaConfiguration is not set" },
        { name: "OFF", patch: { mfaConfiguration: "OFF" }, property: "mfaConfiguration" },
        { name: "OPTIONAL in prod", patch: { mfaConfiguration: "OPTIONAL" }, property: "mfaConfiguration" },
        { name: "OFF outside prod", patch: { mfaConfiguration: "OFF", tagsAll: { Environment: "dev" } }, property: "mfaConfiguration" },
        { name: "ON with no MFA method", patch: { softwareTokenMfaConfiguration: undefined }, property: "softwareTokenMfaConfiguration.enabled" },
        { name: "TOTP disabled with a string boolean \"false\"", patch: { "softwareTokenMfaConfiguration.enabled": "false" }, property: "softwareTokenMfaConfiguration.enabled" },
    ],
    unknowns: [
        { name: "mfaConfiguration unknown", patch: { mfaConfiguration: UNKNOWN_STRING } },
        { name: "TOTP flag unknown", patch: { "softwareTokenMfaConfiguration.enabled": UNKNOWN_BOOLEAN } },
    ],
    compliant: [
        { name: "OPTIONAL outside prod", patch: { mfaConfiguration: "OPTIONAL", tagsAll: { Environment: "dev" } } },
        { name: "string boolean \"true\"", patch: { "softwareTokenMfaConfiguration.enabled": "true" } },
        { name: "SMS MFA", patch: { softwareTokenMfaConfiguration: undefined, smsConfiguration: { externalId: "x", snsCallerArn: "arn:aws:iam::1:role/sms" } } },
        { name: "e-mail MFA", patch: { softwareTokenMfaConfiguration: undefined, emailMfaConfiguration: { subject: "Your code" } } },
    ],
});

it("iam-cognito-mfa: config environments decide what production is; a prod finding is mandatory", async () => {
    const optional = resource(POOL, { ...pool, mfaConfiguration: "OPTIONAL", tagsAll: { Environment: "whatever" } });
    expectClean(await runPolicy(resourcePolicy(cognitoMfa), optional));
    const strict = await runPolicy(resourcePolicy(cognitoMfa), optional, { environments: ["whatever"] });
    expectFired(strict, "iam-cognito-mfa", "mfaConfiguration");
    expect(strict.violations[0].enforcementLevel).toBe("mandatory");
});

describeResourcePolicy({
    policy: resourcePolicy(cognitoPasswordPolicy), id: "iam-cognito-password-policy", severity: "medium", type: POOL, baseline: pool,
    violations: [
        { name: "passwordPolicy omitted (8 characters)", patch: { passwordPolicy: undefined }, property: "passwordPolicy.minimumLength is not set" },
        { name: "minimumLength 8", patch: { "passwordPolicy.minimumLength": 8 }, property: "passwordPolicy.minimumLength" },
        { name: "requireLowercase false", patch: { "passwordPolicy.requireLowercase": false }, property: "passwordPolicy.requireLowercase" },
        { name: "requireUppercase omitted", patch: { "passwordPolicy.requireUppercase": undefined }, property: "passwordPolicy.requireUppercase" },
        { name: "requireNumbers string \"false\"", patch: { "passwordPolicy.requireNumbers": "false" }, property: "passwordPolicy.requireNumbers" },
        { name: "requireSymbols false", patch: { "passwordPolicy.requireSymbols": false }, property: "passwordPolicy.requireSymbols" },
    ],
    unknowns: [
        { name: "passwordPolicy unknown", patch: { passwordPolicy: UNKNOWN_OBJECT } },
        { name: "minimumLength unknown", patch: { "passwordPolicy.minimumLength": UNKNOWN_STRING } },
    ],
    compliant: [
        { name: "exactly 12 with string booleans \"true\"", patch: { "passwordPolicy.minimumLength": 12, "passwordPolicy.requireSymbols": "true" } },
        { name: "minimumLength configurable", patch: { "passwordPolicy.minimumLength": 10 }, config: { minimumLength: 10 } },
    ],
});

describeResourcePolicy({
    policy: resourcePolicy(cognitoThreatProtection), id: "iam-cognito-threat-protection", severity: "medium", type: POOL, baseline: pool,
    violations: [
        { name: "userPoolAddOns omitted (OFF)", patch: { userPoolAddOns: undefined }, property: "userPoolAddOns.advancedSecurityMode is not set" },
        { name: "OFF", patch: { "userPoolAddOns.advancedSecurityMode": "OFF" }, property: "userPoolAddOns.advancedSecurityMode" },
        { name: "AUDIT in prod", patch: { "userPoolAddOns.advancedSecurityMode": "AUDIT" }, property: "userPoolAddOns.advancedSecurityMode" },
    ],
    unknowns: [{ name: "mode unknown", patch: { "userPoolAddOns.advancedSecurityMode": UNKNOWN_STRING } }],
    compliant: [{ name: "AUDIT outside prod", patch: { "userPoolAddOns.advancedSecurityMode": "AUDIT", tagsAll: { Environment: "staging" } } }],
});

describeResourcePolicy({
    policy: resourcePolicy(cognitoClientFlows), id: "iam-cognito-client-secretless-flows", severity: "low", type: "aws:cognito/userPoolClient:UserPoolClient",
    baseline: { userPoolId: "eu-west-1_abc", explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"], preventUserExistenceErrors: "ENABLED" },
    violations: [
        { name: "ALLOW_USER_PASSWORD_AUTH", patch: { explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH"] }, property: "explicitAuthFlows[1]" },
        { name: "legacy USER_PASSWORD_AUTH", patch: { explicitAuthFlows: ["USER_PASSWORD_AUTH"] }, property: "explicitAuthFlows[0]" },
        { name: "preventUserExistenceErrors LEGACY", patch: { preventUserExistenceErrors: "LEGACY" }, property: "preventUserExistenceErrors" },
        { name: "preventUserExistenceErrors omitted", patch: { preventUserExistenceErrors: undefined }, property: "preventUserExistenceErrors is not set" },
    ],
    unknowns: [
        { name: "flows unknown", patch: { explicitAuthFlows: UNKNOWN_ARRAY } },
        { name: "preventUserExistenceErrors unknown", patch: { preventUserExistenceErrors: UNKNOWN_STRING } },
    ],
    compliant: [{ name: "OAuth-only client without explicit flows", patch: { explicitAuthFlows: undefined, allowedOauthFlows: ["code"] } }],
});

const PROVIDER = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";
const ISSUER = "token.actions.githubusercontent.com";
const trust = (condition: unknown, extra: Record<string, unknown> = {}) => ({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Federated: PROVIDER }, Action: "sts:AssumeRoleWithWebIdentity", ...(condition === undefined ? {} : { Condition: condition }), ...extra }],
});
const scoped = { StringEquals: { [`${ISSUER}:aud`]: "sts.amazonaws.com", [`${ISSUER}:sub`]: "repo:acme/platform:environment:prod" } };

describeResourcePolicy({
    policy: oidcGithubTrustScoped, id: "iam-oidc-github-trust-scoped", severity: "high", type: "aws:iam/role:Role",
    baseline: { name: "deploy-prod", assumeRolePolicy: JSON.stringify(trust(scoped)) },
    violations: [
        { name: "no condition at all (JSON string)", patch: { assumeRolePolicy: JSON.stringify(trust(undefined)) }, property: `["${ISSUER}:sub"]` },
        { name: "no condition at all (object document)", patch: { assumeRolePolicy: trust(undefined) }, property: `StringEquals["${ISSUER}:aud"]` },
        { name: "audience missing", patch: { assumeRolePolicy: trust({ StringEquals: { [`${ISSUER}:sub`]: "repo:acme/platform:ref:refs/heads/main" } }) }, property: `StringEquals["${ISSUER}:aud"]` },
        { name: "wrong audience", patch: { assumeRolePolicy: trust({ StringEquals: { ...scoped.StringEquals, [`${ISSUER}:aud`]: "https://github.com/acme" } }) }, property: `StringEquals["${ISSUER}:aud"]` },
        { name: "sub repo:*", patch: { assumeRolePolicy: trust({ StringEquals: { [`${ISSUER}:aud`]: "sts.amazonaws.com" }, StringLike: { [`${ISSUER}:sub`]: "repo:*" } }) }, property: `["${ISSUER}:sub"]` },
        { name: "wildcard repository", patch: { assumeRolePolicy: trust({ StringEquals: { [`${ISSUER}:aud`]: "sts.amazonaws.com" }, StringLike: { [`${ISSUER}:sub`]: "repo:acme/*" } }) }, property: `["${ISSUER}:sub"]` },
        { name: "wildcard owner", patch: { assumeRolePolicy: trust({ StringEquals: { [`${ISSUER}:aud`]: "sts.amazonaws.com" }, StringLike: { [`${ISSUER}:sub`]: "repo:*/platform:*" } }) }, property: `["${ISSUER}:sub"]` },
        { name: "one of several subjects unscoped", patch: { assumeRolePolicy: trust({ StringEquals: { [`${ISSUER}:aud`]: "sts.amazonaws.com" }, StringLike: { [`${ISSUER}:sub`]: ["repo:acme/platform:*", "*"] } }) }, property: `["${ISSUER}:sub"]` },
        { name: "NotAction Allow still grants AssumeRoleWithWebIdentity", patch: { assumeRolePolicy: trust(undefined, { Action: undefined, NotAction: "iam:*" }) }, property: `["${ISSUER}:sub"]` },
        { name: "bare issuer as the Federated principal", patch: { assumeRolePolicy: { Statement: [{ ...trust(undefined).Statement[0], Principal: { Federated: ISSUER } }] } }, property: `["${ISSUER}:sub"]` },
    ],
    unknowns: [
        { name: "trust policy unknown", patch: { assumeRolePolicy: UNKNOWN_STRING } },
        { name: "provider ARN unknown inside the document", patch: { assumeRolePolicy: { Statement: [{ ...trust(scoped).Statement[0], Principal: { Federated: UNKNOWN_STRING } }] } } },
    ],
    compliant: [
        { name: "StringLike wildcard only after the repository", patch: { assumeRolePolicy: JSON.stringify(trust({ StringEquals: { [`${ISSUER}:aud`]: "sts.amazonaws.com" }, StringLike: { [`${ISSUER}:sub`]: "repo:acme/platform:*" } })) } },
        { name: "immutable owner@id/repo@id subject", patch: { assumeRolePolicy: trust({ StringEquals: { [`${ISSUER}:aud`]: "sts.amazonaws.com", [`${ISSUER}:sub`]: "repo:acme@1234/platform@5678:environment:prod" } }) } },
        { name: "condition keys are case-insensitive", patch: { assumeRolePolicy: trust({ StringEquals: { [`${ISSUER.toUpperCase()}:AUD`]: "sts.amazonaws.com", [`${ISSUER}:SUB`]: "repo:acme/platform:ref:refs/heads/main" } }) } },
        { name: "EKS IRSA roles are another rule's concern", patch: { assumeRolePolicy: { Statement: [{ ...trust(undefined).Statement[0], Principal: { Federated: "arn:aws:iam::1:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC" } }] } } },
        { name: "service role", patch: { assumeRolePolicy: { Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] } } },
    ],
});

it("isScopedGithubSubject", () => {
    expect(isScopedGithubSubject("repo:acme/platform:environment:prod")).toBe(true);
    expect(isScopedGithubSubject("repo:acme/platform")).toBe(true);
    expect(isScopedGithubSubject("repo:acme/*")).toBe(false);
    expect(isScopedGithubSubject("repo:acme/plat?orm:*")).toBe(false);
    expect(isScopedGithubSubject("repo:acme:*")).toBe(false);
    expect(isScopedGithubSubject("environment:prod")).toBe(false);
});

it("iam-cognito-mfa: the stack tag environment=prod makes every pool production", async () => {
    const { evaluatePolicies } = await import("../../../policy/lib/evaluate");
    const optional = resource(POOL, { ...pool, mfaConfiguration: "OPTIONAL", tagsAll: { Environment: "dev" } });
    const result = await evaluatePolicies([resourcePolicy(cognitoMfa)], [optional], {}, new Map([["environment", "prod"]]));
    expect(result.violations.map((v) => v.policy)).toEqual(["iam-cognito-mfa"]);
});
