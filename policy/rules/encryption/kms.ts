import { ABSENT, resourcePolicy } from "../../lib/rule";
import { isTrue } from "../../lib/props";
import { read, UNKNOWN } from "../../lib/values";

export const kmsRotation = resourcePolicy({
    id: "enc-kms-rotation",
    description: "Symmetric encryption KMS keys have automatic rotation enabled (at most every 365 days); asymmetric and HMAC keys cannot rotate and are not applicable.",
    severity: "high",
    resourceTypes: ["aws:kms/key:Key"],
    remediation: "Set enableKeyRotation: true (optionally rotationPeriodInDays between 90 and 365).",
    check(props, ctx) {
        const usage: unknown = read(props, "keyUsage");
        const spec: unknown = read(props, "customerMasterKeySpec");
        if ((typeof usage === "string" && usage !== "ENCRYPT_DECRYPT") || (typeof spec === "string" && spec !== "SYMMETRIC_DEFAULT")) {
            ctx.notApplicable(`key rotation is only supported for symmetric encryption keys (keyUsage ${typeof usage === "string" ? usage : "ENCRYPT_DECRYPT"}, spec ${typeof spec === "string" ? spec : "SYMMETRIC_DEFAULT"})`);
        }
        const enabled: unknown = read(props, "enableKeyRotation");
        if (enabled !== UNKNOWN && !isTrue(enabled)) {
            ctx.report({ property: "enableKeyRotation", value: enabled ?? ABSENT, expected: "true" });
        }
        const period: unknown = read(props, "rotationPeriodInDays");
        if (typeof period === "number" && period > 365) {
            ctx.report({ property: "rotationPeriodInDays", value: period, expected: "at most 365" });
        }
    },
});

export const ebsDefaultEncryption = resourcePolicy({
    id: "enc-ebs-default",
    description: "EBS encryption by default is enabled for the account/region (when the stack declares the baseline).",
    severity: "medium",
    resourceTypes: ["aws:ebs/encryptionByDefault:EncryptionByDefault"],
    remediation: "Set enabled: true (the default) on aws.ebs.EncryptionByDefault, and pin the default key with aws.ebs.DefaultKmsKey.",
    check(props, ctx) {
        const enabled: unknown = read(props, "enabled");
        if (enabled !== UNKNOWN && enabled !== undefined && !isTrue(enabled)) {
            ctx.report({ property: "enabled", value: enabled, expected: "true" });
        }
    },
});

export const kmsEncryptionPolicies = [kmsRotation, ebsDefaultEncryption];
