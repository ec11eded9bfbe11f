import { NormalisedStatement, conditionKeys, isPublicPrincipal } from "../../lib/documents";
import { parseDocument } from "../../lib/iamPolicies";
import { resourcePolicy } from "../../lib/rule";
import { read, UNKNOWN } from "../../lib/values";

/** Amazon ECR repository policies: images are never pullable (or pushable) by everyone. */

/** Conditions that confine a "*" principal to our organisation or account. */
const ECR_SCOPING_KEYS: readonly string[] = ["aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:sourceaccount", "aws:sourcearn"];

export const ecrPolicyNoPublic = resourcePolicy({
    id: "net-ecr-policy-no-public",
    description: "ECR repository policies do not Allow Principal \"*\" / {\"AWS\": \"*\"} (or NotPrincipal) without an aws:PrincipalOrgID or aws:SourceAccount condition.",
    severity: "high",
    resourceTypes: ["aws:ecr/repositoryPolicy:RepositoryPolicy"],
    remediation: "Grant pulls to named account or role ARNs, or keep Principal \"*\" with Condition StringEquals aws:PrincipalOrgID = <your organisation id>.",
    check(props, ctx) {
        const raw: unknown = read(props, "policy");
        const document = parseDocument(raw);
        if (document === UNKNOWN) {
            return;
        }
        if (document === undefined) {
            if (raw !== undefined && raw !== null && raw !== "") {
                ctx.report({ property: "policy", value: "(unparseable policy document)", expected: "a valid JSON policy document" });
            }
            return;
        }
        (document).statements.forEach((statement: NormalisedStatement, i: number) => {
            if (statement.effect !== "Allow" || !(isPublicPrincipal(statement.principals) || statement.hasNotPrincipal)) {
                return;
            }
            const keys: Set<string> = conditionKeys(statement);
            if (!ECR_SCOPING_KEYS.some((key: string) => keys.has(key))) {
                ctx.report({
                    property: `policy.Statement[${i}].Principal`,
                    value: statement.hasNotPrincipal ? "NotPrincipal" : "*",
                    expected: "named principals, or \"*\" with an aws:PrincipalOrgID / aws:SourceAccount condition",
                    fix: `Name the accounts/roles that pull${statement.sid ? ` in statement "${statement.sid}"` : ""}, or add Condition StringEquals aws:PrincipalOrgID.`,
                });
            }
        });
    },
});

export const ecrNetworkPolicies = [ecrPolicyNoPublic];
