import { allow, deny } from "./common";
import type { AccessContract, ContractInputs } from "./types";
import { RunIndex, role, service } from "./wiring";

/** Network layer: VPC flow logs reach their log group (VPC User Guide, "IAM role for publishing flow logs to CloudWatch Logs"). */
export function networkContracts(inputs: ContractInputs, index: RunIndex): AccessContract[] {
    const out: AccessContract[] = [];
    for (const flowLog of index.of("aws:ec2/flowLog:FlowLog")) {
        const roleArn: unknown = flowLog.inputs.iamRoleArn;
        const destination: unknown = flowLog.inputs.logDestination;
        if (typeof roleArn !== "string" || typeof destination !== "string") {
            continue;
        }
        const source = `${flowLog.type} ${flowLog.name}`;
        const flowLogArn = `arn:aws:ec2:${inputs.region}:${inputs.account}:vpc-flow-log/${String(flowLog.outputs.id)}`;
        out.push(allow("network", `flow-logs-assume-delivery-role/${flowLog.name}`, "VPC Flow Logs assumes its delivery role", service("vpc-flow-logs.amazonaws.com"), "sts:AssumeRole", roleArn, source,
            { "aws:SourceArn": flowLogArn, "aws:SourceAccount": inputs.account }));
        // Confused deputy: a flow log in another account cannot use this role.
        out.push(deny("network", `flow-logs-role-not-for-other-accounts/${flowLog.name}`, "VPC Flow Logs acting for another account cannot assume the role", service("vpc-flow-logs.amazonaws.com"), "sts:AssumeRole", roleArn, source,
            { "aws:SourceArn": `arn:aws:ec2:${inputs.region}:210987654321:vpc-flow-log/fl-0123456789abcdef0`, "aws:SourceAccount": "210987654321" }));
        // Least privilege: the delivery role writes its own log group and no other.
        for (const other of index.of("aws:cloudwatch/logGroup:LogGroup").filter((g) => g.outputs.arn !== destination.replace(/:\*$/, "")).slice(0, 3)) {
            out.push(deny("network", `flow-logs-role-cannot-write/${flowLog.name}/${String(other.outputs.name)}`, "The flow-log delivery role cannot write other log groups", role(roleArn), "logs:PutLogEvents", `${String(other.outputs.arn)}:log-stream:any`, source));
        }
        for (const action of ["logs:CreateLogStream", "logs:PutLogEvents"]) {
            out.push(allow("network", `flow-logs-role-writes/${flowLog.name}/${action}`, "The delivery role writes the flow-log group", role(roleArn), action, `${destination.replace(/:\*$/, "")}:log-stream:eni-0123456789abcdef0-all`, source));
        }
    }
    return out;
}
