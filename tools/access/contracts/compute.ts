import { str } from "../documents";
import type { RecordedResource } from "../../offline/mockEngine";
import { allow, deny } from "./common";
import type { AccessContract, ContractInputs } from "./types";
import { RunIndex, role, service } from "./wiring";

/**
 * Compute layer: EKS Pod Identity can hand out each associated role (EKS User Guide, "pod-id-role":
 * pods.eks.amazonaws.com with sts:AssumeRole and sts:TagSession; the session tags eks-cluster-arn,
 * kubernetes-namespace, kubernetes-service-account; no aws:SourceArn is documented), and the node
 * role cannot read application data (only the workloads' Pod Identity roles may).
 */
export function computeContracts(inputs: ContractInputs, index: RunIndex): AccessContract[] {
    const out: AccessContract[] = [];
    const clusters = new Map<string, string>(index.of("aws:eks/cluster:Cluster").map((c) => [String(c.outputs.name), String(c.outputs.arn)]));
    for (const association of index.of("aws:eks/podIdentityAssociation:PodIdentityAssociation")) {
        const roleArn = String(association.inputs.roleArn);
        const clusterArn: string = clusters.get(String(association.inputs.clusterName)) ?? "";
        const tags = {
            "aws:RequestTag/eks-cluster-arn": clusterArn, "aws:RequestTag/eks-cluster-name": String(association.inputs.clusterName),
            "aws:RequestTag/kubernetes-namespace": String(association.inputs.namespace), "aws:RequestTag/kubernetes-service-account": String(association.inputs.serviceAccount),
            "aws:TagKeys": ["eks-cluster-arn", "eks-cluster-name", "kubernetes-namespace", "kubernetes-service-account", "kubernetes-pod-name", "kubernetes-pod-uid"],
            "aws:SourceAccount": inputs.account,
        };
        const who = `${String(association.inputs.namespace)}/${String(association.inputs.serviceAccount)}`;
        for (const action of ["sts:AssumeRole", "sts:TagSession"]) {
            out.push(allow("compute", `pod-identity-assumes/${who}/${action}`, `EKS Pod Identity issues ${who}'s credentials (documented session tags, no aws:SourceArn)`, service("pods.eks.amazonaws.com"), action, roleArn, `${association.type} ${association.name}`, tags));
        }
    }
    const nodeRoles: string[] = index.of("aws:eks/nodeGroup:NodeGroup").map((n: RecordedResource) => String(n.inputs.nodeRoleArn)).filter((a, i, all) => all.indexOf(a) === i);
    for (const nodeRole of nodeRoles) {
        for (const table of index.of("aws:dynamodb/table:Table")) {
            out.push(deny("compute", `node-role-cannot-read-table/${str(table.outputs.name)}`, "The node role cannot read application tables", role(nodeRole), "dynamodb:GetItem", String(table.outputs.arn), `${table.type} ${table.name}`));
        }
        for (const bucket of index.of("aws:s3/bucket:Bucket")) {
            out.push(deny("compute", `node-role-cannot-read-bucket/${str(bucket.outputs.bucket)}`, "The node role cannot read bucket objects", role(nodeRole), "s3:GetObject", `${String(bucket.outputs.arn)}/any-object`, `${bucket.type} ${bucket.name}`));
        }
        for (const secret of index.of("aws:secretsmanager/secret:Secret")) {
            out.push(deny("compute", `node-role-cannot-read-secret/${str(secret.outputs.name)}`, "The node role cannot read secrets", role(nodeRole), "secretsmanager:GetSecretValue", String(secret.outputs.arn), `${secret.type} ${secret.name}`));
        }
        for (const key of index.of("aws:kms/key:Key")) {
            out.push(deny("compute", `node-role-cannot-decrypt/${key.name}`, "The node role cannot decrypt with platform keys directly", role(nodeRole), "kms:Decrypt", String(key.outputs.arn), `${key.type} ${key.name}`));
        }
    }
    return out;
}
