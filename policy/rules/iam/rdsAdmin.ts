import { ResourceRule, resourcePolicy } from "../../lib/rule";
import { UNKNOWN, read } from "../../lib/values";

/** Default administrator names that FSBP RDS.24 rejects, plus root (catalogue iam-rds-custom-admin). */
const DEFAULT_ADMIN_NAMES: readonly string[] = ["postgres", "admin", "root"];

export const rdsCustomAdmin: ResourceRule = {
    id: "iam-rds-custom-admin",
    description: "Aurora/RDS clusters use a custom master username, not a default one (postgres, admin, root), which guessing attacks try first (FSBP RDS.24).",
    severity: "low",
    remediation: "Set masterUsername to a name of your own (it cannot be changed after creation: plan it for new clusters).",
    resourceTypes: ["aws:rds/cluster:Cluster"],
    check(props, ctx) {
        const name: unknown = read(props, "masterUsername");
        if (name === UNKNOWN) {
            return;
        }
        if (typeof name !== "string" || name.length === 0) {
            // Restored, replica and global-secondary clusters inherit the source's username.
            return ctx.notApplicable("no masterUsername (inherited from a snapshot, replication source or global cluster)");
        }
        if (DEFAULT_ADMIN_NAMES.includes(name.toLowerCase())) {
            ctx.report({ property: "masterUsername", value: name, expected: `a custom name (not ${DEFAULT_ADMIN_NAMES.join(", ")})` });
        }
    },
};

export const rdsAdminPolicies = [resourcePolicy(rdsCustomAdmin)];
