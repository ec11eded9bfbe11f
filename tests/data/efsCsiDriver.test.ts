import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { createEfsCsiDriver } from "../../infra/components/data/efsCsiDriver";
import { MockRunResult, RecordedResource, runUnderMocks } from "../../tools/offline/mockEngine";
import { policyDocument } from "../support/stackRun";
import { dataSchema, resolveData } from "../../infra/config/dataSchema";
import { dataTierProgram } from "./standaloneProgram";

const CLUSTER_ARN = "arn:aws:eks:us-east-1:123456789012:cluster/platform-test";

class Holder extends pulumi.ComponentResource {
    constructor() {
        super("platform:data:Test", "holder", {});
    }
}

/** The CSI driver is wired once the cluster exists; until then it is tested as a standalone program. */
describe("EFS CSI driver (standalone program)", () => {
    let run: MockRunResult;
    let withoutCluster: unknown;
    beforeAll(async () => {
        run = await runUnderMocks({
            project: "platform", stack: "test", config: { "aws:region": "us-east-1" },
            program: () => {
                const provider = new aws.Provider("regional", { region: "us-east-1" });
                const holder = new Holder();
                const account = { accountId: pulumi.output("123456789012"), partition: pulumi.output("aws"), region: "us-east-1", dnsSuffix: pulumi.output("amazonaws.com") };
                withoutCluster = createEfsCsiDriver({ naming: { prefix: "platform-test" }, account, parent: holder });
                createEfsCsiDriver({ naming: { prefix: "platform-test" }, account, parent: new aws.ec2.Vpc("anchor", {}, { provider, parent: holder }), eks: { clusterName: "platform-test", clusterArn: CLUSTER_ARN } });
                return {};
            },
        });
    });
    const get = (type: string): RecordedResource => run.resources.find((r) => r.type === type)!;

    it("creates nothing without a cluster", () => {
        expect(withoutCluster).toBeUndefined();
        expect(run.resources.filter((r) => r.type === "aws:eks/addon:Addon")).toHaveLength(1);
    });

    it("role trusted only by EKS Pod Identity for this cluster and the controller's service account (session tags)", () => {
        const role = get("aws:iam/role:Role");
        expect(policyDocument(role.inputs.assumeRolePolicy).Statement).toEqual([{
            Sid: "EksPodIdentity",
            Effect: "Allow",
            Principal: { Service: "pods.eks.amazonaws.com" },
            Action: ["sts:AssumeRole", "sts:TagSession"],
            Condition: {
                StringEquals: {
                    "aws:RequestTag/eks-cluster-arn": CLUSTER_ARN,
                    "aws:RequestTag/kubernetes-namespace": "kube-system",
                    "aws:RequestTag/kubernetes-service-account": "efs-csi-controller-sa",
                },
            },
        }]);
        const attachments = run.resources.filter((r) => r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment");
        expect(attachments.map((a) => [a.inputs.role, a.inputs.policyArn])).toEqual([[role.outputs.name, "arn:aws:iam::aws:policy/service-role/AmazonEFSCSIDriverPolicy"]]);
    });

    it("associates the role with the controller's service account in kube-system, then installs the add-on", () => {
        const association = get("aws:eks/podIdentityAssociation:PodIdentityAssociation");
        expect(association.inputs).toMatchObject({ clusterName: "platform-test", namespace: "kube-system", serviceAccount: "efs-csi-controller-sa", roleArn: get("aws:iam/role:Role").outputs.arn });
        const addon = get("aws:eks/addon:Addon");
        expect(addon.inputs).toMatchObject({ clusterName: "platform-test", addonName: "aws-efs-csi-driver" });
        expect(addon.dependencies).toContain(association.urn);
    });
});

describe("EFS CSI driver through the data tier", () => {
    it("is installed when the data tier is given the cluster and EFS is on", async () => {
        const data = resolveData(dataSchema.parse({ aurora: { enabled: false }, cache: { enabled: false }, backup: { enabled: false } }));
        const run = await runUnderMocks({ project: "platform", stack: "test", config: { "aws:region": "us-east-1" }, program: dataTierProgram(data, {}, { clusterName: "platform-test", clusterArn: CLUSTER_ARN }) });
        const tier = run.resources.find((r) => r.type === "platform:data:DataTier")!;
        const addon = run.resources.find((r) => r.type === "aws:eks/addon:Addon")!;
        expect(addon.inputs).toMatchObject({ clusterName: "platform-test", addonName: "aws-efs-csi-driver" });
        expect(addon.parent).toBe(tier.urn);
        expect(run.resources.find((r) => r.type === "aws:eks/podIdentityAssociation:PodIdentityAssociation")!.inputs).toMatchObject({ serviceAccount: "efs-csi-controller-sa" });
    });
});
