import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { AWS_NAME_RULES, AwsNameRule, nameRule, nameViolation } from "../../infra/platform/awsNameRules";

const AWS_PACKAGE: string = path.dirname(require.resolve("@pulumi/aws/package.json"));

/** aws:s3/bucket:Bucket -> node_modules/@pulumi/aws/s3/bucket.d.ts */
function declarationOf(type: string): string {
    const modulePath: string = type.split(":")[1];
    return fs.readFileSync(path.join(AWS_PACKAGE, `${modulePath}.d.ts`), "utf8");
}

/** [type, property, a name AWS accepts, a name AWS rejects (and why)]. */
const EXAMPLES: ReadonlyArray<[string, string, string, string]> = [
    ["aws:s3/bucket:Bucket", "bucket", "platform-prod-audit.logs", "platform..logs"],
    ["aws:s3/bucket:Bucket", "bucket", "platform-prod-audit", "xn--platform"],
    ["aws:s3/bucket:Bucket", "bucketPrefix", "platform-prod-", "platform-production-cloudtrail-archive-"],
    ["aws:iam/role:Role", "name", "platform-prod-flow-logs", "platform prod"],
    ["aws:iam/role:Role", "namePrefix", "platform-prod-", "p".repeat(39)],
    ["aws:iam/policy:Policy", "name", "platform-prod-read", "p".repeat(129)],
    ["aws:iam/policy:Policy", "namePrefix", "platform-", "p".repeat(103)],
    ["aws:iam/rolePolicy:RolePolicy", "name", "delivery", "de/livery"],
    ["aws:iam/rolePolicy:RolePolicy", "namePrefix", "delivery-", "p".repeat(103)],
    ["aws:rds/cluster:Cluster", "clusterIdentifier", "platform-prod-db", "platform--db"],
    ["aws:rds/cluster:Cluster", "clusterIdentifierPrefix", "platform-", "1platform"],
    ["aws:rds/clusterInstance:ClusterInstance", "identifier", "platform-prod-db-1", "platform-prod-db-"],
    ["aws:rds/clusterInstance:ClusterInstance", "identifierPrefix", "platform-", "Platform-"],
    ["aws:rds/instance:Instance", "identifier", "platform-prod-db", "p".repeat(64)],
    ["aws:rds/instance:Instance", "identifierPrefix", "platform-", "p".repeat(38)],
    ["aws:rds/subnetGroup:SubnetGroup", "name", "platform-prod-db", "default"],
    ["aws:elasticache/replicationGroup:ReplicationGroup", "replicationGroupId", "platform-prod-cache", "p".repeat(41)],
    ["aws:elasticache/subnetGroup:SubnetGroup", "name", "platform-prod-cache", "Platform_Cache"],
    ["aws:lb/loadBalancer:LoadBalancer", "name", "platform-prod-public", "internal-platform"],
    ["aws:lb/loadBalancer:LoadBalancer", "namePrefix", "plat-", "platfor"],
    ["aws:lb/targetGroup:TargetGroup", "name", "platform-prod-api", "-platform"],
    ["aws:lb/targetGroup:TargetGroup", "namePrefix", "api-", "api-tgs"],
    ["aws:cloudwatch/logGroup:LogGroup", "name", "/platform/prod/vpc-flow-logs", "/platform/prod/flow logs"],
    ["aws:cloudwatch/logGroup:LogGroup", "namePrefix", "/platform/prod/", "/platform/pr*d/"],
    ["aws:kms/alias:Alias", "name", "alias/platform-prod-data", "alias/aws/platform"],
    ["aws:kms/alias:Alias", "namePrefix", "alias/platform-", "platform-"],
    ["aws:sqs/queue:Queue", "name", "platform-prod-jobs", "platform.prod.jobs"],
    ["aws:sqs/queue:Queue", "namePrefix", "platform-", "p".repeat(55)],
    ["aws:lambda/function:Function", "name", "platform-prod-rotate", "platform.prod.rotate"],
    ["aws:eks/cluster:Cluster", "name", "platform-prod", "-platform"],
    ["aws:ecr/repository:Repository", "name", "platform/api-server", "platform//api"],
    ["aws:cloudtrail/trail:Trail", "name", "platform-prod-audit", "platform-_audit"],
    ["aws:accessanalyzer/analyzer:Analyzer", "analyzerName", "platform-prod-account", "1platform"],
    ["aws:cfg/recorder:Recorder", "name", "platform-prod", "platform prod"],
    ["aws:cfg/deliveryChannel:DeliveryChannel", "name", "platform-prod", "p".repeat(257)],
    ["aws:cfg/recorderStatus:RecorderStatus", "name", "platform-prod", ""],
    ["aws:ec2/securityGroup:SecurityGroup", "name", "platform-prod-db", "sg-platform"],
    ["aws:backup/vault:Vault", "name", "platform-prod-vault", "platform.prod-vault"],
    ["aws:backup/plan:Plan", "name", "platform-prod-tables", "p".repeat(51)],
    ["aws:backup/selection:Selection", "name", "platform-prod-data", "platform prod data"],
    ["aws:backup/restoreTestingPlan:RestoreTestingPlan", "name", "platform_prod_restore_testing", "platform-prod-restore-testing"],
];

describe("the AWS naming rules table", () => {
    it.each(AWS_NAME_RULES.map((r: AwsNameRule) => [r.type, r.property, r] as const))("%s.%s is a real input of @pulumi/aws and cites an AWS page", (type: string, property: string, rule: AwsNameRule) => {
        const declaration: string = declarationOf(type);
        expect(declaration).toContain(`${property}?: pulumi.Input`);
        expect(rule.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    });

    it("has a good and a bad example for every rule", () => {
        const covered = new Set(EXAMPLES.map(([type, property]) => `${type}.${property}`));
        expect(AWS_NAME_RULES.map((r: AwsNameRule) => `${r.type}.${r.property}`).filter((key: string) => !covered.has(key))).toEqual([]);
    });

    it.each(EXAMPLES)("%s.%s accepts %j and rejects %j", (type: string, property: string, good: string, bad: string) => {
        const rule: AwsNameRule = nameRule(type, property);
        expect(nameViolation(rule, good)).toBeUndefined();
        expect(nameViolation(rule, bad)).toBeDefined();
    });

    it("counts .fifo into the SQS limit and demands it on FIFO queues", () => {
        const name: AwsNameRule = nameRule("aws:sqs/queue:Queue", "name");
        expect(nameViolation(name, `${"q".repeat(75)}.fifo`, { fifoQueue: true })).toBeUndefined();
        expect(nameViolation(name, `${"q".repeat(76)}.fifo`, { fifoQueue: true })).toMatch(/81 characters/);
        expect(nameViolation(name, "jobs", { fifoQueue: true })).toMatch(/without the \.fifo suffix/);
        expect(nameViolation(name, "jobs.fifo", {})).toMatch(/\.fifo suffix on a standard queue/);
        const prefix: AwsNameRule = nameRule("aws:sqs/queue:Queue", "namePrefix");
        expect(nameViolation(prefix, "q".repeat(54), {})).toBeUndefined();
        expect(nameViolation(prefix, "q".repeat(50), { fifoQueue: true })).toMatch(/allowed 1-49/);
    });
});
