import { RecordedResource } from "../../offline/mockEngine";
import { RateId } from "../pricing";
import { Pricer, PricingContext, hours, textOf } from "./context";

/** Provisioned Aurora classes the price table knows: their hourly rate and vCPUs (RDS User Guide, DB instance classes). */
const PROVISIONED: Readonly<Record<string, { rate: RateId; vcpus: number }>> = {
    "db.r6g.large": { rate: "auroraR6gLargeHour", vcpus: 2 },
};

export type AuroraCapacity =
    | { readonly kind: "serverless"; readonly acuHours: number }
    | { readonly kind: "provisioned"; readonly vcpus: number; readonly rate: RateId }
    | { readonly kind: "unknown"; readonly vcpus: 0; readonly instanceClass: string };

/** What one cluster instance runs: ACU-hours a month for Serverless v2, or a priced provisioned class. */
export function auroraInstanceCapacity(instance: RecordedResource, ctx: PricingContext): AuroraCapacity {
    const instanceClass: string = textOf(instance.inputs.instanceClass, "");
    if (instanceClass === "db.serverless") {
        const minAcu: number = serverlessMinAcu(ctx);
        // An instance that may pause bills ACUs only while awake (storage and I/O are priced on the cluster).
        const acuHours: number = minAcu === 0
            ? ctx.assumptions.auroraServerlessActiveHoursPerMonth * ctx.assumptions.auroraServerlessActiveAcu
            : minAcu * hours(ctx);
        return { kind: "serverless", acuHours };
    }
    const known = PROVISIONED[instanceClass];
    return known ? { kind: "provisioned", ...known } : { kind: "unknown", vcpus: 0, instanceClass };
}

export const priceClusterInstance: Pricer = (r, ctx) => {
    const capacity: AuroraCapacity = auroraInstanceCapacity(r, ctx);
    switch (capacity.kind) {
        case "serverless":
            return [{ rate: "auroraAcuHour", quantity: capacity.acuHours }];
        case "provisioned":
            return [{ rate: capacity.rate, quantity: hours(ctx) }];
        default:
            return `instance class ${capacity.instanceClass || "(unknown)"} is not in the price table`;
    }
};

export const priceCluster: Pricer = (r, ctx) => [
    { rate: "auroraStorageGbMonth", quantity: ctx.assumptions.auroraStorageGb },
    { rate: "auroraIoMillion", quantity: ctx.assumptions.auroraIoMillionPerMonth },
    // The RDS-managed master password lives in a Secrets Manager secret that is not a resource of the program.
    ...(r.inputs.manageMasterUserPassword === true ? [{ rate: "secretMonth" as RateId, quantity: 1 }] : []),
];

function serverlessMinAcu(ctx: PricingContext): number {
    const configured: number[] = ctx.all
        .filter((r: RecordedResource) => r.type === "aws:rds/cluster:Cluster")
        .map((r: RecordedResource) => Number((r.inputs.serverlessv2ScalingConfiguration as { minCapacity?: unknown } | undefined)?.minCapacity))
        .filter((n: number) => Number.isFinite(n));
    return configured.length === 1 ? configured[0] : ctx.assumptions.auroraServerlessMinAcuIfUnset;
}
