import { requireCmk } from "../../lib/checks";
import { ABSENT, resourcePolicy } from "../../lib/rule";
import { UNKNOWN, list, read } from "../../lib/values";

/** Amazon ECR: images at rest. */

const KMS_TYPES: readonly string[] = ["KMS", "KMS_DSSE"];

export const ecrCmk = resourcePolicy({
    id: "enc-ecr-cmk",
    description: "ECR repositories encrypt images with a customer-managed KMS key (the default is AES256; KMS without kmsKey uses aws/ecr).",
    severity: "medium",
    resourceTypes: ["aws:ecr/repository:Repository"],
    remediation: "Set encryptionConfigurations: [{ encryptionType: \"KMS\", kmsKey: key.arn }] (encryption settings cannot change after creation: the repository is replaced).",
    check(props, ctx) {
        const configs = list(props, "encryptionConfigurations");
        if (configs === UNKNOWN || configs.some((c: unknown) => c === UNKNOWN)) {
            return;
        }
        if (configs.length === 0) {
            ctx.report({ property: "encryptionConfigurations", value: ABSENT, expected: "[{ encryptionType: \"KMS\", kmsKey: <customer-managed key ARN> }] (omitted means AES256)" });
            return;
        }
        configs.forEach((_config: unknown, i: number) => {
            const type: unknown = read(props, `encryptionConfigurations.${i}.encryptionType`);
            if (type === UNKNOWN) {
                return;
            }
            if (typeof type !== "string" || !KMS_TYPES.includes(type)) {
                ctx.report({ property: `encryptionConfigurations[${i}].encryptionType`, value: type ?? ABSENT, expected: "\"KMS\" or \"KMS_DSSE\" (omitted means AES256)" });
                return;
            }
            requireCmk(props, ctx, `encryptionConfigurations.${i}.kmsKey`);
        });
    },
});

export const ecrEncryptionPolicies = [ecrCmk];
