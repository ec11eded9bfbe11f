import { PolicyResource } from "@pulumi/policy";
import { ABSENT, StackRule, stackPolicy } from "../../lib/rule";
import { UNKNOWN, ofType, peek, peekArray } from "../../lib/stackJoins";

const RDS_CLUSTER = "aws:rds/cluster:Cluster";
const CLUSTER_PARAMETER_GROUP = "aws:rds/clusterParameterGroup:ClusterParameterGroup";
/** What an investigation needs from PostgreSQL: which statements changed the schema, and which were slow. */
export const QUERY_LOGGING_PARAMETERS = ["log_statement", "log_min_duration_statement"] as const;

function parameterNames(group: PolicyResource): string[] | typeof UNKNOWN {
    const parameters = peekArray(peek(group.props, "parameters"));
    if (parameters === UNKNOWN) {
        return UNKNOWN;
    }
    return parameters.map((p: unknown) => peek(p, "name")).filter((n: unknown): n is string => typeof n === "string");
}

function groupOf(resources: readonly PolicyResource[], cluster: PolicyResource): PolicyResource | undefined | typeof UNKNOWN {
    const name: unknown = peek(cluster.props, "dbClusterParameterGroupName");
    if (name === UNKNOWN) {
        return UNKNOWN;
    }
    if (typeof name !== "string" || name.length === 0) {
        return undefined;
    }
    return ofType(resources, [CLUSTER_PARAMETER_GROUP]).find((g: PolicyResource) => [peek(g.props, "name"), peek(g.props, "id")].includes(name));
}

/** Every Aurora PostgreSQL cluster uses a cluster parameter group that logs DDL and slow statements. */
export const auroraQueryLogging: StackRule = {
    id: "log-aurora-query-logging",
    description: "Aurora PostgreSQL clusters use a cluster parameter group that sets log_statement and log_min_duration_statement.",
    severity: "low",
    remediation: "Add { name: \"log_statement\", value: \"ddl\" } and { name: \"log_min_duration_statement\", value: \"1000\" } to the cluster's aws.rds.ClusterParameterGroup.",
    check(resources, ctx) {
        const clusters = ofType(resources, [RDS_CLUSTER]).filter((c: PolicyResource) => peek(c.props, "engine") === "aurora-postgresql");
        if (clusters.length === 0) {
            ctx.notApplicable("no Aurora PostgreSQL cluster in the stack");
        }
        for (const cluster of clusters) {
            const group = groupOf(resources, cluster);
            if (group === UNKNOWN) {
                continue;
            }
            if (group === undefined) {
                ctx.report(cluster, { property: "dbClusterParameterGroupName", value: peek(cluster.props, "dbClusterParameterGroupName") ?? ABSENT, expected: "a cluster parameter group of this stack that sets log_statement and log_min_duration_statement (the default group sets neither)" });
                continue;
            }
            const names = parameterNames(group);
            if (names === UNKNOWN) {
                continue;
            }
            const missing: string[] = QUERY_LOGGING_PARAMETERS.filter((p: string) => !names.includes(p));
            if (missing.length > 0) {
                ctx.report(group, { property: "parameters", value: names, expected: `also ${missing.join(" and ")}` });
            }
        }
    },
};

export const auroraQueryLoggingPolicies = [stackPolicy(auroraQueryLogging)];
