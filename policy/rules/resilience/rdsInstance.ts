import type * as aws from "@pulumi/aws";
import { isTrue } from "../../lib/props";
import { ABSENT, ResourceRule, resourcePolicy } from "../../lib/rule";
import { UNKNOWN, arg } from "../../lib/stackJoins";
import { ENVIRONMENT_CONFIG, EnvironmentConfig, isProduction } from "./environment";

/**
 * Standalone RDS DB instances (aws:rds/instance:Instance) run Multi-AZ in production (catalogue
 * section 13, res-rds-instance-multi-az; Security Hub FSBP RDS.5). Aurora cluster instances are
 * covered by res-aurora-multi-az. "Production" is decided as for every prod-only rule: the stack tag
 * Environment, else the resource's Environment tag (environment.ts).
 */
export const rdsInstanceMultiAz: ResourceRule<EnvironmentConfig> = {
    id: "res-rds-instance-multi-az",
    description: "Production RDS DB instances (aws:rds/instance:Instance) are Multi-AZ (multiAz true: a synchronous standby in another Availability Zone; Security Hub FSBP RDS.5). Aurora is covered by res-aurora-multi-az.",
    severity: "medium",
    remediation: "Set multiAz: true on the production DB instance (or run the database on Aurora with instances in two zones).",
    resourceTypes: ["aws:rds/instance:Instance"],
    config: ENVIRONMENT_CONFIG,
    check(props, ctx) {
        if (!isProduction(props, ctx.stackTags, ctx.config.environments, ctx.providerProps)) {
            ctx.notApplicable("not a production environment");
        }
        const multiAz: unknown = arg<aws.rds.InstanceArgs>(props, "multiAz");
        if (multiAz === UNKNOWN || isTrue(multiAz)) {
            return;
        }
        ctx.report({ property: "multiAz", value: multiAz ?? ABSENT, expected: "true in production (the provider default is a single-AZ instance)" });
    },
};

export const rdsInstanceResiliencePolicies = [resourcePolicy(rdsInstanceMultiAz)];
