import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { NormalisedStatement, conditionKeys, parsePolicyDocument } from "../../lib/documents";
import { ABSENT, StackRule, stackPolicy } from "../../lib/rule";
import { BUCKET_TYPES, UNKNOWN, bucketSubResources, ofType, peek, peekArray, unwrap } from "../../lib/stackJoins";

/**
 * net-cf-origin-bucket-policy: the S3 bucket behind a CloudFront origin is readable only by the
 * CloudFront service principal, scoped by AWS:SourceArn to the distribution, and is not a website
 * endpoint. Origin buckets are found by domain name (bucketRegionalDomainName / bucketDomainName)
 * or, when the origin domain is unknown in preview, by the distribution's dependency on the bucket.
 */
const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const POLICY_TYPES = ["aws:s3/bucketPolicy:BucketPolicy"];
const WEBSITE_TYPES = ["aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration", "aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2"];
const CLOUDFRONT_SERVICE = "cloudfront.amazonaws.com";

function originBuckets(resources: readonly PolicyResource[], distribution: PolicyResource): PolicyResource[] {
    const origins = peekArray(peek(distribution.props, "origins"));
    const domains: unknown[] = origins === UNKNOWN ? [UNKNOWN] : origins.map((o) => peek(o, "domainName"));
    const anyUnknown = domains.some((d) => d === UNKNOWN);
    return ofType(resources, BUCKET_TYPES).filter((bucket: PolicyResource) => {
        const names = ["bucketRegionalDomainName", "bucketDomainName"].map((k) => peek(bucket.props, k)).filter((v): v is string => typeof v === "string");
        if (domains.some((d) => typeof d === "string" && names.includes(d))) {
            return true;
        }
        const bucketNameKnown = names.length > 0;
        return (anyUnknown || !bucketNameKnown) && (distribution.dependencies ?? []).some((d) => d.urn === bucket.urn);
    });
}

function onlyCloudFront(statement: NormalisedStatement): boolean {
    const kinds = Object.entries(statement.principals);
    return !statement.hasNotPrincipal && kinds.length > 0 && kinds.every(([kind, ids]) => kind === "Service" && ids.every((id) => id === CLOUDFRONT_SERVICE));
}

function sourceArns(statement: NormalisedStatement): string[] {
    const values: string[] = [];
    for (const block of Object.values(statement.conditions)) {
        for (const [key, list] of Object.entries(block)) {
            if (key.toLowerCase() === "aws:sourcearn") {
                values.push(...list);
            }
        }
    }
    return values;
}

export const cfOriginBucketPolicy: StackRule = {
    id: "net-cf-origin-bucket-policy",
    description: "CloudFront origin buckets grant read only to Service cloudfront.amazonaws.com with AWS:SourceArn = the distribution ARN, and are not website endpoints.",
    severity: "high",
    remediation: "Attach a BucketPolicy allowing s3:GetObject to Service cloudfront.amazonaws.com with Condition StringEquals AWS:SourceArn = distribution.arn; remove website hosting and other grants.",
    check(resources, ctx) {
        for (const distribution of ofType(resources, [DISTRIBUTION])) {
            const distributionArn = peek(distribution.props, "arn");
            const origins = peekArray(peek(distribution.props, "origins"));
            if (origins !== UNKNOWN) {
                origins.forEach((origin, index) => {
                    const domain = peek(origin, "domainName");
                    if (typeof domain === "string" && domain.includes(".s3-website")) {
                        ctx.report(distribution, { property: `origins[${index}].domainName`, value: domain, expected: "the bucket's REST endpoint (bucketRegionalDomainName) with OAC, not an S3 website endpoint" });
                    }
                });
            }
            for (const bucket of originBuckets(resources, distribution)) {
                for (const website of bucketSubResources(resources, bucket, WEBSITE_TYPES)) {
                    ctx.report(website, { property: "(resource)", value: website.type, expected: "no website configuration on a CloudFront origin bucket" });
                }
                const policies = bucketSubResources(resources, bucket, POLICY_TYPES);
                if (policies.length === 0) {
                    ctx.report(bucket, { property: "aws:s3/bucketPolicy", value: ABSENT, expected: `a bucket policy granting s3:GetObject to ${CLOUDFRONT_SERVICE} scoped by AWS:SourceArn` });
                    continue;
                }
                for (const policy of policies) {
                    const raw = peek(policy.props, "policy");
                    if (raw === UNKNOWN) {
                        continue;
                    }
                    const document = parsePolicyDocument(unwrap(raw));
                    if (!document) {
                        continue;
                    }
                    document.statements.forEach((statement, index) => {
                        if (statement.effect !== "Allow") {
                            return;
                        }
                        if (!onlyCloudFront(statement)) {
                            ctx.report(policy, { property: `policy.Statement[${index}].Principal`, value: statement.principals, expected: `only Service ${CLOUDFRONT_SERVICE} on a CloudFront origin bucket` });
                            return;
                        }
                        if (!conditionKeys(statement).has("aws:sourcearn")) {
                            ctx.report(policy, { property: `policy.Statement[${index}].Condition`, value: ABSENT, expected: "StringEquals AWS:SourceArn = the distribution ARN" });
                            return;
                        }
                        const arns = sourceArns(statement).filter((a) => a.startsWith("arn:"));
                        if (typeof distributionArn === "string" && arns.length > 0 && !arns.some((a) => a === distributionArn || (a.includes("*") && new RegExp(`^${a.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test(distributionArn)))) {
                            ctx.report(policy, { property: `policy.Statement[${index}].Condition.AWS:SourceArn`, value: arns, expected: `the ARN of distribution "${distribution.name}" (${distributionArn})` });
                        }
                    });
                }
            }
        }
    },
};

export const cloudfrontOriginPolicies: StackValidationPolicy[] = [stackPolicy(cfOriginBucketPolicy)];
