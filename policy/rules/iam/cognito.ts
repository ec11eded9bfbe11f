import { ResourceValidationPolicy } from "@pulumi/policy";
import { isTrue } from "../../lib/props";
import { ABSENT, ResourceRule, resourcePolicy } from "../../lib/rule";
import { num } from "../../lib/stackJoins";
import { isSet, list, read, UNKNOWN } from "../../lib/values";
import { ENVIRONMENT_CONFIG, EnvironmentConfig, isProduction } from "../resilience/environment";

/** Amazon Cognito user pools and app clients: MFA, password strength, threat protection, client auth flows. */

const USER_POOL = "aws:cognito/userPool:UserPool";
const USER_POOL_CLIENT = "aws:cognito/userPoolClient:UserPoolClient";

/** true when an MFA factor is configured: TOTP, SMS (smsConfiguration) or e-mail (emailMfaConfiguration); UNKNOWN when undecidable. */
function mfaMethodConfigured(props: unknown): boolean | typeof UNKNOWN {
    const totp: unknown = read(props, "softwareTokenMfaConfiguration.enabled");
    if (isTrue(totp) || isSet(props, "smsConfiguration") || isSet(props, "emailMfaConfiguration")) {
        return true;
    }
    return totp === UNKNOWN ? UNKNOWN : false;
}

export const cognitoMfa: ResourceRule<EnvironmentConfig> = {
    id: "iam-cognito-mfa",
    description: "Cognito user pools require MFA in production (mfaConfiguration ON) and offer it elsewhere (ON or OPTIONAL), with an MFA method enabled (TOTP, SMS or e-mail).",
    severity: "high",
    resourceTypes: [USER_POOL],
    remediation: "Set mfaConfiguration: \"ON\" (production) or \"OPTIONAL\", and softwareTokenMfaConfiguration: { enabled: true } (TOTP; SMS needs smsConfiguration, e-mail needs emailMfaConfiguration and the Essentials tier).",
    config: ENVIRONMENT_CONFIG,
    check(props, ctx) {
        const production: boolean = isProduction(props, ctx.stackTags, ctx.config.environments, ctx.providerProps);
        const allowed: readonly string[] = production ? ["ON"] : ["ON", "OPTIONAL"];
        const mode: unknown = read(props, "mfaConfiguration");
        if (mode === UNKNOWN) {
            return;
        }
        if (typeof mode !== "string" || !allowed.includes(mode)) {
            ctx.report({ property: "mfaConfiguration", value: mode ?? ABSENT, expected: `${allowed.map((a) => `"${a}"`).join(" or ")}${production ? " in production" : ""} (omitted means OFF)` });
            return;
        }
        if (mfaMethodConfigured(props) === false) {
            ctx.report({ property: "softwareTokenMfaConfiguration.enabled", value: read(props, "softwareTokenMfaConfiguration.enabled") ?? ABSENT, expected: "true (or an SMS / e-mail MFA configuration)" });
        }
    },
};

interface PasswordConfig {
    minimumLength: number;
}

const CHARACTER_CLASSES: readonly string[] = ["requireLowercase", "requireUppercase", "requireNumbers", "requireSymbols"];

export const cognitoPasswordPolicy: ResourceRule<PasswordConfig> = {
    id: "iam-cognito-password-policy",
    description: "Cognito user pool passwords are at least 12 characters and require lower case, upper case, numbers and symbols.",
    severity: "medium",
    resourceTypes: [USER_POOL],
    remediation: "Set passwordPolicy { minimumLength: 12, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true, passwordHistorySize: 5 }.",
    config: {
        schema: { minimumLength: { type: "number", description: "Minimum password length." } },
        defaults: { minimumLength: 12 },
    },
    check(props, ctx) {
        const policy: unknown = read(props, "passwordPolicy");
        if (policy === UNKNOWN) {
            return;
        }
        const length = num(read(props, "passwordPolicy.minimumLength"));
        if (length !== UNKNOWN && (length === undefined || length < ctx.config.minimumLength)) {
            ctx.report({ property: "passwordPolicy.minimumLength", value: length ?? ABSENT, expected: `>= ${ctx.config.minimumLength} (omitted means 8)` });
        }
        for (const key of CHARACTER_CLASSES) {
            const path = `passwordPolicy.${key}`;
            const value: unknown = read(props, path);
            if (value !== UNKNOWN && !isTrue(value)) {
                ctx.report({ property: path, value: value ?? ABSENT, expected: "true" });
            }
        }
    },
};

export const cognitoThreatProtection: ResourceRule<EnvironmentConfig> = {
    id: "iam-cognito-threat-protection",
    description: "Cognito user pools run threat protection (userPoolAddOns.advancedSecurityMode ENFORCED; AUDIT is accepted outside production).",
    severity: "medium",
    resourceTypes: [USER_POOL],
    remediation: "Set userPoolAddOns: { advancedSecurityMode: \"ENFORCED\" } (threat protection needs userPoolTier \"PLUS\").",
    config: ENVIRONMENT_CONFIG,
    check(props, ctx) {
        const production: boolean = isProduction(props, ctx.stackTags, ctx.config.environments, ctx.providerProps);
        const allowed: readonly string[] = production ? ["ENFORCED"] : ["ENFORCED", "AUDIT"];
        const mode: unknown = read(props, "userPoolAddOns.advancedSecurityMode");
        if (mode !== UNKNOWN && (typeof mode !== "string" || !allowed.includes(mode))) {
            ctx.report({ property: "userPoolAddOns.advancedSecurityMode", value: mode ?? ABSENT, expected: `${allowed.map((a) => `"${a}"`).join(" or ")}${production ? " in production" : ""} (omitted means OFF)` });
        }
    },
};

/** Flows that send the password itself to Cognito (instead of SRP); the legacy name is still accepted by the API. */
const PLAINTEXT_PASSWORD_FLOWS: readonly string[] = ["ALLOW_USER_PASSWORD_AUTH", "USER_PASSWORD_AUTH"];

export const cognitoClientFlows: ResourceRule = {
    id: "iam-cognito-client-secretless-flows",
    description: "Cognito app clients do not allow USER_PASSWORD_AUTH (the password travels to Cognito instead of SRP) and set preventUserExistenceErrors ENABLED (no user enumeration).",
    severity: "low",
    resourceTypes: [USER_POOL_CLIENT],
    remediation: "Use ALLOW_USER_SRP_AUTH and ALLOW_REFRESH_TOKEN_AUTH (or the hosted UI / OAuth code flow) in explicitAuthFlows, and set preventUserExistenceErrors: \"ENABLED\".",
    check(props, ctx) {
        const flows = list(props, "explicitAuthFlows");
        if (flows !== UNKNOWN) {
            flows.forEach((flow: unknown, i: number) => {
                if (typeof flow === "string" && PLAINTEXT_PASSWORD_FLOWS.includes(flow)) {
                    ctx.report({ property: `explicitAuthFlows[${i}]`, value: flow, expected: "no USER_PASSWORD_AUTH flow (use ALLOW_USER_SRP_AUTH)" });
                }
            });
        }
        const enumeration: unknown = read(props, "preventUserExistenceErrors");
        if (enumeration !== UNKNOWN && enumeration !== "ENABLED") {
            ctx.report({ property: "preventUserExistenceErrors", value: enumeration ?? ABSENT, expected: "\"ENABLED\"" });
        }
    },
};

export const cognitoPolicies: ResourceValidationPolicy[] = [
    resourcePolicy(cognitoMfa),
    resourcePolicy(cognitoPasswordPolicy),
    resourcePolicy(cognitoThreatProtection),
    resourcePolicy(cognitoClientFlows),
];
