import { PolicyResource } from "@pulumi/policy";
import { NormalisedStatement } from "../../lib/documents";
import { parseDocument } from "../../lib/iamPolicies";
import { ABSENT, StackRule, stackPolicy } from "../../lib/rule";
import { UNKNOWN, childrenOf, ofType, peek } from "../../lib/stackJoins";
import { parseArn } from "../../lib/arns";

const KEY = "aws:kms/key:Key";
const KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";

/** An account root principal: a 12-digit account id or arn:<partition>:iam::<account>:root. */
function isAccountRoot(principal: string): boolean {
    if (/^\d{12}$/.test(principal)) {
        return true;
    }
    const arn = parseArn(principal);
    return arn !== undefined && arn.service === "iam" && arn.resource === "root";
}

/** The default key policy's statement: the account root allowed everything, and nothing else in the statement. */
function isRootOnly(statement: NormalisedStatement): boolean {
    const kinds: string[] = Object.keys(statement.principals);
    return kinds.length === 1 && kinds[0] === "AWS" && statement.principals.AWS.length > 0 && statement.principals.AWS.every(isAccountRoot);
}

/**
 * Explicit KMS key policies (catalogue iam-kms-explicit-policy, Low; Checkov CKV2_AWS_64). A key
 * created without a policy gets KMS's default key policy, which only delegates to the account's IAM
 * policies (AWS KMS Developer Guide, "Default key policy"): who administers and who uses the key is
 * then decided by every identity policy in the account. Compliant: the key's policy (inline, or an
 * aws.kms.KeyPolicy for it) has at least one Allow statement for principals other than the account
 * root, naming who may use or administer the key. A stack policy (two types, and a KeyPolicy must be
 * joined to its key), so it adds nothing to the per-resource Analyze cost (issue 21).
 */
export const kmsExplicitPolicy: StackRule = {
    id: "iam-kms-explicit-policy",
    description: "KMS keys have an explicit key policy (inline or an aws.kms.KeyPolicy) that names key users or administrators besides the account root; the default key policy leaves the key to every IAM policy in the account.",
    severity: "low",
    remediation: "Set the key's policy (or an aws.kms.KeyPolicy) with statements naming the roles or services that administer and use the key, besides the account-root statement.",
    check(resources, ctx) {
        for (const key of ofType(resources, [KEY])) {
            const documents: unknown[] = [peek(key.props, "policy"), ...childrenOf(resources, key, [KEY_POLICY], "keyId", ["id", "arn", "keyId"]).map((p: PolicyResource) => peek(p.props, "policy"))]
                .filter((d: unknown) => d !== undefined && d !== null && d !== "");
            if (documents.length === 0) {
                ctx.report(key, { property: "policy", value: ABSENT, expected: "an explicit key policy (the default policy only delegates to the account's IAM policies)" });
                continue;
            }
            const parsed = documents.map(parseDocument);
            if (parsed.some((d) => d === UNKNOWN || d === undefined)) {
                continue; // unknown during preview, or not parseable here (other rules judge the document)
            }
            const named: boolean = parsed.some((d) => d !== UNKNOWN && d !== undefined && d.statements.some((s: NormalisedStatement) => s.effect === "Allow" && !isRootOnly(s)));
            if (!named) {
                ctx.report(key, { property: "policy", value: "only account-root statements", expected: "at least one Allow statement naming key users or administrators (roles, services) besides the account root" });
            }
        }
    },
};

export const kmsKeyPolicyPolicies = [stackPolicy(kmsExplicitPolicy)];
