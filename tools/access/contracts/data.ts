import { str } from "../documents";
import type { RecordedResource } from "../../offline/mockEngine";
import { allow, deny } from "./common";
import type { AccessContract, ContractInputs } from "./types";
import { RunIndex, role } from "./wiring";

interface WorkloadAccess { readonly workload: string; readonly tables?: readonly string[]; readonly buckets?: readonly string[] }

/**
 * Data layer, from platform:data access[] (workload -> tables, buckets): each workload reads and
 * writes its own tables and bucket objects and nothing else (another workload's table, a table it
 * was not granted).
 */
export function dataContracts(inputs: ContractInputs, index: RunIndex, prefix: string): AccessContract[] {
    const out: AccessContract[] = [];
    const data = (inputs.config["platform:data"] ?? {}) as { access?: WorkloadAccess[] };
    const roles: RecordedResource[] = index.of("aws:iam/role:Role");
    const tables: RecordedResource[] = index.of("aws:dynamodb/table:Table");
    const buckets: RecordedResource[] = index.of("aws:s3/bucket:Bucket");
    for (const access of data.access ?? []) {
        const podRole: RecordedResource | undefined = roles.find((r) => r.outputs.name === `${prefix}-workload-${access.workload}-pod`);
        if (!podRole) {
            continue;
        }
        const who = role(String(podRole.outputs.arn));
        const source = `platform:data access[${access.workload}]`;
        for (const table of tables) {
            const granted: boolean = (access.tables ?? []).some((t) => table.outputs.name === `${prefix}-${t}`);
            const arn = String(table.outputs.arn);
            if (granted) {
                for (const action of ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:DeleteItem"]) {
                    out.push(allow("data", `workload-uses-own-table/${access.workload}/${str(table.outputs.name)}/${action}`, `${access.workload} reads and writes its table`, who, action, arn, source));
                }
                out.push(allow("data", `workload-queries-own-index/${access.workload}/${str(table.outputs.name)}`, `${access.workload} queries its table's indexes`, who, "dynamodb:Query", `${arn}/index/any-index`, source));
            } else {
                out.push(deny("data", `workload-cannot-read-other-table/${access.workload}/${str(table.outputs.name)}`, `${access.workload} cannot read a table it was not granted`, who, "dynamodb:GetItem", arn, source));
            }
        }
        // Another workload's table (one the stack does not grant it): always denied.
        const foreign = `arn:aws:dynamodb:${inputs.region}:${inputs.account}:table/${prefix}-another-workload`;
        for (const action of ["dynamodb:GetItem", "dynamodb:Scan", "dynamodb:PutItem"]) {
            out.push(deny("data", `workload-cannot-use-foreign-table/${access.workload}/${action}`, `${access.workload} cannot use another workload's table`, who, action, foreign, source));
        }
        for (const bucket of buckets) {
            const granted: boolean = (access.buckets ?? []).some((b) => bucket.name === `bucket-${b}`);
            const object = `${String(bucket.outputs.arn)}/orders/123.json`;
            if (granted) {
                for (const action of ["s3:GetObject", "s3:PutObject"]) {
                    out.push(allow("data", `workload-uses-own-bucket/${access.workload}/${bucket.name}/${action}`, `${access.workload} reads and writes its bucket objects`, who, action, object, source));
                }
            } else {
                out.push(deny("data", `workload-cannot-read-other-bucket/${access.workload}/${bucket.name}`, `${access.workload} cannot read a bucket it was not granted`, who, "s3:GetObject", object, source));
            }
        }
    }
    return out;
}
