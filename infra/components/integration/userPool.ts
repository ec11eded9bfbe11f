import * as aws from "@pulumi/aws";
import { UserPoolConfig } from "../../config/integrationConfig";
import { nameTagFor, physicalName } from "../../platform/naming";
import { IntegrationContext } from "./integrationContext";

export interface UserPool {
    readonly pool: aws.cognito.UserPool;
    readonly client: aws.cognito.UserPoolClient;
}

/**
 * The user pool behind the API's JWT authorizer: administrators create users (no self sign-up),
 * e-mail is the username, a strong password policy, TOTP MFA (required in prod, checked in config),
 * threat protection on the Plus plan, and AWS-side deletion protection from the protection switches.
 */
export function createUserPool(ctx: IntegrationContext, pool: UserPoolConfig): UserPool {
    const { naming, parent, protection } = ctx;
    const userPool = new aws.cognito.UserPool("api-users", {
        name: physicalName(naming, "users"),
        userPoolTier: pool.featurePlan,
        deletionProtection: protection.deletionProtection ? "ACTIVE" : "INACTIVE",
        mfaConfiguration: pool.mfa,
        softwareTokenMfaConfiguration: { enabled: true },
        passwordPolicy: {
            minimumLength: pool.passwordMinimumLength,
            requireLowercase: true,
            requireUppercase: true,
            requireNumbers: true,
            requireSymbols: true,
            passwordHistorySize: 5,
            temporaryPasswordValidityDays: 3,
        },
        userPoolAddOns: pool.threatProtection === "OFF" ? undefined : { advancedSecurityMode: pool.threatProtection },
        usernameAttributes: ["email"],
        autoVerifiedAttributes: ["email"],
        adminCreateUserConfig: { allowAdminCreateUserOnly: true },
        accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }] },
        tags: nameTagFor(naming, "api-users"),
    }, { parent, protect: protection.protectStatefulResources });
    // A public client (no secret): single-page and mobile apps cannot keep one; SRP keeps the password off the wire.
    const client = new aws.cognito.UserPoolClient("api-client", {
        name: physicalName(naming, "api-client"),
        userPoolId: userPool.id,
        generateSecret: false,
        explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        preventUserExistenceErrors: "ENABLED",
        enableTokenRevocation: true,
        accessTokenValidity: pool.accessTokenValidityMinutes,
        idTokenValidity: pool.accessTokenValidityMinutes,
        refreshTokenValidity: pool.refreshTokenValidityDays,
        tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "days" },
    }, { parent });
    return { pool: userPool, client };
}
