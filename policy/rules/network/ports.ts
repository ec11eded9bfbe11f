import { ABSENT, StackRule, stackPolicy } from "../../lib/rule";
import { UNKNOWN, read } from "../../lib/values";
import { num, ofType } from "../../lib/stackJoins";

/**
 * Non-default database and cache ports (catalogue net-nondefault-ports, Low: NAG RDS11, AEC5; FSBP
 * RDS.23). An omitted port is the engine's default. A stack policy though the row is resource-scope:
 * it covers two types, and a stack policy adds nothing to the per-resource Analyze cost (issue 21).
 */
const RDS_CLUSTER = "aws:rds/cluster:Cluster";
const REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";

/** Engine default ports (RDS: Aurora/RDS PostgreSQL 5432, MySQL-compatible 3306; ElastiCache Redis/Valkey 6379, Memcached 11211). */
function defaultPort(type: string, engine: unknown): number | undefined {
    const text = typeof engine === "string" ? engine.toLowerCase() : undefined;
    if (type === RDS_CLUSTER) {
        if (text === undefined || text === "aurora" || text.includes("mysql")) {
            return 3306; // the provider's default engine is "aurora" (MySQL-compatible)
        }
        return text.includes("postgres") ? 5432 : undefined;
    }
    return text === "memcached" ? 11211 : 6379;
}

export const nondefaultPorts: StackRule = {
    id: "net-nondefault-ports",
    description: "Aurora/RDS clusters and ElastiCache replication groups listen on a non-default port (not 5432/3306, not 6379/11211), which takes them out of scans for the default ports (defence in depth; the security groups remain the control).",
    severity: "low",
    remediation: "Set port to a non-default value (the port of an existing cluster or replication group cannot be changed in place).",
    check(resources, ctx) {
        for (const resource of ofType(resources, [RDS_CLUSTER, REPLICATION_GROUP])) {
            const engine: unknown = read(resource.props, "engine");
            const raw: unknown = read(resource.props, "port");
            if (engine === UNKNOWN || raw === UNKNOWN) {
                continue;
            }
            const expected: number | undefined = defaultPort(resource.type, engine);
            const port = num(raw);
            if (expected !== undefined && (port === undefined || port === expected)) {
                ctx.report(resource, { property: "port", value: port === undefined ? ABSENT : raw, expected: `a port other than the engine default ${expected}` });
            }
        }
    },
};

export const portPolicies = [stackPolicy(nondefaultPorts)];
