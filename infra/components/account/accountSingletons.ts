/**
 * Everything AWS allows only once per account (or once per account and Region), and what
 * deleting it does. The one table the account baseline, its protection and its tests are derived
 * from: a resource of one of these types (matching `isSingleton`) may be declared only inside
 * platform:account:AccountBaseline, and only by the stack that owns the account baseline
 * (tests/account/singletons.test.ts walks both stacks for this). Types the program does not use
 * yet are listed too, so the first one someone adds elsewhere fails that test.
 *
 * Deletion behaviour is from the provider's resource docs (the "NOTE" of each registry page,
 * mirrored in node_modules/@pulumi/aws/<module>/<resource>.d.ts) and the AWS API references cited.
 */
export type SingletonScope = "account" | "region";

export interface AccountSingleton {
    readonly type: string;
    /** account: one per account (IAM, S3 account settings, Cost Explorer); region: one per account and Region. */
    readonly scope: SingletonScope;
    /** Why it is a singleton: AWS's own statement. */
    readonly source: string;
    /** What `pulumi destroy` (or removing it from the program) does in AWS. */
    readonly onDelete: string;
    /**
     * retainOnDelete in the owner's stack: true where deleting would weaken the account for every
     * other stack; false where deleting is the safe outcome (see DefaultKmsKey).
     */
    readonly retainOnDelete: boolean;
    /** When only some resources of the type are singletons (one OIDC provider per URL). Default: all. */
    readonly isSingleton?: (inputs: Readonly<Record<string, unknown>>) => boolean;
    /** False for types listed only so that a future declaration outside the baseline fails. */
    readonly declaredByBaseline: boolean;
}

/** The issuer of GitHub Actions' OIDC tokens: one IAM OIDC provider for it per account. */
export const GITHUB_OIDC_URL = "https://token.actions.githubusercontent.com";

export const ACCOUNT_SINGLETONS: readonly AccountSingleton[] = [
    {
        type: "aws:guardduty/detector:Detector", scope: "region", declaredByBaseline: true, retainOnDelete: true,
        source: "GuardDuty CreateDetector: \"You can have only one detector per account per Region\" (https://docs.aws.amazon.com/guardduty/latest/APIReference/API_CreateDetector.html)",
        onDelete: "disables GuardDuty in the Region and removes all existing findings (provider note; enable: false would only suspend)",
    },
    {
        type: "aws:guardduty/detectorFeature:DetectorFeature", scope: "region", declaredByBaseline: true, retainOnDelete: true,
        source: "one per detector and feature name (GuardDuty UpdateDetector features)",
        onDelete: "nothing in AWS: \"Deleting this resource does not disable the detector feature, the resource is simply removed from state\" (provider note)",
    },
    {
        type: "aws:securityhub/account:Account", scope: "region", declaredByBaseline: true, retainOnDelete: true,
        source: "Security Hub EnableSecurityHub enables the service once for the account in the Region (https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_EnableSecurityHub.html)",
        onDelete: "\"Destroying this resource will disable Security Hub for this AWS account\" (provider note): findings and control history are lost",
    },
    {
        type: "aws:securityhub/standardsSubscription:StandardsSubscription", scope: "region", declaredByBaseline: true, retainOnDelete: true,
        source: "one subscription per standard per account and Region (BatchEnableStandards)",
        onDelete: "disables the standard (BatchDisableStandards) and its controls' findings",
    },
    {
        type: "aws:cfg/recorder:Recorder", scope: "region", declaredByBaseline: true, retainOnDelete: true,
        source: "AWS Config PutConfigurationRecorder: one customer managed configuration recorder per Region per account (https://docs.aws.amazon.com/config/latest/APIReference/API_PutConfigurationRecorder.html)",
        onDelete: "deletes the recorder: configuration history stops for every stack of the account",
    },
    {
        type: "aws:cfg/deliveryChannel:DeliveryChannel", scope: "region", declaredByBaseline: true, retainOnDelete: true,
        source: "AWS Config PutDeliveryChannel: \"You can have only one delivery channel per region in your account\" (https://docs.aws.amazon.com/config/latest/APIReference/API_PutDeliveryChannel.html)",
        onDelete: "deletes the channel: snapshots and history files are no longer delivered",
    },
    {
        type: "aws:cfg/recorderStatus:RecorderStatus", scope: "region", declaredByBaseline: true, retainOnDelete: true,
        source: "the status of the one configuration recorder",
        onDelete: "stops recording",
    },
    {
        type: "aws:cfg/retentionConfiguration:RetentionConfiguration", scope: "region", declaredByBaseline: false, retainOnDelete: true,
        source: "AWS Config PutRetentionConfiguration: one retention configuration per Region (https://docs.aws.amazon.com/config/latest/APIReference/API_PutRetentionConfiguration.html)",
        onDelete: "resets retention to the default seven years",
    },
    {
        type: "aws:iam/serviceLinkedRole:ServiceLinkedRole", scope: "account", declaredByBaseline: true, retainOnDelete: true,
        source: "IAM: one service-linked role per service (AWSServiceRoleFor<Service>) per account, in every Region (https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html)",
        onDelete: "deletes the role every Region's recorder of the account runs as (IAM refuses while a recorder still uses it)",
    },
    {
        type: "aws:accessanalyzer/analyzer:Analyzer", scope: "region", declaredByBaseline: true, retainOnDelete: true,
        source: "IAM Access Analyzer quotas: one account-level external-access analyzer per Region (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-service-quotas.html)",
        onDelete: "deletes the analyzer with its findings and archive rules",
    },
    {
        type: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", scope: "account", declaredByBaseline: true, retainOnDelete: true,
        source: "\"Each AWS account may only have one S3 Public Access Block configuration\" (provider note)",
        onDelete: "removes the account-wide block (DeletePublicAccessBlock): buckets of every stack may become public again",
    },
    {
        type: "aws:ebs/encryptionByDefault:EncryptionByDefault", scope: "region", declaredByBaseline: true, retainOnDelete: true,
        source: "an account setting per Region (EnableEbsEncryptionByDefault, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_EnableEbsEncryptionByDefault.html)",
        onDelete: "\"Removing this resource disables default EBS encryption\" (provider note): new volumes of every stack are created unencrypted",
    },
    {
        type: "aws:ebs/defaultKmsKey:DefaultKmsKey", scope: "region", declaredByBaseline: true, retainOnDelete: false,
        source: "an account setting per Region (ModifyEbsDefaultKmsKeyId, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyEbsDefaultKmsKeyId.html)",
        // Not retained on purpose: it points at the owner's data key. Left behind after the owner is
        // destroyed it would keep naming a key pending deletion, and every EBS volume created by
        // default encryption would fail; deleting resets to aws/ebs, which keeps volumes encrypted.
        onDelete: "\"Destroying this resource will reset the default CMK to the account's AWS-managed default CMK for EBS\" (provider note; ResetEbsDefaultKmsKeyId, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ResetEbsDefaultKmsKeyId.html)",
    },
    {
        type: "aws:costexplorer/anomalyMonitor:AnomalyMonitor", scope: "account", declaredByBaseline: true, retainOnDelete: true,
        isSingleton: (inputs) => inputs.monitorType === "DIMENSIONAL",
        source: "Cost Anomaly Detection FAQ: \"up to one AWS Service Monitor and 500 custom monitors\" per account (https://aws.amazon.com/aws-cost-management/aws-cost-anomaly-detection/faqs/); custom monitors on tags or accounts exist only in the management account",
        onDelete: "deletes the monitor and its anomaly history; subscriptions naming it stop alerting",
    },
    {
        type: "aws:iam/openIdConnectProvider:OpenIdConnectProvider", scope: "account", declaredByBaseline: true, retainOnDelete: true,
        isSingleton: (inputs) => inputs.url === GITHUB_OIDC_URL,
        source: "IAM CreateOpenIDConnectProvider: one provider per issuer URL per account, a second fails with EntityAlreadyExists (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateOpenIDConnectProvider.html)",
        onDelete: "deletes the provider: every GitHub Actions role of every stack in the account can no longer be assumed",
    },
    {
        // Not retained: it writes into the owner's audit bucket and log group, which follow
        // platform:protection; a trail left behind without them would record nothing. Protection
        // (always on in the owner) makes its removal a deliberate `pulumi state unprotect`.
        type: "aws:cloudtrail/trail:Trail", scope: "account", declaredByBaseline: true, retainOnDelete: false,
        source: "not an AWS limit (five trails per Region): by design one multi-Region trail per account, the owner's. A second trail records the same management events again, billed as an additional copy (https://aws.amazon.com/cloudtrail/pricing/); an organisation trail already covers member accounts",
        onDelete: "stops the account's audit log",
    },
    // Not declared by this program: account-level settings that would belong to the baseline too.
    ...[
        ["aws:apigateway/account:Account", "region", "API Gateway's account settings (the CloudWatch role of REST API logging)"],
        ["aws:cloudwatch/logAccountPolicy:LogAccountPolicy", "region", "CloudWatch Logs account-level data protection and subscription filter policies"],
        ["aws:macie2/account:Account", "region", "Macie is enabled once per account and Region"],
        ["aws:inspector2/enabler:Enabler", "region", "Inspector scanning is enabled per account and Region"],
        ["aws:detective/graph:Graph", "region", "one behaviour graph per administrator account and Region"],
        ["aws:securityhub/accountV2:AccountV2", "region", "the Security Hub (v2) subscription"],
        ["aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration", "region", "one scanning configuration per registry (account and Region)"],
        ["aws:ecr/registryPolicy:RegistryPolicy", "region", "one registry policy per account and Region"],
        ["aws:ecr/replicationConfiguration:ReplicationConfiguration", "region", "one replication configuration per registry"],
        ["aws:iam/accountPasswordPolicy:AccountPasswordPolicy", "account", "the account's IAM password policy"],
        ["aws:iam/accountAlias:AccountAlias", "account", "one alias per account"],
        ["aws:ec2/serialConsoleAccess:SerialConsoleAccess", "region", "EC2 serial console access, an account setting"],
        ["aws:ec2/imageBlockPublicAccess:ImageBlockPublicAccess", "region", "AMI block public access, an account setting"],
        ["aws:ec2/instanceMetadataDefaults:InstanceMetadataDefaults", "region", "account-level IMDS defaults"],
        ["aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess", "region", "EBS snapshot block public access, an account setting"],
        ["aws:emr/blockPublicAccessConfiguration:BlockPublicAccessConfiguration", "region", "EMR block public access, an account setting"],
        ["aws:shield/subscription:Subscription", "account", "the Shield Advanced subscription"],
        ["aws:backup/regionSettings:RegionSettings", "region", "AWS Backup's opt-in settings per Region"],
        ["aws:backup/globalSettings:GlobalSettings", "account", "AWS Backup's global settings"],
        ["aws:ssm/serviceSetting:ServiceSetting", "region", "Systems Manager service settings"],
        ["aws:xray/encryptionConfig:EncryptionConfig", "region", "X-Ray's encryption configuration"],
        ["aws:sns/smsPreferences:SmsPreferences", "region", "SNS SMS preferences, one set per account and Region"],
        ["aws:account/alternativeContact:AlternativeContact", "account", "the account's alternate contacts"],
        ["aws:account/primaryContact:PrimaryContact", "account", "the account's primary contact"],
    ].map(([type, scope, source]: string[]): AccountSingleton => ({
        type, scope: scope as SingletonScope, source, declaredByBaseline: false, retainOnDelete: true,
        onDelete: "resets an account setting for every stack of the account",
    })),
];

/** The singleton row of a type, if the type is one. */
export function singletonOf(type: string): AccountSingleton | undefined {
    return ACCOUNT_SINGLETONS.find((row: AccountSingleton) => row.type === type);
}

/** True when a resource of `type` with these inputs is an account singleton. */
export function isAccountSingleton(type: string, inputs: Readonly<Record<string, unknown>>): boolean {
    const row: AccountSingleton | undefined = singletonOf(type);
    return row !== undefined && (row.isSingleton?.(inputs) ?? true);
}
