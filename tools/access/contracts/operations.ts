import { str } from "../documents";
import { allow } from "./common";
import type { AccessContract, ContractInputs } from "./types";
import { RunIndex, service } from "./wiring";

/**
 * Operations layer: every alarm can publish to the topic it notifies (CloudWatch User Guide,
 * "Amazon SNS topic access policy for alarms": cloudwatch.amazonaws.com with the alarm as source).
 */
export function operationsContracts(inputs: ContractInputs, index: RunIndex): AccessContract[] {
    const out: AccessContract[] = [];
    for (const alarm of index.of("aws:cloudwatch/metricAlarm:MetricAlarm")) {
        const name = str(alarm.inputs.name, alarm.name);
        const alarmArn = `arn:aws:cloudwatch:${inputs.region}:${inputs.account}:alarm:${name}`;
        const topics: unknown[] = [...((alarm.inputs.alarmActions as unknown[]) ?? []), ...((alarm.inputs.okActions as unknown[]) ?? [])];
        for (const topic of [...new Set(topics)].filter((t): t is string => typeof t === "string" && t.startsWith("arn:aws:sns:"))) {
            out.push(allow("operations", `alarm-publishes/${name}/${topic.split(":").pop()}`, `alarm ${name} notifies its topic`, service("cloudwatch.amazonaws.com"), "sns:Publish", topic, `${alarm.type} ${alarm.name}`,
                { "aws:SourceArn": alarmArn, "aws:SourceAccount": inputs.account }));
        }
    }
    return out;
}
