import { NormalisedStatement } from "./documents";
import { parseArn } from "./arns";

/**
 * AWS account ids in resource policies: which account a principal belongs to, and which account
 * a resource policy's own resource lives in, for the "no cross-account grant" halves of the
 * resource-policy rules.
 *
 * How the resource's own account is known (all sources are united):
 *  - the ARN of the resource itself, where the service puts an account in it (an SNS topic:
 *    arn:aws:sns:<region>:<account>:<name>, the TopicPolicy's `arn`, the statements' Resource ARNs);
 *  - the explicit provider's `allowedAccountIds` (the stack can only deploy into those accounts);
 *  - for S3, whose bucket ARNs carry no account, the accounts of the bucket's own AWS-service
 *    writers: aws:SourceAccount values and the account field of aws:SourceArn ARNs on statements
 *    granting to a service principal (CloudTrail, CloudFront, Config, log delivery...). AWS
 *    documents those conditions as "the account that owns the source", which for a bucket policy
 *    the stack writes is its own account;
 *  - the policy config (ownAccountIds, trustedAccountIds) for accounts the stack cannot show:
 *    organisation log-archive or security accounts that legitimately hold grants.
 * When no own account can be found, an account principal cannot be shown to be the resource's own
 * and is judged as cross-account; the message says how to declare the account.
 */
const ACCOUNT_ID = /^\d{12}$/;

/** The account a Principal.AWS entry names (an account id, a root/role/user ARN, an STS session), or undefined. */
export function principalAccount(principal: string): string | undefined {
    if (ACCOUNT_ID.test(principal)) {
        return principal;
    }
    const arn = parseArn(principal);
    return arn && (arn.service === "iam" || arn.service === "sts") && ACCOUNT_ID.test(arn.account) ? arn.account : undefined;
}

/** The account field of an ARN (arn:aws:sns:us-east-1:111122223333:topic -> 111122223333), when it has one. */
export function arnAccount(arn: string): string | undefined {
    const parsed = parseArn(arn);
    return parsed && ACCOUNT_ID.test(parsed.account) ? parsed.account : undefined;
}

/** Accounts named by the statements' Resource ARNs (SNS topics, SQS queues... not S3, whose ARNs have none). */
export function resourceAccounts(statements: readonly NormalisedStatement[]): string[] {
    return statements.flatMap((s: NormalisedStatement) => s.resources).map(arnAccount).filter((a): a is string => a !== undefined);
}

/** Accounts the statements granting to AWS service principals tie their source to (aws:SourceAccount, aws:SourceArn). */
export function serviceSourceAccounts(statements: readonly NormalisedStatement[]): string[] {
    const accounts: string[] = [];
    for (const statement of statements) {
        if (statement.effect !== "Allow" || !(statement.principals.Service?.length > 0)) {
            continue;
        }
        for (const block of Object.values(statement.conditions)) {
            for (const [key, values] of Object.entries(block)) {
                const lower: string = key.toLowerCase();
                if (lower === "aws:sourceaccount") {
                    accounts.push(...values.filter((v: string) => ACCOUNT_ID.test(v)));
                } else if (lower === "aws:sourcearn") {
                    accounts.push(...values.map(arnAccount).filter((a): a is string => a !== undefined));
                }
            }
        }
    }
    return accounts;
}

/** The AWS-principal accounts of a statement, each with the principal that names it. */
export function statementPrincipalAccounts(statement: NormalisedStatement): { principal: string; account: string }[] {
    return (statement.principals.AWS ?? [])
        .map((principal: string) => ({ principal, account: principalAccount(principal) }))
        .filter((p): p is { principal: string; account: string } => p.account !== undefined);
}
