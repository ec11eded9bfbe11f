import * as pulumi from "@pulumi/pulumi";
import { GLOBAL_EDGE_REGION } from "../../platform/providers";
import { AlarmDefinition } from "./alarmDefinitions";

export interface DashboardArgs {
    readonly region: string;
    readonly definitions: readonly AlarmDefinition[];
    readonly alarmArns: readonly pulumi.Output<string>[];
}

/**
 * The platform dashboard: an alarm-status panel over every alarm, then one graph per alarmed metric
 * (edge metrics read from us-east-1), so the dashboard and the alarms never disagree on what matters.
 */
export function dashboardBody(args: DashboardArgs): pulumi.Output<string> {
    const alarmArns: pulumi.Output<string[]> = pulumi.all([...args.alarmArns]);
    const dimensions = pulumi.all(args.definitions.map((d: AlarmDefinition) => pulumi.output(d.metric?.dimensions ?? {}) as pulumi.Output<Record<string, string>>));
    return pulumi.all([alarmArns, dimensions])
        .apply(([alarmArns, dimensions]: [string[], Record<string, string>[]]) => {
            const graphs = args.definitions.flatMap((definition: AlarmDefinition, index: number) => {
                const metric = definition.metric;
                if (!metric) {
                    return [];
                }
                const dims: string[] = Object.entries(dimensions[index]).flat();
                return [{
                    type: "metric",
                    width: 8,
                    height: 6,
                    properties: {
                        title: definition.description,
                        region: definition.region === "edge" ? GLOBAL_EDGE_REGION : args.region,
                        stat: metric.statistic,
                        period: metric.period,
                        metrics: [[metric.namespace, metric.metricName, ...dims]],
                        annotations: { horizontal: [{ label: "alarm threshold", value: definition.threshold }] },
                    },
                }];
            });
            const status = alarmArns.length > 0
                ? [{ type: "alarm", width: 24, height: 4, properties: { title: "Platform alarms", alarms: alarmArns } }]
                : [];
            return JSON.stringify({ widgets: [...status, ...graphs] });
        });
}
