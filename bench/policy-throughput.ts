/**
 * Policy-pack throughput: evaluates the whole pack over 10,000 generated resources (a mix of the
 * types the pack covers, compliant and not, with provider default tags) and prints evaluations per
 * second. Target: at least 100,000 resource-policy evaluations per second.
 *   npm run bench:policy [-- --resources 10000 --rounds 5]
 */
import { performance } from "perf_hooks";
import { Policies } from "@pulumi/policy";
import { AnalyzedResource, PolicyEvaluation, evaluatePolicies } from "../policy/lib/evaluate";
import { policies } from "../policy/policies";

const REQUIRED_TAGS: Record<string, string> = {
    Project: "platform", Environment: "prod", Owner: "platform-team", CostCenter: "CC-1042", DataClassification: "internal", ManagedBy: "pulumi",
};

const PROVIDER: AnalyzedResource["provider"] = {
    type: "pulumi:providers:aws",
    urn: "urn:pulumi:bench::platform::pulumi:providers:aws::regional",
    name: "regional",
    props: { region: "us-east-1", defaultTags: { tags: REQUIRED_TAGS } },
};

type Template = (i: number, compliant: boolean) => { type: string; inputs: Record<string, unknown> };

const TEMPLATES: Template[] = [
    (i, ok) => ({ type: "aws:s3/bucket:Bucket", inputs: { bucket: `bucket-${i}`, tagsAll: ok ? REQUIRED_TAGS : {} } }),
    (i, ok) => ({ type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", inputs: { bucket: `bucket-${i - 1}`, blockPublicAcls: true, blockPublicPolicy: ok, ignorePublicAcls: true, restrictPublicBuckets: true } }),
    (_i, ok) => ({ type: "aws:ec2/securityGroup:SecurityGroup", inputs: { vpcId: "vpc-1", description: "app", ingress: [{ protocol: "tcp", fromPort: ok ? 443 : 0, toPort: ok ? 443 : 65535, cidrBlocks: [ok ? "10.0.0.0/16" : "0.0.0.0/0"], ipv6CidrBlocks: [] }], egress: [], tagsAll: REQUIRED_TAGS } }),
    (i, ok) => ({ type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", inputs: { securityGroupId: `sg-${i}`, ipProtocol: ok ? "tcp" : "-1", fromPort: 443, toPort: 443, cidrIpv6: ok ? "fd00::/8" : "::/0", tags: REQUIRED_TAGS } }),
    (_i, ok) => ({ type: "aws:kms/key:Key", inputs: { enableKeyRotation: ok, deletionWindowInDays: 30, policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" }] }), tagsAll: REQUIRED_TAGS } }),
    (_i, _ok) => ({ type: "aws:iam/role:Role", inputs: { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] }), tagsAll: REQUIRED_TAGS } }),
    (i, ok) => ({ type: "aws:iam/rolePolicy:RolePolicy", inputs: { role: `role-${i}`, policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ok ? ["s3:GetObject"] : "*", Resource: ok ? `arn:aws:s3:::bucket-${i}/*` : "*" }] } } }),
    (i, ok) => ({ type: "aws:cloudwatch/logGroup:LogGroup", inputs: { name: `/app/${i}`, retentionInDays: ok ? 365 : undefined, kmsKeyId: ok ? "arn:aws:kms:us-east-1:123456789012:key/abc" : undefined, tagsAll: REQUIRED_TAGS } }),
    (i, ok) => ({ type: "aws:ec2/subnet:Subnet", inputs: { vpcId: "vpc-1", cidrBlock: `10.0.${i % 256}.0/24`, mapPublicIpOnLaunch: !ok, tagsAll: REQUIRED_TAGS } }),
    (_i, ok) => ({ type: "aws:rds/cluster:Cluster", inputs: { engine: "aurora-postgresql", storageEncrypted: ok, kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/abc", backupRetentionPeriod: ok ? 14 : 1, deletionProtection: ok, manageMasterUserPassword: true, enabledCloudwatchLogsExports: ["postgresql"], tagsAll: REQUIRED_TAGS } }),
    (_i, ok) => ({ type: "aws:dynamodb/table:Table", inputs: { billingMode: "PAY_PER_REQUEST", pointInTimeRecovery: { enabled: ok }, serverSideEncryption: { enabled: true, kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/abc" }, deletionProtectionEnabled: ok, tagsAll: REQUIRED_TAGS } }),
    (_i, ok) => ({ type: "aws:ec2/launchTemplate:LaunchTemplate", inputs: { metadataOptions: { httpTokens: ok ? "required" : "optional", httpPutResponseHopLimit: 1 }, networkInterfaces: [{ associatePublicIpAddress: ok ? "false" : "true" }], blockDeviceMappings: [{ ebs: { encrypted: ok ? "true" : "false" } }], tagsAll: REQUIRED_TAGS } }),
];

export function generateResources(count: number): AnalyzedResource[] {
    const resources: AnalyzedResource[] = [];
    for (let i = 0; i < count; i++) {
        const { type, inputs } = TEMPLATES[i % TEMPLATES.length](i, i % 3 !== 0);
        const name = `r${i}`;
        resources.push({ urn: `urn:pulumi:bench::platform::${type}::${name}`, type, name, inputs, outputs: { ...inputs, id: `${name}-id` }, provider: PROVIDER, dependencies: [] });
    }
    return resources;
}

async function main(): Promise<void> {
    const argument = (flag: string, fallback: number): number => {
        const index: number = process.argv.indexOf(flag);
        return index >= 0 ? Number(process.argv[index + 1]) : fallback;
    };
    const count: number = argument("--resources", 10_000);
    const rounds: number = argument("--rounds", 5);
    const resources: AnalyzedResource[] = generateResources(count);
    const pack: Policies = policies;
    const resourcePolicies: number = pack.filter((p) => "validateResource" in p).length;

    await evaluatePolicies(pack, resources.slice(0, 500)); // warm-up (JIT, lazy regexes)
    const timings: number[] = [];
    let last: PolicyEvaluation | undefined;
    for (let round = 0; round < rounds; round++) {
        const start: number = performance.now();
        last = await evaluatePolicies(pack, resources);
        timings.push(performance.now() - start);
    }
    timings.sort((a: number, b: number) => a - b);
    const median: number = timings[Math.floor(timings.length / 2)];
    const pairs: number = count * resourcePolicies;
    console.log(`policy pack: ${resourcePolicies} resource policies, ${pack.length - resourcePolicies} stack policies`);
    console.log(`resources: ${count} generated (${TEMPLATES.length} types, one in three non-compliant); rounds: ${rounds}; median round ${median.toFixed(1)} ms`);
    console.log(`resources per second:                      ${Math.round(count / (median / 1000)).toLocaleString("en-US")}`);
    console.log(`validation functions run per second:       ${Math.round(last!.resourceEvaluations / (median / 1000)).toLocaleString("en-US")} (${last!.resourceEvaluations.toLocaleString("en-US")} per round, type-indexed)`);
    console.log(`resource x policy evaluations per second:  ${Math.round(pairs / (median / 1000)).toLocaleString("en-US")} (${pairs.toLocaleString("en-US")} pairs per round; target >= 100,000)`);
    console.log(`violations per round: ${last!.violations.length}`);

    // The same resources through the resource policies alone (stack policies excluded from the clock).
    const resourceOnly: Policies = pack.filter((p) => "validateResource" in p);
    const resourceTimings: number[] = [];
    let resourceRun: PolicyEvaluation | undefined;
    for (let round = 0; round < rounds; round++) {
        const start: number = performance.now();
        resourceRun = await evaluatePolicies(resourceOnly, resources);
        resourceTimings.push(performance.now() - start);
    }
    resourceTimings.sort((a: number, b: number) => a - b);
    const resourceMedian: number = resourceTimings[Math.floor(resourceTimings.length / 2)];
    console.log(`resource policies only: median round ${resourceMedian.toFixed(1)} ms, `
        + `${Math.round(resourceRun!.resourceEvaluations / (resourceMedian / 1000)).toLocaleString("en-US")} validation functions run per second`);
}

if (require.main === module) {
    main().catch((error: unknown) => {
        console.error(error);
        process.exit(1);
    });
}
