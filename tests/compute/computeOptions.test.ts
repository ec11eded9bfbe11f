import { beforeAll, describe, expect, it } from "vitest";
import { policies } from "../../policy/policies";
import { PolicyReport, evaluatePack } from "../../tools/preview/policy";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { FAKE_ACCOUNT_ID } from "../../tools/offline/fakeCloud";
import { devObject } from "../config/configFixtures";
import { StackRunResult, policyDocument, runStack } from "../support/stackRun";
import { C } from "./computeAssertions";

/** Dev with every optional compute feature switched on. */
const everythingOn: Record<string, unknown> = {
    ...devObject("platform:compute"),
    endpoint: { publicAccess: true, publicAccessCidrs: ["203.0.113.0/24"], privateAccessCidrs: ["10.20.0.0/16"] },
    addons: { versions: { "vpc-cni": "v1.20.4-eksbuild.1" }, cloudWatchObservability: true },
    karpenter: { enabled: true },
    workloadIdentities: [{
        name: "orders-api",
        namespace: "orders",
        serviceAccount: "orders-api",
        statements: [{ actions: ["sqs:SendMessage"], resources: [`arn:aws:sqs:us-east-1:${FAKE_ACCOUNT_ID}:orders`] }],
    }],
};

describe("compute with every option on (dev)", () => {
    let result: StackRunResult;
    let report: PolicyReport;
    beforeAll(async () => {
        // The integration and delivery layers are off: this file is about compute's resources only.
        result = await runStack("dev", { overrides: { "platform:compute": JSON.stringify(everythingOn), "platform:integration": "{}", "platform:delivery": "{}" } });
        report = await evaluatePack(policies, result.resources, new Map(result.resources.map((r: RecordedResource) => [r.urn, r])), {});
    });

    it("opens the public endpoint only to the allowlist", () => {
        expect(result.get(C.cluster, "eks").inputs.vpcConfig).toMatchObject({ endpointPublicAccess: true, endpointPrivateAccess: true, publicAccessCidrs: ["203.0.113.0/24"] });
    });

    it("pins a configured add-on version and installs Container Insights with its own Pod Identity role", () => {
        expect(result.get(C.addon, "vpc-cni").inputs.addonVersion).toBe("v1.20.4-eksbuild.1");
        expect(result.get(C.addon, "coredns").inputs.addonVersion).toBeUndefined();
        expect(result.get(C.podIdentity, "amazon-cloudwatch-observability").inputs).toMatchObject({ namespace: "amazon-cloudwatch", serviceAccount: "cloudwatch-agent" });
    });

    it("gives a workload exactly its configured statements", () => {
        expect(policyDocument(result.get(C.rolePolicy, "workload-orders-api-pod").inputs.policy).Statement).toEqual([
            { Sid: "Configured0", Effect: "Allow", Action: ["sqs:SendMessage"], Resource: [`arn:aws:sqs:us-east-1:${FAKE_ACCOUNT_ID}:orders`] },
        ]);
    });

    it("creates Karpenter's node role with an EC2_LINUX access entry and its controller role via Pod Identity", () => {
        const nodeRole: RecordedResource = result.get(C.role, "karpenter-node");
        expect(result.get(C.accessEntry, "karpenter-node").inputs).toMatchObject({ type: "EC2_LINUX", principalArn: nodeRole.outputs.arn });
        expect(result.get(C.podIdentity, "karpenter").inputs).toMatchObject({ namespace: "kube-system", serviceAccount: "karpenter" });
        const controller = policyDocument(result.get(C.rolePolicy, "karpenter-pod").inputs.policy).Statement;
        const passRole = controller.find((s) => ([s.Action].flat() as string[]).includes("iam:PassRole"))!;
        expect(passRole.Resource).toEqual(nodeRole.outputs.arn);
    });

    it("feeds an encrypted interruption queue (with a dead-letter queue) from the four EventBridge rules", () => {
        const queue: RecordedResource = result.get("aws:sqs/queue:Queue", "karpenter-interruption");
        const dlq: RecordedResource = result.get("aws:sqs/queue:Queue", "karpenter-interruption-dlq");
        const key: RecordedResource = result.get(C.key, "karpenter-interruption");
        expect(queue.inputs).toMatchObject({ kmsMasterKeyId: key.outputs.arn, messageRetentionSeconds: 300 });
        expect(JSON.parse(String(queue.inputs.redrivePolicy))).toEqual({ deadLetterTargetArn: dlq.outputs.arn, maxReceiveCount: 5 });
        expect(key.inputs.enableKeyRotation).toBe(true);
        const rules: RecordedResource[] = result.all("aws:cloudwatch/eventRule:EventRule");
        expect(rules.map((r) => JSON.parse(String(r.inputs.eventPattern))["detail-type"][0]).sort()).toEqual([
            "AWS Health Event", "EC2 Instance Rebalance Recommendation", "EC2 Instance State-change Notification", "EC2 Spot Instance Interruption Warning",
        ]);
        for (const target of result.all("aws:cloudwatch/eventTarget:EventTarget")) {
            expect(target.inputs).toMatchObject({ arn: queue.outputs.arn, deadLetterConfig: { arn: dlq.outputs.arn } });
        }
        const queuePolicy = policyDocument(result.get("aws:sqs/queuePolicy:QueuePolicy", "karpenter-interruption").inputs.policy).Statement;
        expect(queuePolicy[0]).toMatchObject({ Principal: { Service: "events.amazonaws.com" }, Action: "sqs:SendMessage" });
        expect((queuePolicy[0].Condition as Record<string, Record<string, string[]>>).ArnEquals["aws:SourceArn"]).toHaveLength(4);
        expect(queuePolicy[1]).toMatchObject({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } });
    });

    it("still passes the policy pack with zero mandatory violations", () => {
        expect(report.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => `${v.policy}: ${v.message}`)).toEqual([]);
    });
});
