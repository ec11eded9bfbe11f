/**
 * The validated `platform:account` slice: which AWS account the stack may deploy to and what the
 * stack does with the resources AWS allows only once per account (or once per account and Region).
 * Built by infra/config/accountSchema.ts.
 */

/**
 * The stack's role for the account-wide resources (README "Accounts and the account baseline"):
 *  - owner: creates them, protects them and keeps them when it is destroyed (exactly one stack per
 *    account and Region);
 *  - consumer: another stack of this account owns them; this stack neither creates nor destroys
 *    them and only looks up what it needs (the GitHub OIDC provider);
 *  - organization: an organisation (Control Tower, delegated administrators, StackSets) manages them;
 *    the stack only references them, exactly like a consumer.
 */
export const BASELINE_ROLES = ["owner", "consumer", "organization"] as const;
export type BaselineRole = typeof BASELINE_ROLES[number];

export interface AccountConfig {
    /** The 12-digit account id; every explicit AWS provider carries it in allowedAccountIds. */
    readonly id: string;
    readonly baseline: BaselineRole;
}

/** True only in the one stack of the account that creates the account-wide resources. */
export function ownsAccountBaseline(account: AccountConfig): boolean {
    return account.baseline === "owner";
}
