import { allow } from "./common";
import type { AccessContract, ContractInputs } from "./types";
import { RunIndex, service } from "./wiring";

/**
 * Edge layer: WAF logs reach their CloudWatch Logs groups through vended-log delivery
 * (WAF Developer Guide, "Sending web ACL traffic logs to an Amazon CloudWatch Logs log group":
 * delivery.logs.amazonaws.com, log groups named aws-waf-logs-*, the account's resource policy).
 */
export function edgeContracts(inputs: ContractInputs, index: RunIndex): AccessContract[] {
    const out: AccessContract[] = [];
    for (const logging of index.of("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration")) {
        for (const destination of (logging.inputs.logDestinationConfigs as unknown[]) ?? []) {
            if (typeof destination !== "string" || !destination.startsWith("arn:aws:logs:")) {
                continue;
            }
            const stream = `${destination.replace(/:\*$/, "")}:log-stream:${inputs.region}_example_0`;
            for (const action of ["logs:CreateLogStream", "logs:PutLogEvents"]) {
                out.push(allow("edge", `waf-logs-delivered/${logging.name}/${action}`, "WAF delivers its logs through vended-log delivery", service("delivery.logs.amazonaws.com"), action, stream, `${logging.type} ${logging.name}`,
                    { "aws:SourceAccount": inputs.account, "aws:SourceArn": `arn:aws:logs:${inputs.region}:${inputs.account}:*` }));
            }
        }
    }
    return out;
}
