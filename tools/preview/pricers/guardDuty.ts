import { RecordedResource } from "../../offline/mockEngine";
import { INSTANCE_VCPUS } from "../ec2Pricing";
import { Charge, Pricer, PricingContext, hours, nodeGroupShape, textOf } from "./context";
import { auroraInstanceCapacity } from "./aurora";

/** Foundational threat detection: the account's CloudTrail management events, VPC flow and DNS logs. */
export const priceDetector: Pricer = (_r, ctx) => [
    { rate: "guardDutyManagementEventsMillion", quantity: ctx.assumptions.guardDutyManagementEventsMillionPerMonth },
    { rate: "guardDutyFlowDnsGb", quantity: ctx.assumptions.guardDutyFlowDnsGbPerMonth },
];

/**
 * A protection plan, when ENABLED: each is metered on its own data source (GuardDuty User Guide,
 * "Estimating GuardDuty cost"). Runtime Monitoring and RDS Protection bill the capacity they watch:
 * this stack's nodes and Aurora instances, plus what the assumptions say runs beside them in the account.
 */
export const priceDetectorFeature: Pricer = (r, ctx) => {
    if (textOf(r.inputs.status, "ENABLED") !== "ENABLED") {
        return "protection plan DISABLED: no charge";
    }
    const a = ctx.assumptions;
    const name: string = textOf(r.inputs.name, "");
    const monthly = (rate: Charge["rate"], quantity: number): Charge[] => [{ rate, quantity }];
    switch (name) {
        case "S3_DATA_EVENTS":
            return monthly("guardDutyS3DataEventsMillion", a.guardDutyS3DataEventsMillionPerMonth);
        case "EKS_AUDIT_LOGS":
            return monthly("guardDutyEksAuditEventsMillion", a.guardDutyEksAuditEventsMillionPerMonth);
        case "RUNTIME_MONITORING":
            return monthly("guardDutyRuntimeVcpuMonth", nodeVcpus(ctx) + a.guardDutyRuntimeVcpusOutsideStack);
        case "RDS_LOGIN_EVENTS": {
            const capacity = auroraCapacity(ctx);
            return [
                { rate: "guardDutyRdsVcpuMonth", quantity: capacity.vcpus + a.guardDutyRdsVcpusOutsideStack },
                { rate: "guardDutyRdsAcuMonth", quantity: capacity.acus + a.guardDutyRdsAcusOutsideStack },
            ];
        }
        case "EBS_MALWARE_PROTECTION":
            return monthly("guardDutyMalwareScanGb", a.guardDutyMalwareScanGbPerMonth);
        default:
            return `protection plan ${name || "(unknown)"} is not in the price table`;
    }
};

/**
 * vCPUs of the stack's EKS nodes (desired size x the first instance type's vCPUs). Fargate pods are
 * left out: Runtime Monitoring covers EKS on EC2 only, Fargate only for ECS.
 */
function nodeVcpus(ctx: PricingContext): number {
    return ctx.all
        .filter((r: RecordedResource) => r.type === "aws:eks/nodeGroup:NodeGroup")
        .reduce((sum: number, group: RecordedResource) => {
            const { nodes, instanceType } = nodeGroupShape(group);
            return sum + nodes * (INSTANCE_VCPUS[instanceType] ?? 0);
        }, 0);
}

/** vCPUs of provisioned Aurora instances and the average ACUs of Serverless v2 ones. */
function auroraCapacity(ctx: PricingContext): { vcpus: number; acus: number } {
    let vcpus = 0;
    let acus = 0;
    for (const instance of ctx.all.filter((r: RecordedResource) => r.type === "aws:rds/clusterInstance:ClusterInstance")) {
        const capacity = auroraInstanceCapacity(instance, ctx);
        if (capacity.kind === "serverless") {
            acus += capacity.acuHours / hours(ctx);
        } else {
            vcpus += capacity.vcpus;
        }
    }
    return { vcpus, acus };
}
