import { RATES, RateId } from "../preview/pricing";
import { EC2_INSTANCE_RATES } from "../preview/ec2Pricing";

/**
 * How to find a rate of the price table in AWS's Price List Query API (`aws pricing get-products`,
 * us-east-1 or ap-south-1 endpoints; Billing and Cost Management User Guide, "Using the AWS Price
 * List Query API"). Each query names the service code and TERM_MATCH filters on product attributes;
 * the on-demand price of the first tier, times `scale`, is the table's unit (`scale` 1,000,000 turns a
 * per-request price into a per-million one).
 *
 * Attribute values are those the Price List publishes for US East (N. Virginia), whose usage types
 * carry no Region prefix for EC2 and VPC. A query that matches no product is reported as such: the
 * filter, not the rate, then needs fixing.
 */
export interface PriceListQuery {
    readonly serviceCode: string;
    readonly filters: Readonly<Record<string, string>>;
    readonly scale?: number;
}

const LOCATION = "US East (N. Virginia)";

/** EC2 Linux on-demand, shared tenancy, no pre-installed software, the capacity actually used. */
function ec2Instance(instanceType: string): PriceListQuery {
    return {
        serviceCode: "AmazonEC2",
        filters: { instanceType, location: LOCATION, operatingSystem: "Linux", tenancy: "Shared", preInstalledSw: "NA", capacitystatus: "Used", licenseModel: "No License required" },
    };
}

function cacheNode(instanceType: string, cacheEngine: "Redis" | "Valkey"): PriceListQuery {
    return { serviceCode: "AmazonElastiCache", filters: { instanceType, cacheEngine, location: LOCATION } };
}

const BASE_QUERIES: Partial<Record<RateId, PriceListQuery>> = {
    natGatewayHour: { serviceCode: "AmazonEC2", filters: { productFamily: "NAT Gateway", usagetype: "NatGateway-Hours", location: LOCATION } },
    natGatewayGb: { serviceCode: "AmazonEC2", filters: { productFamily: "NAT Gateway", usagetype: "NatGateway-Bytes", location: LOCATION } },
    ebsGp3GbMonth: { serviceCode: "AmazonEC2", filters: { productFamily: "Storage", volumeApiName: "gp3", location: LOCATION } },
    interfaceEndpointAzHour: { serviceCode: "AmazonVPC", filters: { usagetype: "VpcEndpoint-Hours", location: LOCATION } },
    interfaceEndpointGb: { serviceCode: "AmazonVPC", filters: { usagetype: "VpcEndpoint-Bytes", location: LOCATION } },
    publicIpv4Hour: { serviceCode: "AmazonVPC", filters: { usagetype: "PublicIPv4:InUseAddress", location: LOCATION } },
    eksClusterHour: { serviceCode: "AmazonEKS", filters: { usagetype: "USE1-AmazonEKS-Hours:perCluster", location: LOCATION } },
    auroraR6gLargeHour: { serviceCode: "AmazonRDS", filters: { instanceType: "db.r6g.large", databaseEngine: "Aurora PostgreSQL", deploymentOption: "Single-AZ", location: LOCATION } },
    elastiCacheT4gMicroHour: cacheNode("cache.t4g.micro", "Redis"),
    elastiCacheR6gLargeHour: cacheNode("cache.r6g.large", "Redis"),
    elastiCacheR7gLargeHour: cacheNode("cache.r7g.large", "Redis"),
    elastiCacheValkeyT4gMicroHour: cacheNode("cache.t4g.micro", "Valkey"),
    elastiCacheValkeyR7gLargeHour: cacheNode("cache.r7g.large", "Valkey"),
    fargateVcpuHour: { serviceCode: "AmazonECS", filters: { usagetype: "USE1-Fargate-vCPU-Hours:perCPU", location: LOCATION } },
    fargateGbHour: { serviceCode: "AmazonECS", filters: { usagetype: "USE1-Fargate-GB-Hours", location: LOCATION } },
    lambdaRequestsMillion: { serviceCode: "AWSLambda", filters: { group: "AWS-Lambda-Requests", location: LOCATION }, scale: 1_000_000 },
    lambdaGbSecondX86: { serviceCode: "AWSLambda", filters: { group: "AWS-Lambda-Duration", location: LOCATION } },
    lambdaGbSecondArm: { serviceCode: "AWSLambda", filters: { group: "AWS-Lambda-Duration-ARM", location: LOCATION } },
};

/** Every rate with a query: the hand-written ones and one per EC2 instance type of the table. */
export const PRICE_LIST_QUERIES: Readonly<Record<string, PriceListQuery>> = {
    ...BASE_QUERIES as Record<string, PriceListQuery>,
    ...Object.fromEntries(Object.keys(EC2_INSTANCE_RATES).map((id: string) => [id, ec2Instance(id.replace(/^ec2\./, ""))])),
};

/** The table's figure for a rate id. */
export function tableRate(id: string): number {
    return (RATES as Record<string, { usd: number }>)[id].usd;
}
