import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { MockEngineError, runUnderMocks } from "../../tools/offline/mockEngine";

/** A raw custom resource of any type: the engine checks need no provider SDK (and its import time). */
class Raw extends pulumi.CustomResource {
    constructor(type: string, name: string, inputs: pulumi.Inputs) {
        super(type, name, inputs);
    }
}

/** Runs a program under the mock engine; returns what it threw, or undefined. */
async function run(program: () => void): Promise<unknown> {
    try {
        await runUnderMocks({ project: "platform", stack: "dev", config: { "aws:region": "us-east-1" }, program: () => { program(); return {}; } });
        return undefined;
    } catch (error) {
        return error;
    }
}

describe("the mock engine refuses what the engine and AWS refuse", () => {
    it("fails the run on a duplicate URN, naming it", async () => {
        const error = await run(() => {
            new Raw("aws:sqs/queue:Queue", "orders", { name: "orders" });
            new Raw("aws:sqs/queue:Queue", "orders", { name: "orders-2" });
        });
        expect(error).toBeInstanceOf(MockEngineError);
        expect((error as MockEngineError).problems).toEqual([
            "Duplicate resource URN 'urn:pulumi:dev::platform::aws:sqs/queue:Queue::orders'; try giving it a unique name",
        ]);
    });

    it("accepts one name under two types (different URNs)", async () => {
        expect(await run(() => {
            new Raw("aws:sqs/queue:Queue", "orders", { name: "orders" });
            new Raw("aws:sns/topic:Topic", "orders", { name: "orders" });
        })).toBeUndefined();
    });

    it("fails the run on physical names AWS rejects, naming resource, value and the rule's source", async () => {
        const error = await run(() => {
            new Raw("aws:s3/bucket:Bucket", "logs", { bucket: "Platform_Logs" });
            new Raw("aws:sqs/queue:Queue", "jobs", { name: "jobs", fifoQueue: true });
            new Raw("aws:lb/loadBalancer:LoadBalancer", "public", { name: "platform-production-public-ingress" });
            new Raw("aws:iam/role:Role", "nodes", { namePrefix: "platform-production-eks-managed-node-group-" });
            new Raw("aws:ec2/vpc:Vpc", "vpc", { tags: { Name: "x".repeat(257) } });
        });
        expect(error).toBeInstanceOf(MockEngineError);
        const problems: readonly string[] = (error as MockEngineError).problems;
        expect(problems).toHaveLength(5);
        const about = (resource: string): string => problems.find((p: string) => p.includes(`::${resource}: `)) ?? `nothing about ${resource}`;
        expect(about("aws:s3/bucket:Bucket::logs")).toBe('urn:pulumi:dev::platform::aws:s3/bucket:Bucket::logs: bucket "Platform_Logs": characters or shape AWS rejects; AWS allows 3-63 lowercase letters, digits, periods, hyphens; starts and ends with a letter or digit (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html)');
        expect(about("aws:sqs/queue:Queue::jobs")).toContain('name "jobs": a FIFO queue name without the .fifo suffix');
        expect(about("aws:lb/loadBalancer:LoadBalancer::public")).toContain('name "platform-production-public-ingress": 34 characters (allowed 1-32)');
        expect(about("aws:iam/role:Role::nodes")).toMatch(/namePrefix ".*": 43 characters \(allowed 1-38\)/);
        expect(about("aws:ec2/vpc:Vpc::vpc")).toContain("tags.Name");
    });
});
