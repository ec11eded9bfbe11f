import { isTrue } from "../../lib/props";
import { ABSENT, resourcePolicy } from "../../lib/rule";
import { UNKNOWN, list, read } from "../../lib/values";

const RDS_TYPES = ["aws:rds/cluster:Cluster", "aws:rds/clusterInstance:ClusterInstance", "aws:rds/instance:Instance"];
const TABLE = "aws:dynamodb/table:Table";

/** Snapshots and replicas carry their source's tags, so cost allocation and tag-based access follow the data. */
export const tagPropagation = resourcePolicy({
    id: "tag-propagation",
    description: "RDS clusters, cluster instances and instances copy tags to snapshots; DynamoDB global-table replicas propagate the table's tags.",
    severity: "low",
    resourceTypes: [...RDS_TYPES, TABLE],
    remediation: "Set copyTagsToSnapshot: true (RDS), or propagateTags: true on every entry of replicas (DynamoDB).",
    check(props, ctx) {
        if (RDS_TYPES.includes(ctx.type)) {
            const value: unknown = read(props, "copyTagsToSnapshot");
            if (value !== UNKNOWN && !isTrue(value)) {
                ctx.report({ property: "copyTagsToSnapshot", value: value ?? ABSENT, expected: "true (the provider default is false: snapshots would be untagged)" });
            }
            return;
        }
        const replicas = list(props, "replicas");
        if (replicas === UNKNOWN) {
            return;
        }
        if (replicas.length === 0) {
            ctx.notApplicable("the table has no global-table replicas");
        }
        replicas.forEach((_replica: unknown, index: number) => {
            const value: unknown = read(props, `replicas.${index}.propagateTags`);
            if (value !== UNKNOWN && !isTrue(value)) {
                ctx.report({ property: `replicas[${index}].propagateTags`, value: value ?? ABSENT, expected: "true" });
            }
        });
    },
});

export const tagPropagationPolicies = [tagPropagation];
