/**
 * Which configuration keys outside `platform:` are legitimate. The engine hands the program every
 * key of the stack file; a key nobody reads is a typo whose defaults would silently apply, so it is
 * an error. Decision: the `aws:` namespace is checked against an explicit list (the AWS provider's
 * own settings, exported by @pulumi/aws/config/vars; tests/config/knownKeys.test.ts keeps the list
 * equal to the installed provider's), so `aws:regoin` is caught too. `pulumi:` keys belong to the
 * engine (pulumi:disable-default-providers, pulumi:template, ...) and are always allowed.
 */
export const AWS_PROVIDER_CONFIG_KEYS: readonly string[] = [
    "accessKey", "allowedAccountIds", "assumeRoleWithWebIdentity", "assumeRoles", "customCaBundle", "defaultTags",
    "ec2MetadataServiceEndpoint", "ec2MetadataServiceEndpointMode", "endpoints", "forbiddenAccountIds", "httpProxy",
    "httpsProxy", "ignoreTags", "insecure", "maxRetries", "noProxy", "profile", "region", "retryMode",
    "s3UsEast1RegionalEndpoint", "s3UsePathStyle", "secretKey", "sharedConfigFiles", "sharedCredentialsFiles",
    "skipCredentialsValidation", "skipMetadataApiCheck", "skipRegionValidation", "skipRequestingAccountId", "stsRegion",
    "tagPolicyCompliance", "token", "tokenBucketRateLimiterCapacity", "useDualstackEndpoint", "useFipsEndpoint", "userAgents",
].map((key: string) => `aws:${key}`);

/** Namespaces whose keys the engine itself reads. */
export const ENGINE_NAMESPACES: readonly string[] = ["pulumi:"];

export const PROJECT_NAMESPACE = "platform:";
