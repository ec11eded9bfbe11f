import { KeyCondition, KeyName, KeySlot, KeyUser, keyUsersOf } from "./keyUsers";
import { PolicyConditions, PolicyDocument, PolicyStatement, policyDocument } from "./policyDocument";
import { serviceStatement } from "./servicePrincipalStatements";

export { DATA_KEY_SERVICES, KEY_USAGE_ACTIONS, REPLICA_KEY_SERVICES } from "./keyUsers";

/**
 * Pure builders for the KMS key policies. Each key trusts the account root (so IAM policies can
 * grant use and the key can never become unmanageable) plus ONLY the callers its KEY_USERS rows name
 * (keyUsers.ts), each with the actions and the conditions AWS documents for that service and action
 * (service principals are checked against SERVICE_PRINCIPALS: an undocumented condition throws).
 *
 * In a key policy `Resource: "*"` means "this key": a key policy cannot name any other resource.
 */
export interface KeyPolicyContext {
    readonly accountId: string;
    readonly partition: string;
    readonly region: string;
    /** amazonaws.com, or amazonaws.com.cn in the China partition. */
    readonly dnsSuffix: string;
}

const THIS_KEY = "*";

function rootArn(ctx: KeyPolicyContext): string {
    return `arn:${ctx.partition}:iam::${ctx.accountId}:root`;
}

function viaService(ctx: KeyPolicyContext, service: string): string {
    return `${service}.${ctx.region}.${ctx.dnsSuffix}`;
}

/**
 * The account root gets full control of the key. This is the AWS-documented default statement:
 * without it no IAM policy can grant access and a mistake in the rest of the policy would make the
 * key unmanageable (only AWS Support can recover it). `kms:*` is deliberate for that reason; who
 * may actually administer or use the key is then decided by IAM policies in the account.
 */
export function accountRootStatement(ctx: KeyPolicyContext): PolicyStatement {
    return {
        Sid: "EnableAccountIamPolicies",
        Effect: "Allow",
        Principal: { AWS: rootArn(ctx) },
        Action: "kms:*",
        Resource: THIS_KEY,
    };
}

/** Per-stack values the key policies resolve (see KeySlot); accountId, logGroupsOfAccount and autoScalingServiceRole come from the context. */
export type KeySlotValues = Partial<Record<KeySlot, string | readonly string[] | boolean | undefined>>;

function present(value: KeySlotValues[KeySlot]): boolean {
    return value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0);
}

function slotValue(slots: KeySlotValues, slot: KeySlot, key: KeyName): string | readonly string[] {
    const value = slots[slot];
    if (!present(value) || typeof value === "boolean") {
        throw new Error(`key ${key}: slot ${slot} has no value for a condition`);
    }
    return value as string | readonly string[];
}

function conditionValue(slots: KeySlotValues, condition: KeyCondition, key: KeyName): string | readonly string[] {
    return condition.value.startsWith("=") ? condition.value.slice(1) : slotValue(slots, condition.value as KeySlot, key);
}

function grouped(conditions: readonly { operator: string; key: string; value: string | readonly string[] }[]): PolicyConditions | undefined {
    const result: Record<string, Record<string, string | readonly string[]>> = {};
    for (const { operator, key, value } of conditions) {
        result[operator] = { ...(result[operator] ?? {}), [key]: value };
    }
    return Object.keys(result).length === 0 ? undefined : result;
}

/** One KEY_USERS row as a key-policy statement. */
function keyUserStatement(ctx: KeyPolicyContext, slots: KeySlotValues, user: KeyUser): PolicyStatement {
    const extra = user.conditions.map((condition: KeyCondition) => ({ operator: condition.operator, key: condition.key, value: conditionValue(slots, condition, user.key) }));
    const actions: string | string[] = user.actions.length === 1 ? user.actions[0] : [...user.actions];
    switch (user.caller.kind) {
        case "service": {
            // Regional principals (CloudWatch Logs) carry the partition's DNS suffix; global ones are amazonaws.com everywhere.
            const principal: string = user.caller.service.includes("{region}")
                ? user.caller.service.replace("{region}", ctx.region).replace(/amazonaws\.com$/, ctx.dnsSuffix)
                : user.caller.service;
            // Actions and conditions are checked against SERVICE_PRINCIPALS: an undocumented condition throws.
            return serviceStatement({
                sid: user.sid,
                principal,
                context: "key",
                use: user.caller.use,
                actions: user.actions,
                resource: THIS_KEY,
                values: Object.fromEntries(extra.map((condition) => [condition.key, condition.value])),
            });
        }
        case "viaService":
            return {
                Sid: user.sid,
                Effect: "Allow",
                Principal: { AWS: "*" },
                Action: actions,
                Resource: THIS_KEY,
                Condition: grouped([
                    { operator: "StringEquals", key: "kms:CallerAccount", value: ctx.accountId },
                    { operator: "StringEquals", key: "kms:ViaService", value: user.caller.services.map((service: string) => viaService(ctx, service)) },
                    ...extra,
                ]),
            };
        case "principalArn":
            return {
                Sid: user.sid,
                Effect: "Allow",
                Principal: { AWS: "*" },
                Action: actions,
                Resource: THIS_KEY,
                Condition: grouped([
                    { operator: "StringEquals", key: "kms:CallerAccount", value: ctx.accountId },
                    { operator: "ArnEquals", key: "aws:PrincipalArn", value: slotValue(slots, user.caller.slot, user.key) },
                    ...extra,
                ]),
            };
    }
}

/**
 * The key policy of one key, derived from its KEY_USERS rows: the account root statement, then one
 * statement per row whose caller exists in this stack (`when`).
 */
export function keyPolicyFor(key: KeyName, ctx: KeyPolicyContext, slots: KeySlotValues = {}): PolicyDocument {
    const resolved: KeySlotValues = {
        accountId: ctx.accountId,
        logGroupsOfAccount: `arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:log-group:*`,
        autoScalingServiceRole: `arn:${ctx.partition}:iam::${ctx.accountId}:role/aws-service-role/autoscaling.${ctx.dnsSuffix}/AWSServiceRoleForAutoScaling`,
        ...slots,
    };
    const users: KeyUser[] = keyUsersOf(key).filter((user: KeyUser) => user.when === undefined || present(resolved[user.when]));
    return policyDocument([accountRootStatement(ctx), ...users.map((user: KeyUser) => keyUserStatement(ctx, resolved, user))]);
}

/** The data key: databases, caches, secrets, file systems, application buckets and EKS node volumes (EC2 and the Auto Scaling service-linked role). */
export function dataKeyPolicy(ctx: KeyPolicyContext): PolicyDocument {
    return keyPolicyFor("data", ctx);
}

/**
 * The AWS Backup vault key: only AWS Backup (through its regional endpoint, for this account) may
 * use it, so reading a recovery point's data needs both vault access and this key.
 */
export function backupKeyPolicy(ctx: KeyPolicyContext): PolicyDocument {
    return keyPolicyFor("backup", ctx);
}

/** A customer-managed key in the replica region (ctx.region is that region) for the data tier's replicas. */
export function replicaDataKeyPolicy(ctx: KeyPolicyContext): PolicyDocument {
    return keyPolicyFor("replica-data", ctx);
}

/** EKS envelope-encrypts Kubernetes secrets; it also lists its grants when it validates the key. */
export function clusterSecretsKeyPolicy(ctx: KeyPolicyContext): PolicyDocument {
    return keyPolicyFor("cluster-secrets", ctx);
}

export interface LogsKeyOptions {
    /** ARN of the trail that encrypts with this key; omitted when CloudTrail is switched off. */
    readonly trailArn?: string;
    /** AWS Config delivers its snapshots and history to the audit bucket, encrypted with this key. */
    readonly configDelivery?: boolean;
}

/**
 * CloudWatch Logs encrypts every log group of the account with this key (flow logs, CloudTrail,
 * EKS control plane); CloudTrail encrypts its log files with it (and decrypts data keys: the audit
 * bucket has an S3 Bucket Key); AWS Config encrypts its deliveries with it.
 */
export function logsKeyPolicy(ctx: KeyPolicyContext, options: LogsKeyOptions): PolicyDocument {
    return keyPolicyFor("logs", ctx, { trailArn: options.trailArn, configDelivery: options.configDelivery === true });
}
