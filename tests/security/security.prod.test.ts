import { describeSecurityBaseline } from "./securityAssertions";

// Values from Pulumi.prod.yaml (plus the schema defaults for keys it leaves out).
describeSecurityBaseline({
    stack: "prod",
    region: "us-east-1",
    deletionWindowInDays: 30,
    cloudTrailLogRetentionInDays: 365,
    lifecycle: { infrequentAccessDays: 90, glacierDays: 180, expirationDays: 2555 },
    guardDutyFeatures: {
        S3_DATA_EVENTS: "ENABLED",
        EKS_AUDIT_LOGS: "ENABLED",
        RUNTIME_MONITORING: "ENABLED",
        RDS_LOGIN_EVENTS: "ENABLED",
        EBS_MALWARE_PROTECTION: "ENABLED",
    },
    protect: true,
    retainOnDelete: true,
    requiredTags: {
        Project: "platform",
        Environment: "prod",
        Owner: "platform-team",
        CostCenter: "CC-1042",
        DataClassification: "confidential",
        ManagedBy: "pulumi",
    },
});
