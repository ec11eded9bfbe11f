import { PolicyResource } from "@pulumi/policy";
import { isTrue } from "../../lib/props";
import { ABSENT, resourcePolicy, stackPolicy } from "../../lib/rule";
import { isSet, list, read, UNKNOWN } from "../../lib/values";
import { requireTrue } from "../../lib/checks";
import { joinChildren } from "../../lib/stackJoins";

export const kmsNoLockoutBypass = resourcePolicy({
    id: "iam-kms-no-lockout-bypass",
    description: "KMS keys and key policies keep the policy-lockout safety check (bypassPolicyLockoutSafetyCheck false/unset).",
    severity: "medium",
    resourceTypes: ["aws:kms/key:Key", "aws:kms/keyPolicy:KeyPolicy"],
    remediation: "Remove bypassPolicyLockoutSafetyCheck (or set it to false) and make sure the key policy keeps an administrator statement.",
    check(props, ctx) {
        const bypass: unknown = read(props, "bypassPolicyLockoutSafetyCheck");
        if (bypass !== UNKNOWN && isTrue(bypass)) {
            ctx.report({ property: "bypassPolicyLockoutSafetyCheck", value: bypass, expected: "false or unset" });
        }
    },
});

export const rdsIamAuth = resourcePolicy({
    id: "iam-rds-iam-auth",
    description: "Aurora/RDS clusters enable IAM database authentication.",
    severity: "medium",
    resourceTypes: ["aws:rds/cluster:Cluster"],
    remediation: "Set iamDatabaseAuthenticationEnabled: true and grant rds-db:connect to workload roles.",
    check(props, ctx) {
        requireTrue(props, ctx, "iamDatabaseAuthenticationEnabled");
    },
});

export const elasticacheAuth = resourcePolicy({
    id: "iam-elasticache-auth",
    description: "ElastiCache replication groups authenticate clients (AUTH token or RBAC user groups) over TLS.",
    severity: "high",
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    remediation: "Set userGroupIds to an RBAC user group (preferred) or authToken/authTokenWo from Secrets Manager, together with transitEncryptionEnabled: true.",
    check(props, ctx) {
        const userGroups = list(props, "userGroupIds");
        const hasUserGroups: boolean = userGroups === UNKNOWN || userGroups.length > 0;
        if (!hasUserGroups && !isSet(props, "authToken") && !isSet(props, "authTokenWo")) {
            ctx.report({ property: "userGroupIds", value: ABSENT, expected: "an RBAC user group (userGroupIds) or an AUTH token (authToken / authTokenWo)" });
        }
        requireTrue(props, ctx, "transitEncryptionEnabled", undefined, "true (AUTH tokens and RBAC require TLS)");
    },
});

export const imdsv2 = resourcePolicy<{ maxHopLimit: number }>({
    id: "iam-imdsv2",
    description: "Launch templates and instances require IMDSv2 (httpTokens \"required\") with a small response hop limit so pods cannot reach the node role.",
    severity: "high",
    resourceTypes: ["aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/instance:Instance"],
    remediation: "Set metadataOptions: { httpTokens: \"required\", httpPutResponseHopLimit: 1, httpEndpoint: \"enabled\" } (hop limit 2 only if pods must reach IMDS; raise maxHopLimit in config then).",
    config: {
        schema: { maxHopLimit: { type: "integer", minimum: 1, maximum: 64, description: "Highest allowed metadataOptions.httpPutResponseHopLimit." } },
        defaults: { maxHopLimit: 1 },
    },
    check(props, ctx) {
        if (read(props, "metadataOptions.httpEndpoint") === "disabled") {
            return; // no IMDS at all
        }
        const tokens: unknown = read(props, "metadataOptions.httpTokens");
        if (tokens !== UNKNOWN && tokens !== "required") {
            ctx.report({ property: "metadataOptions.httpTokens", value: tokens ?? ABSENT, expected: "\"required\" (IMDSv2 only)" });
        }
        const hops: unknown = read(props, "metadataOptions.httpPutResponseHopLimit");
        if (typeof hops === "number" && hops > ctx.config.maxHopLimit) {
            ctx.report({ property: "metadataOptions.httpPutResponseHopLimit", value: hops, expected: `at most ${ctx.config.maxHopLimit}` });
        }
    },
});

const ALLOWED_AUTH_MODES: readonly string[] = ["API", "API_AND_CONFIG_MAP"];

export const eksAccessConfig = resourcePolicy({
    id: "iam-eks-access-config",
    description: "EKS clusters use access entries (authenticationMode API, or API_AND_CONFIG_MAP while migrating) without implicit cluster-creator admin; AmazonEKSClusterAdminPolicy only for break-glass.",
    severity: "medium",
    resourceTypes: ["aws:eks/cluster:Cluster", "aws:eks/accessPolicyAssociation:AccessPolicyAssociation"],
    remediation: "Set accessConfig: { authenticationMode: \"API\", bootstrapClusterCreatorAdminPermissions: false } and grant access with aws.eks.AccessEntry + AccessPolicyAssociation scoped to namespaces.",
    check(props, ctx) {
        if (ctx.type === "aws:eks/accessPolicyAssociation:AccessPolicyAssociation") {
            const arn: unknown = read(props, "policyArn");
            if (typeof arn === "string" && arn.endsWith("/AmazonEKSClusterAdminPolicy")) {
                ctx.report({ property: "policyArn", value: arn, expected: "a namespace-scoped policy (e.g. AmazonEKSEditPolicy); cluster admin only for an exempted break-glass role" });
            }
            return;
        }
        const mode: unknown = read(props, "accessConfig.authenticationMode");
        if (mode !== UNKNOWN && !(typeof mode === "string" && ALLOWED_AUTH_MODES.includes(mode))) {
            ctx.report({ property: "accessConfig.authenticationMode", value: mode ?? ABSENT, expected: "\"API\" (or \"API_AND_CONFIG_MAP\" while migrating; default is CONFIG_MAP)" });
        }
        const bootstrap: unknown = read(props, "accessConfig.bootstrapClusterCreatorAdminPermissions");
        if (bootstrap !== UNKNOWN && bootstrap !== false && bootstrap !== "false") {
            ctx.report({ property: "accessConfig.bootstrapClusterCreatorAdminPermissions", value: bootstrap ?? ABSENT, expected: "false (default true gives the deploying identity permanent cluster-admin)" });
        }
    },
});

/** Credential patterns in user data; values are never echoed back. */
const SECRET_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
    { name: "AWS access key id", pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
    { name: "AWS secret access key", pattern: /aws_secret_access_key\s*[=:]/i },
    { name: "private key", pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
    { name: "password/secret/token assignment", pattern: /(password|passwd|pwd|secret|token|api[_-]?key)\s*[=:]\s*["']?(?![$<{])[^\s"']{6,}/i },
];

function decodeUserData(value: string, base64: boolean): string {
    if (!base64) {
        return value;
    }
    const decoded = Buffer.from(value, "base64").toString("utf8");
    // Not valid base64 text (e.g. plain text passed where base64 was expected): scan the raw value too.
    return `${decoded}\n${value}`;
}

export const noSecretsInUserData = resourcePolicy({
    id: "iam-no-secrets-in-user-data",
    description: "Launch template and instance user data contain no credentials (access keys, private keys, passwords/tokens).",
    severity: "medium",
    resourceTypes: ["aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/instance:Instance"],
    remediation: "Fetch secrets at boot from Secrets Manager/SSM Parameter Store using the instance role; never embed them in user data (readable via DescribeInstanceAttribute and IMDS).",
    check(props, ctx) {
        const fields: { property: string; base64: boolean }[] = ctx.type === "aws:ec2/launchTemplate:LaunchTemplate"
            ? [{ property: "userData", base64: true }]
            : [{ property: "userData", base64: false }, { property: "userDataBase64", base64: true }];
        for (const { property, base64 } of fields) {
            const value: unknown = read(props, property);
            if (typeof value !== "string" || value.length === 0) {
                continue;
            }
            const text = decodeUserData(value, base64);
            const found = SECRET_PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ name }) => name);
            if (found.length > 0) {
                ctx.report({ property, value: `(contains ${found.join(", ")}; value redacted)`, expected: "no credentials in user data" });
            }
        }
    },
});

/** Rotation interval in days from automaticallyAfterDays or a rate(...) schedule; cron() counts as compliant (undefined = cannot tell). */
function rotationDays(rules: unknown): number | "cron" | undefined | typeof UNKNOWN {
    if (rules === UNKNOWN) {
        return UNKNOWN;
    }
    const days: unknown = read(rules, "automaticallyAfterDays");
    if (days === UNKNOWN) {
        return UNKNOWN;
    }
    if (typeof days === "number") {
        return days;
    }
    const schedule: unknown = read(rules, "scheduleExpression");
    if (schedule === UNKNOWN) {
        return UNKNOWN;
    }
    if (typeof schedule === "string") {
        const rate = /^rate\((\d+)\s+(day|days|hour|hours)\)$/.exec(schedule.trim());
        if (rate) {
            return rate[2].startsWith("hour") ? Number(rate[1]) / 24 : Number(rate[1]);
        }
        if (schedule.trim().startsWith("cron(")) {
            return "cron";
        }
    }
    return undefined;
}

export const secretRotation = stackPolicy<{ maxRotationDays: number }>({
    id: "iam-secret-rotation",
    description: "Every Secrets Manager secret has rotation configured (aws.secretsmanager.SecretRotation) at most every 90 days.",
    severity: "medium",
    remediation: "Add an aws.secretsmanager.SecretRotation for the secret with rotationRules.automaticallyAfterDays <= 90 (or a rate()/cron() schedule) and a rotation Lambda.",
    config: {
        schema: { maxRotationDays: { type: "integer", minimum: 1, description: "Longest allowed rotation interval in days." } },
        defaults: { maxRotationDays: 90 },
    },
    check(resources, ctx) {
        const secrets = resources.filter((r: PolicyResource) => r.type === "aws:secretsmanager/secret:Secret");
        const rotations = resources.filter((r: PolicyResource) => r.type === "aws:secretsmanager/secretRotation:SecretRotation");
        const max: number = ctx.config.maxRotationDays;
        for (const rotation of rotations) {
            const enabled: unknown = read(rotation.props, "rotationEnabled");
            if (enabled === false || enabled === "false") {
                ctx.report(rotation, { property: "rotationEnabled", value: enabled, expected: "true" });
            }
            const days = rotationDays(read(rotation.props, "rotationRules"));
            if (days === undefined) {
                ctx.report(rotation, { property: "rotationRules", value: ABSENT, expected: `automaticallyAfterDays <= ${max} or a rate()/cron() scheduleExpression` });
            } else if (typeof days === "number" && days > max) {
                ctx.report(rotation, { property: "rotationRules.automaticallyAfterDays", value: days, expected: `at most ${max} days` });
            }
        }
        const { byTarget, unresolved } = joinChildren(secrets, rotations, "secretId", ["arn", "id"]);
        if (unresolved.length > 0) {
            return; // during preview a rotation cannot be attributed yet
        }
        for (const secret of secrets) {
            if (byTarget.get(secret)!.length === 0) {
                ctx.report(secret, { property: "rotation", value: ABSENT, expected: `an aws.secretsmanager.SecretRotation for this secret (<= ${max} days)` });
            }
        }
    },
});

export const servicePolicies = [kmsNoLockoutBypass, rdsIamAuth, elasticacheAuth, imdsv2, eksAccessConfig, noSecretsInUserData];
export const stackIamPolicies = [secretRotation];
