import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { BudgetConfig, CostAnomalyConfig } from "../../config/operationsConfig";
import { NamingContext, nameTagFor, physicalName } from "../../platform/naming";

export interface CostControlsArgs {
    readonly budget: BudgetConfig;
    readonly costAnomaly: CostAnomalyConfig;
    readonly naming: NamingContext;
    /**
     * The account's AWS services monitor: the baseline owner's (AccountBaseline), or the one a
     * consumer names in platform:operations.costAnomaly.monitorArn. Undefined: no subscription.
     */
    readonly anomalyMonitorArn: pulumi.Input<string> | undefined;
    /** The us-east-1 alarm topic: Cost Anomaly Detection notifies only topics in us-east-1. */
    readonly alarmTopicArn: pulumi.Input<string>;
    /** Budgets and Cost Explorer are global services served from us-east-1. */
    readonly globalEdgeProvider: aws.Provider;
}

/**
 * A monthly cost budget notifying the alarm topic and the configured e-mails on actual and forecast
 * thresholds, and an immediate subscription of the stack's alarm topic to the account's AWS
 * services anomaly monitor. The monitor is one per account ("up to one AWS Service Monitor",
 * https://aws.amazon.com/aws-cost-management/aws-cost-anomaly-detection/faqs/), so the account
 * baseline owns it; subscriptions are per stack, and a subscription may name any monitor of its
 * account (up to 500), so every stack of the account can be alerted by the owner's monitor.
 */
export class CostControls extends pulumi.ComponentResource {
    public readonly budgetName: pulumi.Output<string>;

    constructor(name: string, args: CostControlsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:operations:CostControls", name, {}, opts);
        const { budget, naming } = args;
        const options: pulumi.CustomResourceOptions = { parent: this, provider: args.globalEdgeProvider };
        const notification = (notificationType: "ACTUAL" | "FORECASTED", threshold: number): aws.types.input.budgets.BudgetNotification => ({
            notificationType,
            comparisonOperator: "GREATER_THAN",
            threshold,
            thresholdType: "PERCENTAGE",
            subscriberSnsTopicArns: [args.alarmTopicArn],
            subscriberEmailAddresses: [...budget.notifyEmails],
        });
        const monthly = new aws.budgets.Budget("monthly", {
            name: physicalName(naming, "monthly"),
            budgetType: "COST",
            limitAmount: budget.monthlyLimitUsd.toFixed(2),
            limitUnit: "USD",
            timeUnit: "MONTHLY",
            notifications: [
                ...budget.actualThresholdsPercent.map((percent: number) => notification("ACTUAL", percent)),
                ...budget.forecastThresholdsPercent.map((percent: number) => notification("FORECASTED", percent)),
            ],
            tags: nameTagFor(naming, "monthly"),
        }, options);

        if (args.costAnomaly.enabled && args.anomalyMonitorArn !== undefined) {
            new aws.costexplorer.AnomalySubscription("services", {
                name: physicalName(naming, "cost-anomalies"),
                // SNS subscribers require IMMEDIATE delivery.
                frequency: "IMMEDIATE",
                monitorArnLists: [args.anomalyMonitorArn],
                subscribers: [{ type: "SNS", address: args.alarmTopicArn }],
                thresholdExpression: {
                    dimension: { key: "ANOMALY_TOTAL_IMPACT_ABSOLUTE", matchOptions: ["GREATER_THAN_OR_EQUAL"], values: [String(args.costAnomaly.impactThresholdUsd)] },
                },
                tags: nameTagFor(naming, "cost-anomalies"),
            }, options);
        }

        this.budgetName = monthly.name;
        this.registerOutputs({ budgetName: this.budgetName });
    }
}
