import { beforeAll, describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { ACCOUNT_SINGLETONS, AccountSingleton } from "../../infra/components/account/accountSingletons";
import { StackRunResult, runStack, stackConfiguration } from "../support/stackRun";
import { parsePlatformConfig } from "../../infra/config/load";
import { PlatformConfig } from "../../infra/config/platformConfig";
import { ownsAccountBaseline } from "../../infra/config/accountConfig";
import { DECLARED_SINGLETON_TYPES, accountIdentity, baselineOf, singletonsOf } from "./accountAssertions";

/**
 * Both committed stacks, as committed: one account (platform:account.id) and one Region. Every
 * account-wide resource must be declared exactly once across the two, by the owner, inside the
 * AccountBaseline component; a second declaration is what fails the second `pulumi up` (or
 * silently takes the setting over).
 */
describe("dev and prod in one account: every account singleton exactly once", () => {
    const runs: Record<string, StackRunResult> = {};
    const region = (stack: string): string => stackConfiguration(stack).config["aws:region"];
    const account = (stack: string): { id: string; baseline: string } => JSON.parse(stackConfiguration(stack).config["platform:account"]) as { id: string; baseline: string };

    beforeAll(async () => {
        runs.dev = await runStack("dev");
        runs.prod = await runStack("prod");
    });

    it("the committed stack files target the same account and Region, prod owning the baseline and dev consuming it", () => {
        expect(account("dev").id).toBe(account("prod").id);
        expect(region("dev")).toBe(region("prod"));
        expect([account("dev").baseline, account("prod").baseline]).toEqual(["consumer", "owner"]);
    });

    it("the singleton table is sound: every type exists in the installed provider, each listed once, each with a source and a deletion note", async () => {
        const aws = await import("@pulumi/aws");
        const types: string[] = ACCOUNT_SINGLETONS.map((row: AccountSingleton) => row.type);
        expect(new Set(types).size).toBe(types.length);
        for (const row of ACCOUNT_SINGLETONS) {
            const [, modulePath, className] = row.type.split(":");
            const moduleName: string = modulePath.split("/")[0];
            const module = (aws as unknown as Record<string, Record<string, { __pulumiType?: string }>>)[moduleName];
            expect(module?.[className]?.__pulumiType, row.type).toBe(row.type);
            expect(row.source.length, row.type).toBeGreaterThan(20);
            expect(row.onDelete.length, row.type).toBeGreaterThan(5);
        }
    });

    it.each(DECLARED_SINGLETON_TYPES)("%s: declared exactly once per account identity across both stacks", (type: string) => {
        const identities: string[] = ["dev", "prod"].flatMap((stack: string) => singletonsOf(runs[stack].resources)
            .filter((r: RecordedResource) => r.type === type)
            .map((r: RecordedResource) => accountIdentity(r, region(stack))));
        expect(identities.length, `${type} is declared by the owner`).toBeGreaterThan(0);
        expect(identities.filter((id: string, index: number) => identities.indexOf(id) !== index), "declared twice in one account").toEqual([]);
    });

    it("the consumer (dev) declares no account singleton at all", () => {
        expect(singletonsOf(runs.dev.resources).map((r: RecordedResource) => r.urn)).toEqual([]);
    });

    it.each(["dev", "prod"])("%s: no account singleton outside the AccountBaseline component", (stack: string) => {
        const baseline: RecordedResource = baselineOf(runs[stack].resources);
        const outside: string[] = singletonsOf(runs[stack].resources)
            .filter((r: RecordedResource) => r.parent !== baseline.urn)
            .map((r: RecordedResource) => `${r.type}::${r.name} (parent ${r.parent ?? "none"})`);
        expect(outside).toEqual([]);
    });

    it("the baseline component records its role (what the pack and `pulumi stack` read)", () => {
        expect(baselineOf(runs.dev.resources).inputs).toMatchObject({ role: "consumer" });
        expect(baselineOf(runs.prod.resources).inputs).toMatchObject({ role: "owner" });
        expect(runs.prod.run.stackOutputs.account).toMatchObject({ id: account("prod").id, baseline: "owner" });
        expect((runs.prod.run.stackOutputs.account as Record<string, unknown>).costAnomalyMonitorArn).toEqual(expect.stringContaining(account("prod").id));
    });

    it("a consumer can subscribe to the owner's monitor: prod's output is a valid platform:operations.costAnomaly.monitorArn for dev", () => {
        const monitorArn = String((runs.prod.run.stackOutputs.account as Record<string, unknown>).costAnomalyMonitorArn);
        const operations = JSON.parse(stackConfiguration("dev").config["platform:operations"]) as Record<string, unknown>;
        const dev: PlatformConfig = parsePlatformConfig({ ...stackConfiguration("dev").config, "platform:operations": JSON.stringify({ ...operations, costAnomaly: { enabled: true, monitorArn } }) }, "platform", "dev");
        expect(dev.operations.costAnomaly.monitorArn).toBe(monitorArn);
        const organization: PlatformConfig = parsePlatformConfig({ ...stackConfiguration("dev").config, "platform:account": JSON.stringify({ ...account("dev"), baseline: "organization" }) }, "platform", "dev");
        expect(ownsAccountBaseline(organization.account)).toBe(false);
    });

    it("the consumer looks up the owner's GitHub OIDC provider by URL and its roles trust it", () => {
        const trust = (stack: string): string[] => runs[stack].ofType("aws:iam/role:Role")
            .filter((r: RecordedResource) => r.name.startsWith("github-"))
            .map((r: RecordedResource) => (JSON.parse(String(r.inputs.assumeRolePolicy)) as { Statement: { Principal: { Federated: string } }[] }).Statement[0].Principal.Federated);
        expect(trust("dev")).toEqual([
            `arn:aws:iam::${account("dev").id}:oidc-provider/token.actions.githubusercontent.com`,
            `arn:aws:iam::${account("dev").id}:oidc-provider/token.actions.githubusercontent.com`,
        ]);
        const ownerProvider: RecordedResource = runs.prod.get("aws:iam/openIdConnectProvider:OpenIdConnectProvider", "github");
        expect(trust("prod")).toEqual([ownerProvider.outputs.arn, ownerProvider.outputs.arn]);
    });

    it("owner singletons: always protected; retained unless deleting is the safe outcome (ACCOUNT_SINGLETONS)", () => {
        const baseline: RecordedResource = baselineOf(runs.prod.resources);
        const singletons: RecordedResource[] = singletonsOf(runs.prod.resources);
        expect(new Set(singletons.map((r: RecordedResource) => r.type))).toEqual(new Set(DECLARED_SINGLETON_TYPES));
        for (const resource of singletons) {
            const row: AccountSingleton = ACCOUNT_SINGLETONS.find((r: AccountSingleton) => r.type === resource.type)!;
            expect(resource.parent, resource.urn).toBe(baseline.urn);
            expect(resource.protect, resource.urn).toBe(true);
            expect(resource.retainOnDelete, resource.urn).toBe(row.retainOnDelete);
        }
        // Deleting the default key resets to aws/ebs (volumes stay encrypted); deleting EncryptionByDefault would disable it.
        expect(runs.prod.get("aws:ebs/defaultKmsKey:DefaultKmsKey", "account").retainOnDelete).toBe(false);
        expect(runs.prod.get("aws:ebs/encryptionByDefault:EncryptionByDefault", "account").retainOnDelete).toBe(true);
    });
});
