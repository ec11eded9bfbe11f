import { beforeAll, describe, expect, it } from "vitest";
import { PrincipalContext, ServicePrincipalUse, documentedUses } from "../../infra/components/security/servicePrincipals";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { StackRunResult, policyDocument, runStack } from "../support/stackRun";

/**
 * The two class tests of "conditions only where the service sends them" and "every service that
 * uses a key can use it", walking EVERY trust policy and EVERY key policy of a recorded stack
 * rather than asserting one resource, so the next role or key someone writes is covered too.
 */

type Statement = Record<string, unknown>;

function asArray(value: unknown): unknown[] {
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function servicesOf(statement: Statement): string[] {
    const principal = statement.Principal as Record<string, unknown> | string | undefined;
    return typeof principal === "object" ? asArray(principal.Service).map(String) : [];
}

function actionsOf(statement: Statement): string[] {
    return asArray(statement.Action).map(String);
}

function conditionKeysOf(statement: Statement): string[] {
    return Object.values((statement.Condition ?? {}) as Record<string, Record<string, unknown>>).flatMap((block) => Object.keys(block));
}

/** A finding: a statement naming a service principal with an action or condition key the table does not document for it. */
export interface UndocumentedCondition {
    readonly where: string;
    readonly principal: string;
    readonly problem: string;
}

/**
 * Checks one policy document against SERVICE_PRINCIPALS: every Allow statement naming a service
 * principal must match a row (principal, context, all its actions), and every condition key must be
 * documented by one of the matching rows. Pure, so it can be shown failing on known-bad documents.
 */
export function undocumentedConditions(document: unknown, context: PrincipalContext, where: string): UndocumentedCondition[] {
    const findings: UndocumentedCondition[] = [];
    for (const statement of policyDocument(document).Statement) {
        if (statement.Effect !== "Allow") {
            continue;
        }
        for (const principal of servicesOf(statement)) {
            const actions: string[] = actionsOf(statement);
            const rows: ServicePrincipalUse[] = documentedUses(principal, context, actions);
            const at = `${where} ${typeof statement.Sid === "string" ? statement.Sid : ""}`.trim();
            if (rows.length === 0) {
                findings.push({ where: at, principal, problem: `no SERVICE_PRINCIPALS row for ${principal} (${context}) performing ${actions.join(", ")}` });
                continue;
            }
            for (const key of conditionKeysOf(statement)) {
                if (!rows.some((row) => row.conditions.some((condition) => condition.key === key))) {
                    const documented: string = [...new Set(rows.flatMap((row) => row.conditions.map((condition) => condition.key)))].join(", ") || "none";
                    findings.push({ where: at, principal, problem: `condition ${key} is not documented (documented: ${documented}; ${rows[0].source})` });
                }
            }
        }
    }
    return findings;
}

/** Every role trust policy and every key policy of a stack. */
export function allFindings(result: StackRunResult): UndocumentedCondition[] {
    const roles = result.ofType("aws:iam/role:Role").flatMap((role: RecordedResource) => undocumentedConditions(role.inputs.assumeRolePolicy, "trust", `role ${role.name}`));
    const keys = [...result.ofType("aws:kms/key:Key"), ...result.ofType("aws:kms/keyPolicy:KeyPolicy")]
        .filter((key: RecordedResource) => key.inputs.policy !== undefined)
        .flatMap((key: RecordedResource) => undocumentedConditions(key.inputs.policy, "key", `${key.type.split(":").pop()} ${key.name}`));
    return [...roles, ...keys];
}

/** Resource-policy types and the property holding their document. */
const RESOURCE_POLICIES: readonly [string, string][] = [
    ["aws:s3/bucketPolicy:BucketPolicy", "policy"],
    ["aws:sqs/queuePolicy:QueuePolicy", "policy"],
    ["aws:sns/topicPolicy:TopicPolicy", "policy"],
    ["aws:cloudwatch/logResourcePolicy:LogResourcePolicy", "policyDocument"],
    ["aws:ecr/repositoryPolicy:RepositoryPolicy", "policy"],
];

/** Every bucket, queue, topic, log and repository policy of a stack (the same check, resource context). */
export function resourcePolicyFindings(result: StackRunResult): UndocumentedCondition[] {
    return RESOURCE_POLICIES.flatMap(([type, property]) => result.ofType(type)
        .filter((resource: RecordedResource) => typeof resource.inputs[property] === "string" || typeof resource.inputs[property] === "object")
        .flatMap((resource: RecordedResource) => undocumentedConditions(resource.inputs[property], "resource", `${type.split(":").pop()} ${resource.name}`)));
}

// ---- Key callers: what the stack wires must be allowed by the key it wires ----------------------

/** Does the statement list grant `action` (wildcards allowed) to the service principal (exact name or a regional pattern)? */
function serviceMayUse(statements: readonly Statement[], principal: RegExp, action: string): boolean {
    return statements.some((statement) => statement.Effect === "Allow"
        && servicesOf(statement).some((service) => principal.test(service))
        && actionsOf(statement).some((granted) => new RegExp(`^${granted.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test(action)));
}

/** Does a Principal "*" statement grant `action` to callers through `viaService`, or to the role `principalArn`? */
function wildcardMayUse(statements: readonly Statement[], action: string, match: { viaService?: RegExp; principalArn?: RegExp }): boolean {
    return statements.some((statement) => {
        const principal = statement.Principal as Record<string, unknown> | string | undefined;
        const wildcard = principal === "*" || (typeof principal === "object" && asArray(principal.AWS).includes("*"));
        if (statement.Effect !== "Allow" || !wildcard) {
            return false;
        }
        const grants = actionsOf(statement).some((granted) => new RegExp(`^${granted.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test(action));
        const conditions = (statement.Condition ?? {}) as Record<string, Record<string, unknown>>;
        const via = asArray(conditions.StringEquals?.["kms:ViaService"]).map(String);
        const arns = asArray(conditions.ArnEquals?.["aws:PrincipalArn"] ?? conditions.ArnLike?.["aws:PrincipalArn"]).map(String);
        return grants && ((match.viaService !== undefined && via.some((v) => match.viaService!.test(v)))
            || (match.principalArn !== undefined && arns.some((a) => match.principalArn!.test(a))));
    });
}

/** A caller the stack wires to a key, with the actions AWS documents it needs. */
export interface WiredCaller {
    readonly resource: string;
    readonly key: RecordedResource;
    readonly caller: string;
    readonly actions: readonly string[];
    readonly allowed: (statements: readonly Statement[], action: string) => boolean;
}

const service = (name: string): ((statements: readonly Statement[], action: string) => boolean) =>
    (statements, action) => serviceMayUse(statements, new RegExp(`^${name.replace(/\./g, "\\.").replace("{region}", "[a-z0-9-]+")}$`), action);

/** Every KMS caller the stack wires, read from the resources that reference a key (not from the key policies). */
export function wiredCallers(result: StackRunResult): WiredCaller[] {
    const keys: RecordedResource[] = result.ofType("aws:kms/key:Key");
    const keyOf = (reference: unknown): RecordedResource | undefined =>
        reference === undefined ? undefined : keys.find((key) => key.outputs.arn === reference || key.outputs.id === reference || key.outputs.keyId === reference);
    const callers: WiredCaller[] = [];
    const add = (resource: RecordedResource, reference: unknown, caller: string, actions: readonly string[], allowed: WiredCaller["allowed"]): void => {
        const key = keyOf(reference);
        if (key) {
            callers.push({ resource: `${resource.type.split(":").pop()} ${resource.name}`, key, caller, actions, allowed });
        }
    };

    // CloudTrail: GenerateDataKey* and DescribeKey, and Decrypt because the audit bucket has an S3 Bucket Key (CloudTrail KMS docs).
    for (const trail of result.ofType("aws:cloudtrail/trail:Trail")) {
        add(trail, trail.inputs.kmsKeyId, "cloudtrail.amazonaws.com", ["kms:GenerateDataKey", "kms:DescribeKey", "kms:Decrypt"], service("cloudtrail.amazonaws.com"));
    }
    // CloudWatch Logs (encrypt-log-data-kms).
    for (const group of result.ofType("aws:cloudwatch/logGroup:LogGroup")) {
        add(group, group.inputs.kmsKeyId, "logs.<region>.amazonaws.com", ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"], service("logs.{region}.amazonaws.com"));
    }
    // EventBridge bus (DescribeKey to validate, data keys) and archive (plus ReEncrypt*).
    for (const bus of result.ofType("aws:cloudwatch/eventBus:EventBus")) {
        add(bus, bus.inputs.kmsKeyIdentifier, "events.amazonaws.com (bus)", ["kms:DescribeKey", "kms:GenerateDataKey", "kms:Decrypt"], service("events.amazonaws.com"));
    }
    for (const archive of result.ofType("aws:cloudwatch/eventArchive:EventArchive")) {
        add(archive, archive.inputs.kmsKeyIdentifier, "events.amazonaws.com (archive)", ["kms:GenerateDataKey", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo"], service("events.amazonaws.com"));
    }
    // EventBridge and SNS deliver into SSE-KMS queues on their own behalf.
    const queues: RecordedResource[] = result.ofType("aws:sqs/queue:Queue");
    const queueByArn = (arn: unknown): RecordedResource | undefined => queues.find((queue) => queue.outputs.arn === arn);
    for (const target of result.ofType("aws:cloudwatch/eventTarget:EventTarget")) {
        for (const arn of [target.inputs.arn, (target.inputs.deadLetterConfig as Record<string, unknown> | undefined)?.arn]) {
            const queue = queueByArn(arn);
            if (queue) {
                add(queue, queue.inputs.kmsMasterKeyId, `events.amazonaws.com (target ${target.name})`, ["kms:GenerateDataKey", "kms:Decrypt"], service("events.amazonaws.com"));
            }
        }
    }
    for (const subscription of result.ofType("aws:sns/topicSubscription:TopicSubscription")) {
        const redrivePolicy: unknown = subscription.inputs.redrivePolicy;
        const redrive: unknown = typeof redrivePolicy === "string" ? (JSON.parse(redrivePolicy) as { deadLetterTargetArn?: string }).deadLetterTargetArn : undefined;
        for (const arn of [subscription.inputs.protocol === "sqs" ? subscription.inputs.endpoint : undefined, redrive]) {
            const queue = queueByArn(arn);
            if (queue) {
                add(queue, queue.inputs.kmsMasterKeyId, `sns.amazonaws.com (subscription ${subscription.name})`, ["kms:GenerateDataKey", "kms:Decrypt"], service("sns.amazonaws.com"));
            }
        }
    }
    // Alarms, budgets and anomaly subscriptions publish into SSE-KMS topics.
    const topics: RecordedResource[] = result.ofType("aws:sns/topic:Topic");
    const topicByArn = (arn: unknown): RecordedResource | undefined => topics.find((topic) => topic.outputs.arn === arn);
    const publishers: [string, string, (r: RecordedResource) => unknown[]][] = [
        ["aws:cloudwatch/metricAlarm:MetricAlarm", "cloudwatch.amazonaws.com", (r) => [...asArray(r.inputs.alarmActions), ...asArray(r.inputs.okActions)]],
        ["aws:cloudwatch/compositeAlarm:CompositeAlarm", "cloudwatch.amazonaws.com", (r) => [...asArray(r.inputs.alarmActions), ...asArray(r.inputs.okActions)]],
        ["aws:budgets/budget:Budget", "budgets.amazonaws.com", (r) => asArray(r.inputs.notifications).flatMap((n) => asArray((n as Record<string, unknown>).subscriberSnsTopicArns))],
        ["aws:costexplorer/anomalySubscription:AnomalySubscription", "costalerts.amazonaws.com", (r) => asArray(r.inputs.subscribers).filter((s) => (s as Record<string, unknown>).type === "SNS").map((s) => (s as Record<string, unknown>).address)],
    ];
    for (const [type, principal, targets] of publishers) {
        for (const publisher of result.ofType(type)) {
            for (const topic of targets(publisher).map(topicByArn).filter((t): t is RecordedResource => t !== undefined)) {
                add(topic, topic.inputs.kmsMasterKeyId, `${principal} (${publisher.name})`, ["kms:GenerateDataKey", "kms:Decrypt"], service(principal));
            }
        }
    }
    // AWS Config deliveries.
    for (const channel of result.ofType("aws:cfg/deliveryChannel:DeliveryChannel")) {
        add(channel, channel.inputs.s3KmsKeyArn, "config.amazonaws.com", ["kms:GenerateDataKey", "kms:Decrypt"], service("config.amazonaws.com"));
    }
    // Encrypted launch-template volumes: EC2 through the caller, and the Auto Scaling service-linked role (EC2 Auto Scaling KMS key policy requirements).
    for (const template of result.ofType("aws:ec2/launchTemplate:LaunchTemplate")) {
        for (const mapping of asArray(template.inputs.blockDeviceMappings) as Record<string, Record<string, unknown> | undefined>[]) {
            add(template, mapping.ebs?.kmsKeyId, "callers through ec2", ["kms:GenerateDataKeyWithoutPlaintext", "kms:Decrypt", "kms:CreateGrant"], (statements, action) => wildcardMayUse(statements, action, { viaService: /^ec2\./ }));
            add(template, mapping.ebs?.kmsKeyId, "AWSServiceRoleForAutoScaling", ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey", "kms:CreateGrant"],
                (statements, action) => wildcardMayUse(statements, action, { principalArn: /:role\/aws-service-role\/autoscaling\.amazonaws\.com\/AWSServiceRoleForAutoScaling$/ }));
        }
    }
    return callers;
}

/** The class tests for one stack (a committed stack by name, or any run). */
export function describeServicePrincipalContracts(stack: string, run: () => Promise<StackRunResult> = () => runStack(stack), expectedCallers: readonly string[] = []): void {
    describe(`service principals and key callers (${stack})`, () => {
        let result: StackRunResult;
        beforeAll(async () => {
            result = await run();
        });

        it("every trust and key-policy statement for a service principal carries only the conditions AWS documents for that service and action", () => {
            const roles = result.ofType("aws:iam/role:Role");
            expect(roles.length).toBeGreaterThan(5);
            expect(result.ofType("aws:kms/key:Key").length).toBeGreaterThan(3);
            expect(allFindings(result).map((f) => `${f.where}: ${f.principal}: ${f.problem}`)).toEqual([]);
        });

        it("no Pod Identity association whose role is narrowed by session tags turns the session tags off", () => {
            for (const association of result.ofType("aws:eks/podIdentityAssociation:PodIdentityAssociation")) {
                const role = result.ofType("aws:iam/role:Role").find((r: RecordedResource) => r.outputs.arn === association.inputs.roleArn);
                expect(role, association.name).toBeDefined();
                if (JSON.stringify(role!.inputs.assumeRolePolicy).includes("aws:RequestTag/")) {
                    expect(association.inputs.disableSessionTags, association.name).not.toBe(true);
                }
            }
        });

        it("every bucket, queue, topic and log resource-policy statement for a service principal carries only documented conditions", () => {
            expect(result.ofType("aws:s3/bucketPolicy:BucketPolicy").length).toBeGreaterThan(0);
            expect(resourcePolicyFindings(result).map((f) => `${f.where}: ${f.principal}: ${f.problem}`)).toEqual([]);
        });

        it("every KMS caller the stack wires (trail, log groups, bus, archive, queue and topic producers, Config, node volumes) may use its key", () => {
            const callers: WiredCaller[] = wiredCallers(result);
            // The walk must find the callers this platform has, or it proves nothing.
            // The trail is the account baseline owner's (a consumer stack has none).
            if (result.ofType("aws:cloudtrail/trail:Trail").length > 0) {
                expect(callers.some((c) => c.caller === "cloudtrail.amazonaws.com")).toBe(true);
            }
            expect(callers.some((c) => c.caller.startsWith("logs."))).toBe(true);
            for (const expected of expectedCallers) {
                expect(callers.some((c) => c.caller.includes(expected)), expected).toBe(true);
            }
            const missing: string[] = callers.flatMap((c) => {
                const statements = policyDocument(c.key.inputs.policy).Statement;
                return c.actions.filter((action) => !c.allowed(statements, action)).map((action) => `${c.resource} -> key ${c.key.name}: ${c.caller} lacks ${action}`);
            });
            expect(missing).toEqual([]);
        });
    });
}
