/**
 * What replaces a resource, per @pulumi/aws type, from maintained data rather than guesses:
 * @pulumi/aws-native's generated `replaceOnChanges` lists, which are CloudFormation's
 * createOnlyProperties from AWS's resource schemas (the CloudFormation registry), mapped property by
 * property to the @pulumi/aws (Terraform-based) input that carries the same setting.
 *
 * Each mapping names the aws-native property exactly as it appears in the installed
 * node_modules/@pulumi/aws-native/<nativeModule>.js list; tests/review/replacementData.test.ts
 * asserts every one is still there (an aws-native upgrade that drops one fails the test) and that
 * the @pulumi/aws input exists on the type's Args.
 *
 * The @pulumi/aws provider decides replacement with its own ForceNew flags, which agree with
 * CloudFormation's create-only list for the identity and encryption settings mapped here (both
 * model the same AWS API: these settings have no Modify call); a property that only one of them
 * treats as create-only is left out (e.g. the provider's masterUsername on aws:rds/cluster, which
 * CloudFormation updates). So a "replaced" verdict here is what AWS's API forces; the provider's
 * exact plan needs the real `pulumi preview`.
 */

export interface CreateOnlyMapping {
    /** The @pulumi/aws input, dotted for a nested field (kubernetesNetworkConfig.ipFamily). */
    readonly aws: string;
    /** The aws-native property exactly as listed in its replaceOnChanges. */
    readonly native: string;
    /** The physical name: changing it is a new resource (AWS cannot rename it). */
    readonly identity?: boolean;
    /** Why the two names differ, where they do. */
    readonly note?: string;
}

export interface ReplacementEntry {
    readonly cloudFormationType: string;
    /** Module file under @pulumi/aws-native, without .js (rds/dbCluster). */
    readonly nativeModule: string;
    /** Deleting or replacing it loses data or an identity others hold (messages, images, key material, users). */
    readonly stateful: boolean;
    /** Why it is stateful (or what replacing it costs). */
    readonly why: string;
    readonly createOnly: readonly CreateOnlyMapping[];
}

const RDS_DB_INSTANCE_COMMON: readonly CreateOnlyMapping[] = [
    { aws: "identifier", native: "dbInstanceIdentifier", identity: true, note: "the provider calls the DB identifier `identifier`" },
    { aws: "dbSubnetGroupName", native: "dbSubnetGroupName" },
    { aws: "customIamInstanceProfile", native: "customIamInstanceProfile" },
];

/** The platform's stateful and identity-bearing types. A type missing here: "replacement not known offline". */
export const REPLACEMENT_DATA: Readonly<Record<string, ReplacementEntry>> = {
    "aws:rds/cluster:Cluster": {
        cloudFormationType: "AWS::RDS::DBCluster",
        nativeModule: "rds/dbCluster",
        stateful: true,
        why: "the database's storage",
        createOnly: [
            { aws: "clusterIdentifier", native: "dbClusterIdentifier", identity: true, note: "CloudFormation prefixes `db`" },
            { aws: "databaseName", native: "databaseName" },
            { aws: "dbSubnetGroupName", native: "dbSubnetGroupName" },
            { aws: "engineMode", native: "engineMode" },
            { aws: "kmsKeyId", native: "kmsKeyId" },
            { aws: "storageEncrypted", native: "storageEncrypted" },
            { aws: "snapshotIdentifier", native: "snapshotIdentifier" },
            { aws: "sourceRegion", native: "sourceRegion" },
            { aws: "dbSystemId", native: "dbSystemId" },
            { aws: "clusterScalabilityType", native: "clusterScalabilityType" },
            { aws: "restoreToPointInTime", native: "restoreType", note: "the provider nests CloudFormation's RestoreType, SourceDBClusterIdentifier, RestoreToTime and UseLatestRestorableTime in one block" },
        ],
    },
    "aws:rds/clusterInstance:ClusterInstance": {
        cloudFormationType: "AWS::RDS::DBInstance",
        nativeModule: "rds/dbInstance",
        stateful: false,
        why: "an Aurora instance holds no data of its own (the cluster's storage does), but its endpoint goes away while it is replaced",
        createOnly: [
            ...RDS_DB_INSTANCE_COMMON,
            { aws: "clusterIdentifier", native: "dbClusterIdentifier" },
        ],
    },
    "aws:rds/instance:Instance": {
        cloudFormationType: "AWS::RDS::DBInstance",
        nativeModule: "rds/dbInstance",
        stateful: true,
        why: "the database's storage",
        createOnly: [
            ...RDS_DB_INSTANCE_COMMON,
            { aws: "dbName", native: "dbName" },
            { aws: "kmsKeyId", native: "kmsKeyId" },
            { aws: "storageEncrypted", native: "storageEncrypted" },
            { aws: "characterSetName", native: "characterSetName" },
            { aws: "ncharCharacterSetName", native: "ncharCharacterSetName" },
            { aws: "timezone", native: "timezone" },
            { aws: "username", native: "masterUsername", note: "the provider calls the master user `username`" },
        ],
    },
    "aws:dynamodb/table:Table": {
        cloudFormationType: "AWS::DynamoDB::Table",
        nativeModule: "dynamodb/table",
        stateful: true,
        why: "the table's items",
        createOnly: [
            { aws: "name", native: "tableName", identity: true },
            { aws: "importTable", native: "importSourceSpecification" },
        ],
    },
    "aws:elasticache/replicationGroup:ReplicationGroup": {
        cloudFormationType: "AWS::ElastiCache::ReplicationGroup",
        nativeModule: "elasticache/replicationGroup",
        stateful: true,
        why: "the cache's data and its endpoint",
        createOnly: [
            { aws: "replicationGroupId", native: "replicationGroupId", identity: true },
            { aws: "atRestEncryptionEnabled", native: "atRestEncryptionEnabled" },
            { aws: "kmsKeyId", native: "kmsKeyId" },
            { aws: "subnetGroupName", native: "cacheSubnetGroupName", note: "CloudFormation says `cacheSubnetGroupName`" },
            { aws: "dataTieringEnabled", native: "dataTieringEnabled" },
            { aws: "globalReplicationGroupId", native: "globalReplicationGroupId" },
            { aws: "networkType", native: "networkType" },
            { aws: "port", native: "port" },
            { aws: "preferredCacheClusterAzs", native: "preferredCacheClusterAzs[*]" },
            { aws: "snapshotArns", native: "snapshotArns[*]" },
            { aws: "snapshotName", native: "snapshotName" },
        ],
    },
    "aws:efs/fileSystem:FileSystem": {
        cloudFormationType: "AWS::EFS::FileSystem",
        nativeModule: "efs/fileSystem",
        stateful: true,
        why: "the file system's files",
        createOnly: [
            { aws: "encrypted", native: "encrypted" },
            { aws: "kmsKeyId", native: "kmsKeyId" },
            { aws: "performanceMode", native: "performanceMode" },
            { aws: "availabilityZoneName", native: "availabilityZoneName" },
        ],
    },
    "aws:s3/bucket:Bucket": {
        cloudFormationType: "AWS::S3::Bucket",
        nativeModule: "s3/bucket",
        stateful: true,
        why: "the bucket's objects",
        createOnly: [
            { aws: "bucket", native: "bucketName", identity: true },
            { aws: "bucketPrefix", native: "bucketNamePrefix" },
        ],
    },
    "aws:kms/key:Key": {
        cloudFormationType: "AWS::KMS::Key",
        nativeModule: "kms/key",
        stateful: true,
        why: "the key material: whatever it encrypted cannot be read once it is deleted",
        // CloudFormation's schema lists no create-only property for a key.
        createOnly: [],
    },
    "aws:kms/alias:Alias": {
        cloudFormationType: "AWS::KMS::Alias",
        nativeModule: "kms/alias",
        stateful: false,
        why: "callers that name the key by alias",
        createOnly: [{ aws: "name", native: "aliasName", identity: true }],
    },
    "aws:backup/vault:Vault": {
        cloudFormationType: "AWS::Backup::BackupVault",
        nativeModule: "backup/backupVault",
        stateful: true,
        why: "the recovery points (a vault with recovery points cannot be deleted)",
        createOnly: [
            { aws: "name", native: "backupVaultName", identity: true },
            { aws: "kmsKeyArn", native: "encryptionKeyArn", note: "CloudFormation says `encryptionKeyArn`" },
        ],
    },
    "aws:secretsmanager/secret:Secret": {
        cloudFormationType: "AWS::SecretsManager::Secret",
        nativeModule: "secretsmanager/secret",
        stateful: true,
        why: "the secret's value and every caller that names it",
        createOnly: [{ aws: "name", native: "name", identity: true }],
    },
    "aws:cloudwatch/logGroup:LogGroup": {
        cloudFormationType: "AWS::Logs::LogGroup",
        nativeModule: "logs/logGroup",
        stateful: true,
        why: "the log events (audit evidence)",
        createOnly: [{ aws: "name", native: "logGroupName", identity: true }],
    },
    "aws:eks/cluster:Cluster": {
        cloudFormationType: "AWS::EKS::Cluster",
        nativeModule: "eks/cluster",
        stateful: true,
        why: "the Kubernetes control plane and everything stored in it",
        createOnly: [
            { aws: "name", native: "name", identity: true },
            { aws: "roleArn", native: "roleArn" },
            { aws: "encryptionConfig", native: "encryptionConfig[*]" },
            { aws: "kubernetesNetworkConfig.ipFamily", native: "kubernetesNetworkConfig.ipFamily" },
            { aws: "kubernetesNetworkConfig.serviceIpv4Cidr", native: "kubernetesNetworkConfig.serviceIpv4Cidr" },
            { aws: "accessConfig.bootstrapClusterCreatorAdminPermissions", native: "accessConfig.bootstrapClusterCreatorAdminPermissions" },
            { aws: "bootstrapSelfManagedAddons", native: "bootstrapSelfManagedAddons" },
            { aws: "outpostConfig", native: "outpostConfig" },
        ],
    },
    "aws:eks/nodeGroup:NodeGroup": {
        cloudFormationType: "AWS::EKS::Nodegroup",
        nativeModule: "eks/nodegroup",
        stateful: false,
        why: "its nodes are drained and recreated (pods rescheduled)",
        createOnly: [
            { aws: "nodeGroupName", native: "nodegroupName", identity: true },
            { aws: "clusterName", native: "clusterName" },
            { aws: "amiType", native: "amiType" },
            { aws: "capacityType", native: "capacityType" },
            { aws: "diskSize", native: "diskSize" },
            { aws: "instanceTypes", native: "instanceTypes[*]" },
            { aws: "nodeRoleArn", native: "nodeRole", note: "CloudFormation says `nodeRole`" },
            { aws: "remoteAccess", native: "remoteAccess" },
            { aws: "subnetIds", native: "subnets[*]", note: "CloudFormation says `subnets`" },
        ],
    },
    "aws:ecr/repository:Repository": {
        cloudFormationType: "AWS::ECR::Repository",
        nativeModule: "ecr/repository",
        stateful: true,
        why: "the images",
        createOnly: [
            { aws: "name", native: "repositoryName", identity: true },
            { aws: "encryptionConfigurations", native: "encryptionConfiguration", note: "the provider's list of one block" },
        ],
    },
    "aws:sqs/queue:Queue": {
        cloudFormationType: "AWS::SQS::Queue",
        nativeModule: "sqs/queue",
        stateful: true,
        why: "the messages in flight",
        createOnly: [
            { aws: "name", native: "queueName", identity: true },
            { aws: "fifoQueue", native: "fifoQueue" },
        ],
    },
    "aws:sns/topic:Topic": {
        cloudFormationType: "AWS::SNS::Topic",
        nativeModule: "sns/topic",
        stateful: true,
        why: "its subscriptions (e-mail subscribers must confirm again)",
        createOnly: [
            { aws: "name", native: "topicName", identity: true },
            { aws: "fifoTopic", native: "fifoTopic" },
        ],
    },
    "aws:cognito/userPool:UserPool": {
        cloudFormationType: "AWS::Cognito::UserPool",
        nativeModule: "cognito/userPool",
        stateful: true,
        why: "the users and their passwords",
        // aws-native 1.79.0 lists no create-only property for a user pool.
        createOnly: [],
    },
    "aws:iam/role:Role": {
        cloudFormationType: "AWS::IAM::Role",
        nativeModule: "iam/role",
        stateful: false,
        why: "trust relationships that name its ARN (a new role has a new unique id)",
        createOnly: [
            { aws: "name", native: "roleName", identity: true },
            { aws: "path", native: "path" },
        ],
    },
    "aws:lambda/function:Function": {
        cloudFormationType: "AWS::Lambda::Function",
        nativeModule: "lambda/function",
        stateful: false,
        why: "callers and event sources that name it",
        createOnly: [
            { aws: "name", native: "functionName", identity: true },
            { aws: "packageType", native: "packageType" },
        ],
    },
    "aws:ec2/securityGroup:SecurityGroup": {
        cloudFormationType: "AWS::EC2::SecurityGroup",
        nativeModule: "ec2/securityGroup",
        stateful: false,
        why: "every rule and network interface that references its id",
        createOnly: [
            { aws: "name", native: "groupName", identity: true },
            { aws: "description", native: "groupDescription", note: "CloudFormation says `groupDescription`" },
            { aws: "vpcId", native: "vpcId" },
        ],
    },
    "aws:ec2/vpc:Vpc": {
        cloudFormationType: "AWS::EC2::VPC",
        nativeModule: "ec2/vpc",
        stateful: false,
        why: "everything placed in it",
        createOnly: [
            { aws: "cidrBlock", native: "cidrBlock" },
            { aws: "ipv4IpamPoolId", native: "ipv4IpamPoolId" },
            { aws: "ipv4NetmaskLength", native: "ipv4NetmaskLength" },
        ],
    },
    "aws:ec2/subnet:Subnet": {
        cloudFormationType: "AWS::EC2::Subnet",
        nativeModule: "ec2/subnet",
        stateful: false,
        why: "every network interface placed in it",
        createOnly: [
            { aws: "vpcId", native: "vpcId" },
            { aws: "cidrBlock", native: "cidrBlock" },
            { aws: "availabilityZone", native: "availabilityZone" },
            { aws: "availabilityZoneId", native: "availabilityZoneId" },
            { aws: "ipv6Native", native: "ipv6Native" },
            { aws: "outpostArn", native: "outpostArn" },
        ],
    },
    "aws:rds/subnetGroup:SubnetGroup": {
        cloudFormationType: "AWS::RDS::DBSubnetGroup",
        nativeModule: "rds/dbSubnetGroup",
        stateful: false,
        why: "the databases placed in it",
        createOnly: [{ aws: "name", native: "dbSubnetGroupName", identity: true }],
    },
};

export function replacementEntry(type: string): ReplacementEntry | undefined {
    return REPLACEMENT_DATA[type];
}
