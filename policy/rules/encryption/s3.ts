import { PolicyResource } from "@pulumi/policy";
import { ABSENT, ResourceRuleContext, resourcePolicy, stackPolicy } from "../../lib/rule";
import { isTrue } from "../../lib/props";
import { list, read, UNKNOWN } from "../../lib/values";
import { requireCmk } from "../../lib/checks";
import { joinChildren } from "../../lib/stackJoins";
import { isAccessLogDestination } from "../../lib/accessLogSinks";

export const BUCKET_TYPES: readonly string[] = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];
export const SSE_TYPES: readonly string[] = [
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
];
/** Output properties that identify a bucket (the SSE/policy resources' `bucket` input is its name/id). */
export const BUCKET_ID_KEYS: readonly string[] = ["bucket", "id", "arn"];
const KMS_ALGORITHMS: readonly string[] = ["aws:kms", "aws:kms:dsse"];

type Algorithm = string | typeof UNKNOWN | undefined;

function sseAlgorithms(config: PolicyResource): { path: string; algorithm: Algorithm }[] {
    const rules = list(config.props, "rules");
    if (rules === UNKNOWN) {
        return [{ path: "rules", algorithm: UNKNOWN }];
    }
    return rules.map((rule: unknown, i: number) => {
        const algorithm: unknown = rule === UNKNOWN ? UNKNOWN : read(rule, "applyServerSideEncryptionByDefault.sseAlgorithm");
        return { path: `rules[${i}].applyServerSideEncryptionByDefault.sseAlgorithm`, algorithm: algorithm as Algorithm };
    });
}

function inlineAlgorithm(bucket: PolicyResource): Algorithm {
    return read(bucket.props, "serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.sseAlgorithm") as Algorithm;
}

const isKms = (a: Algorithm): boolean => a === UNKNOWN || (typeof a === "string" && KMS_ALGORITHMS.includes(a));

export const s3SseKms = stackPolicy({
    id: "enc-s3-sse-kms",
    description: "Every S3 bucket has a server-side encryption configuration using SSE-KMS (aws:kms or aws:kms:dsse); the access-log sink may use SSE-S3 (AES256), the only default encryption S3 server access log delivery supports.",
    severity: "high",
    remediation: "Add an aws.s3.BucketServerSideEncryptionConfiguration for the bucket with applyServerSideEncryptionByDefault: { sseAlgorithm: \"aws:kms\", kmsMasterKeyId: <CMK ARN> } and bucketKeyEnabled: true.",
    check(resources, ctx) {
        const buckets: PolicyResource[] = resources.filter((r: PolicyResource) => BUCKET_TYPES.includes(r.type));
        const configs: PolicyResource[] = resources.filter((r: PolicyResource) => SSE_TYPES.includes(r.type));
        const { byTarget, unresolved } = joinChildren(buckets, configs, "bucket", BUCKET_ID_KEYS);
        const sinkConfigs = new Set<PolicyResource>(buckets
            .filter((bucket: PolicyResource) => isAccessLogDestination(resources, bucket))
            .flatMap((bucket: PolicyResource) => byTarget.get(bucket) ?? []));
        for (const config of configs) {
            const rules = sseAlgorithms(config);
            if (rules.length === 0) {
                ctx.report(config, { property: "rules", value: [], expected: "a rule with applyServerSideEncryptionByDefault.sseAlgorithm \"aws:kms\"" });
            }
            for (const { path, algorithm } of rules) {
                if (sinkConfigs.has(config) && algorithm === "AES256") {
                    continue; // access-log delivery cannot write into an SSE-KMS default-encrypted bucket
                }
                if (!isKms(algorithm)) {
                    ctx.report(config, { property: path, value: algorithm ?? ABSENT, expected: "\"aws:kms\" or \"aws:kms:dsse\" (SSE-S3/AES256 gives no key control or key-usage audit)" });
                }
            }
        }
        for (const bucket of buckets) {
            const inline: Algorithm = inlineAlgorithm(bucket);
            if (inline !== undefined && isKms(inline)) {
                continue; // deprecated inline configuration with KMS
            }
            if (byTarget.get(bucket)!.length > 0 || unresolved.length > 0) {
                continue; // a config exists (its algorithm is checked above), or one cannot be attributed yet during preview
            }
            ctx.report(bucket, {
                property: "serverSideEncryptionConfiguration",
                value: inline ?? ABSENT,
                expected: "an aws.s3.BucketServerSideEncryptionConfiguration for this bucket with sseAlgorithm \"aws:kms\"",
            });
        }
    },
});

/** Judges one SSE rule (standalone rules[i] or the bucket's inline rule) for a CMK and the bucket key. */
function checkKmsRule(rule: unknown, prefix: string, ctx: ResourceRuleContext<object>): void {
    if (rule === UNKNOWN || rule === undefined || rule === null) {
        return;
    }
    const algorithm: unknown = read(rule, "applyServerSideEncryptionByDefault.sseAlgorithm");
    if (typeof algorithm === "string" && !KMS_ALGORITHMS.includes(algorithm)) {
        return; // not an SSE-KMS rule: enc-s3-sse-kms decides whether SSE-S3 is acceptable here
    }
    requireCmk(rule as Record<string, unknown>, {
        ...ctx,
        report: (v) => ctx.report({ ...v, property: `${prefix}.${v.property}` }),
    }, "applyServerSideEncryptionByDefault.kmsMasterKeyId", undefined, "a customer-managed KMS key ARN (absent or alias/aws/s3 means the AWS-managed key)");
    const bucketKey: unknown = read(rule, "bucketKeyEnabled");
    if (bucketKey !== UNKNOWN && !isTrue(bucketKey)) {
        ctx.report({ property: `${prefix}.bucketKeyEnabled`, value: bucketKey ?? ABSENT, expected: "true" });
    }
}

export const s3CmkBucketKey = resourcePolicy({
    id: "enc-s3-cmk-bucket-key",
    description: "S3 SSE-KMS configurations (standalone, ...V2, or the inline serverSideEncryptionConfiguration v7's Bucket still accepts) use a customer-managed key and S3 Bucket Keys (cost and KMS request volume).",
    severity: "medium",
    // The Bucket tokens are here for the deprecated inline configuration (catalogue section 8: v7's
    // Bucket still has serverSideEncryptionConfiguration); a bucket without one is not applicable.
    resourceTypes: [...SSE_TYPES, ...BUCKET_TYPES],
    remediation: "Set applyServerSideEncryptionByDefault.kmsMasterKeyId to a CMK ARN and bucketKeyEnabled: true (in rules[] of the BucketServerSideEncryptionConfiguration, or in serverSideEncryptionConfiguration.rule of the bucket).",
    check(props, ctx) {
        if (BUCKET_TYPES.includes(ctx.type)) {
            const inline: unknown = read(props, "serverSideEncryptionConfiguration");
            if (inline === undefined || inline === null) {
                ctx.notApplicable("the bucket declares no inline serverSideEncryptionConfiguration");
            }
            if (inline === UNKNOWN) {
                return;
            }
            checkKmsRule(read(inline, "rule"), "serverSideEncryptionConfiguration.rule", ctx);
            return;
        }
        const rules = list(props, "rules");
        if (rules === UNKNOWN) {
            return;
        }
        rules.forEach((rule: unknown, i: number) => checkKmsRule(rule, `rules[${i}]`, ctx));
    },
});

export const s3EncryptionPolicies = [s3SseKms, s3CmkBucketKey];
