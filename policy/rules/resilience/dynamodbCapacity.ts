import { PolicyResource } from "@pulumi/policy";
import { StackRule, stackPolicy } from "../../lib/rule";
import { UNKNOWN, ofType, peek } from "../../lib/stackJoins";

const TABLE = "aws:dynamodb/table:Table";
const SCALING_TARGET = "aws:appautoscaling/target:Target";
const DIMENSIONS = ["dynamodb:table:ReadCapacityUnits", "dynamodb:table:WriteCapacityUnits"] as const;

function scaledDimensions(resources: readonly PolicyResource[], table: PolicyResource): Set<string> | typeof UNKNOWN {
    const name: unknown = peek(table.props, "name");
    const targets = ofType(resources, [SCALING_TARGET]).filter((t: PolicyResource) => peek(t.props, "serviceNamespace") === "dynamodb");
    const found = new Set<string>();
    for (const target of targets) {
        const resourceId: unknown = peek(target.props, "resourceId");
        const dimension: unknown = peek(target.props, "scalableDimension");
        if (resourceId === UNKNOWN || name === UNKNOWN) {
            // While ids are unknown, the dependency graph is the only join.
            if ((target.propertyDependencies?.resourceId ?? []).some((r: PolicyResource) => r.urn === table.urn) && typeof dimension === "string") {
                found.add(dimension);
            }
            continue;
        }
        if (resourceId === `table/${String(name)}` && typeof dimension === "string") {
            found.add(dimension);
        }
    }
    return found;
}

/** On-demand tables scale themselves; provisioned tables need read and write auto scaling or they throttle. */
export const dynamodbCapacity: StackRule = {
    id: "res-dynamodb-capacity",
    description: "DynamoDB tables are PAY_PER_REQUEST, or PROVISIONED with Application Auto Scaling targets for read and write capacity.",
    severity: "low",
    remediation: "Use billingMode PAY_PER_REQUEST, or add aws.appautoscaling.Target (serviceNamespace dynamodb, resourceId table/<name>) for ReadCapacityUnits and WriteCapacityUnits with target-tracking policies.",
    check(resources, ctx) {
        const tables = ofType(resources, [TABLE]);
        if (tables.length === 0) {
            ctx.notApplicable("no DynamoDB table in the stack");
        }
        for (const table of tables) {
            const mode: unknown = peek(table.props, "billingMode");
            if (mode === UNKNOWN || mode === "PAY_PER_REQUEST") {
                continue;
            }
            const scaled = scaledDimensions(resources, table);
            if (scaled === UNKNOWN) {
                continue;
            }
            const missing: string[] = DIMENSIONS.filter((d: string) => !scaled.has(d));
            if (missing.length > 0) {
                ctx.report(table, { property: "billingMode", value: mode ?? "PROVISIONED (provider default)", expected: `PAY_PER_REQUEST, or auto scaling targets for ${missing.join(" and ")}` });
            }
        }
    },
};

export const dynamodbCapacityPolicies = [stackPolicy(dynamodbCapacity)];
