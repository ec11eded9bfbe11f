import { allow } from "./common";
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
        for (const action of ["logs:CreateLogStream", "logs:PutLogEvents"]) {
            out.push(allow("network", `flow-logs-role-writes/${flowLog.name}/${action}`, "The delivery role writes the flow-log group", role(roleArn), action, `${destination.replace(/:\*$/, "")}:log-stream:eni-0123456789abcdef0-all`, source));
        }
    }
    return out;
}
