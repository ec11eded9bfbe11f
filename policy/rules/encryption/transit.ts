import { PolicyResource } from "@pulumi/policy";
import { ABSENT, resourcePolicy, stackPolicy } from "../../lib/rule";
import { list, read, UNKNOWN } from "../../lib/values";
import { requireTrue } from "../../lib/checks";
import { joinChildren } from "../../lib/stackJoins";
import { deniesInsecureS3Transport, deniesInsecureTransport, parseDocument } from "../../lib/iamPolicies";
import { ParsedDocument } from "../../lib/documents";
import { BUCKET_ID_KEYS, BUCKET_TYPES } from "./s3";

export const elasticacheTransit = resourcePolicy({
    id: "tls-elasticache-transit",
    description: "ElastiCache replication groups require TLS in transit (transitEncryptionEnabled true, mode \"required\", not \"preferred\").",
    severity: "high",
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    remediation: "Set transitEncryptionEnabled: true and transitEncryptionMode: \"required\" (migrate via \"preferred\" only temporarily).",
    check(props, ctx) {
        requireTrue(props, ctx, "transitEncryptionEnabled");
        const mode: unknown = read(props, "transitEncryptionMode");
        if (mode !== UNKNOWN && mode !== undefined && mode !== "required") {
            ctx.report({ property: "transitEncryptionMode", value: mode, expected: "\"required\" (\"preferred\" still accepts plaintext clients)" });
        }
    },
});

export const RDS_CA_ALLOWED: readonly string[] = ["rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"];

export const rdsCa = resourcePolicy({
    id: "tls-rds-ca",
    description: "RDS clusters and instances use a current CA (rds-ca-rsa2048-g1, rds-ca-rsa4096-g1 or rds-ca-ecc384-g1; not the expired rds-ca-2019).",
    severity: "medium",
    resourceTypes: ["aws:rds/cluster:Cluster", "aws:rds/clusterInstance:ClusterInstance", "aws:rds/instance:Instance"],
    remediation: "Set caCertificateIdentifier (cluster) / caCertIdentifier (instances) to \"rds-ca-rsa2048-g1\" or a stronger current CA, and ship the new CA bundle to clients.",
    check(props, ctx) {
        const property: string = ctx.type === "aws:rds/cluster:Cluster" ? "caCertificateIdentifier" : "caCertIdentifier";
        const ca: unknown = read(props, property);
        if (typeof ca === "string" && !RDS_CA_ALLOWED.includes(ca)) {
            ctx.report({ property, value: ca, expected: `one of ${RDS_CA_ALLOWED.join(", ")} (omitted = the current AWS default)` });
        }
    },
});

export const rdsProxyTls = resourcePolicy({
    id: "tls-rds-proxy",
    description: "RDS Proxy requires TLS for client connections.",
    severity: "medium",
    resourceTypes: ["aws:rds/proxy:Proxy"],
    remediation: "Set requireTls: true.",
    check(props, ctx) {
        requireTrue(props, ctx, "requireTls");
    },
});

const STRONG_ACM_KEYS: readonly string[] = ["RSA_2048", "RSA_3072", "RSA_4096", "EC_prime256v1", "EC_secp384r1", "EC_secp521r1"];

export const acmCertificate = resourcePolicy({
    id: "tls-acm-cert",
    description: "ACM certificates use RSA-2048+/ECDSA P-256+ keys, keep Certificate Transparency logging enabled and use DNS validation so they renew automatically.",
    severity: "medium",
    resourceTypes: ["aws:acm/certificate:Certificate"],
    remediation: "Request the certificate with validationMethod \"DNS\", keyAlgorithm RSA_2048 or EC_prime256v1 (or stronger), and leave options.certificateTransparencyLoggingPreference \"ENABLED\".",
    check(props, ctx) {
        const algorithm: unknown = read(props, "keyAlgorithm");
        if (typeof algorithm === "string" && !STRONG_ACM_KEYS.includes(algorithm)) {
            ctx.report({ property: "keyAlgorithm", value: algorithm, expected: `one of ${STRONG_ACM_KEYS.join(", ")}` });
        }
        const ct: unknown = read(props, "options.certificateTransparencyLoggingPreference");
        if (typeof ct === "string" && ct !== "ENABLED") {
            ctx.report({ property: "options.certificateTransparencyLoggingPreference", value: ct, expected: "\"ENABLED\"" });
        }
        const imported: boolean = read(props, "certificateBody") !== undefined || read(props, "certificateAuthorityArn") !== undefined;
        const method: unknown = read(props, "validationMethod");
        if (!imported && method !== UNKNOWN && method !== "DNS") {
            ctx.report({ property: "validationMethod", value: method ?? ABSENT, expected: "\"DNS\" (EMAIL-validated certificates do not renew automatically)" });
        }
    },
});

// --- Stack rules: policies and parameter groups joined to the resources they protect. ---

type DocState = ParsedDocument | typeof UNKNOWN | undefined;

function documentOf(resource: PolicyResource, key = "policy"): DocState {
    return parseDocument(read(resource.props, key));
}

interface SslOnlySpec {
    readonly targets: readonly string[];
    readonly policyTypes: readonly string[];
    /** Property of the policy resource naming its target. */
    readonly childKey: string;
    readonly targetKeys: readonly string[];
    readonly action: string;
    readonly noun: string;
    /** What "denies insecure transport" means for this target; default: a deny covering `action`. */
    readonly denies?: (document: ParsedDocument, target: PolicyResource) => boolean;
    readonly expected?: string;
}

function checkSslOnly(resources: readonly PolicyResource[], spec: SslOnlySpec, report: (r: PolicyResource, property: string, value: unknown, expected: string) => void): void {
    const targets = resources.filter((r: PolicyResource) => spec.targets.includes(r.type));
    const policies = resources.filter((r: PolicyResource) => spec.policyTypes.includes(r.type));
    const { byTarget, unresolved } = joinChildren(targets, policies, spec.childKey, spec.targetKeys);
    const expected = spec.expected ?? `a Deny statement for Principal "*" on ${spec.action} with Condition Bool aws:SecureTransport "false"`;
    const denies = spec.denies ?? ((document: ParsedDocument) => deniesInsecureTransport(document, spec.action));
    for (const target of targets) {
        const documents: { owner: PolicyResource; doc: DocState }[] = byTarget.get(target)!.map((p: PolicyResource) => ({ owner: p, doc: documentOf(p) }));
        const inline: DocState = documentOf(target);
        if (inline !== undefined) {
            documents.push({ owner: target, doc: inline });
        }
        if (documents.some(({ doc }) => doc === UNKNOWN || (doc !== undefined && denies(doc, target)))) {
            continue;
        }
        if (documents.length === 0) {
            if (unresolved.length === 0) {
                report(target, "policy", ABSENT, `a ${spec.noun} policy with ${expected}`);
            }
            continue;
        }
        const { owner } = documents[0];
        report(owner, "policy", "(no statement denying aws:SecureTransport=false)", expected);
    }
}

export const s3SslOnly = stackPolicy({
    id: "tls-s3-ssl-only",
    description: "Every S3 bucket has a bucket policy denying requests that do not use TLS (aws:SecureTransport = false).",
    severity: "high",
    remediation: "Add an aws.s3.BucketPolicy with { Effect: \"Deny\", Principal: \"*\", Action: \"s3:*\", Resource: [bucketArn, `${bucketArn}/*`], Condition: { Bool: { \"aws:SecureTransport\": \"false\" } } }.",
    check(resources, ctx) {
        checkSslOnly(resources, {
            targets: BUCKET_TYPES, policyTypes: ["aws:s3/bucketPolicy:BucketPolicy"], childKey: "bucket", targetKeys: BUCKET_ID_KEYS, action: "s3:GetObject", noun: "bucket",
            // The deny must cover the bucket ARN and its objects: on `arn/*` alone, bucket-level calls
            // (ListBucket, GetBucketPolicy, PutBucketAcl...) still work over plain HTTP.
            denies: (document: ParsedDocument, bucket: PolicyResource) => {
                const arn: unknown = read(bucket.props, "arn");
                return deniesInsecureS3Transport(document, typeof arn === "string" && arn.startsWith("arn:") ? arn : undefined);
            },
            expected: "a Deny statement for Principal \"*\" on s3:* with Condition Bool aws:SecureTransport \"false\", covering both the bucket ARN and its objects (arn/*)",
        }, (r, property, value, expected) => ctx.report(r, { property, value, expected }));
    },
});

export const sqsSslOnly = stackPolicy({
    id: "tls-sqs-ssl-only",
    description: "Every SQS queue has a queue policy denying requests that do not use TLS.",
    severity: "medium",
    remediation: "Add an aws.sqs.QueuePolicy (or the queue's policy) with { Effect: \"Deny\", Principal: \"*\", Action: \"sqs:*\", Resource: queueArn, Condition: { Bool: { \"aws:SecureTransport\": \"false\" } } }.",
    check(resources, ctx) {
        checkSslOnly(resources, {
            targets: ["aws:sqs/queue:Queue"], policyTypes: ["aws:sqs/queuePolicy:QueuePolicy"], childKey: "queueUrl", targetKeys: ["url", "id", "arn"], action: "sqs:SendMessage", noun: "queue",
        }, (r, property, value, expected) => ctx.report(r, { property, value, expected }));
    },
});

export const snsSslOnly = stackPolicy({
    id: "tls-sns-ssl-only",
    description: "Every SNS topic has a topic policy denying sns:Publish requests that do not use TLS.",
    severity: "medium",
    remediation: "Add an aws.sns.TopicPolicy (or the topic's policy) with { Effect: \"Deny\", Principal: \"*\", Action: \"sns:Publish\", Resource: topicArn, Condition: { Bool: { \"aws:SecureTransport\": \"false\" } } }.",
    check(resources, ctx) {
        checkSslOnly(resources, {
            targets: ["aws:sns/topic:Topic"], policyTypes: ["aws:sns/topicPolicy:TopicPolicy"], childKey: "arn", targetKeys: ["arn", "id"], action: "sns:Publish", noun: "topic",
        }, (r, property, value, expected) => ctx.report(r, { property, value, expected }));
    },
});

/** Parameter that forces TLS, by engine family. */
function forceSslParameter(engine: unknown): { name: string; values: string[] } | undefined {
    if (typeof engine !== "string") {
        return undefined;
    }
    if (engine.includes("postgres")) {
        return { name: "rds.force_ssl", values: ["1"] };
    }
    if (engine.includes("mysql")) {
        return { name: "require_secure_transport", values: ["1", "on", "ON"] };
    }
    return undefined;
}

function forcesSsl(group: PolicyResource, parameter: { name: string; values: string[] }): boolean | typeof UNKNOWN {
    const parameters = list(group.props, "parameters");
    if (parameters === UNKNOWN) {
        return UNKNOWN;
    }
    for (const p of parameters) {
        if (p === UNKNOWN) {
            return UNKNOWN;
        }
        const name: unknown = read(p, "name");
        const value: unknown = read(p, "value");
        if (name === UNKNOWN || value === UNKNOWN) {
            return UNKNOWN;
        }
        if (name === parameter.name && typeof value === "string" && parameter.values.includes(value)) {
            return true;
        }
    }
    return false;
}

export const auroraForceSsl = stackPolicy({
    id: "tls-aurora-force-ssl",
    description: "Aurora/RDS clusters reference a cluster parameter group that forces TLS (PostgreSQL rds.force_ssl = 1; MySQL require_secure_transport = ON).",
    severity: "high",
    remediation: "Create an aws.rds.ClusterParameterGroup with parameters [{ name: \"rds.force_ssl\", value: \"1\" }] (MySQL: require_secure_transport = \"ON\") and set the cluster's dbClusterParameterGroupName to it.",
    check(resources, ctx) {
        const clusters = resources.filter((r: PolicyResource) => r.type === "aws:rds/cluster:Cluster");
        const groups = resources.filter((r: PolicyResource) => r.type === "aws:rds/clusterParameterGroup:ClusterParameterGroup");
        for (const cluster of clusters) {
            const parameter = forceSslParameter(read(cluster.props, "engine"));
            if (!parameter) {
                continue;
            }
            const reference: unknown = read(cluster.props, "dbClusterParameterGroupName");
            const referenced: PolicyResource[] = groups.filter((group: PolicyResource) =>
                (typeof reference === "string" && [read(group.props, "name"), read(group.props, "id")].includes(reference))
                || (cluster.propertyDependencies?.dbClusterParameterGroupName ?? []).some((d: PolicyResource) => d.urn === group.urn)
                || (reference === UNKNOWN && (cluster.dependencies ?? []).some((d: PolicyResource) => d.urn === group.urn)));
            if (referenced.length === 0) {
                if (reference === UNKNOWN) {
                    continue; // cannot tell which group during preview
                }
                ctx.report(cluster, {
                    property: "dbClusterParameterGroupName",
                    value: reference ?? ABSENT,
                    expected: `a cluster parameter group declared in this stack with ${parameter.name} = ${parameter.values[0]} (the default group does not force TLS)`,
                });
                continue;
            }
            for (const group of referenced) {
                if (forcesSsl(group, parameter) === false) {
                    ctx.report(group, { property: "parameters", value: `(no ${parameter.name})`, expected: `{ name: "${parameter.name}", value: "${parameter.values[0]}" } (used by cluster "${cluster.name}")` });
                }
            }
        }
    },
});

export const transitPolicies = [elasticacheTransit, rdsCa, rdsProxyTls, acmCertificate, s3SslOnly, sqsSslOnly, snsSslOnly, auroraForceSsl];
