import type { Rate } from "./pricing";

/**
 * EC2 Linux on-demand hourly list prices in us-east-1 for the instance types node groups may use, as
 * published on AWS's on-demand pricing page. The page's tables could not be read offline when the
 * table was reviewed (2026-12-07), hence `verify`: `npm run rates:check` asks the Price List for each, or
 * `aws pricing get-products --service-code AmazonEC2 --filters Type=TERM_MATCH,Field=instanceType,Value=<type>`.
 * Spot capacity is priced from these with the `spotDiscount` assumption.
 */
const SOURCE = "https://aws.amazon.com/ec2/pricing/on-demand/ (Linux, us-east-1)";
const AS_OF = "2026-12-07";

function instance(type: string, usd: number): Rate {
    return { usd, unit: "instance-hour", description: `EC2 ${type} (Linux, on-demand)`, source: SOURCE, asOf: AS_OF, verify: true };
}

export const EC2_INSTANCE_RATES = {
    "ec2.t3.medium": instance("t3.medium", 0.0416),
    "ec2.t3.large": instance("t3.large", 0.0832),
    "ec2.t4g.medium": instance("t4g.medium", 0.0336),
    "ec2.m5.large": instance("m5.large", 0.096),
    "ec2.m5a.large": instance("m5a.large", 0.086),
    "ec2.m6i.large": instance("m6i.large", 0.096),
    "ec2.m6a.large": instance("m6a.large", 0.0864),
    "ec2.m7i.large": instance("m7i.large", 0.1008),
    "ec2.m7g.large": instance("m7g.large", 0.0816),
    "ec2.m6g.large": instance("m6g.large", 0.077),
    "ec2.m7g.xlarge": instance("m7g.xlarge", 0.1632),
    "ec2.m6g.xlarge": instance("m6g.xlarge", 0.154),
    "ec2.c6i.large": instance("c6i.large", 0.085),
    "ec2.r6i.large": instance("r6i.large", 0.126),
    "ec2.m5.xlarge": instance("m5.xlarge", 0.192),
    "ec2.m5a.xlarge": instance("m5a.xlarge", 0.172),
    "ec2.m6i.xlarge": instance("m6i.xlarge", 0.192),
    "ec2.m6a.xlarge": instance("m6a.xlarge", 0.1728),
} as const satisfies Record<string, Rate>;

export type InstanceRateId = keyof typeof EC2_INSTANCE_RATES;

export function instanceRateId(instanceType: string): InstanceRateId | undefined {
    const id = `ec2.${instanceType}`;
    return id in EC2_INSTANCE_RATES ? id as InstanceRateId : undefined;
}

/**
 * vCPUs per instance type (EC2 User Guide, "Amazon EC2 instance type specifications"): what GuardDuty
 * Runtime Monitoring bills per node. Every type of EC2_INSTANCE_RATES has a row (tested).
 */
export const INSTANCE_VCPUS: Readonly<Record<string, number>> = {
    "t3.medium": 2, "t3.large": 2, "t4g.medium": 2,
    "m5.large": 2, "m5a.large": 2, "m6i.large": 2, "m6a.large": 2, "m6g.large": 2, "m7i.large": 2, "m7g.large": 2,
    "c6i.large": 2, "r6i.large": 2,
    "m5.xlarge": 4, "m5a.xlarge": 4, "m6i.xlarge": 4, "m6a.xlarge": 4, "m6g.xlarge": 4, "m7g.xlarge": 4,
};
