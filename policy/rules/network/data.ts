import type * as aws from "@pulumi/aws";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { isTrue } from "../../lib/props";
import { ABSENT, ResourceRule, resourcePolicy } from "../../lib/rule";
import { UNKNOWN, arg, peekArray } from "../../lib/stackJoins";

/** Databases and caches stay inside private networking. */

export const rdsNotPublic: ResourceRule = {
    id: "net-rds-not-public",
    description: "RDS / Aurora instances are not publicly accessible.",
    severity: "high",
    remediation: "Set publiclyAccessible: false (the default) and reach the database from inside the VPC.",
    resourceTypes: ["aws:rds/clusterInstance:ClusterInstance", "aws:rds/instance:Instance"],
    check(props, ctx) {
        const value = arg<aws.rds.ClusterInstanceArgs>(props, "publiclyAccessible");
        if (isTrue(value)) {
            ctx.report({ property: "publiclyAccessible", value, expected: "false or not set" });
        }
    },
};

const SERVERLESS_CACHE = "aws:elasticache/serverlessCache:ServerlessCache";

export const elasticacheInVpc: ResourceRule = {
    id: "net-elasticache-in-vpc",
    description: "ElastiCache runs in a custom subnet group (private subnets) with explicit security groups, never the default subnet group.",
    severity: "high",
    remediation: "Create an aws.elasticache.SubnetGroup over private subnets and set subnetGroupName plus securityGroupIds (serverless: subnetIds + securityGroupIds).",
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup", "aws:elasticache/cluster:Cluster", SERVERLESS_CACHE],
    check(props, ctx) {
        if (ctx.type === "aws:elasticache/cluster:Cluster" && arg<aws.elasticache.ClusterArgs>(props, "replicationGroupId") !== undefined) {
            ctx.notApplicable("member of a replication group (checked on the group)");
        }
        if (ctx.type === SERVERLESS_CACHE) {
            const subnets = peekArray(arg<aws.elasticache.ServerlessCacheArgs>(props, "subnetIds"));
            if (subnets !== UNKNOWN && subnets.length === 0) {
                ctx.report({ property: "subnetIds", value: ABSENT, expected: "private subnet ids (omitted means the default VPC)" });
            }
        } else {
            const group = arg<aws.elasticache.ReplicationGroupArgs>(props, "subnetGroupName");
            if (group !== UNKNOWN && (group === undefined || group === null || group === "" || group === "default")) {
                ctx.report({ property: "subnetGroupName", value: group ?? ABSENT, expected: "a custom subnet group of private subnets (not \"default\")" });
            }
        }
        const sgs = peekArray(arg<aws.elasticache.ReplicationGroupArgs>(props, "securityGroupIds"));
        if (sgs !== UNKNOWN && sgs.length === 0) {
            ctx.report({ property: "securityGroupIds", value: ABSENT, expected: "explicit security groups admitting only application sources" });
        }
    },
};

export const dataPolicies: ResourceValidationPolicy[] = [
    resourcePolicy(rdsNotPublic),
    resourcePolicy(elasticacheInVpc),
];
