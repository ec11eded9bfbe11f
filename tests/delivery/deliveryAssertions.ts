import { beforeAll, describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { FAKE_ACCOUNT_ID } from "../../tools/offline/fakeCloud";
import { policies } from "../../policy/policies";
import { PolicyReport, evaluatePack } from "../../tools/preview/policy";
import { isScopedGithubSubject } from "../../policy/rules/iam/githubOidc";
import { StackRunResult, policyDocument, runStack } from "../support/stackRun";
import { expectOnlyPendingLogDeliveryFindings } from "../support/pendingPolicy";

export interface DeliveryExpectations {
    readonly stack: "dev" | "prod";
    readonly prefix: string;
    readonly protect: boolean;
    readonly repositories: readonly {
        readonly slug: string; readonly name: string; readonly keep: number; readonly untaggedDays: number;
        /** Physical names of the Lambda functions that run images of this repository. */
        readonly lambdaPullers?: readonly string[];
    }[];
    readonly deploySubject: string;
    readonly previewSubject: string;
    readonly secretsKeyArn: string;
    /** platform:account.baseline is owner: the account's GitHub OIDC provider is declared (in the account baseline), else looked up. */
    readonly ownsGithubProvider: boolean;
    readonly argoCd?: { readonly namespace: string; readonly idcInstanceArn: string; readonly roles: readonly string[]; readonly retentionDays: number };
}

export const D = {
    component: "platform:delivery:Delivery",
    key: "aws:kms/key:Key",
    repository: "aws:ecr/repository:Repository",
    lifecycle: "aws:ecr/lifecyclePolicy:LifecyclePolicy",
    repositoryPolicy: "aws:ecr/repositoryPolicy:RepositoryPolicy",
    oidc: "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
    role: "aws:iam/role:Role",
    policy: "aws:iam/policy:Policy",
    attachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    capability: "aws:eks/capability:Capability",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    deliverySource: "aws:cloudwatch/logDeliverySource:LogDeliverySource",
    deliveryDestination: "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination",
    delivery: "aws:cloudwatch/logDelivery:LogDelivery",
} as const;

type Statement = Record<string, unknown>;
const A = FAKE_ACCOUNT_ID;

export function describeDelivery(expected: DeliveryExpectations): void {
    const { stack, prefix } = expected;
    // The stack's Region and the edge's us-east-1; prod's data tier replicates to us-west-2.
    const regions: string = stack === "prod" ? "us-east-1|us-west-2" : "us-east-1";
    describe(`delivery (${stack})`, () => {
        let result: StackRunResult;
        let report: PolicyReport;
        beforeAll(async () => {
            result = await runStack(stack);
            report = await evaluatePack(policies, result.resources, new Map(result.resources.map((r: RecordedResource) => [r.urn, r])), {});
        });
        const get = (type: string, name: string): RecordedResource => result.get(type, name);
        const statements = (resource: RecordedResource, property = "policy"): Statement[] => policyDocument(resource.inputs[property]).Statement;
        const attached = (role: string): string[] => result.ofType(D.attachment)
            .filter((a) => a.inputs.role === get(D.role, role).outputs.name).map((a) => a.name).sort();
        const allActions = (docs: RecordedResource[]): string[] => docs.flatMap((d) => statements(d).flatMap((s) => [s.Action].flat() as string[]));

        it("is one platform:delivery:Delivery component parenting its resources on the regional provider", () => {
            const component: RecordedResource = get(D.component, "delivery");
            const children: RecordedResource[] = result.resources.filter((r) => r.parent === component.urn);
            expect(children.every((r) => r.provider?.endsWith("::regional"))).toBe(true);
            for (const type of [D.repository, D.policy]) {
                expect(result.all(type).every((r) => r.parent === component.urn), type).toBe(true);
            }
        });

        describe("ECR", () => {
            it(`encrypts with the delivery layer's own rotating key, usable only through ECR in this account`, () => {
                const key: RecordedResource = get(D.key, "registries");
                expect(key.inputs).toMatchObject({ enableKeyRotation: true });
                expect(key.protect).toBe(expected.protect);
                const use = statements(key).find((s) => s.Sid === "AllowEcrGrants")!;
                expect(use.Condition).toEqual({ StringEquals: { "kms:CallerAccount": A, "kms:ViaService": ["ecr.us-east-1.amazonaws.com"] }, Bool: { "kms:GrantIsForAWSResource": "true" } });
            });

            for (const r of expected.repositories) {
                it(`${prefix}/${r.name}: immutable tags, scan on push, KMS, ${expected.protect ? "protected" : "not protected"}`, () => {
                    const repository: RecordedResource = get(D.repository, r.slug);
                    expect(repository.inputs).toMatchObject({
                        name: `${prefix}/${r.name}`,
                        imageTagMutability: "IMMUTABLE",
                        imageScanningConfiguration: { scanOnPush: true },
                        encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: get(D.key, "registries").outputs.arn }],
                        // A disposable stack (dev) must be destroyable with images in its repositories.
                        forceDelete: !expected.protect,
                    });
                    expect(repository.protect).toBe(expected.protect);
                });

                it(`${prefix}/${r.name}: expires untagged images after ${r.untaggedDays} days and keeps the newest ${r.keep}`, () => {
                    const policy = JSON.parse(String(get(D.lifecycle, r.slug).inputs.policy));
                    expect(get(D.lifecycle, r.slug).inputs.repository).toBe(get(D.repository, r.slug).outputs.name);
                    expect(policy.rules.map((rule: { selection: unknown }) => rule.selection)).toEqual([
                        { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: r.untaggedDays },
                        { tagStatus: "any", countType: "imageCountMoreThan", countNumber: r.keep },
                    ]);
                });

                const pullers: readonly string[] = r.lambdaPullers ?? [];
                it(`${prefix}/${r.name}: only this account's cluster node role${pullers.length > 0 ? ` and Lambda for ${pullers.join(", ")}` : ""} may pull, and nobody may push through the policy`, () => {
                    expect(statements(get(D.repositoryPolicy, r.slug))).toEqual([
                        {
                            Sid: "AllowClusterNodesToPull", Effect: "Allow", Principal: { AWS: get(D.role, "eks-node").outputs.arn },
                            Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
                        },
                        ...(pullers.length > 0 ? [{
                            Sid: "LambdaECRImageRetrievalPolicy", Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" },
                            Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
                            Condition: { StringLike: { "aws:SourceArn": pullers.flatMap((fn: string) => [`arn:aws:lambda:us-east-1:${A}:function:${fn}`, `arn:aws:lambda:us-east-1:${A}:function:${fn}:*`]) } },
                        }] : []),
                    ]);
                });
            }
        });

        describe("GitHub Actions", () => {
            const providerArn = (): unknown => (expected.ownsGithubProvider
                ? get(D.oidc, "github").outputs.arn
                : `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`);
            it(expected.ownsGithubProvider
                ? "the account baseline owns the account's OIDC provider for GitHub (STS audience), protected and retained"
                : "the account's OIDC provider for GitHub is the baseline owner's: looked up by URL, never declared", () => {
                if (!expected.ownsGithubProvider) {
                    // The cluster's own provider (IRSA) is not GitHub's.
                    expect(result.ofType(D.oidc).filter((r) => r.inputs.url === "https://token.actions.githubusercontent.com")).toEqual([]);
                    return;
                }
                const provider: RecordedResource = get(D.oidc, "github");
                expect(provider.inputs).toMatchObject({ url: "https://token.actions.githubusercontent.com", clientIdLists: ["sts.amazonaws.com"] });
                expect(provider.parent).toBe(get("platform:account:AccountBaseline", "account").urn);
                expect([provider.protect, provider.retainOnDelete]).toEqual([true, true]);
            });

            for (const [slug, subject] of [["github-deploy", expected.deploySubject], ["github-preview", expected.previewSubject]] as const) {
                it(`${slug}: trusted only for ${subject} (StringEquals, one repository)`, () => {
                    const role: RecordedResource = get(D.role, slug);
                    expect(role.inputs.name).toBe(`${prefix}-${slug}`);
                    expect(statements(role, "assumeRolePolicy")).toEqual([{
                        Sid: "AllowGithubActionsOidc", Effect: "Allow",
                        Principal: { Federated: providerArn() },
                        Action: "sts:AssumeRoleWithWebIdentity",
                        Condition: { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": subject } },
                    }]);
                    expect(isScopedGithubSubject(subject)).toBe(true);
                    expect(subject).not.toMatch(/[*?]/);
                });
            }

            it("the deploy role carries one customer-managed policy per service group, none with service:* or Action *", () => {
                const names: string[] = attached("github-deploy");
                // deployPermissions.ts packs the derived actions into as many documents as they need (actions-1..n), then IAM and state.
                expect(names.filter((n) => !/^github-deploy-actions-\d+$/.test(n))).toEqual(["github-deploy-iam", "github-deploy-state"]);
                expect(names.length).toBeLessThanOrEqual(10);
                const docs: RecordedResource[] = names.map((n) => get(D.policy, n));
                for (const doc of docs) {
                    expect(JSON.stringify(JSON.parse(String(doc.inputs.policy))).replace(/\s/g, "").length, `${doc.name} fits IAM's 6,144 characters`).toBeLessThan(6144);
                }
                const actions: string[] = allActions(docs);
                expect(actions.filter((a) => a === "*" || /^[a-z0-9-]+:\*$/.test(a))).toEqual([]);
                expect(actions.filter((a) => a.includes("*"))).toEqual([]);
                expect(actions).toEqual(expect.arrayContaining(["iam:PassRole", "eks:CreateCluster", "sqs:CreateQueue", "ecr:PutLifecyclePolicy", "kms:CreateKey"]));
            });

            it("the deploy role's resources stay in this account and Region, and Resource * only for actions without resource-level permissions", () => {
                for (const doc of attached("github-deploy").map((n) => get(D.policy, n))) {
                    for (const s of statements(doc)) {
                        for (const resource of [s.Resource].flat() as string[]) {
                            if (resource === "*") {
                                expect(s.Sid as string, `${String(doc.name)}`).toMatch(/^AnyResource/);
                                continue;
                            }
                            expect(resource, `${String(doc.name)} ${s.Sid as string}`).toMatch(new RegExp(`^arn:aws:[a-z0-9-]+:(${regions})?:(${A}|aws)?:|^arn:aws:s3:::(${prefix}-|acme-pulumi-state)`));
                        }
                    }
                }
            });

            it("the deploy role reads and writes state and uses the secrets-provider key; the preview role only reads and takes the lock", () => {
                const deployState = statements(get(D.policy, "github-deploy-state"));
                expect(deployState.find((s) => s.Sid === "WriteState")).toMatchObject({ Action: ["s3:PutObject", "s3:DeleteObject"], Resource: "arn:aws:s3:::acme-pulumi-state/.pulumi/*" });
                expect(deployState.find((s) => s.Sid === "SecretsProvider")).toMatchObject({ Resource: expected.secretsKeyArn });
                const previewState = statements(get(D.policy, "github-preview-state"));
                expect(previewState.find((s) => s.Sid === "TakeLock")).toMatchObject({ Action: ["s3:PutObject", "s3:DeleteObject"], Resource: "arn:aws:s3:::acme-pulumi-state/.pulumi/locks/*" });
                expect(previewState.find((s) => s.Sid === "SecretsProvider")).toMatchObject({ Action: ["kms:Decrypt"], Resource: expected.secretsKeyArn });
            });

            it("the preview role is read-only: only Describe/Get/List (GET for API Gateway) outside the state lock", () => {
                // The price-table check of the pull-request workflow: one read of AWS's public price list.
                expect(policyDocument(get(D.policy, "github-preview-pricing").inputs.policy).Statement)
                    .toEqual([{ Sid: "ReadPriceList", Effect: "Allow", Action: ["pricing:GetProducts"], Resource: "*" }]);
                const reads: string[] = attached("github-preview").filter((n) => n !== "github-preview-state" && n !== "github-preview-pricing");
                expect(reads.every((n) => /^github-preview-read-\d+$/.test(n)), reads.join(", ")).toBe(true);
                const actions: string[] = allActions(reads.map((n) => get(D.policy, n)));
                // Access levels are checked against iam-data in deployRole.test.ts; by name: Describe/Get/List/Search/View/Check and API Gateway's GET.
                expect(actions.filter((a) => !/:(Describe|Get|List|Search|View|Check|Batch(Get|Describe))/.test(a) && a !== "apigateway:GET")).toEqual([]);
            });
        });

        describe("Argo CD", () => {
            if (!expected.argoCd) {
                it("is off: no capability, role or log delivery", () => {
                    expect(result.ofType(D.capability)).toEqual([]);
                    // CloudFront's logging v2 (the edge) uses log delivery too; the capability's would be the delivery layer's.
                    expect(result.ofType(D.deliverySource).filter((r) => r.urn.includes("platform:delivery:"))).toEqual([]);
                    expect(result.ofType(D.role).find((r) => r.name === "argocd")).toBeUndefined();
                });
                return;
            }
            const argo = expected.argoCd;
            it("runs as the EKS ARGOCD capability on the platform cluster, signing in through IAM Identity Center", () => {
                expect(get(D.capability, "argocd").inputs).toMatchObject({
                    clusterName: get("aws:eks/cluster:Cluster", "eks").outputs.name,
                    capabilityName: "argocd",
                    type: "ARGOCD",
                    roleArn: get(D.role, "argocd").outputs.arn,
                    deletePropagationPolicy: "RETAIN",
                    configuration: { argoCd: { awsIdc: { idcInstanceArn: argo.idcInstanceArn }, namespace: argo.namespace } },
                });
                const mappings = ((get(D.capability, "argocd").inputs.configuration as { argoCd: { rbacRoleMappings: { role: string }[] } }).argoCd.rbacRoleMappings).map((m) => m.role);
                expect(mappings).toEqual(argo.roles);
            });

            it("its role trusts capabilities.eks.amazonaws.com (EKS documents no condition for it) and may only pull this stack's artifacts", () => {
                expect(statements(get(D.role, "argocd"), "assumeRolePolicy")).toEqual([{
                    Sid: "AllowEksCapabilities", Effect: "Allow", Principal: { Service: "capabilities.eks.amazonaws.com" },
                    Action: ["sts:AssumeRole", "sts:TagSession"],
                }]);
                expect(statements(get(D.rolePolicy, "argocd")).find((s) => s.Sid === "PullStackArtifacts")?.Resource).toBe(`arn:aws:ecr:us-east-1:${A}:repository/${prefix}/*`);
            });

            it("delivers every controller's logs to one KMS-encrypted group", () => {
                const group: RecordedResource = get(D.logGroup, "argocd");
                expect(group.inputs).toMatchObject({ name: `/aws/vendedlogs/eks/${prefix}-eks/capabilities/argocd`, kmsKeyId: get(D.key, "logs").outputs.arn, retentionInDays: argo.retentionDays });
                expect(get(D.deliveryDestination, "argocd").inputs).toMatchObject({ deliveryDestinationConfiguration: { destinationResourceArn: group.outputs.arn } });
                const sources: RecordedResource[] = result.all(D.deliverySource).filter((r) => r.urn.includes("platform:delivery:"));
                expect(sources.map((s) => s.inputs.logType).sort()).toEqual([
                    "EKS_CAPABILITY_ARGOCD_APPLICATIONSET_LOGS", "EKS_CAPABILITY_ARGOCD_APPLICATION_LOGS", "EKS_CAPABILITY_ARGOCD_COMMITSERVER_LOGS",
                    "EKS_CAPABILITY_ARGOCD_REPOSERVER_LOGS", "EKS_CAPABILITY_ARGOCD_SERVER_LOGS",
                ]);
                for (const source of sources) {
                    expect(source.inputs.resourceArn).toBe(get(D.capability, "argocd").outputs.arn);
                    expect(get(D.delivery, source.name).inputs).toMatchObject({ deliverySourceName: source.outputs.name ?? source.inputs.name, deliveryDestinationArn: get(D.deliveryDestination, "argocd").outputs.arn });
                }
            });
        });

        describe("outputs and policy", () => {
            it("exports the repository URLs and the two role ARNs the workflows assume", () => {
                const outputs = result.run.stackOutputs.delivery as Record<string, unknown>;
                expect(Object.keys(outputs.repositoryUrls as object).sort()).toEqual(expected.repositories.map((r) => r.name).sort());
                expect(outputs.githubDeployRoleArn).toBe(`arn:aws:iam::${A}:role/${prefix}-github-deploy`);
                expect(outputs.githubPreviewRoleArn).toBe(`arn:aws:iam::${A}:role/${prefix}-github-preview`);
                expect(outputs.argoCdCapabilityArn).toBe(expected.argoCd ? get(D.capability, "argocd").outputs.arn : undefined);
            });

            it("its resources raise no mandatory finding except the pending account-level actions, and no advisory", () => {
                const component: RecordedResource = get(D.component, "delivery");
                const ours = new Set(result.resources.filter((r) => r.parent === component.urn).map((r) => r.urn));
                const findings = report.violations.filter((v) => v.urn !== undefined && ours.has(v.urn));
                expectOnlyPendingLogDeliveryFindings(findings.filter((v) => v.enforcementLevel === "mandatory"));
                expect(findings.filter((v) => v.enforcementLevel === "advisory").map((v) => v.message)).toEqual([]);
            });
        });
    });
}
