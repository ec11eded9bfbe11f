import { requireCmk } from "../../lib/checks";
import { ABSENT, resourcePolicy } from "../../lib/rule";
import { UNKNOWN, read } from "../../lib/values";

/** AWS Step Functions: execution data at rest. */

const CUSTOMER_MANAGED = "CUSTOMER_MANAGED_KMS_KEY";

export const sfnCmk = resourcePolicy({
    id: "enc-sfn-cmk",
    description: "Step Functions state machines encrypt definitions and execution data with a customer-managed KMS key (the default is an AWS-owned key).",
    severity: "medium",
    resourceTypes: ["aws:sfn/stateMachine:StateMachine"],
    remediation: "Set encryptionConfiguration { type: \"CUSTOMER_MANAGED_KMS_KEY\", kmsKeyId: key.arn, kmsDataKeyReusePeriodSeconds: 300 } and let the state machine role use the key.",
    check(props, ctx) {
        const type: unknown = read(props, "encryptionConfiguration.type");
        if (type === UNKNOWN) {
            return;
        }
        if (type !== CUSTOMER_MANAGED) {
            ctx.report({ property: "encryptionConfiguration.type", value: type ?? ABSENT, expected: `"${CUSTOMER_MANAGED}" (omitted means AWS_OWNED_KEY)` });
            return;
        }
        requireCmk(props, ctx, "encryptionConfiguration.kmsKeyId");
    },
});

export const stepFunctionsEncryptionPolicies = [sfnCmk];
