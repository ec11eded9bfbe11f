import { PolicyConditions, PolicyDocument, PolicyStatement, policyDocument } from "./policyDocument";
import { DocumentedCondition, PrincipalContext, ServicePrincipalUse, documentedUse } from "./servicePrincipals";

/**
 * Builders for statements that name an AWS service principal. They take their actions and their
 * conditions from SERVICE_PRINCIPALS, so a condition the table does not document for that principal
 * and those actions cannot be written (it throws while the program is built, before anything is
 * registered), and the operator is the one the table records.
 */

/** condition key -> value(s), e.g. { "aws:SourceArn": trailArn }. */
export type ConditionValues = Readonly<Record<string, string | readonly string[]>>;

export interface ServiceStatementArgs {
    readonly sid: string;
    readonly principal: string;
    readonly context: PrincipalContext;
    /** Defaults to every action of the table entry (trust policies). */
    readonly actions?: readonly string[];
    /** Picks one of several uses of the same principal (e.g. EventBridge bus vs. queue delivery). */
    readonly use?: string;
    readonly resource?: string;
    readonly values: ConditionValues;
}

/** Groups documented condition values by the operator the table records for each key. */
function conditionsFor(entry: ServicePrincipalUse, values: ConditionValues): PolicyConditions | undefined {
    const grouped: Record<string, Record<string, string | readonly string[]>> = {};
    for (const [key, value] of Object.entries(values)) {
        const documented: DocumentedCondition | undefined = entry.conditions.find((condition: DocumentedCondition) => condition.key === key);
        if (!documented) {
            const allowed: string = entry.conditions.map((condition: DocumentedCondition) => condition.key).join(", ") || "none";
            throw new Error(`${entry.principal} (${entry.use}): condition ${key} is not documented for this service and action (documented: ${allowed}; ${entry.source})`);
        }
        grouped[documented.operator] = { ...(grouped[documented.operator] ?? {}), [key]: value };
    }
    return Object.keys(grouped).length === 0 ? undefined : grouped;
}

export function serviceStatement(args: ServiceStatementArgs): PolicyStatement {
    const entry: ServicePrincipalUse = documentedUse(args.principal, args.context, args.actions ?? [], args.use);
    const actions: readonly string[] = args.actions ?? entry.actions;
    const condition: PolicyConditions | undefined = conditionsFor(entry, args.values);
    return {
        Sid: args.sid,
        Effect: "Allow",
        Principal: { Service: args.principal },
        Action: actions.length === 1 ? actions[0] : [...actions],
        ...(args.resource !== undefined ? { Resource: args.resource } : {}),
        ...(condition ? { Condition: condition } : {}),
    };
}

/**
 * A role's trust policy for one service principal: the actions of its table entry and exactly the
 * given condition values (each must be documented for it).
 */
export function serviceTrustPolicy(sid: string, principal: string, values: ConditionValues = {}): PolicyDocument {
    return policyDocument([serviceStatement({ sid, principal, context: "trust", values })]);
}

/**
 * For generic callers that know several values (account, source ARN): keeps only those the table
 * documents for the principal, so one helper serves services with and without confused-deputy keys.
 */
export function documentedValues(principal: string, context: PrincipalContext, available: ConditionValues, actions: readonly string[] = []): ConditionValues {
    const entry: ServicePrincipalUse = documentedUse(principal, context, actions);
    return Object.fromEntries(Object.entries(available).filter(([key]) => entry.conditions.some((condition: DocumentedCondition) => condition.key === key)));
}
