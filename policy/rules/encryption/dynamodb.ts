import { ABSENT, resourcePolicy } from "../../lib/rule";
import { isTrue } from "../../lib/props";
import { read, UNKNOWN } from "../../lib/values";
import { requireCmk } from "../../lib/checks";

export const dynamodbCmk = resourcePolicy({
    id: "enc-dynamodb-cmk",
    description: "DynamoDB tables use server-side encryption with a customer-managed KMS key (the default is an AWS-owned key).",
    severity: "medium",
    resourceTypes: ["aws:dynamodb/table:Table"],
    remediation: "Set serverSideEncryption: { enabled: true, kmsKeyArn: <CMK ARN> }.",
    check(props, ctx) {
        const enabled: unknown = read(props, "serverSideEncryption.enabled");
        if (enabled === UNKNOWN) {
            return;
        }
        if (!isTrue(enabled)) {
            ctx.report({ property: "serverSideEncryption.enabled", value: enabled ?? ABSENT, expected: "true with kmsKeyArn set to a customer-managed KMS key" });
            return;
        }
        requireCmk(props, ctx, "serverSideEncryption.kmsKeyArn", undefined, "a customer-managed KMS key ARN (without it DynamoDB uses the AWS-managed aws/dynamodb key)");
    },
});

export const dynamodbEncryptionPolicies = [dynamodbCmk];
