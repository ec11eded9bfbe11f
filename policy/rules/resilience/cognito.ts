import { ABSENT, resourcePolicy } from "../../lib/rule";
import { read, UNKNOWN } from "../../lib/values";
import { ENVIRONMENT_CONFIG, EnvironmentConfig, isProduction } from "./environment";

/** Amazon Cognito user pools: deletion protection. */

export const cognitoDeletionProtection = resourcePolicy<EnvironmentConfig>({
    id: "res-cognito-deletion-protection",
    description: "Production Cognito user pools have deletion protection ACTIVE (deleting a pool loses every user and cannot be undone).",
    severity: "medium",
    resourceTypes: ["aws:cognito/userPool:UserPool"],
    remediation: "Set deletionProtection: \"ACTIVE\" in production (and protect: true on the resource).",
    config: ENVIRONMENT_CONFIG,
    check(props, ctx) {
        if (!isProduction(props, ctx.stackTags, ctx.config.environments, ctx.providerProps)) {
            ctx.notApplicable("not a production environment");
        }
        const value: unknown = read(props, "deletionProtection");
        if (value !== UNKNOWN && value !== "ACTIVE") {
            ctx.report({ property: "deletionProtection", value: value ?? ABSENT, expected: "\"ACTIVE\" in production (omitted means INACTIVE)" });
        }
    },
});

export const cognitoResiliencePolicies = [cognitoDeletionProtection];
