/**
 * AWS's naming rules for the physical names a program sets, in one table: the program sizes its
 * names from it (infra/platform/naming.ts) and the mock engine (tools/offline/nameRules.ts) holds
 * every registered resource to it, as the provider's Check and the AWS API would. Each rule names
 * its source; checked against those pages on 2026-12-01.
 *
 * `prefix` rules cover the provider's `namePrefix`-style inputs: the provider appends a 26-character
 * unique suffix, so the prefix limit is the name limit minus 26 (as the provider validates it).
 */
export interface AwsNameRule {
    /** Resource type token (`__pulumiType`). */
    readonly type: string;
    /** Input property holding the name. */
    readonly property: string;
    readonly minLength: number;
    /** Maximum length; a function when it depends on other inputs (SQS FIFO queues). */
    readonly maxLength: number | ((inputs: Readonly<Record<string, unknown>>) => number);
    /** The characters and shape AWS accepts. */
    readonly pattern: RegExp;
    /** Extra constraints the pattern cannot say simply; returns what is wrong, or undefined. */
    readonly extra?: (name: string, inputs: Readonly<Record<string, unknown>>) => string | undefined;
    /** The rule in words, for the failure message. */
    readonly rule: string;
    readonly source: string;
}

/** The unique suffix the AWS provider appends to a `namePrefix` (terraform-provider-aws id.UniqueId). */
export const PROVIDER_PREFIX_SUFFIX_LENGTH = 26;

const S3_BUCKET = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html";
const IAM_QUOTAS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html";
const RDS_CLUSTER = "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBCluster.html";
const RDS_INSTANCE = "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html";
const RDS_SUBNET_GROUP = "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBSubnetGroup.html";
const ELASTICACHE_RG = "https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html";
const ELASTICACHE_SUBNET_GROUP = "https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateCacheSubnetGroup.html";
const ELB_LB = "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html";
const ELB_TG = "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html";
const LOG_GROUP = "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html";
const KMS_ALIAS = "https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html";
const SQS_QUEUE = "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html";
const LAMBDA = "https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html";
const EKS = "https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateCluster.html";
const ECR = "https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html";
const CLOUDTRAIL = "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html";
const ACCESS_ANALYZER = "https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CreateAnalyzer.html";
const CONFIG_RECORDER = "https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigurationRecorder.html";
const CONFIG_CHANNEL = "https://docs.aws.amazon.com/config/latest/APIReference/API_DeliveryChannel.html";
const SECURITY_GROUP = "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html";
const BACKUP_VAULT = "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_CreateBackupVault.html";
const BACKUP_PLAN = "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupPlanInput.html";
const BACKUP_SELECTION = "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupSelection.html";
const RESTORE_TESTING_PLAN = "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_RestoreTestingPlanForCreate.html";

/** No two hyphens in a row and no trailing hyphen (RDS and ElastiCache identifiers). */
function noDoubleOrTrailingHyphen(name: string): string | undefined {
    if (name.includes("--")) {
        return "two consecutive hyphens";
    }
    return name.endsWith("-") ? "a trailing hyphen" : undefined;
}

const IPV4_SHAPED = /^\d{1,3}(?:\.\d{1,3}){3}$/;

function s3BucketExtra(name: string): string | undefined {
    if (name.includes("..")) {
        return "two adjacent periods";
    }
    if (IPV4_SHAPED.test(name)) {
        return "the shape of an IP address";
    }
    const badPrefix: string | undefined = ["xn--", "sthree-", "amzn-s3-demo-"].find((p: string) => name.startsWith(p));
    if (badPrefix) {
        return `the reserved prefix ${badPrefix}`;
    }
    const badSuffix: string | undefined = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"].find((s: string) => name.endsWith(s));
    return badSuffix ? `the reserved suffix ${badSuffix}` : undefined;
}

function lbExtra(name: string): string | undefined {
    if (name.startsWith("-") || name.endsWith("-")) {
        return "a leading or trailing hyphen";
    }
    return name.startsWith("internal-") ? "the reserved prefix internal-" : undefined;
}

function cloudTrailExtra(name: string): string | undefined {
    if (/[._-]{2}/.test(name)) {
        return "two adjacent periods, underscores or hyphens";
    }
    return IPV4_SHAPED.test(name) ? "the shape of an IP address" : undefined;
}

const isFifo = (inputs: Readonly<Record<string, unknown>>): boolean => inputs.fifoQueue === true;

function sqsExtra(name: string, inputs: Readonly<Record<string, unknown>>): string | undefined {
    if (isFifo(inputs) && !name.endsWith(".fifo")) {
        return "a FIFO queue name without the .fifo suffix";
    }
    if (!isFifo(inputs) && name.endsWith(".fifo")) {
        return "the .fifo suffix on a standard queue";
    }
    return undefined;
}

const IAM_NAME = /^[\w+=,.@-]+$/;
const RDS_IDENTIFIER = /^[a-z][a-z0-9-]*$/;
const LB_NAME = /^[A-Za-z0-9-]+$/;

export const AWS_NAME_RULES: readonly AwsNameRule[] = [
    { type: "aws:s3/bucket:Bucket", property: "bucket", minLength: 3, maxLength: 63, pattern: /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, extra: s3BucketExtra, rule: "3-63 lowercase letters, digits, periods, hyphens; starts and ends with a letter or digit", source: S3_BUCKET },
    { type: "aws:s3/bucket:Bucket", property: "bucketPrefix", minLength: 1, maxLength: 63 - PROVIDER_PREFIX_SUFFIX_LENGTH, pattern: /^[a-z0-9][a-z0-9.-]*$/, rule: "at most 37 lowercase letters, digits, periods, hyphens", source: S3_BUCKET },
    { type: "aws:iam/role:Role", property: "name", minLength: 1, maxLength: 64, pattern: IAM_NAME, rule: "1-64 letters, digits and +=,.@-_", source: IAM_QUOTAS },
    { type: "aws:iam/role:Role", property: "namePrefix", minLength: 1, maxLength: 64 - PROVIDER_PREFIX_SUFFIX_LENGTH, pattern: IAM_NAME, rule: "at most 38 letters, digits and +=,.@-_", source: IAM_QUOTAS },
    { type: "aws:iam/policy:Policy", property: "name", minLength: 1, maxLength: 128, pattern: IAM_NAME, rule: "1-128 letters, digits and +=,.@-_", source: IAM_QUOTAS },
    { type: "aws:iam/policy:Policy", property: "namePrefix", minLength: 1, maxLength: 128 - PROVIDER_PREFIX_SUFFIX_LENGTH, pattern: IAM_NAME, rule: "at most 102 letters, digits and +=,.@-_", source: IAM_QUOTAS },
    { type: "aws:iam/rolePolicy:RolePolicy", property: "name", minLength: 1, maxLength: 128, pattern: IAM_NAME, rule: "1-128 letters, digits and +=,.@-_", source: IAM_QUOTAS },
    { type: "aws:iam/rolePolicy:RolePolicy", property: "namePrefix", minLength: 1, maxLength: 128 - PROVIDER_PREFIX_SUFFIX_LENGTH, pattern: IAM_NAME, rule: "at most 102 letters, digits and +=,.@-_", source: IAM_QUOTAS },
    { type: "aws:rds/cluster:Cluster", property: "clusterIdentifier", minLength: 1, maxLength: 63, pattern: RDS_IDENTIFIER, extra: noDoubleOrTrailingHyphen, rule: "1-63 lowercase letters, digits, hyphens; starts with a letter; no -- and no trailing hyphen", source: RDS_CLUSTER },
    { type: "aws:rds/cluster:Cluster", property: "clusterIdentifierPrefix", minLength: 1, maxLength: 63 - PROVIDER_PREFIX_SUFFIX_LENGTH, pattern: RDS_IDENTIFIER, rule: "at most 37 lowercase letters, digits, hyphens; starts with a letter", source: RDS_CLUSTER },
    { type: "aws:rds/clusterInstance:ClusterInstance", property: "identifier", minLength: 1, maxLength: 63, pattern: RDS_IDENTIFIER, extra: noDoubleOrTrailingHyphen, rule: "1-63 lowercase letters, digits, hyphens; starts with a letter; no -- and no trailing hyphen", source: RDS_INSTANCE },
    { type: "aws:rds/clusterInstance:ClusterInstance", property: "identifierPrefix", minLength: 1, maxLength: 63 - PROVIDER_PREFIX_SUFFIX_LENGTH, pattern: RDS_IDENTIFIER, rule: "at most 37 lowercase letters, digits, hyphens; starts with a letter", source: RDS_INSTANCE },
    { type: "aws:rds/instance:Instance", property: "identifier", minLength: 1, maxLength: 63, pattern: RDS_IDENTIFIER, extra: noDoubleOrTrailingHyphen, rule: "1-63 lowercase letters, digits, hyphens; starts with a letter; no -- and no trailing hyphen", source: RDS_INSTANCE },
    { type: "aws:rds/instance:Instance", property: "identifierPrefix", minLength: 1, maxLength: 63 - PROVIDER_PREFIX_SUFFIX_LENGTH, pattern: RDS_IDENTIFIER, rule: "at most 37 lowercase letters, digits, hyphens; starts with a letter", source: RDS_INSTANCE },
    { type: "aws:rds/subnetGroup:SubnetGroup", property: "name", minLength: 1, maxLength: 255, pattern: /^[a-z0-9 ._-]+$/, extra: (n: string) => (n === "default" ? "the reserved name default" : undefined), rule: "1-255 lowercase letters, digits, spaces, periods, underscores, hyphens; not default", source: RDS_SUBNET_GROUP },
    { type: "aws:elasticache/replicationGroup:ReplicationGroup", property: "replicationGroupId", minLength: 1, maxLength: 40, pattern: RDS_IDENTIFIER, extra: noDoubleOrTrailingHyphen, rule: "1-40 lowercase letters, digits, hyphens; starts with a letter; no -- and no trailing hyphen", source: ELASTICACHE_RG },
    { type: "aws:elasticache/subnetGroup:SubnetGroup", property: "name", minLength: 1, maxLength: 255, pattern: /^[a-z0-9-]+$/, rule: "1-255 lowercase letters, digits, hyphens", source: ELASTICACHE_SUBNET_GROUP },
    { type: "aws:lb/loadBalancer:LoadBalancer", property: "name", minLength: 1, maxLength: 32, pattern: LB_NAME, extra: lbExtra, rule: "1-32 letters, digits, hyphens; no leading or trailing hyphen; not internal-", source: ELB_LB },
    { type: "aws:lb/loadBalancer:LoadBalancer", property: "namePrefix", minLength: 1, maxLength: 6, pattern: LB_NAME, rule: "at most 6 letters, digits, hyphens", source: ELB_LB },
    { type: "aws:lb/targetGroup:TargetGroup", property: "name", minLength: 1, maxLength: 32, pattern: LB_NAME, extra: lbExtra, rule: "1-32 letters, digits, hyphens; no leading or trailing hyphen", source: ELB_TG },
    { type: "aws:lb/targetGroup:TargetGroup", property: "namePrefix", minLength: 1, maxLength: 6, pattern: LB_NAME, rule: "at most 6 letters, digits, hyphens", source: ELB_TG },
    { type: "aws:cloudwatch/logGroup:LogGroup", property: "name", minLength: 1, maxLength: 512, pattern: /^[.\-_/#A-Za-z0-9]+$/, rule: "1-512 letters, digits and . - _ / #", source: LOG_GROUP },
    { type: "aws:cloudwatch/logGroup:LogGroup", property: "namePrefix", minLength: 1, maxLength: 512 - PROVIDER_PREFIX_SUFFIX_LENGTH, pattern: /^[.\-_/#A-Za-z0-9]+$/, rule: "at most 486 letters, digits and . - _ / #", source: LOG_GROUP },
    { type: "aws:kms/alias:Alias", property: "name", minLength: 7, maxLength: 256, pattern: /^alias\/[A-Za-z0-9/_-]+$/, extra: (n: string) => (n.startsWith("alias/aws/") ? "the reserved prefix alias/aws/" : undefined), rule: "alias/ then letters, digits and / _ -, at most 256 in all; not alias/aws/", source: KMS_ALIAS },
    { type: "aws:kms/alias:Alias", property: "namePrefix", minLength: 7, maxLength: 256 - PROVIDER_PREFIX_SUFFIX_LENGTH, pattern: /^alias\/[A-Za-z0-9/_-]+$/, rule: "alias/ then letters, digits and / _ -", source: KMS_ALIAS },
    { type: "aws:sqs/queue:Queue", property: "name", minLength: 1, maxLength: 80, pattern: /^[A-Za-z0-9_-]+(?:\.fifo)?$/, extra: sqsExtra, rule: "1-80 letters, digits, hyphens, underscores, FIFO queues ending in .fifo (included in the 80)", source: SQS_QUEUE },
    { type: "aws:sqs/queue:Queue", property: "namePrefix", minLength: 1, maxLength: (inputs) => 80 - PROVIDER_PREFIX_SUFFIX_LENGTH - (isFifo(inputs) ? ".fifo".length : 0), pattern: /^[A-Za-z0-9_-]+$/, rule: "at most 54 letters, digits, hyphens, underscores (49 for FIFO queues)", source: SQS_QUEUE },
    { type: "aws:lambda/function:Function", property: "name", minLength: 1, maxLength: 64, pattern: /^[A-Za-z0-9_-]+$/, rule: "1-64 letters, digits, hyphens, underscores", source: LAMBDA },
    { type: "aws:eks/cluster:Cluster", property: "name", minLength: 1, maxLength: 100, pattern: /^[0-9A-Za-z][A-Za-z0-9_-]*$/, rule: "1-100 letters, digits, hyphens, underscores; starts with a letter or digit", source: EKS },
    { type: "aws:ecr/repository:Repository", property: "name", minLength: 2, maxLength: 256, pattern: /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/, rule: "2-256 lowercase letters and digits, separated by single . _ - or /", source: ECR },
    { type: "aws:cloudtrail/trail:Trail", property: "name", minLength: 3, maxLength: 128, pattern: /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/, extra: cloudTrailExtra, rule: "3-128 letters, digits, . _ -; starts and ends with a letter or digit; no two of . _ - adjacent", source: CLOUDTRAIL },
    { type: "aws:accessanalyzer/analyzer:Analyzer", property: "analyzerName", minLength: 1, maxLength: 255, pattern: /^[A-Za-z][A-Za-z0-9_.-]*$/, rule: "1-255 letters, digits, _ . -; starts with a letter", source: ACCESS_ANALYZER },
    { type: "aws:cfg/recorder:Recorder", property: "name", minLength: 1, maxLength: 256, pattern: /^\S+$/, rule: "1-256 characters, no whitespace", source: CONFIG_RECORDER },
    { type: "aws:cfg/deliveryChannel:DeliveryChannel", property: "name", minLength: 1, maxLength: 256, pattern: /^\S+$/, rule: "1-256 characters, no whitespace", source: CONFIG_CHANNEL },
    { type: "aws:cfg/recorderStatus:RecorderStatus", property: "name", minLength: 1, maxLength: 256, pattern: /^\S+$/, rule: "1-256 characters, no whitespace (the recorder's name)", source: CONFIG_RECORDER },
    // AWS Backup: the API and the console take plan names up to 50 characters (the API's newer pages allow 200; 50 holds for both).
    { type: "aws:backup/vault:Vault", property: "name", minLength: 2, maxLength: 50, pattern: /^[A-Za-z0-9_-]+$/, rule: "2-50 letters, digits, hyphens, underscores", source: BACKUP_VAULT },
    { type: "aws:backup/plan:Plan", property: "name", minLength: 1, maxLength: 50, pattern: /^[A-Za-z0-9_.-]+$/, rule: "1-50 letters, digits, - _ .", source: BACKUP_PLAN },
    { type: "aws:backup/selection:Selection", property: "name", minLength: 1, maxLength: 50, pattern: /^[A-Za-z0-9_.-]+$/, rule: "1-50 letters, digits, - _ .", source: BACKUP_SELECTION },
    { type: "aws:backup/restoreTestingPlan:RestoreTestingPlan", property: "name", minLength: 1, maxLength: 50, pattern: /^[A-Za-z0-9_]+$/, rule: "1-50 letters, digits, underscores", source: RESTORE_TESTING_PLAN },
    { type: "aws:ec2/securityGroup:SecurityGroup", property: "name", minLength: 1, maxLength: 255, pattern: /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]+$/, extra: (n: string) => (n.startsWith("sg-") ? "the reserved prefix sg-" : undefined), rule: "1-255 ASCII characters; not sg-", source: SECURITY_GROUP },
];

/** The rule for a type's name property, for sizing names by construction. */
export function nameRule(type: string, property: string): AwsNameRule {
    const rule: AwsNameRule | undefined = AWS_NAME_RULES.find((r: AwsNameRule) => r.type === type && r.property === property);
    if (!rule) {
        throw new Error(`no AWS naming rule for ${type}.${property}; add it to infra/platform/awsNameRules.ts`);
    }
    return rule;
}

export function maxLengthOf(rule: AwsNameRule, inputs: Readonly<Record<string, unknown>> = {}): number {
    return typeof rule.maxLength === "number" ? rule.maxLength : rule.maxLength(inputs);
}

/** What is wrong with a name under a rule, or undefined when AWS accepts it. */
export function nameViolation(rule: AwsNameRule, name: string, inputs: Readonly<Record<string, unknown>> = {}): string | undefined {
    const max: number = maxLengthOf(rule, inputs);
    if (name.length < rule.minLength || name.length > max) {
        return `${name.length} characters (allowed ${rule.minLength}-${max})`;
    }
    if (!rule.pattern.test(name)) {
        return "characters or shape AWS rejects";
    }
    return rule.extra?.(name, inputs);
}
