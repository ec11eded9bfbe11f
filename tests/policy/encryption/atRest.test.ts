import { describe, expect, it } from "vitest";
import { UNKNOWN_OBJECT, UNKNOWN_STRING } from "../support/policyHarness";
import { describeResourcePolicy, expectFired, run } from "./table";
import { eksSecretsEncryption } from "../../../policy/rules/encryption/eks";
import { rdsClusterCmk, rdsClusterStorage, rdsInstanceStorage, rdsMasterCredentials, rdsPerformanceInsights } from "../../../policy/rules/encryption/rds";
import { dynamodbCmk } from "../../../policy/rules/encryption/dynamodb";
import { elasticacheAtRest, elasticacheCmk } from "../../../policy/rules/encryption/elasticache";
import { s3CmkBucketKey } from "../../../policy/rules/encryption/s3";
import { eventBusCmk, snsEncryption, sqsCmk, sqsEncryption } from "../../../policy/rules/encryption/messaging";
import { cloudtrailCmk, logGroupCmk, secretsCmk } from "../../../policy/rules/encryption/logging";
import { ebsDefaultEncryption, kmsRotation } from "../../../policy/rules/encryption/kms";
import { instanceEbs, launchTemplateEbs } from "../../../policy/rules/encryption/ec2";

export const KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const AWS_ALIAS = "alias/aws/rds";

describeResourcePolicy({
    policy: eksSecretsEncryption, id: "enc-eks-secrets", severity: "high", type: "aws:eks/cluster:Cluster",
    baseline: { roleArn: "arn:aws:iam::111122223333:role/eks", vpcConfig: { subnetIds: ["subnet-1"] }, encryptionConfig: { resources: ["secrets"], provider: { keyArn: KEY } } },
    violations: [
        { name: "no encryptionConfig", patch: { encryptionConfig: undefined }, property: "encryptionConfig" },
        { name: "resources without secrets", patch: { "encryptionConfig.resources": [] }, property: "encryptionConfig.resources" },
        { name: "AWS-managed key alias", patch: { "encryptionConfig.provider.keyArn": "alias/aws/eks" }, property: "encryptionConfig.provider.keyArn" },
        { name: "keyArn missing", patch: { "encryptionConfig.provider": {} }, property: "encryptionConfig.provider.keyArn" },
    ],
    unknowns: [
        { name: "keyArn from a key in the same stack", patch: { "encryptionConfig.provider.keyArn": UNKNOWN_STRING } },
        { name: "whole encryptionConfig unknown", patch: { encryptionConfig: UNKNOWN_OBJECT } },
    ],
});

const cluster = {
    engine: "aurora-postgresql", storageEncrypted: true, kmsKeyId: KEY, manageMasterUserPassword: true, masterUserSecretKmsKeyId: KEY,
    masterUsername: "platform_admin", performanceInsightsEnabled: true, performanceInsightsKmsKeyId: KEY,
};

describeResourcePolicy({
    policy: rdsClusterStorage, id: "enc-rds-cluster-storage", severity: "high", type: "aws:rds/cluster:Cluster", baseline: cluster,
    violations: [
        { name: "storageEncrypted false", patch: { storageEncrypted: false }, property: "storageEncrypted" },
        { name: "storageEncrypted omitted (provider default false)", patch: { storageEncrypted: undefined }, property: "storageEncrypted is not set" },
    ],
    unknowns: [{ name: "storageEncrypted unknown", patch: { storageEncrypted: UNKNOWN_STRING } }],
    compliant: [{ name: "string boolean \"true\"", patch: { storageEncrypted: "true" } }],
});

describeResourcePolicy({
    policy: rdsClusterCmk, id: "enc-rds-cluster-cmk", severity: "medium", type: "aws:rds/cluster:Cluster", baseline: cluster,
    violations: [
        { name: "kmsKeyId omitted (aws/rds)", patch: { kmsKeyId: undefined }, property: "kmsKeyId is not set" },
        { name: "alias/aws/rds", patch: { kmsKeyId: AWS_ALIAS }, property: "kmsKeyId" },
        { name: "AWS-managed alias ARN", patch: { kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:alias/aws/rds" }, property: "kmsKeyId" },
    ],
    unknowns: [{ name: "kmsKeyId is a key output", patch: { kmsKeyId: UNKNOWN_STRING } }],
    compliant: [{ name: "customer alias", patch: { kmsKeyId: "alias/platform-data" } }],
});

describeResourcePolicy({
    policy: rdsInstanceStorage, id: "enc-rds-instance-storage", severity: "high", type: "aws:rds/instance:Instance",
    baseline: { instanceClass: "db.t4g.micro", engine: "postgres", storageEncrypted: true, kmsKeyId: KEY },
    violations: [
        { name: "storageEncrypted false", patch: { storageEncrypted: false }, property: "storageEncrypted" },
        { name: "storageEncrypted omitted", patch: { storageEncrypted: undefined }, property: "storageEncrypted" },
        { name: "kmsKeyId omitted", patch: { kmsKeyId: undefined }, property: "kmsKeyId" },
        { name: "replica naming an AWS-managed key", patch: { replicateSourceDb: "db-1", storageEncrypted: undefined, kmsKeyId: "alias/aws/rds" }, property: "kmsKeyId" },
    ],
    unknowns: [{ name: "kmsKeyId unknown", patch: { kmsKeyId: UNKNOWN_STRING } }],
    compliant: [{ name: "read replica inherits encryption", patch: { replicateSourceDb: "db-1", storageEncrypted: undefined, kmsKeyId: undefined } }],
});

describeResourcePolicy({
    policy: rdsPerformanceInsights, id: "enc-rds-performance-insights", severity: "medium", type: "aws:rds/clusterInstance:ClusterInstance",
    baselineTypes: ["aws:rds/clusterInstance:ClusterInstance", "aws:rds/cluster:Cluster", "aws:rds/instance:Instance"],
    baseline: { engine: "aurora-postgresql", instanceClass: "db.r6g.large", performanceInsightsEnabled: true, performanceInsightsKmsKeyId: KEY },
    violations: [
        { name: "PI enabled without a key", patch: { performanceInsightsKmsKeyId: undefined }, property: "performanceInsightsKmsKeyId" },
        { name: "PI with aws/rds", patch: { performanceInsightsKmsKeyId: AWS_ALIAS }, property: "performanceInsightsKmsKeyId" },
        { name: "on rds.Instance", type: "aws:rds/instance:Instance", patch: { performanceInsightsKmsKeyId: undefined }, property: "performanceInsightsKmsKeyId" },
    ],
    unknowns: [
        { name: "key unknown", patch: { performanceInsightsKmsKeyId: UNKNOWN_STRING } },
        { name: "PI flag unknown", patch: { performanceInsightsEnabled: UNKNOWN_STRING, performanceInsightsKmsKeyId: undefined } },
    ],
    compliant: [{ name: "PI disabled", patch: { performanceInsightsEnabled: false, performanceInsightsKmsKeyId: undefined } }],
});

describeResourcePolicy({
    policy: rdsMasterCredentials, id: "enc-rds-master-credentials", severity: "high", type: "aws:rds/cluster:Cluster", baseline: cluster,
    violations: [
        { name: "plaintext masterPassword", patch: { masterPassword: "hunter2hunter2" }, property: "masterPassword" },
        { name: "manageMasterUserPassword omitted", patch: { manageMasterUserPassword: undefined }, property: "manageMasterUserPassword" },
        { name: "manageMasterUserPassword false", patch: { manageMasterUserPassword: false }, property: "manageMasterUserPassword" },
        { name: "managed secret with aws/secretsmanager", patch: { masterUserSecretKmsKeyId: undefined }, property: "masterUserSecretKmsKeyId" },
        { name: "masterPassword from an unknown output is still stored in state", patch: { masterPassword: UNKNOWN_STRING, manageMasterUserPassword: undefined }, property: "masterPassword" },
    ],
    unknowns: [{ name: "secret key unknown", patch: { masterUserSecretKmsKeyId: UNKNOWN_STRING } }],
    compliant: [{ name: "replica cluster inherits credentials", patch: { manageMasterUserPassword: undefined, masterUserSecretKmsKeyId: undefined, replicationSourceIdentifier: "arn:aws:rds:eu-west-1:111122223333:cluster:src" } }],
});

it("enc-rds-master-credentials never echoes the password", async () => {
    const result = await run(rdsMasterCredentials, { ...cluster, masterPassword: "hunter2hunter2" }, "aws:rds/cluster:Cluster");
    expectFired(result, "enc-rds-master-credentials", "masterPassword");
    expect(result.messages.join()).not.toContain("hunter2");
});

describeResourcePolicy({
    policy: dynamodbCmk, id: "enc-dynamodb-cmk", severity: "medium", type: "aws:dynamodb/table:Table",
    baseline: { hashKey: "pk", attributes: [{ name: "pk", type: "S" }], serverSideEncryption: { enabled: true, kmsKeyArn: KEY } },
    violations: [
        { name: "SSE omitted (AWS-owned key)", patch: { serverSideEncryption: undefined }, property: "serverSideEncryption.enabled" },
        { name: "enabled false", patch: { "serverSideEncryption.enabled": false }, property: "serverSideEncryption.enabled" },
        { name: "enabled without kmsKeyArn (aws/dynamodb)", patch: { "serverSideEncryption.kmsKeyArn": undefined }, property: "serverSideEncryption.kmsKeyArn" },
    ],
    unknowns: [{ name: "kmsKeyArn unknown", patch: { "serverSideEncryption.kmsKeyArn": UNKNOWN_STRING } }],
});

describeResourcePolicy({
    policy: elasticacheAtRest, id: "enc-elasticache-at-rest", severity: "high", type: "aws:elasticache/replicationGroup:ReplicationGroup",
    baseline: { description: "redis", atRestEncryptionEnabled: true, kmsKeyId: KEY },
    violations: [
        { name: "false", patch: { atRestEncryptionEnabled: false }, property: "atRestEncryptionEnabled" },
        { name: "string \"false\"", patch: { atRestEncryptionEnabled: "false" }, property: "atRestEncryptionEnabled" },
        { name: "omitted, engine omitted (redis, whose default is false)", patch: { atRestEncryptionEnabled: undefined }, property: "atRestEncryptionEnabled is not set" },
        { name: "omitted with engine redis (default false)", patch: { atRestEncryptionEnabled: undefined, engine: "redis" }, property: "engine \"redis\"" },
        { name: "valkey with an explicit false", patch: { atRestEncryptionEnabled: false, engine: "valkey" }, property: "atRestEncryptionEnabled" },
    ],
    compliant: [
        // replicationGroup.d.ts: "When `engine` is `valkey`, default is `true`."
        { name: "omitted with engine valkey (the provider defaults it to true)", patch: { atRestEncryptionEnabled: undefined, engine: "valkey" } },
        { name: "string \"true\"", patch: { atRestEncryptionEnabled: "true" } },
    ],
    unknowns: [
        { name: "unknown", patch: { atRestEncryptionEnabled: UNKNOWN_STRING } },
        { name: "omitted, engine unknown", patch: { atRestEncryptionEnabled: undefined, engine: UNKNOWN_STRING } },
    ],
});

describeResourcePolicy({
    policy: elasticacheCmk, id: "enc-elasticache-cmk", severity: "medium", type: "aws:elasticache/replicationGroup:ReplicationGroup",
    baselineTypes: ["aws:elasticache/replicationGroup:ReplicationGroup", "aws:elasticache/serverlessCache:ServerlessCache"],
    baseline: { description: "redis", engine: "redis", atRestEncryptionEnabled: true, kmsKeyId: KEY },
    violations: [
        { name: "no kmsKeyId", patch: { kmsKeyId: undefined }, property: "kmsKeyId" },
        { name: "serverless cache without CMK", type: "aws:elasticache/serverlessCache:ServerlessCache", patch: { kmsKeyId: undefined }, property: "kmsKeyId" },
    ],
    unknowns: [{ name: "kmsKeyId unknown", patch: { kmsKeyId: UNKNOWN_STRING } }],
});

describeResourcePolicy({
    policy: s3CmkBucketKey, id: "enc-s3-cmk-bucket-key", severity: "medium",
    type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    baselineTypes: ["aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2"],
    baseline: { bucket: "logs", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY }, bucketKeyEnabled: true }] },
    violations: [
        { name: "no kmsMasterKeyId (aws/s3)", patch: { "rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId": undefined }, property: "rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId" },
        { name: "alias/aws/s3", patch: { "rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId": "alias/aws/s3" }, property: "rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId" },
        { name: "bucket key off", patch: { "rules.0.bucketKeyEnabled": false }, property: "rules[0].bucketKeyEnabled" },
        { name: "V2 token, bucket key omitted", type: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", patch: { "rules.0.bucketKeyEnabled": undefined }, property: "rules[0].bucketKeyEnabled" },
    ],
    unknowns: [{ name: "kmsMasterKeyId unknown", patch: { "rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId": UNKNOWN_STRING } }],
});

// Issue 21: the inline serverSideEncryptionConfiguration v7's Bucket (and the BucketV2 alias) still accepts.
describeResourcePolicy({
    policy: s3CmkBucketKey, id: "enc-s3-cmk-bucket-key", severity: "medium",
    type: "aws:s3/bucket:Bucket",
    baselineTypes: ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
    baseline: { bucket: "platform-logs", serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY }, bucketKeyEnabled: true } } },
    violations: [
        { name: "inline KMS without a key (aws/s3)", patch: { "serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.kmsMasterKeyId": undefined }, property: "serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.kmsMasterKeyId is not set" },
        { name: "inline alias/aws/s3", patch: { "serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.kmsMasterKeyId": "arn:aws-cn:kms:cn-north-1:111122223333:alias/aws/s3" }, property: "serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.kmsMasterKeyId" },
        { name: "inline without bucketKeyEnabled", patch: { "serverSideEncryptionConfiguration.rule.bucketKeyEnabled": undefined }, property: "serverSideEncryptionConfiguration.rule.bucketKeyEnabled is not set" },
        { name: "inline dsse with bucketKeyEnabled false", patch: { "serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.sseAlgorithm": "aws:kms:dsse", "serverSideEncryptionConfiguration.rule.bucketKeyEnabled": false }, property: "serverSideEncryptionConfiguration.rule.bucketKeyEnabled" },
        { name: "BucketV2 token, inline KMS without a key", type: "aws:s3/bucketV2:BucketV2", patch: { "serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.kmsMasterKeyId": undefined }, property: "serverSideEncryptionConfiguration.rule" },
    ],
    unknowns: [
        { name: "inline key unknown", patch: { "serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.kmsMasterKeyId": UNKNOWN_STRING } },
        { name: "whole inline configuration unknown", patch: { serverSideEncryptionConfiguration: UNKNOWN_OBJECT } },
    ],
    compliant: [
        { name: "no inline configuration (the standalone resource is judged)", patch: { serverSideEncryptionConfiguration: undefined } },
        { name: "inline SSE-S3 is enc-s3-sse-kms's to judge", patch: { "serverSideEncryptionConfiguration.rule": { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } } } },
        { name: "GovCloud key ARN", patch: { "serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.kmsMasterKeyId": "arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" } },
    ],
});

describeResourcePolicy({
    policy: sqsEncryption, id: "enc-sqs", severity: "high", type: "aws:sqs/queue:Queue", baseline: { kmsMasterKeyId: KEY },
    violations: [
        { name: "nothing set", patch: { kmsMasterKeyId: undefined }, property: "kmsMasterKeyId" },
        { name: "SQS-managed SSE disabled", patch: { kmsMasterKeyId: undefined, sqsManagedSseEnabled: false }, property: "sqsManagedSseEnabled is false" },
    ],
    unknowns: [{ name: "key unknown", patch: { kmsMasterKeyId: UNKNOWN_STRING } }],
    compliant: [{ name: "SQS-managed SSE", patch: { kmsMasterKeyId: undefined, sqsManagedSseEnabled: true } }],
});

describeResourcePolicy({
    policy: sqsCmk, id: "enc-sqs-cmk", severity: "medium", type: "aws:sqs/queue:Queue", baseline: { kmsMasterKeyId: KEY },
    violations: [
        { name: "alias/aws/sqs", patch: { kmsMasterKeyId: "alias/aws/sqs" }, property: "kmsMasterKeyId" },
        { name: "SQS-managed only", patch: { kmsMasterKeyId: undefined, sqsManagedSseEnabled: true }, property: "kmsMasterKeyId" },
    ],
    unknowns: [{ name: "key unknown", patch: { kmsMasterKeyId: UNKNOWN_STRING } }],
});

describeResourcePolicy({
    policy: snsEncryption, id: "enc-sns", severity: "high", type: "aws:sns/topic:Topic", baseline: { kmsMasterKeyId: KEY },
    violations: [
        { name: "unencrypted", patch: { kmsMasterKeyId: undefined }, property: "kmsMasterKeyId" },
        { name: "alias/aws/sns", patch: { kmsMasterKeyId: "alias/aws/sns" }, property: "kmsMasterKeyId" },
    ],
    unknowns: [{ name: "key unknown", patch: { kmsMasterKeyId: UNKNOWN_STRING } }],
});

describeResourcePolicy({
    policy: secretsCmk, id: "enc-secrets-cmk", severity: "medium", type: "aws:secretsmanager/secret:Secret",
    baseline: { kmsKeyId: KEY, replicas: [{ region: "eu-central-1", kmsKeyId: KEY }] },
    violations: [
        { name: "default aws/secretsmanager", patch: { kmsKeyId: undefined }, property: "kmsKeyId" },
        { name: "replica without CMK", patch: { "replicas.0.kmsKeyId": undefined }, property: "replicas[0].kmsKeyId" },
    ],
    unknowns: [
        { name: "key unknown", patch: { kmsKeyId: UNKNOWN_STRING } },
        { name: "replica key unknown", patch: { "replicas.0.kmsKeyId": UNKNOWN_STRING } },
    ],
});

describeResourcePolicy({
    policy: cloudtrailCmk, id: "enc-cloudtrail", severity: "high", type: "aws:cloudtrail/trail:Trail", baseline: { s3BucketName: "trail", kmsKeyId: KEY },
    violations: [{ name: "SSE-S3 only", patch: { kmsKeyId: undefined }, property: "kmsKeyId" }],
    unknowns: [{ name: "key unknown", patch: { kmsKeyId: UNKNOWN_STRING } }],
});

describeResourcePolicy({
    policy: logGroupCmk, id: "enc-log-group", severity: "medium", type: "aws:cloudwatch/logGroup:LogGroup", baseline: { name: "/aws/eks/platform/cluster", kmsKeyId: KEY },
    violations: [{ name: "unencrypted", patch: { kmsKeyId: undefined }, property: "kmsKeyId" }],
    unknowns: [{ name: "key unknown", patch: { kmsKeyId: UNKNOWN_STRING } }],
});

describeResourcePolicy({
    policy: kmsRotation, id: "enc-kms-rotation", severity: "high", type: "aws:kms/key:Key", baseline: { enableKeyRotation: true, rotationPeriodInDays: 365 },
    violations: [
        { name: "rotation omitted", patch: { enableKeyRotation: undefined }, property: "enableKeyRotation" },
        { name: "rotation false", patch: { enableKeyRotation: false }, property: "enableKeyRotation" },
        { name: "period above a year", patch: { rotationPeriodInDays: 730 }, property: "rotationPeriodInDays" },
    ],
    unknowns: [{ name: "flag unknown", patch: { enableKeyRotation: UNKNOWN_STRING } }],
    compliant: [{ name: "explicit symmetric spec", patch: { keyUsage: "ENCRYPT_DECRYPT", customerMasterKeySpec: "SYMMETRIC_DEFAULT" } }],
});

describe("enc-kms-rotation not applicable", () => {
    it.each([
        [{ keyUsage: "SIGN_VERIFY", customerMasterKeySpec: "ECC_NIST_P256" }],
        [{ keyUsage: "GENERATE_VERIFY_MAC", customerMasterKeySpec: "HMAC_256" }],
        [{ customerMasterKeySpec: "RSA_2048" }],
    ])("asymmetric/HMAC key %j", async (props) => {
        const result = await run(kmsRotation, props, "aws:kms/key:Key");
        expect(result.violations).toEqual([]);
        expect(result.notApplicable[0]?.reason).toContain("symmetric");
    });
});

describeResourcePolicy({
    policy: ebsDefaultEncryption, id: "enc-ebs-default", severity: "medium", type: "aws:ebs/encryptionByDefault:EncryptionByDefault", baseline: { enabled: true },
    violations: [{ name: "disabled", patch: { enabled: false }, property: "enabled" }],
    unknowns: [{ name: "unknown", patch: { enabled: UNKNOWN_STRING } }],
    compliant: [{ name: "omitted (defaults to true)", patch: { enabled: undefined } }],
});

describeResourcePolicy({
    policy: launchTemplateEbs, id: "enc-launch-template-ebs", severity: "high", type: "aws:ec2/launchTemplate:LaunchTemplate",
    baseline: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: KEY, volumeSize: 50 } }, { deviceName: "/dev/sdb", virtualName: "ephemeral0" }] },
    violations: [
        { name: "string \"false\"", patch: { "blockDeviceMappings.0.ebs.encrypted": "false" }, property: "blockDeviceMappings[0].ebs.encrypted" },
        { name: "encrypted omitted", patch: { "blockDeviceMappings.0.ebs.encrypted": undefined }, property: "blockDeviceMappings[0].ebs.encrypted" },
        { name: "no kmsKeyId", patch: { "blockDeviceMappings.0.ebs.kmsKeyId": undefined }, property: "blockDeviceMappings[0].ebs.kmsKeyId" },
    ],
    unknowns: [{ name: "kmsKeyId unknown", patch: { "blockDeviceMappings.0.ebs.kmsKeyId": UNKNOWN_STRING } }],
    compliant: [
        { name: "boolean true also accepted", patch: { "blockDeviceMappings.0.ebs.encrypted": true } },
        { name: "no block device mappings", patch: { blockDeviceMappings: undefined } },
    ],
});

describeResourcePolicy({
    policy: instanceEbs, id: "enc-instance-ebs", severity: "high", type: "aws:ec2/instance:Instance",
    baseline: { ami: "ami-1", instanceType: "t3.micro", rootBlockDevice: { encrypted: true, kmsKeyId: KEY }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true, kmsKeyId: KEY }] },
    violations: [
        { name: "root unencrypted", patch: { "rootBlockDevice.encrypted": false }, property: "rootBlockDevice.encrypted" },
        { name: "no root block device", patch: { rootBlockDevice: undefined }, property: "rootBlockDevice.encrypted" },
        { name: "data volume unencrypted", patch: { "ebsBlockDevices.0.encrypted": false }, property: "ebsBlockDevices[0].encrypted" },
        { name: "root without CMK", patch: { "rootBlockDevice.kmsKeyId": undefined }, property: "rootBlockDevice.kmsKeyId" },
    ],
    unknowns: [{ name: "root key unknown", patch: { "rootBlockDevice.kmsKeyId": UNKNOWN_STRING } }],
});

describeResourcePolicy({
    policy: eventBusCmk, id: "enc-event-bus", severity: "low", type: "aws:cloudwatch/eventBus:EventBus",
    baseline: { name: "integration", description: "integration events", kmsKeyIdentifier: KEY },
    violations: [
        { name: "kmsKeyIdentifier omitted (AWS-owned key)", patch: { kmsKeyIdentifier: undefined }, property: "kmsKeyIdentifier is not set" },
        { name: "empty kmsKeyIdentifier", patch: { kmsKeyIdentifier: "" }, property: "kmsKeyIdentifier" },
        { name: "an AWS-managed alias", patch: { kmsKeyIdentifier: "alias/aws/events" }, property: "kmsKeyIdentifier" },
        { name: "an AWS-managed alias ARN", patch: { kmsKeyIdentifier: "arn:aws:kms:eu-west-1:111122223333:alias/aws/events" }, property: "kmsKeyIdentifier" },
    ],
    compliant: [
        { name: "a customer alias", patch: { kmsKeyIdentifier: "alias/integration-events" } },
        { name: "a key id", patch: { kmsKeyIdentifier: "1234abcd-12ab-34cd-56ef-1234567890ab" } },
    ],
    unknowns: [{ name: "key ARN unknown (key created in the same stack)", patch: { kmsKeyIdentifier: UNKNOWN_STRING } }],
});

describe("enc-event-bus: partner buses", () => {
    it("a partner event bus (eventSourceName set) is not applicable", async () => {
        const result = await run(eventBusCmk, { name: "aws.partner/saas.com/123/events", eventSourceName: "aws.partner/saas.com/123/events" }, "aws:cloudwatch/eventBus:EventBus");
        expect(result.violations).toEqual([]);
        expect(result.notApplicable.map((n) => n.reason).join(" ")).toContain("partner event bus");
    });
});
