import { describeSecurityBaseline } from "./securityAssertions";

// Values from Pulumi.dev.yaml (plus the schema defaults for keys it leaves out).
describeSecurityBaseline({
    stack: "dev",
    region: "us-east-1",
    deletionWindowInDays: 7,
    cloudTrailLogRetentionInDays: 90,
    lifecycle: { infrequentAccessDays: 30, glacierDays: 90, expirationDays: 365 },
    guardDutyFeatures: {
        S3_DATA_EVENTS: "ENABLED",
        EKS_AUDIT_LOGS: "ENABLED",
        RUNTIME_MONITORING: "DISABLED",
        RDS_LOGIN_EVENTS: "ENABLED",
        EBS_MALWARE_PROTECTION: "DISABLED",
    },
    protect: false,
    retainOnDelete: false,
    requiredTags: {
        Project: "platform",
        Environment: "dev",
        Owner: "platform-team",
        CostCenter: "CC-1042",
        DataClassification: "internal",
        ManagedBy: "pulumi",
    },
});
