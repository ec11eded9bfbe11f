import { isCustomerManagedKey, isTrue } from "../../lib/props";
import { ABSENT, StackRule, stackPolicy } from "../../lib/rule";
import { CMK_EXPECTED } from "../../lib/checks";
import { UNKNOWN, isSet, read } from "../../lib/values";
import { ofType } from "../../lib/stackJoins";

const SNAPSHOT_COPIES: readonly string[] = ["aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", "aws:rds/snapshotCopy:SnapshotCopy"];
const GLOBAL_CLUSTER = "aws:rds/globalCluster:GlobalCluster";

/**
 * RDS snapshot copies and global clusters (catalogue enc-rds-snapshot-global). A stack policy though
 * the row is resource-scope: it covers three types, and a stack policy costs nothing per resource in
 * the analyzer's Analyze calls (the server runs only resource policies there), where a policy over
 * several types is invoked for every resource (issue 21).
 */
export const rdsSnapshotGlobal: StackRule = {
    id: "enc-rds-snapshot-global",
    description: "RDS snapshot copies (ClusterSnapshotCopy, SnapshotCopy) are encrypted with a customer-managed KMS key, and global clusters encrypt storage (storageEncrypted true, unless created from an existing cluster, whose encryption they inherit).",
    severity: "low",
    remediation: "Set kmsKeyId on the snapshot copy to a customer-managed KMS key ARN in the destination Region; set storageEncrypted: true on the global cluster.",
    check(resources, ctx) {
        for (const copy of ofType(resources, SNAPSHOT_COPIES)) {
            const key: unknown = read(copy.props, "kmsKeyId");
            if (key === UNKNOWN) {
                continue;
            }
            if (key === undefined || key === null || key === "" || !isCustomerManagedKey(key)) {
                ctx.report(copy, { property: "kmsKeyId", value: key || ABSENT, expected: CMK_EXPECTED });
            }
        }
        for (const global of ofType(resources, [GLOBAL_CLUSTER])) {
            if (isSet(global.props, "sourceDbClusterIdentifier")) {
                continue; // the global cluster takes its storage (and encryption) from the source cluster
            }
            const encrypted: unknown = read(global.props, "storageEncrypted");
            if (encrypted !== UNKNOWN && !isTrue(encrypted)) {
                ctx.report(global, { property: "storageEncrypted", value: encrypted ?? ABSENT, expected: "true (the provider default is unencrypted)" });
            }
        }
    },
};

/** Resources the rule applies to, for tests and docs. */
export const RDS_SNAPSHOT_GLOBAL_TYPES: readonly string[] = [...SNAPSHOT_COPIES, GLOBAL_CLUSTER];

export const rdsSnapshotGlobalPolicies = [stackPolicy(rdsSnapshotGlobal)];
