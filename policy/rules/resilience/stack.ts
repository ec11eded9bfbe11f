import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { isTrue } from "../../lib/props";
import { ABSENT, StackRule, stackPolicy } from "../../lib/rule";
import { BUCKET_TYPES, UNKNOWN, bucketSubResources, childrenOf, joinedTo, knownStrings, matchesAny, ofType, peek, peekArray } from "../../lib/stackJoins";
import { ENVIRONMENT_CONFIG, EnvironmentConfig, isProduction } from "./environment";
import { parseArn, sqsQueueName } from "../../lib/arns";

/** Cross-resource resilience rules (validateStack). */

const RDS_CLUSTER = "aws:rds/cluster:Cluster";
const CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";

function isAurora(cluster: PolicyResource): boolean {
    const engine = peek(cluster.props, "engine");
    const mode = peek(cluster.props, "engineMode");
    return typeof engine === "string" && engine.startsWith("aurora") && mode !== "serverless";
}

export const auroraMultiAz: StackRule<EnvironmentConfig> = {
    id: "res-aurora-multi-az",
    description: "Production Aurora clusters have at least two cluster instances in at least two AZs (production = stack tag or Environment tag in config environments).",
    severity: "high",
    remediation: "Add a second aws.rds.ClusterInstance (reader) for the cluster in another availability zone; list >= 2 availabilityZones if you pin them.",
    config: ENVIRONMENT_CONFIG,
    check(resources, ctx) {
        for (const cluster of ofType(resources, [RDS_CLUSTER])) {
            if (!isAurora(cluster) || !isProduction(cluster.props, ctx.stackTags, ctx.config.environments)) {
                continue;
            }
            const zonesRaw = peekArray(peek(cluster.props, "availabilityZones"));
            if (zonesRaw !== UNKNOWN && zonesRaw.length === 1) {
                ctx.report(cluster, { property: "availabilityZones", value: zonesRaw, expected: ">= 2 availability zones" });
            }
            const instances = childrenOf(resources, cluster, [CLUSTER_INSTANCE], "clusterIdentifier", ["clusterIdentifier", "id"]);
            if (instances.length < 2) {
                ctx.report(cluster, { property: "aws:rds/clusterInstance", value: `${instances.length} instance(s)`, expected: ">= 2 cluster instances (writer + reader) in distinct AZs" });
                continue;
            }
            const zones = instances.map((i) => peek(i.props, "availabilityZone"));
            if (zones.every((z) => typeof z === "string") && new Set(zones).size < 2) {
                ctx.report(instances[1], { property: "availabilityZone", value: zones[1], expected: `an AZ other than ${String(zones[0])}` });
            }
        }
    },
};

const SELECTION = "aws:backup/selection:Selection";

function globMatches(pattern: string, value: string): boolean {
    const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
    return regex.test(value);
}

function tagsOf(resource: PolicyResource): Record<string, unknown> {
    for (const key of ["tagsAll", "tags"]) {
        const tags = peek(resource.props, key);
        if (tags && tags !== UNKNOWN && typeof tags === "object") {
            return tags as Record<string, unknown>;
        }
    }
    return {};
}

/** deadLetterTargetArn of a redrive policy (a JSON string), or undefined. */
function deadLetterTarget(policy: string): string | undefined {
    try {
        const target: unknown = (JSON.parse(policy) as Record<string, unknown>).deadLetterTargetArn;
        return typeof target === "string" ? target : undefined;
    } catch {
        return undefined;
    }
}

/**
 * Does a deadLetterTargetArn name this queue? The whole ARN must be equal (arn:aws:sqs:region:account:name,
 * Service Authorization Reference): a substring test would take "orders" for the DLQ of a queue whose
 * target is "orders-dlq" and excuse "orders" from having a DLQ of its own.
 */
function namesQueue(target: string | undefined, queueArn: string): boolean {
    if (target === undefined) {
        return false;
    }
    const a = parseArn(target);
    const b = parseArn(queueArn);
    return a !== undefined && b !== undefined
        ? a.partition === b.partition && a.service === b.service && a.region === b.region && a.account === b.account && sqsQueueName(target) === sqsQueueName(queueArn)
        : target === queueArn;
}

/** Is the resource selected by an AWS Backup selection (ARN, wildcard, dependency or tag)? */
export function coveredBy(selection: PolicyResource, target: PolicyResource, arnPattern: string): boolean {
    const raw = peek(selection.props, "resources");
    const arns = knownStrings(raw);
    const arn = peek(target.props, "arn");
    // The placeholder ARN (for a target whose ARN is not known yet) takes the selection pattern's
    // partition, so arn:aws-us-gov:rds:*:*:cluster:* selections match in GovCloud (and aws-cn).
    const inPartition = (pattern: string): string => arnPattern.replace(/^arn:aws:/, `arn:${/^arn:(aws[a-z-]*):/.exec(pattern)?.[1] ?? "aws"}:`);
    if (arns.some((a) => (typeof arn === "string" && globMatches(a, arn)) || a === "*" || globMatches(a, inPartition(a)))) {
        return true;
    }
    if (joinedTo(selection, "resources", target, ["arn"])) {
        return true;
    }
    const tags = tagsOf(target);
    const tagRules = peekArray(peek(selection.props, "selectionTags"));
    if (tagRules !== UNKNOWN && tagRules.some((t) => { const k = peek(t, "key"); return typeof k === "string" && tags[k] === peek(t, "value"); })) {
        return true;
    }
    const equals = peekArray(peek(peek(selection.props, "conditions"), "stringEquals"));
    return equals !== UNKNOWN && equals.some((c) => {
        const key = peek(c, "key");
        return typeof key === "string" && key.startsWith("aws:ResourceTag/") && tags[key.slice("aws:ResourceTag/".length)] === peek(c, "value");
    });
}

export const backupPlan: StackRule = {
    id: "res-backup-plan",
    description: "Aurora clusters and DynamoDB tables are covered by an AWS Backup selection (by ARN, wildcard or tag).",
    severity: "medium",
    remediation: "Add an aws.backup.Selection (planId of a Plan with a vault) listing the resource ARN or selecting it by tag.",
    check(resources, ctx) {
        const selections = ofType(resources, [SELECTION]);
        const targets: [PolicyResource, string][] = [
            ...ofType(resources, [RDS_CLUSTER]).filter(isAurora).map((r): [PolicyResource, string] => [r, "arn:aws:rds:region:account:cluster:name"]),
            ...ofType(resources, ["aws:dynamodb/table:Table"]).map((r): [PolicyResource, string] => [r, "arn:aws:dynamodb:region:account:table/name"]),
        ];
        for (const [target, pattern] of targets) {
            if (!selections.some((s) => coveredBy(s, target, pattern))) {
                ctx.report(target, { property: "aws:backup/selection", value: ABSENT, expected: "an AWS Backup selection covering this resource" });
            }
        }
    },
};

const VERSIONING_TYPES = ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"];

interface VersioningConfig { unversionedBucketNamePatterns: string[] }

export const s3Versioning: StackRule<VersioningConfig> = {
    id: "res-s3-versioning",
    description: "Every S3 bucket has versioning Enabled (BucketVersioning, or the deprecated inline versioning).",
    severity: "medium",
    remediation: "Add aws.s3.BucketVersioning { bucket: bucket.id, versioningConfiguration: { status: \"Enabled\" } }.",
    config: {
        schema: { unversionedBucketNamePatterns: { type: "array", items: { type: "string" }, description: "Regexes on bucket names that may stay unversioned (scratch/cache buckets)." } },
        defaults: { unversionedBucketNamePatterns: [] },
    },
    check(resources, ctx) {
        for (const bucket of ofType(resources, BUCKET_TYPES)) {
            if (matchesAny(ctx.config.unversionedBucketNamePatterns, bucket.name, peek(bucket.props, "bucket"))) {
                continue;
            }
            const inline = peek(peek(bucket.props, "versioning"), "enabled");
            if (inline === UNKNOWN || isTrue(inline)) {
                continue;
            }
            const configs = bucketSubResources(resources, bucket, VERSIONING_TYPES);
            if (configs.length === 0) {
                ctx.report(bucket, { property: "aws:s3/bucketVersioning", value: ABSENT, expected: "a BucketVersioning with versioningConfiguration.status \"Enabled\"" });
                continue;
            }
            for (const config of configs) {
                const status = peek(peek(config.props, "versioningConfiguration"), "status");
                if (status !== UNKNOWN && status !== "Enabled") {
                    ctx.report(config, { property: "versioningConfiguration.status", value: status ?? ABSENT, expected: "\"Enabled\"" });
                }
            }
        }
    },
};

const LIFECYCLE_TYPES = ["aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2"];

export const s3Lifecycle: StackRule = {
    id: "res-s3-lifecycle",
    description: "Every S3 bucket has an enabled lifecycle rule that aborts incomplete multipart uploads.",
    severity: "low",
    remediation: "Add aws.s3.BucketLifecycleConfiguration with an Enabled rule including abortIncompleteMultipartUpload { daysAfterInitiation: 7 } (and noncurrentVersionExpiration for versioned buckets).",
    check(resources, ctx) {
        for (const bucket of ofType(resources, BUCKET_TYPES)) {
            const configs = bucketSubResources(resources, bucket, LIFECYCLE_TYPES);
            if (configs.length === 0) {
                ctx.report(bucket, { property: "aws:s3/bucketLifecycleConfiguration", value: ABSENT, expected: "a lifecycle configuration with an Enabled rule" });
                continue;
            }
            for (const config of configs) {
                const rules = peekArray(peek(config.props, "rules"));
                if (rules === UNKNOWN || rules.some((r) => r === UNKNOWN)) {
                    continue;
                }
                const enabled = rules.filter((r) => { const s = peek(r, "status"); return s === "Enabled" || s === UNKNOWN; });
                if (enabled.length === 0) {
                    ctx.report(config, { property: "rules[].status", value: ABSENT, expected: "at least one rule with status \"Enabled\"" });
                } else if (!enabled.some((r) => peek(r, "abortIncompleteMultipartUpload") !== undefined)) {
                    ctx.report(config, { property: "rules[].abortIncompleteMultipartUpload", value: ABSENT, expected: "an enabled rule that aborts incomplete multipart uploads" });
                }
            }
        }
    },
};

const QUEUE = "aws:sqs/queue:Queue";
const REDRIVE = "aws:sqs/redrivePolicy:RedrivePolicy";

interface DlqConfig { deadLetterQueueNamePatterns: string[] }

export const sqsDlq: StackRule<DlqConfig> = {
    id: "res-sqs-dlq",
    description: "Every SQS queue has a redrive policy to a dead-letter queue, unless it is itself a DLQ.",
    severity: "medium",
    remediation: "Set redrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 5 }) (or an aws.sqs.RedrivePolicy resource).",
    config: {
        schema: { deadLetterQueueNamePatterns: { type: "array", items: { type: "string" }, description: "Regexes on queue logical/physical names that mark dead-letter queues." } },
        defaults: { deadLetterQueueNamePatterns: ["(^|[-_.])(dlq|dead-?letter|deadletter)([-_.]|$)"] },
    },
    check(resources, ctx) {
        const queues = ofType(resources, [QUEUE]);
        const redrives = ofType(resources, [REDRIVE]);
        /** Queues named as deadLetterTargetArn by some redrive policy (or, when unknown, depended upon). */
        const isTargetOf = (queue: PolicyResource): boolean => [...queues, ...redrives].some((source) => {
            if (source.urn === queue.urn) {
                return false;
            }
            const policy = peek(source.props, "redrivePolicy");
            const arn = peek(queue.props, "arn");
            if (typeof policy === "string" && typeof arn === "string" && namesQueue(deadLetterTarget(policy), arn)) {
                return true;
            }
            return (policy === UNKNOWN || typeof arn !== "string") && policy !== undefined && (source.dependencies ?? []).some((d) => d.urn === queue.urn);
        });
        for (const queue of queues) {
            const policy = peek(queue.props, "redrivePolicy");
            if (policy === UNKNOWN || (typeof policy === "string" && policy.length > 0)) {
                continue;
            }
            if (childrenOf(resources, queue, [REDRIVE], "queueUrl", ["url", "id"]).length > 0) {
                continue;
            }
            const name = peek(queue.props, "name");
            if (peek(queue.props, "redriveAllowPolicy") !== undefined || matchesAny(ctx.config.deadLetterQueueNamePatterns, queue.name, name === UNKNOWN ? undefined : name) || isTargetOf(queue)) {
                continue;
            }
            ctx.report(queue, { property: "redrivePolicy", value: ABSENT, expected: "a redrive policy to a dead-letter queue (or mark this queue as a DLQ)" });
        }
    },
};

export const resilienceStackPolicies: StackValidationPolicy[] = [
    stackPolicy(auroraMultiAz),
    stackPolicy(backupPlan),
    stackPolicy(s3Versioning),
    stackPolicy(s3Lifecycle),
    stackPolicy(sqsDlq),
];
