/**
 * The AWS Regions of the commercial partition (`aws`), checked on 2026-12-01 against
 * https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-region-billing-codes.html
 * and the `Region` enum of @pulumi/aws 7.48.0 (tests/config/regions.test.ts keeps every entry in
 * that enum). GovCloud, China, ISO and the European Sovereign Cloud are left out on purpose: the
 * program pins a us-east-1 provider for CloudFront, WAF and ACM, which only exists in `aws`.
 * When AWS opens a Region, add it here.
 */
export const AWS_REGIONS_CHECKED_ON = "2026-12-01";

export const AWS_REGIONS = [
    "af-south-1",
    "ap-east-1", "ap-east-2",
    "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
    "ap-south-1", "ap-south-2",
    "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
    "ca-central-1", "ca-west-1",
    "eu-central-1", "eu-central-2",
    "eu-north-1",
    "eu-south-1", "eu-south-2",
    "eu-west-1", "eu-west-2", "eu-west-3",
    "il-central-1",
    "me-central-1", "me-south-1",
    "mx-central-1",
    "sa-east-1",
    "us-east-1", "us-east-2",
    "us-west-1", "us-west-2",
] as const;
