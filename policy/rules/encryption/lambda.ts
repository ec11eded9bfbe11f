import { requireCmk } from "../../lib/checks";
import { resourcePolicy } from "../../lib/rule";
import { UNKNOWN, read, stringMap } from "../../lib/values";

/** AWS Lambda: environment variables at rest. */

export const lambdaEnvCmk = resourcePolicy({
    id: "enc-lambda-env-cmk",
    description: "Lambda functions with environment variables encrypt them with a customer-managed KMS key (the default is the aws/lambda key, which every principal with lambda:GetFunctionConfiguration can decrypt through).",
    severity: "medium",
    resourceTypes: ["aws:lambda/function:Function"],
    remediation: "Set kmsKeyArn to a customer-managed KMS key ARN whose key policy lets the function's execution role decrypt; keep secrets in Secrets Manager rather than environment variables.",
    check(props, ctx) {
        const variables = stringMap(read(props, "environment.variables"));
        if (variables === UNKNOWN) {
            // The variables are not known yet, so whether any exist is undecidable; the key is not:
            // absent means absent (catalogue section 9), so a missing kmsKeyArn is reported (the
            // program declared an environment, which Lambda encrypts with aws/lambda unless a key is
            // named). Only an unknown kmsKeyArn passes, through requireCmk.
            requireCmk(props, ctx, "kmsKeyArn");
            return;
        }
        if (variables === undefined || Object.keys(variables).length === 0) {
            ctx.notApplicable("the function has no environment variables");
        }
        requireCmk(props, ctx, "kmsKeyArn");
    },
});

export const lambdaEncryptionPolicies = [lambdaEnvCmk];
