import { beforeAll, describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { FAKE_ACCOUNT_ID } from "../../tools/offline/fakeCloud";
import { REQUIRED_TAG_KEYS } from "../../infra/config/requiredTags";
import { StackRunResult, policyDocument, runStack } from "../support/stackRun";

/**
 * Assertions shared by the dev and prod compute tests. Expected values are written out per stack
 * (from Pulumi.<stack>.yaml), not re-derived from the program's config.
 */
export interface NodeGroupExpectation {
    readonly name: string;
    readonly capacityType: "ON_DEMAND" | "SPOT";
    readonly instanceTypes: readonly string[];
    /** The node image's architecture must match the instance types' (Graviton: ARM_64). */
    readonly amiType: "AL2023_x86_64_STANDARD" | "AL2023_ARM_64_STANDARD";
    readonly scaling: { readonly minSize: number; readonly desiredSize: number; readonly maxSize: number };
    readonly diskSizeGiB: number;
    readonly taints: readonly { key: string; value?: string; effect: string }[];
}

export interface ComputeExpectations {
    readonly stack: "dev" | "prod";
    readonly clusterName: string;
    readonly kubernetesVersion: string;
    readonly upgradePolicy: "STANDARD" | "EXTENDED";
    readonly zones: number;
    readonly logRetentionDays: number;
    readonly privateAccessCidrs: readonly string[];
    readonly protect: boolean;
    readonly deletionProtection: boolean;
    readonly nodeGroups: readonly NodeGroupExpectation[];
    readonly fargateNamespaces: readonly string[];
    readonly administrators: readonly string[];
    readonly breakGlassClusterAdmins: readonly string[];
    readonly viewers: readonly string[];
    readonly workloads: readonly { name: string; namespace: string; serviceAccount: string; credentials: "podIdentity" | "irsa" }[];
}

export const C = {
    component: "platform:compute:Cluster",
    cluster: "aws:eks/cluster:Cluster",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    role: "aws:iam/role:Role",
    attachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
    nodeGroup: "aws:eks/nodeGroup:NodeGroup",
    fargate: "aws:eks/fargateProfile:FargateProfile",
    addon: "aws:eks/addon:Addon",
    podIdentity: "aws:eks/podIdentityAssociation:PodIdentityAssociation",
    accessEntry: "aws:eks/accessEntry:AccessEntry",
    accessPolicy: "aws:eks/accessPolicyAssociation:AccessPolicyAssociation",
    key: "aws:kms/key:Key",
    subnet: "aws:ec2/subnet:Subnet",
    oidcProvider: "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
} as const;

type Statement = Record<string, unknown>;

export function describeCompute(expected: ComputeExpectations): void {
    const { stack } = expected;
    const clusterArn = `arn:aws:eks:us-east-1:${FAKE_ACCOUNT_ID}:cluster/${expected.clusterName}`;

    describe(`compute (${stack})`, () => {
        let result: StackRunResult;
        beforeAll(async () => {
            result = await runStack(stack);
        });

        const cluster = (): RecordedResource => result.get(C.cluster, "eks");
        const keyArn = (name: string): unknown => result.get(C.key, name).outputs.arn;
        const privateSubnetIds = (): unknown[] => result.all(C.subnet).filter((s) => s.name.startsWith("private-")).map((s) => s.outputs.id);
        const statements = (resource: RecordedResource, property: string): Statement[] => policyDocument(resource.inputs[property]).Statement;
        const attachedPolicies = (roleName: string): string[] => result.ofType(C.attachment)
            .filter((a) => a.inputs.role === result.get(C.role, roleName).outputs.name)
            .map((a) => String(a.inputs.policyArn).split("/").pop()!)
            .sort();
        const dependsOnName = (resource: RecordedResource, type: string, name: string): boolean =>
            resource.dependencies.includes(result.get(type, name).urn);

        // Other layers add to the cluster (the data tier's EFS CSI driver); these are the compute layer's own.
        const own = (type: string): RecordedResource[] => result.all(type).filter((r) => r.parent === result.get(C.component, "compute").urn);

        it("is a platform:compute:Cluster component that parents every compute resource on the regional provider", () => {
            const component: RecordedResource = result.get(C.component, "compute");
            for (const type of [C.cluster, C.nodeGroup, C.launchTemplate, C.addon, C.podIdentity, C.accessEntry, C.fargate]) {
                const resources: RecordedResource[] = type === C.addon || type === C.podIdentity ? own(type) : result.all(type);
                expect(resources.every((r) => r.parent === component.urn), type).toBe(true);
                expect(resources.every((r) => r.provider?.endsWith("::regional")), type).toBe(true);
            }
        });

        describe("control plane", () => {
            it(`has an explicit, stable name, the configured Kubernetes version and upgrade policy ${expected.upgradePolicy}`, () => {
                expect(cluster().inputs).toMatchObject({
                    name: expected.clusterName,
                    version: expected.kubernetesVersion,
                    upgradePolicy: { supportType: expected.upgradePolicy },
                });
            });

            it("exposes only the private endpoint, in the private subnets", () => {
                const vpc = cluster().inputs.vpcConfig as Record<string, unknown>;
                expect(vpc).toMatchObject({ endpointPrivateAccess: true, endpointPublicAccess: false });
                expect(vpc.publicAccessCidrs).toBeUndefined();
                expect([...(vpc.subnetIds as unknown[])].sort()).toEqual(privateSubnetIds().sort());
                expect(vpc.subnetIds).toHaveLength(expected.zones);
                expect(vpc.securityGroupIds).toEqual([result.get(C.securityGroup, "eks-api-access").outputs.id]);
            });

            it("lets only the configured networks reach the private endpoint, on 443", () => {
                const rules: RecordedResource[] = result.ofType(C.ingress).filter((r) => r.name.startsWith("eks-api-access-"));
                expect(rules.map((r) => r.inputs.cidrIpv4).sort()).toEqual([...expected.privateAccessCidrs].sort());
                for (const rule of rules) {
                    expect(rule.inputs).toMatchObject({ ipProtocol: "tcp", fromPort: 443, toPort: 443, securityGroupId: result.get(C.securityGroup, "eks-api-access").outputs.id });
                }
            });

            it("envelope-encrypts Kubernetes secrets with the cluster-secrets key", () => {
                expect(cluster().inputs.encryptionConfig).toEqual({ resources: ["secrets"], provider: { keyArn: keyArn("cluster-secrets") } });
            });

            it("sends every control-plane log type to a pre-created, KMS-encrypted log group", () => {
                expect(cluster().inputs.enabledClusterLogTypes).toEqual(["api", "audit", "authenticator", "controllerManager", "scheduler"]);
                const group: RecordedResource = result.get(C.logGroup, "eks-control-plane");
                expect(group.inputs).toMatchObject({ name: `/aws/eks/${expected.clusterName}/cluster`, retentionInDays: expected.logRetentionDays, kmsKeyId: keyArn("logs") });
                expect(cluster().dependencies).toContain(group.urn);
            });

            it("authenticates with access entries only, without cluster-creator admin or self-managed add-ons", () => {
                expect(cluster().inputs.accessConfig).toEqual({ authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false });
                expect(cluster().inputs.bootstrapSelfManagedAddons).toBe(false);
            });

            it(`is ${expected.protect ? "" : "not "}protected and has deletion protection ${expected.deletionProtection ? "on" : "off"}`, () => {
                expect(cluster().protect).toBe(expected.protect);
                expect(cluster().inputs.deletionProtection).toBe(expected.deletionProtection);
            });

            it("runs as a role trusted by EKS (no confused-deputy condition: EKS documents none for the cluster role), with only AmazonEKSClusterPolicy", () => {
                const role: RecordedResource = result.get(C.role, "eks-cluster");
                expect(cluster().inputs.roleArn).toBe(role.outputs.arn);
                expect(statements(role, "assumeRolePolicy")).toEqual([{
                    Sid: "EksControlPlane",
                    Effect: "Allow",
                    Principal: { Service: "eks.amazonaws.com" },
                    Action: ["sts:AssumeRole", "sts:TagSession"],
                }]);
                expect(attachedPolicies("eks-cluster")).toEqual(["AmazonEKSClusterPolicy"]);
                for (const attachment of result.ofType(C.attachment).filter((a) => a.name.startsWith("eks-cluster-"))) {
                    expect(cluster().dependencies).toContain(attachment.urn);
                }
            });
        });

        describe("access", () => {
            const accessPolicyArn = (name: string): string => `arn:aws:eks::aws:cluster-access-policy/${name}`;
            const policiesOf = (principal: string): string[] => result.all(C.accessPolicy)
                .filter((a) => a.inputs.principalArn === principal).map((a) => String(a.inputs.policyArn));

            it("gives every configured principal exactly one access entry, and nobody else one", () => {
                const entries: RecordedResource[] = result.all(C.accessEntry);
                const principals: string[] = [...expected.administrators, ...expected.breakGlassClusterAdmins, ...expected.viewers];
                expect(entries.map((e) => e.inputs.principalArn).sort()).toEqual([...principals].sort());
                expect(new Set(entries.map((e) => e.inputs.principalArn)).size).toBe(entries.length);
                expect(entries.every((e) => e.inputs.type === "STANDARD")).toBe(true);
                expect(result.all(C.accessPolicy).every((a) => (a.inputs.accessScope as Record<string, unknown>).type === "cluster")).toBe(true);
            });

            it("grants administrators admin and viewers read-only access, at cluster scope", () => {
                for (const admin of expected.administrators) {
                    expect(policiesOf(admin)).toEqual([accessPolicyArn("AmazonEKSAdminPolicy")]);
                }
                for (const viewer of expected.viewers) {
                    expect(policiesOf(viewer)).toEqual([accessPolicyArn("AmazonEKSViewPolicy")]);
                }
            });

            it("has a working path to cluster-admin: the break-glass roles, and only they, get AmazonEKSClusterAdminPolicy", () => {
                expect(expected.breakGlassClusterAdmins.length).toBeGreaterThan(0);
                for (const role of expected.breakGlassClusterAdmins) {
                    expect(role).toMatch(/^arn:aws:iam::\d{12}:role\//);
                    expect(policiesOf(role)).toEqual([accessPolicyArn("AmazonEKSClusterAdminPolicy")]);
                }
                const clusterAdmins: unknown[] = result.all(C.accessPolicy)
                    .filter((a) => String(a.inputs.policyArn).endsWith("/AmazonEKSClusterAdminPolicy")).map((a) => a.inputs.principalArn);
                expect(clusterAdmins.sort()).toEqual([...expected.breakGlassClusterAdmins].sort());
                // The association's logical name is what the pack's reviewed exemption matches (policy/config/platform.json).
                for (const association of result.all(C.accessPolicy).filter((a) => String(a.inputs.policyArn).endsWith("/AmazonEKSClusterAdminPolicy"))) {
                    expect(association.name).toMatch(/^breakGlass-/);
                }
            });

            it("keeps no implicit admin: creator bootstrap off, and every cluster-admin request lands in the audit and authenticator logs", () => {
                expect(cluster().inputs.accessConfig).toMatchObject({ bootstrapClusterCreatorAdminPermissions: false });
                expect(cluster().inputs.enabledClusterLogTypes).toEqual(expect.arrayContaining(["audit", "authenticator"]));
            });
        });

        describe("nodes", () => {
            it("creates exactly the configured managed node groups, in the private subnets", () => {
                expect(result.all(C.nodeGroup).map((g) => g.name).sort()).toEqual(expected.nodeGroups.map((g) => `nodes-${g.name}`).sort());
                for (const group of expected.nodeGroups) {
                    const nodeGroup: RecordedResource = result.get(C.nodeGroup, `nodes-${group.name}`);
                    expect(nodeGroup.inputs).toMatchObject({
                        clusterName: expected.clusterName,
                        nodeGroupName: `${expected.clusterName.replace(/-eks$/, "")}-${group.name}`,
                        version: expected.kubernetesVersion,
                        capacityType: group.capacityType,
                        instanceTypes: group.instanceTypes,
                        amiType: group.amiType,
                        scalingConfig: group.scaling,
                        nodeRoleArn: result.get(C.role, "eks-node").outputs.arn,
                        nodeRepairConfig: { enabled: true },
                    });
                    expect([...(nodeGroup.inputs.subnetIds as unknown[])].sort()).toEqual(privateSubnetIds().sort());
                    expect(nodeGroup.inputs.taints ?? []).toEqual(group.taints);
                    expect(nodeGroup.inputs.remoteAccess).toBeUndefined();
                    expect(nodeGroup.inputs.diskSize).toBeUndefined();
                }
            });

            it("leaves the desired size to the autoscaler after creation", () => {
                for (const group of result.all(C.nodeGroup)) {
                    expect(group.ignoreChanges).toEqual(["scalingConfig.desiredSize"]);
                }
            });

            it("launches nodes from a template with IMDSv2 (hop limit 1), encrypted gp3 volumes under the data key and no public IPs", () => {
                for (const group of expected.nodeGroups) {
                    const template: RecordedResource = result.get(C.launchTemplate, `nodes-${group.name}`);
                    const nodeGroup: RecordedResource = result.get(C.nodeGroup, `nodes-${group.name}`);
                    expect(nodeGroup.inputs.launchTemplate).toEqual({ id: template.outputs.id, version: "1" });
                    expect(template.inputs.metadataOptions).toEqual({ httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" });
                    expect(template.inputs.blockDeviceMappings).toEqual([{
                        deviceName: "/dev/xvda",
                        ebs: { volumeSize: group.diskSizeGiB, volumeType: "gp3", encrypted: "true", kmsKeyId: keyArn("data"), deleteOnTermination: "true" },
                    }]);
                    expect(template.inputs.networkInterfaces).toBeUndefined();
                    expect(template.inputs.vpcSecurityGroupIds).toBeUndefined();
                    expect(template.inputs.userData).toBeUndefined();
                }
            });

            it("tags the instances, volumes and network interfaces the node groups launch with the required tags", () => {
                for (const template of result.all(C.launchTemplate)) {
                    const specs = template.inputs.tagSpecifications as { resourceType: string; tags: Record<string, string> }[];
                    expect(specs.map((s) => s.resourceType)).toEqual(["instance", "volume", "network-interface"]);
                    for (const spec of specs) {
                        expect(Object.keys(spec.tags)).toEqual(expect.arrayContaining([...REQUIRED_TAG_KEYS, "Name"]));
                        expect(spec.tags.Environment).toBe(stack);
                    }
                }
            });

            it("gives nodes a role trusted by EC2 with only the worker and image-pull policies (no CNI policy)", () => {
                expect(statements(result.get(C.role, "eks-node"), "assumeRolePolicy")).toEqual([
                    { Sid: "Ec2Nodes", Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
                ]);
                expect(attachedPolicies("eks-node")).toEqual(["AmazonEC2ContainerRegistryPullOnly", "AmazonEKSWorkerNodePolicy"]);
            });

            it("runs Fargate pods of the configured namespaces in the private subnets, with an execution role scoped to this cluster", () => {
                const profiles: RecordedResource[] = result.ofType(C.fargate);
                expect(profiles.flatMap((p) => (p.inputs.selectors as { namespace: string }[]).map((s) => s.namespace)).sort()).toEqual([...expected.fargateNamespaces].sort());
                const role: RecordedResource = result.get(C.role, "eks-fargate-pod");
                for (const profile of profiles) {
                    expect([...(profile.inputs.subnetIds as unknown[])].sort()).toEqual(privateSubnetIds().sort());
                    expect(profile.inputs.podExecutionRoleArn).toBe(role.outputs.arn);
                }
                // The EKS User Guide's pod execution role trust: ArnLike aws:SourceArn on this cluster's profiles, nothing else.
                expect(statements(role, "assumeRolePolicy")[0]).toEqual({
                    Sid: "EksFargatePods",
                    Effect: "Allow",
                    Principal: { Service: "eks-fargate-pods.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: {
                        ArnLike: { "aws:SourceArn": `arn:aws:eks:us-east-1:${FAKE_ACCOUNT_ID}:fargateprofile/${expected.clusterName}/*` },
                    },
                });
                expect(attachedPolicies("eks-fargate-pod")).toEqual(["AmazonEKSFargatePodExecutionRolePolicy"]);
            });
        });

        describe("add-ons and Pod Identity", () => {
            it("installs the managed add-ons with explicit conflict resolution", () => {
                expect(own(C.addon).map((a) => a.inputs.addonName).sort()).toEqual(["aws-ebs-csi-driver", "coredns", "eks-pod-identity-agent", "kube-proxy", "vpc-cni"]);
                for (const addon of result.all(C.addon)) {
                    expect(addon.inputs).toMatchObject({ clusterName: expected.clusterName, resolveConflictsOnCreate: "OVERWRITE", resolveConflictsOnUpdate: "OVERWRITE" });
                }
            });

            it("leaves the GuardDuty runtime agent to GuardDuty's own add-on management (no second, conflicting copy)", () => {
                expect(result.all(C.addon).some((a) => a.inputs.addonName === "aws-guardduty-agent")).toBe(false);
                // The detector is the account baseline owner's (platform:account): a consumer stack declares none.
                const runtime: RecordedResource | undefined = result.ofType("aws:guardduty/detectorFeature:DetectorFeature").find((f) => f.name === "runtime-monitoring");
                if (runtime) {
                    expect(runtime.inputs.additionalConfigurations).toEqual([{ name: "EKS_ADDON_MANAGEMENT", status: runtime.inputs.status }]);
                }
            });

            it("installs the node DaemonSets before the node groups and the Deployments after them", () => {
                for (const group of result.all(C.nodeGroup)) {
                    for (const daemonSet of ["vpc-cni", "kube-proxy", "eks-pod-identity-agent"]) {
                        expect(dependsOnName(group, C.addon, daemonSet), `${group.name} after ${daemonSet}`).toBe(true);
                    }
                    for (const deployment of ["coredns", "aws-ebs-csi-driver"]) {
                        expect(dependsOnName(result.get(C.addon, deployment), C.nodeGroup, group.name), `${deployment} after ${group.name}`).toBe(true);
                    }
                }
            });

            it.each([
                ["vpc-cni", "aws-node", "AmazonEKS_CNI_Policy"],
                ["aws-ebs-csi-driver", "ebs-csi-controller-sa", "AmazonEBSCSIDriverPolicy"],
            ])("gives %s its own Pod Identity role (service account %s, %s)", (addonName: string, serviceAccount: string, policy: string) => {
                const role: RecordedResource = result.get(C.role, `${addonName}-pod`);
                const association: RecordedResource = result.get(C.podIdentity, addonName);
                expect(association.inputs).toMatchObject({ clusterName: expected.clusterName, namespace: "kube-system", serviceAccount, roleArn: role.outputs.arn });
                expect(attachedPolicies(`${addonName}-pod`)).toEqual([policy]);
                expect(dependsOnName(result.get(C.addon, addonName), C.podIdentity, addonName)).toBe(true);
            });

            it("gives the AWS Load Balancer Controller a Pod Identity role whose policy is pinned to this cluster", () => {
                const role: RecordedResource = result.get(C.role, "aws-load-balancer-controller-pod");
                expect(result.get(C.podIdentity, "aws-load-balancer-controller").inputs).toMatchObject({
                    namespace: "kube-system", serviceAccount: "aws-load-balancer-controller", roleArn: role.outputs.arn,
                });
                const policy: RecordedResource = result.get(C.rolePolicy, "aws-load-balancer-controller-pod");
                const document: string = String(policy.inputs.policy);
                expect(document).toContain(`"aws:ResourceTag/elbv2.k8s.aws/cluster":"${expected.clusterName}"`);
                expect(statements(policy, "policy").flatMap((st) => [st.Action].flat() as string[]).some((action) => action.includes("*"))).toBe(false);
            });

            it("trusts every Pod Identity role to EKS Pod Identity of this cluster and its association's service account (session tags)", () => {
                const podRoles: RecordedResource[] = result.all(C.role).filter((r) => r.name.endsWith("-pod") && r.name !== "eks-fargate-pod");
                expect(podRoles.length).toBeGreaterThanOrEqual(4);
                const associations: RecordedResource[] = result.all("aws:eks/podIdentityAssociation:PodIdentityAssociation");
                for (const role of podRoles) {
                    const association: RecordedResource | undefined = associations.find((a) => a.inputs.roleArn === role.outputs.arn);
                    expect(association, role.name).toBeDefined();
                    expect(statements(role, "assumeRolePolicy"), role.name).toEqual([{
                        Sid: "EksPodIdentity",
                        Effect: "Allow",
                        Principal: { Service: "pods.eks.amazonaws.com" },
                        Action: ["sts:AssumeRole", "sts:TagSession"],
                        // EKS User Guide pod-id-role / pod-id-abac; aws:SourceArn is not documented for Pod Identity.
                        Condition: {
                            StringEquals: {
                                "aws:RequestTag/eks-cluster-arn": clusterArn,
                                "aws:RequestTag/kubernetes-namespace": association!.inputs.namespace,
                                "aws:RequestTag/kubernetes-service-account": association!.inputs.serviceAccount,
                            },
                        },
                    }]);
                }
            });

            it("binds each Pod Identity workload's role to exactly its namespace and service account", () => {
                for (const workload of expected.workloads.filter((w) => w.credentials === "podIdentity")) {
                    const role: RecordedResource = result.get(C.role, `workload-${workload.name}-pod`);
                    expect(result.get(C.podIdentity, `workload-${workload.name}`).inputs).toMatchObject({
                        namespace: workload.namespace, serviceAccount: workload.serviceAccount, roleArn: role.outputs.arn,
                    });
                }
            });

            it("gives IRSA workloads a role trusted by the cluster's OIDC provider for exactly one service account, and no Pod Identity association", () => {
                const irsa = expected.workloads.filter((w) => w.credentials === "irsa");
                expect(irsa.length).toBeGreaterThan(0);
                const issuerUrl = String((result.run.stackOutputs.eks as Record<string, unknown>).oidcIssuerUrl);
                const issuer = issuerUrl.replace(/^https:\/\//, "");
                const provider: RecordedResource = result.get(C.oidcProvider, "eks-oidc");
                expect(provider.inputs).toMatchObject({ url: issuerUrl, clientIdLists: ["sts.amazonaws.com"] });
                expect(provider.inputs.thumbprintLists).toBeUndefined();
                for (const workload of irsa) {
                    const role: RecordedResource = result.get(C.role, `workload-${workload.name}-irsa`);
                    expect(statements(role, "assumeRolePolicy")).toEqual([{
                        Sid: "EksServiceAccount",
                        Effect: "Allow",
                        Principal: { Federated: provider.outputs.arn },
                        Action: "sts:AssumeRoleWithWebIdentity",
                        Condition: { StringEquals: {
                            [`${issuer}:sub`]: `system:serviceaccount:${workload.namespace}:${workload.serviceAccount}`,
                            [`${issuer}:aud`]: "sts.amazonaws.com",
                        } },
                    }]);
                    expect(result.all(C.podIdentity).some((a) => a.name === `workload-${workload.name}`)).toBe(false);
                    expect((result.run.stackOutputs.eks as Record<string, Record<string, unknown>>).irsaRoleArns[workload.name]).toBe(role.outputs.arn);
                }
            });

            it("serves no Pod Identity association to a namespace a Fargate profile selects (walks every association, the data tier's included)", () => {
                const fargateNamespaces: string[] = result.ofType(C.fargate).flatMap((p) => (p.inputs.selectors as { namespace: string; labels?: unknown }[]).map((s) => s.namespace));
                expect(fargateNamespaces.length).toBeGreaterThan(0);
                const associations: RecordedResource[] = result.all(C.podIdentity);
                expect(associations.length).toBeGreaterThan(3);
                for (const association of associations) {
                    expect(fargateNamespaces, `${association.name} in ${String(association.inputs.namespace)}`).not.toContain(association.inputs.namespace);
                }
                const labelless = result.ofType(C.fargate).flatMap((p) => (p.inputs.selectors as { namespace: string; labels?: unknown }[]).filter((s) => !s.labels).map((s) => s.namespace));
                for (const workload of expected.workloads.filter((w) => labelless.includes(w.namespace))) {
                    expect(workload.credentials, workload.name).toBe("irsa");
                }
            });
        });

        describe("outputs", () => {
            it("exports the cluster's name, endpoint, CA data, OIDC issuer and the node security group", () => {
                const eks = result.run.stackOutputs.eks as Record<string, unknown>;
                const outputs = cluster().outputs;
                expect(eks.clusterName).toBe(expected.clusterName);
                expect(eks.endpoint).toBe(outputs.endpoint);
                expect(eks.certificateAuthorityData).toBe((outputs.certificateAuthority as Record<string, unknown>).data);
                expect(String(eks.oidcIssuerUrl)).toMatch(/^https:\/\/oidc\.eks\.us-east-1\.amazonaws\.com\/id\//);
                expect(eks.nodeSecurityGroupId).toBe((outputs.vpcConfig as Record<string, unknown>).clusterSecurityGroupId);
                expect(String(eks.nodeSecurityGroupId)).toMatch(/^sg-/);
                expect(Object.keys(eks.workloadRoleNames as object)).toEqual(expected.workloads.map((w) => w.name));
            });

            it("exports a kubeconfig that authenticates with aws eks get-token and holds no credential", () => {
                const kubeconfig = JSON.parse(String((result.run.stackOutputs.eks as Record<string, unknown>).kubeconfig)) as Record<string, any>;
                expect(kubeconfig.users[0].user).toEqual({
                    exec: {
                        apiVersion: "client.authentication.k8s.io/v1beta1",
                        command: "aws",
                        args: ["eks", "get-token", "--cluster-name", expected.clusterName, "--region", "us-east-1", "--output", "json"],
                        interactiveMode: "Never",
                    },
                });
                expect(kubeconfig.clusters[0].cluster.server).toBe(cluster().outputs.endpoint);
                expect(JSON.stringify(kubeconfig)).not.toMatch(/"token"|password|client-key-data|client-certificate-data/);
            });
        });
    });
}
