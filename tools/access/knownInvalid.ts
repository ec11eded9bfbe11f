/**
 * Validation findings on today's program that belong to other work, keyed
 * "<logical resource name> <bad value>" -> the issue that owns the fix. The deploy and preview roles
 * (infra/components/delivery/deployPermissions.ts, issue 17 §3) expand Describe, Get, Put, Tag and Update wildcards
 * for every service, and some of those patterns match no action of the service (they grant nothing,
 * harmlessly); apigateway:TagResource/UntagResource are not API Gateway actions at all: API Gateway
 * authorises tagging as apigateway:PUT/DELETE on arn:aws:apigateway:<region>::/tags/..., so those two
 * grant nothing and the deploy role cannot tag the HTTP API (Service Authorization Reference,
 * Amazon API Gateway Management). tests/access/validate.test.ts expects exactly these, in either stack,
 * and fails when one disappears so the list shrinks as the deploy-role work lands.
 */
const DEPLOY_PATTERNS = "#17 §3: the deploy-role table writes an action (pattern) the Service Authorization Reference does not have";

export const KNOWN_INVALID: Readonly<Record<string, string>> = {
    "github-deploy-compute eks:Get*": DEPLOY_PATTERNS,
    "github-deploy-compute eks:Put*": DEPLOY_PATTERNS,
    "github-deploy-identity iam:Describe*": DEPLOY_PATTERNS,
    "github-deploy-integration apigateway:TagResource": DEPLOY_PATTERNS,
    "github-deploy-integration apigateway:UntagResource": DEPLOY_PATTERNS,
    "github-deploy-integration cognito-idp:Put*": DEPLOY_PATTERNS,
    "github-deploy-integration lambda:Describe*": DEPLOY_PATTERNS,
    "github-deploy-integration sns:Describe*": DEPLOY_PATTERNS,
    "github-deploy-integration sns:Update*": DEPLOY_PATTERNS,
    "github-deploy-integration sqs:Describe*": DEPLOY_PATTERNS,
    "github-deploy-integration sqs:Put*": DEPLOY_PATTERNS,
    "github-deploy-integration sqs:Update*": DEPLOY_PATTERNS,
    "github-deploy-integration states:Put*": DEPLOY_PATTERNS,
    "github-deploy-network ec2:Tag*": DEPLOY_PATTERNS,
    "github-deploy-network ec2:Untag*": DEPLOY_PATTERNS,
    "github-deploy-security access-analyzer:Describe*": DEPLOY_PATTERNS,
    "github-deploy-security access-analyzer:Put*": DEPLOY_PATTERNS,
    "github-deploy-security cloudtrail:Tag*": DEPLOY_PATTERNS,
    "github-deploy-security cloudtrail:Untag*": DEPLOY_PATTERNS,
    "github-deploy-security guardduty:Put*": DEPLOY_PATTERNS,
    "github-deploy-security securityhub:Put*": DEPLOY_PATTERNS,
    "github-preview-read access-analyzer:Describe*": DEPLOY_PATTERNS,
    "github-preview-read eks:Get*": DEPLOY_PATTERNS,
    "github-preview-read iam:Describe*": DEPLOY_PATTERNS,
    "github-preview-read lambda:Describe*": DEPLOY_PATTERNS,
    "github-preview-read sns:Describe*": DEPLOY_PATTERNS,
    "github-preview-read sqs:Describe*": DEPLOY_PATTERNS,
};
