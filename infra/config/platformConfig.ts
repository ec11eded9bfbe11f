import { ComputeConfig } from "./computeConfig";
import { DataConfig } from "./dataConfig";
import { EdgeConfig } from "./edgeConfig";
import { OperationsConfig } from "./operationsConfig";
import { IntegrationConfig } from "./integrationConfig";
import { DeliveryConfig } from "./deliveryConfig";
import { AccountConfig } from "./accountConfig";
import { PlannedSubnet, SubnetTier, TierSizing } from "./subnetPlan";

/**
 * The validated configuration object every component receives. Built once by
 * loadPlatformConfig() from stack configuration; components never read pulumi.Config themselves.
 */
export type Environment = "dev" | "staging" | "prod";
export type DataClassification = "public" | "internal" | "confidential" | "restricted";
export type NatStrategy = "none" | "single" | "onePerAz";

export interface TagsConfig {
    readonly owner: string;
    readonly costCenter: string;
    readonly dataClassification: DataClassification;
    /** Defaults to the Pulumi project name. */
    readonly project?: string;
    /** Extra organisation tags; they may not override the required keys. */
    readonly additional: Readonly<Record<string, string>>;
}

export interface ProtectionConfig {
    /** Pulumi `protect` on stateful resources: `pulumi destroy` refuses until it is lifted. */
    readonly protectStatefulResources: boolean;
    /** AWS-side deletion protection (RDS, DynamoDB, EKS, load balancers). */
    readonly deletionProtection: boolean;
    /** Final snapshots for databases and caches on deletion. */
    readonly finalSnapshots: boolean;
    /** Pulumi `retainOnDelete` for KMS keys and log buckets: removed from state, kept in AWS. */
    readonly retainOnDelete: boolean;
}

export interface TransitGatewayConfig {
    readonly enabled: boolean;
    readonly transitGatewayId?: string;
    readonly destinationCidrs: readonly string[];
}

export interface FlowLogsConfig {
    readonly retentionInDays: number;
}

export interface NetworkConfig {
    readonly vpcCidr: string;
    /** Zone ids such as use1-az1 (2 to 6, required; names are shuffled per account). */
    readonly availabilityZoneIds?: readonly string[];
    readonly subnetSizing: Readonly<Record<SubnetTier, TierSizing>>;
    readonly natStrategy: NatStrategy;
    readonly interfaceEndpoints: readonly string[];
    readonly flowLogs: FlowLogsConfig;
    readonly transitGateway: TransitGatewayConfig;
}

export interface KmsConfig {
    readonly deletionWindowInDays: number;
}

export interface CloudTrailLifecycleConfig {
    readonly transitionToInfrequentAccessDays: number;
    readonly transitionToGlacierDays: number;
    readonly expirationDays: number;
}

export interface CloudTrailConfig {
    /** Derived: true only in the baseline owner's stack (the account trail is the owner's). */
    readonly enabled: boolean;
    readonly cloudWatchLogsRetentionInDays: number;
    readonly bucketLifecycle: CloudTrailLifecycleConfig;
}

export interface GuardDutyFeaturesConfig {
    readonly s3DataEvents: boolean;
    readonly eksAuditLogs: boolean;
    readonly runtimeMonitoring: boolean;
    readonly rdsLoginEvents: boolean;
    readonly malwareProtection: boolean;
}

export interface GuardDutyConfig {
    readonly features: GuardDutyFeaturesConfig;
}

export interface SecurityHubConfig {
    readonly standards: readonly SecurityHubStandard[];
}

export type SecurityHubStandard = "aws-foundational-security-best-practices" | "cis-aws-foundations-benchmark";

/** AWS Config: recorded by the baseline owner only (one recorder and delivery channel per account and Region). */
export interface AwsConfigConfig {
    /** Derived: true only in the baseline owner's stack. */
    readonly enabled: boolean;
    /** The Region whose recorder records global resource types (IAM), so they are recorded once per account. */
    readonly globalResourcesRegion: string;
}

export interface SecurityConfig {
    readonly kms: KmsConfig;
    readonly cloudTrail: CloudTrailConfig;
    readonly guardDuty: GuardDutyConfig;
    readonly securityHub: SecurityHubConfig;
    readonly config: AwsConfigConfig;
}

/** Everything the components need, validated and with derived values resolved. */
export interface PlatformConfig {
    readonly project: string;
    readonly stack: string;
    readonly region: string;
    readonly environment: Environment;
    readonly isProduction: boolean;
    /** The account the stack may deploy to and its role for the account-wide resources. */
    readonly account: AccountConfig;
    readonly tags: TagsConfig;
    /** The six required tags, ready for provider defaultTags. */
    readonly requiredTags: Readonly<Record<string, string>>;
    readonly protection: ProtectionConfig;
    readonly network: NetworkConfig;
    /** The configured zone ids, in config order. */
    readonly availabilityZoneIds: readonly string[];
    readonly subnetPlan: readonly PlannedSubnet[];
    readonly security: SecurityConfig;
    readonly compute: ComputeConfig;
    readonly data: DataConfig;
    readonly edge: EdgeConfig;
    readonly operations: OperationsConfig;
    readonly integration: IntegrationConfig;
    readonly delivery: DeliveryConfig;
}
