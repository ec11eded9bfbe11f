import { describe, expect, it } from "vitest";
import { auroraWriterCanPause } from "../../infra/components/data/aurora";
import { parsePlatformConfig } from "../../infra/config/load";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { StackRunResult, runStack, stackConfiguration } from "../support/stackRun";

/**
 * Alarms on resources that can legitimately be idle (issue 18 §4). "breaching" on missing data is
 * right only for a metric its resource publishes whenever it runs and that can never be silent by
 * design; a metric that exists only on activity (errors, throttles, blocked requests) or a resource
 * that pauses (dev's Aurora writer at 0 ACUs) must read silence as not breaching. Walks every alarm
 * of both stacks: a "breaching" alarm must watch a metric of this table, and not of a pausable cluster.
 */
const ALWAYS_REPORTED: Readonly<Record<string, readonly string[]>> = {
    // Per running DB instance/cluster, every minute; silent only when the instance is down or paused.
    "AWS/RDS": ["CPUUtilization", "FreeableMemory", "DatabaseConnections", "AuroraReplicaLag"],
    // Per running cache node, every minute; ElastiCache nodes never pause.
    "AWS/ElastiCache": ["EngineCPUUtilization", "DatabaseMemoryUsagePercentage"],
};

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

/** (namespace, metric) pairs an alarm watches, single metric or metric math. */
function watched(alarm: RecordedResource): Array<{ namespace: string; metricName: string }> {
    if (alarm.inputs.metricName !== undefined) {
        return [{ namespace: alarm.inputs.namespace as string, metricName: alarm.inputs.metricName as string }];
    }
    const queries = (alarm.inputs.metricQueries ?? []) as Array<{ metric?: { namespace: string; metricName: string } }>;
    return queries.flatMap((q) => q.metric ? [{ namespace: q.metric.namespace, metricName: q.metric.metricName }] : []);
}

for (const stack of ["dev", "prod"] as const) {
    const config = parsePlatformConfig(stackConfiguration(stack).config, "platform", stack);
    const canPause: boolean = auroraWriterCanPause(config.data.aurora);

    describe(`alarms and silent metrics (${stack}: the Aurora writer ${canPause ? "pauses at 0 ACUs" : "never pauses"})`, () => {
        let result: StackRunResult;

        it("records the stack's alarms", async () => {
            result = await runStack(stack);
            expect(result.all(ALARM).some((a) => watched(a).some((m) => m.namespace === "AWS/RDS"))).toBe(true);
        });

        it("only alarms on always-reported metrics of resources that never pause treat missing data as breaching", () => {
            const wrong: string[] = result.all(ALARM).flatMap((alarm) => {
                if (alarm.inputs.treatMissingData !== "breaching") {
                    return [];
                }
                return watched(alarm).flatMap(({ namespace, metricName }) => {
                    if (!(ALWAYS_REPORTED[namespace] ?? []).includes(metricName)) {
                        return [`${alarm.name}: ${namespace} ${metricName} is not published while idle`];
                    }
                    return namespace === "AWS/RDS" && canPause ? [`${alarm.name}: the Aurora writer pauses; ${metricName} goes silent then`] : [];
                });
            });
            expect(wrong).toEqual([]);
        });

        it(canPause
            ? "a pausable cluster's alarms read silence as not breaching, and freeable memory counts only while the cluster has capacity"
            : "a cluster that never pauses treats a silent database as down (breaching)", () => {
            const aurora: RecordedResource[] = result.all(ALARM).filter((a) => watched(a).some((m) => m.namespace === "AWS/RDS"));
            expect(aurora.length).toBeGreaterThanOrEqual(3);
            for (const alarm of aurora) {
                expect(alarm.inputs.treatMissingData, alarm.name).toBe(canPause ? "notBreaching" : "breaching");
            }
            const memory: RecordedResource = result.get(ALARM, "aurora-freeable-memory");
            if (canPause) {
                const expression = (memory.inputs.metricQueries as Array<{ expression?: string; returnData?: boolean }>).find((q) => q.returnData)?.expression;
                expect(expression).toBe(`IF(capacity > 0, memory, ${String(memory.inputs.threshold)})`);
                expect(watched(memory).map((m) => m.metricName).sort()).toEqual(["FreeableMemory", "ServerlessDatabaseCapacity"]);
            } else {
                expect(memory.inputs.metricName).toBe("FreeableMemory");
            }
        });
    });
}
