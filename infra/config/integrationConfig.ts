/**
 * The validated `platform:integration` slice: the event bus, queues, topics, the HTTP API with its
 * Cognito user pool, functions and state machines. Built by infra/config/integrationSchema.ts; the
 * integration component receives exactly this object. Every list is empty and every switch off by
 * default: what a stack does not configure creates nothing.
 */
export type LambdaArchitecture = "arm64" | "x86_64";
export type EventTargetKind = "queue" | "function" | "stateMachine";
export type SubscriptionProtocol = "sqs" | "https" | "email";
export type MfaMode = "ON" | "OPTIONAL";
export type UserPoolFeaturePlan = "ESSENTIALS" | "PLUS";
export type ThreatProtectionMode = "ENFORCED" | "AUDIT" | "OFF";
export type StateMachineType = "STANDARD" | "EXPRESS";

export interface QueueConfig {
    /** Physical name <project>-<stack>-<name>; a FIFO queue's name ends in .fifo. */
    readonly name: string;
    readonly fifo: boolean;
    readonly contentBasedDeduplication: boolean;
    /** At least the timeout of every consuming function (checked). */
    readonly visibilityTimeoutSeconds: number;
    readonly messageRetentionSeconds: number;
    /** Receives before a message moves to the queue's dead-letter queue (1 to 1000). */
    readonly maxReceiveCount: number;
    /** Functions fed by this queue (an event source mapping each). */
    readonly consumers: readonly string[];
    /** Functions of this layer that may send to the queue. */
    readonly producerFunctions: readonly string[];
    /** IAM roles (of this account or partners) that may send to the queue. */
    readonly producerRoleArns: readonly string[];
}

export interface SubscriptionConfig {
    readonly name: string;
    readonly protocol: SubscriptionProtocol;
    /** protocol sqs: the queue of this layer to deliver to. */
    readonly queue?: string;
    /** protocol https: an https:// URL; protocol email: an e-mail address. */
    readonly endpoint?: string;
    readonly rawMessageDelivery: boolean;
    /** SNS filter policy (message attributes). */
    readonly filterPolicy?: Readonly<Record<string, unknown>>;
}

export interface TopicConfig {
    readonly name: string;
    readonly subscriptions: readonly SubscriptionConfig[];
    /** Functions of this layer that may publish. */
    readonly publisherFunctions: readonly string[];
    readonly publisherRoleArns: readonly string[];
}

export interface EventTargetConfig {
    readonly kind: EventTargetKind;
    /** Name of the queue, function or state machine of this layer. */
    readonly name: string;
    readonly maximumRetryAttempts: number;
    readonly maximumEventAgeSeconds: number;
}

export interface EventRuleConfig {
    readonly name: string;
    readonly description?: string;
    /** Matched on the custom bus. Exactly one of eventPattern and scheduleExpression. */
    readonly eventPattern?: Readonly<Record<string, unknown>>;
    /** rate(...) or cron(...); scheduled rules can only live on the default bus, so they are created there. */
    readonly scheduleExpression?: string;
    readonly targets: readonly EventTargetConfig[];
}

export interface EventBusConfig {
    readonly enabled: boolean;
    readonly archiveRetentionDays: number;
    readonly rules: readonly EventRuleConfig[];
}

export interface IdentityStatementConfig {
    readonly actions: readonly string[];
    readonly resources: readonly string[];
}

export interface S3CodeConfig {
    readonly s3Bucket: string;
    readonly s3Key: string;
    readonly s3ObjectVersion?: string;
}

export interface ImageCodeConfig {
    /** <account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<digest> or :<tag>. */
    readonly imageUri: string;
}

/**
 * An image function whose image is not pushed yet: the repository (a name of
 * platform:delivery.ecr.repositories) exists after this stack's first `pulumi up`, but Lambda's
 * CreateFunction needs an image in it. Until code.imageUri names the pushed image, the function and
 * its queue/topic wiring are not created (imageFunctions.ts); the repository policy already admits it.
 */
export interface PendingImageCodeConfig {
    readonly imageRepository: string;
}

export type FunctionCodeConfig = S3CodeConfig | ImageCodeConfig | PendingImageCodeConfig;

export interface FunctionConfig {
    readonly name: string;
    /** Zip functions only (container images carry their runtime). */
    readonly runtime?: string;
    readonly handler?: string;
    readonly code: FunctionCodeConfig;
    readonly architecture: LambdaArchitecture;
    readonly memoryMb: number;
    readonly timeoutSeconds: number;
    /** Undefined: no reservation (the default; see lambdaConcurrency.ts for what a reservation needs). */
    readonly reservedConcurrency?: number;
    /** Plain settings only: secrets belong in Secrets Manager (names that look like secrets are rejected). */
    readonly environment: Readonly<Record<string, string>>;
    /** In the private subnets behind the function security group (the data tier trusts it). */
    readonly reachesDataTier: boolean;
    /** The only permissions beyond logs/X-Ray/VPC/DLQ and what the layer wires (queues it consumes). */
    readonly statements: readonly IdentityStatementConfig[];
    readonly logRetentionInDays?: number;
}

export interface StateMachineConfig {
    readonly name: string;
    readonly type: StateMachineType;
    /**
     * Amazon States Language; ${function:<name>}, ${queueUrl:<name>} and ${topic:<name>} are replaced
     * with this layer's ARNs/URLs, and the role may call exactly those.
     */
    readonly definition: Readonly<Record<string, unknown>>;
    readonly logRetentionInDays?: number;
}

export interface UserPoolConfig {
    readonly mfa: MfaMode;
    readonly featurePlan: UserPoolFeaturePlan;
    /** Needs featurePlan PLUS; ENFORCED in prod. */
    readonly threatProtection: ThreatProtectionMode;
    readonly passwordMinimumLength: number;
    readonly accessTokenValidityMinutes: number;
    readonly refreshTokenValidityDays: number;
}

export type RouteTarget = { readonly function: string } | { readonly privateIntegration: true };

export interface RouteConfig {
    /** "GET /orders/{id}" style route key. */
    readonly routeKey: string;
    readonly target: RouteTarget;
    readonly authorizationScopes: readonly string[];
}

export interface VpcLinkConfig {
    /** Listener of the internal load balancer the private integration sends to. */
    readonly listenerArn?: string;
    readonly port: number;
}

export interface ApiConfig {
    readonly enabled: boolean;
    readonly throttling: { readonly burstLimit: number; readonly rateLimit: number };
    readonly accessLogRetentionInDays?: number;
    readonly corsAllowOrigins: readonly string[];
    readonly userPool: UserPoolConfig;
    readonly vpcLink: VpcLinkConfig;
    readonly routes: readonly RouteConfig[];
}

export interface IntegrationConfig {
    /** Default retention of the layer's log groups (functions, state machines, API access logs). */
    readonly logRetentionInDays: number;
    /** The account's Lambda concurrency quota in the region, when configured (reservations are checked against it). */
    readonly accountConcurrencyQuota?: number;
    readonly eventBus: EventBusConfig;
    readonly queues: readonly QueueConfig[];
    readonly topics: readonly TopicConfig[];
    readonly functions: readonly FunctionConfig[];
    readonly stateMachines: readonly StateMachineConfig[];
    readonly api: ApiConfig;
}

/** Is anything of the layer switched on? (Nothing, not even its key, is created otherwise.) */
export function integrationInUse(config: IntegrationConfig): boolean {
    return config.eventBus.enabled || config.api.enabled || config.queues.length > 0 || config.topics.length > 0
        || config.functions.length > 0 || config.stateMachines.length > 0;
}

export function isS3Code(code: FunctionCodeConfig): code is S3CodeConfig {
    return "s3Bucket" in code;
}

/** An image function waiting for its first image (created once code.imageUri is set). */
export function isPendingImage(code: FunctionCodeConfig): code is PendingImageCodeConfig {
    return "imageRepository" in code;
}
