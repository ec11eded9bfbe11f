import { NormalisedStatement } from "../../lib/documents";
import { conditionValues, parseDocument, statementGrants } from "../../lib/iamPolicies";
import { resourcePolicy } from "../../lib/rule";
import { read, UNKNOWN } from "../../lib/values";

/** Keyless CI: roles trusted by GitHub Actions' OIDC provider are pinned to one repository. */

const GITHUB_ISSUER = "token.actions.githubusercontent.com";

/**
 * `repo:<owner>/<repository>:<context>`, where owner and repository carry no wildcard. The
 * immutable form GitHub issues for newer repositories (`repo:<owner>@<id>/<repository>@<id>:...`)
 * matches too. Wildcards are allowed only in the context after the repository (e.g. `:environment:*`).
 */
const SCOPED_SUBJECT = /^repo:[^/:*?]+\/[^/:*?]+(:.*)?$/;

export function isScopedGithubSubject(subject: string): boolean {
    return SCOPED_SUBJECT.test(subject);
}

/** GitHub's issuer from a Federated principal (an oidc-provider ARN, or the bare issuer host). */
function githubIssuer(federated: string): string | undefined {
    const issuer: string = /:oidc-provider\/(.+)$/.exec(federated)?.[1] ?? federated;
    return issuer === GITHUB_ISSUER || issuer.startsWith(`${GITHUB_ISSUER}/`) ? issuer : undefined;
}

export const oidcGithubTrustScoped = resourcePolicy({
    id: "iam-oidc-github-trust-scoped",
    description: "Roles federated to token.actions.githubusercontent.com require <issuer>:aud = sts.amazonaws.com and a <issuer>:sub condition naming one owner and repository (repo:<owner>/<repo>:...); never repo:*, a wildcard owner or repository, or no sub condition.",
    severity: "high",
    resourceTypes: ["aws:iam/role:Role"],
    remediation: "Add Condition { StringEquals: { \"token.actions.githubusercontent.com:aud\": \"sts.amazonaws.com\", \"token.actions.githubusercontent.com:sub\": \"repo:<owner>/<repo>:environment:<env>\" } } (StringLike only for a wildcard after the repository).",
    check(props, ctx) {
        const document = parseDocument(read(props, "assumeRolePolicy"));
        if (document === undefined || document === UNKNOWN) {
            return;
        }
        (document).statements.forEach((s: NormalisedStatement, i: number) => {
            if (s.effect !== "Allow" || !statementGrants(s, "sts:AssumeRoleWithWebIdentity")) {
                return;
            }
            for (const federated of s.principals.Federated ?? []) {
                const issuer: string | undefined = githubIssuer(federated);
                if (issuer === undefined) {
                    continue;
                }
                const where = `assumeRolePolicy Statement[${i}].Condition`;
                const audience: string[] | undefined = conditionValues(s, "StringEquals", `${issuer}:aud`);
                if (!audience || audience.length === 0 || audience.some((v: string) => v !== "sts.amazonaws.com")) {
                    ctx.report({ property: `${where}.StringEquals["${issuer}:aud"]`, value: audience, expected: "\"sts.amazonaws.com\"" });
                }
                const subjects: string[] = [
                    ...(conditionValues(s, "StringEquals", `${issuer}:sub`) ?? []),
                    ...(conditionValues(s, "StringLike", `${issuer}:sub`) ?? []),
                ];
                const unscoped: string[] = subjects.filter((v: string) => !isScopedGithubSubject(v));
                if (subjects.length === 0 || unscoped.length > 0) {
                    ctx.report({
                        property: `${where}["${issuer}:sub"]`,
                        value: subjects.length === 0 ? undefined : unscoped,
                        expected: "\"repo:<owner>/<repo>:...\" naming one owner and repository (no wildcard before the context)",
                    });
                }
            }
        });
    },
});

export const githubOidcPolicies = [oidcGithubTrustScoped];
