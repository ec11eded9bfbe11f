import { PolicyDocument, PolicyStatement, policyDocument } from "../security/policyDocument";

/**
 * Pure builders for what the GitHub Actions roles may do. The deploy role runs `pulumi up` for
 * this program, which creates, changes and deletes resources of ~20 services; listing every
 * action by name would exceed IAM's 6,144-character managed-policy limit several times over, so
 * each service gets the CRUD verb families it needs (Create*, Delete*, ...) — never "<service>:*" —
 * on the ARNs of this account and Region only. Where it has to be broad, and why:
 * - IAM: the program creates roles and policies with generated names (Pulumi auto-naming) and
 *   passes them to EKS, EC2, Lambda, Step Functions, EventBridge and CloudTrail, so iam:CreateRole,
 *   iam:PutRolePolicy and iam:PassRole are granted on role/* of this account. This makes the deploy
 *   role as powerful as an account administrator in practice; the trust policy (one repository,
 *   one GitHub environment with required reviewers in prod) is what keeps it safe.
 * - Resource "*": only for actions without resource-level permissions (kms:CreateKey, the EBS
 *   default-encryption and account public-access-block settings, CloudWatch Logs vended delivery,
 *   lambda:CreateEventSourceMapping, cognito-idp:CreateUserPool, Describe/List calls), or
 *   with an aws:RequestTag/ManagedBy condition where the service supports tags on create.
 * The preview role gets only Describe*, Get* and List* on the same ARNs, plus what the DIY backend
 * needs to read state and take a lock.
 */
export interface DeployScope {
    readonly accountId: string;
    readonly partition: string;
    readonly region: string;
    /** <project>-<stack>: buckets and repositories the program names carry it. */
    readonly prefix: string;
    readonly stateBucket: string;
    readonly secretsProviderKeyArn?: string;
}

const READ: readonly string[] = ["Describe*", "Get*", "List*"];
const WRITE: readonly string[] = ["Create*", "Delete*", "Update*", "Put*", "Tag*", "Untag*"];

interface ServiceGrant {
    readonly sid: string;
    readonly service: string;
    /** Verb families beyond READ/WRITE that the service's API needs. */
    readonly extraWrite: readonly string[];
    /** Replaces the verb families for APIs without them (API Gateway authorises HTTP verbs). */
    readonly verbs?: { readonly read: readonly string[]; readonly write: readonly string[] };
    readonly resources: (scope: DeployScope) => string[];
}

const regional = (service: string) => (s: DeployScope): string[] => [`arn:${s.partition}:${service}:${s.region}:${s.accountId}:*`];

/** Groups become separate managed policies (one role carries at most 10; each stays under 6,144 characters). */
export const DEPLOY_GROUPS: Readonly<Record<string, readonly ServiceGrant[]>> = {
    network: [
        {
            sid: "Ec2", service: "ec2", resources: regional("ec2"),
            extraWrite: ["Modify*", "Associate*", "Disassociate*", "Attach*", "Detach*", "Allocate*", "Release*", "Authorize*", "Revoke*", "Replace*", "Enable*", "Disable*", "Accept*", "Reject*", "RunInstances", "TerminateInstances"],
        },
    ],
    compute: [
        { sid: "Eks", service: "eks", resources: regional("eks"), extraWrite: ["Associate*", "Disassociate*"] },
    ],
    identity: [
        {
            sid: "Iam", service: "iam", extraWrite: ["Attach*", "Detach*", "Add*", "Remove*", "PassRole", "SetDefaultPolicyVersion"],
            resources: (s) => ["role/*", "policy/*", "oidc-provider/*", "instance-profile/*"].map((r) => `arn:${s.partition}:iam::${s.accountId}:${r}`),
        },
    ],
    security: [
        { sid: "Kms", service: "kms", resources: regional("kms"), extraWrite: ["EnableKeyRotation", "DisableKeyRotation", "ScheduleKeyDeletion", "CancelKeyDeletion", "EnableKey"] },
        { sid: "Logs", service: "logs", resources: regional("logs"), extraWrite: ["AssociateKmsKey", "DisassociateKmsKey"] },
        { sid: "CloudTrail", service: "cloudtrail", resources: regional("cloudtrail"), extraWrite: ["AddTags", "RemoveTags", "StartLogging", "StopLogging"] },
        { sid: "GuardDuty", service: "guardduty", resources: regional("guardduty"), extraWrite: [] },
        { sid: "SecurityHub", service: "securityhub", resources: regional("securityhub"), extraWrite: ["Enable*", "Disable*", "BatchEnable*", "BatchDisable*"] },
        { sid: "AccessAnalyzer", service: "access-analyzer", resources: regional("access-analyzer"), extraWrite: [] },
        {
            // Buckets the program names carry the stack prefix; the CloudTrail bucket is auto-named from its logical name ("cloudtrail-<suffix>").
            sid: "PlatformBuckets", service: "s3", extraWrite: [],
            resources: (s) => [`arn:${s.partition}:s3:::${s.prefix}-*`, `arn:${s.partition}:s3:::cloudtrail-*`],
        },
    ],
    integration: [
        { sid: "Sqs", service: "sqs", resources: regional("sqs"), extraWrite: ["Set*", "AddPermission", "RemovePermission"] },
        { sid: "Sns", service: "sns", resources: regional("sns"), extraWrite: ["Set*", "Subscribe", "Unsubscribe", "ConfirmSubscription"] },
        { sid: "Events", service: "events", resources: regional("events"), extraWrite: ["RemoveTargets", "EnableRule", "DisableRule", "RemovePermission"] },
        { sid: "Lambda", service: "lambda", resources: regional("lambda"), extraWrite: ["AddPermission", "RemovePermission", "PublishVersion"] },
        { sid: "StepFunctions", service: "states", resources: regional("states"), extraWrite: [] },
        {
            sid: "ApiGateway", service: "apigateway", extraWrite: [],
            verbs: { read: ["GET"], write: ["POST", "PUT", "PATCH", "DELETE", "TagResource", "UntagResource"] },
            resources: (s) => [`arn:${s.partition}:apigateway:${s.region}::/*`],
        },
        { sid: "Cognito", service: "cognito-idp", resources: regional("cognito-idp"), extraWrite: ["Set*", "AdminCreateUser"] },
    ],
    delivery: [
        { sid: "Ecr", service: "ecr", resources: (s) => [`arn:${s.partition}:ecr:${s.region}:${s.accountId}:repository/${s.prefix}/*`], extraWrite: ["Set*", "PutLifecyclePolicy", "PutImageScanningConfiguration", "PutImageTagMutability"] },
    ],
};

/** Actions AWS authorises only on Resource "*" (no resource types in the Service Authorization Reference). */
export const NO_RESOURCE_ACTIONS: readonly string[] = [
    "ec2:Describe*", "ec2:GetEbsEncryptionByDefault", "ec2:GetEbsDefaultKmsKeyId", "ec2:EnableEbsEncryptionByDefault", "ec2:ModifyEbsDefaultKmsKeyId",
    "kms:CreateKey", "kms:ListKeys", "kms:ListAliases",
    "s3:GetAccountPublicAccessBlock", "s3:PutAccountPublicAccessBlock",
    "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries",
    "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
    "lambda:CreateEventSourceMapping", "lambda:ListEventSourceMappings",
    "cognito-idp:CreateUserPool", "cognito-idp:ListUserPools",
    "eks:ListClusters", "eks:DescribeAddonVersions",
    "ecr:GetAuthorizationToken", "ecr:DescribeRegistry",
    "sts:GetCallerIdentity",
];

const NO_RESOURCE_READS: readonly string[] = NO_RESOURCE_ACTIONS.filter((a: string) => /:(Describe|Get|List)/.test(a));

/** Accounts services are created in with tags on create (the provider's default tags carry ManagedBy=pulumi). */
const TAGGED_CREATE_ACTIONS: readonly string[] = ["guardduty:CreateDetector", "securityhub:EnableSecurityHub", "access-analyzer:CreateAnalyzer"];

function grantStatement(grant: ServiceGrant, scope: DeployScope, verbs: readonly string[], sidSuffix: string): PolicyStatement {
    return {
        Sid: `${grant.sid}${sidSuffix}`,
        Effect: "Allow",
        Action: verbs.map((verb: string) => `${grant.service}:${verb}`),
        Resource: grant.resources(scope),
    };
}

/** The deploy role's policies, one document per group, plus the state backend. */
export function deployPolicies(scope: DeployScope): Record<string, PolicyDocument> {
    const documents: Record<string, PolicyDocument> = {};
    for (const [group, grants] of Object.entries(DEPLOY_GROUPS)) {
        documents[group] = policyDocument(grants.map((g: ServiceGrant) => grantStatement(g, scope, [...(g.verbs?.read ?? READ), ...(g.verbs?.write ?? WRITE), ...g.extraWrite], "Manage")));
    }
    documents.account = policyDocument([
        { Sid: "NoResourceLevelActions", Effect: "Allow", Action: [...NO_RESOURCE_ACTIONS], Resource: "*" },
        {
            Sid: "TaggedAccountServices",
            Effect: "Allow",
            Action: [...TAGGED_CREATE_ACTIONS],
            Resource: "*",
            Condition: { StringEquals: { "aws:RequestTag/ManagedBy": "pulumi" } },
        },
    ]);
    documents.state = stateBackendPolicy(scope, "write");
    return documents;
}

/** The preview role: reads everything the program manages, writes nothing but the backend's lock file. */
export function previewPolicies(scope: DeployScope): Record<string, PolicyDocument> {
    const statements: PolicyStatement[] = Object.values(DEPLOY_GROUPS).flat().map((g: ServiceGrant) => grantStatement(g, scope, g.verbs?.read ?? READ, "Read"));
    statements.push({ Sid: "NoResourceLevelReads", Effect: "Allow", Action: [...NO_RESOURCE_READS], Resource: "*" });
    return { read: policyDocument(statements), state: stateBackendPolicy(scope, "lock") };
}

/**
 * The DIY backend: state objects in the bucket, the awskms:// secrets-provider key. `pulumi up`
 * writes checkpoints; `pulumi preview` reads them and writes only its lock under .pulumi/locks/.
 */
function stateBackendPolicy(scope: DeployScope, access: "write" | "lock"): PolicyDocument {
    const bucket = `arn:${scope.partition}:s3:::${scope.stateBucket}`;
    const statements: PolicyStatement[] = [
        { Sid: "ListStateBucket", Effect: "Allow", Action: ["s3:ListBucket", "s3:GetBucketLocation", "s3:GetBucketVersioning"], Resource: bucket },
        { Sid: "ReadState", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: `${bucket}/.pulumi/*` },
        access === "write"
            ? { Sid: "WriteState", Effect: "Allow", Action: ["s3:PutObject", "s3:DeleteObject"], Resource: `${bucket}/.pulumi/*` }
            : { Sid: "TakeLock", Effect: "Allow", Action: ["s3:PutObject", "s3:DeleteObject"], Resource: `${bucket}/.pulumi/locks/*` },
    ];
    if (scope.secretsProviderKeyArn) {
        statements.push({
            Sid: "SecretsProvider",
            Effect: "Allow",
            Action: access === "write" ? ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"] : ["kms:Decrypt"],
            Resource: scope.secretsProviderKeyArn,
        });
    }
    return policyDocument(statements);
}
