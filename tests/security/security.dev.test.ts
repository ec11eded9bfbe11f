import { inAccount } from "../account/accountAssertions";
import { describeSecurityBaseline } from "./securityAssertions";

/**
 * Dev as committed is a consumer: it declares only its keys (tests/security/security.consumer.test.ts).
 * The baseline assertions run on dev in the separate-accounts layout (README): dev as the owner of an
 * account of its own, with the cheaper trail retention and GuardDuty plans a dev account would choose.
 */
const DEV_ACCOUNT = "111111111111";

describeSecurityBaseline({
    stack: "dev",
    region: "us-east-1",
    accountId: DEV_ACCOUNT,
    overrides: {
        ...inAccount("dev", DEV_ACCOUNT, "owner"),
        "platform:security": JSON.stringify({
            kms: { deletionWindowInDays: 7 },
            cloudTrail: {
                cloudWatchLogsRetentionInDays: 90,
                bucketLifecycle: { transitionToInfrequentAccessDays: 30, transitionToGlacierDays: 90, expirationDays: 365 },
            },
            guardDuty: { features: { runtimeMonitoring: false, malwareProtection: false } },
        }),
    },
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
