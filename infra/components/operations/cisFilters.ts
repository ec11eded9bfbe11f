/**
 * CIS AWS Foundations Benchmark (v3.0, section 4) metric filters on the CloudTrail log group, with
 * the benchmark's patterns. Each alarms on a single matching event.
 */
export interface CisFilter {
    readonly name: string;
    readonly control: string;
    readonly description: string;
    readonly pattern: string;
}

export const CIS_NAMESPACE = "CISBenchmark";

const IAM_POLICY_EVENTS: readonly string[] = [
    "DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy", "PutRolePolicy", "PutUserPolicy",
    "CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion", "AttachRolePolicy", "DetachRolePolicy",
    "AttachUserPolicy", "DetachUserPolicy", "AttachGroupPolicy", "DetachGroupPolicy",
];
const SECURITY_GROUP_EVENTS: readonly string[] = [
    "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress",
    "CreateSecurityGroup", "DeleteSecurityGroup",
];

const anyEvent = (names: readonly string[]): string => `{ ${names.map((name: string) => `($.eventName = ${name})`).join(" || ")} }`;

export const CIS_FILTERS: readonly CisFilter[] = [
    {
        name: "unauthorized-api-calls",
        control: "CIS 4.1",
        description: "Unauthorised API calls",
        pattern: "{ (($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\")) && ($.sourceIPAddress != \"delivery.logs.amazonaws.com\") && ($.eventName != \"HeadBucket\") }",
    },
    {
        name: "root-account-usage",
        control: "CIS 4.3",
        description: "Use of the root user",
        pattern: "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }",
    },
    { name: "iam-policy-changes", control: "CIS 4.4", description: "IAM policy changes", pattern: anyEvent(IAM_POLICY_EVENTS) },
    { name: "security-group-changes", control: "CIS 4.10", description: "Security group changes", pattern: anyEvent(SECURITY_GROUP_EVENTS) },
];

/** EKS audit log entries the API server answered with a 5xx. */
export const EKS_SERVER_ERROR_PATTERN = "{ $.responseStatus.code >= 500 }";
