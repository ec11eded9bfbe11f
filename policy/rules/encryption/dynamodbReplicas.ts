import { isCustomerManagedKey } from "../../lib/props";
import { ABSENT, resourcePolicy } from "../../lib/rule";
import { UNKNOWN, list, read } from "../../lib/values";

const TABLE = "aws:dynamodb/table:Table";
const TABLE_REPLICA = "aws:dynamodb/tableReplica:TableReplica";
const EXPECTED = "a customer-managed KMS key ARN in the replica's region (without it the replica uses the AWS-owned key)";

/** Each global-table replica is encrypted with a customer-managed key of its own region. */
export const dynamodbReplicaCmk = resourcePolicy({
    id: "enc-dynamodb-replica-cmk",
    description: "Every DynamoDB global-table replica (Table.replicas[] or TableReplica) is encrypted with a customer-managed KMS key in its region.",
    severity: "low",
    resourceTypes: [TABLE, TABLE_REPLICA],
    remediation: "Create an aws.kms.Key through a provider in the replica region and set the replica's kmsKeyArn to it.",
    check(props, ctx) {
        if (ctx.type === TABLE_REPLICA) {
            const key: unknown = read(props, "kmsKeyArn");
            if (key !== UNKNOWN && !isCustomerManagedKey(key)) {
                ctx.report({ property: "kmsKeyArn", value: key ?? ABSENT, expected: EXPECTED });
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
            const key: unknown = read(props, `replicas.${index}.kmsKeyArn`);
            if (key !== UNKNOWN && !isCustomerManagedKey(key)) {
                ctx.report({ property: `replicas[${index}].kmsKeyArn`, value: key ?? ABSENT, expected: EXPECTED });
            }
        });
    },
});

export const dynamodbReplicaEncryptionPolicies = [dynamodbReplicaCmk];
