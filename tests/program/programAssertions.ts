import { beforeAll, describe, expect, it } from "vitest";
import { REQUIRED_TAG_KEYS } from "../../infra/config/requiredTags";
import { TAGGABLE_TYPES } from "../../policy/lib/taggable";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { physicalNameViolations } from "../../tools/offline/nameRules";
import { StackRunResult, runStack, stackConfiguration } from "../support/stackRun";

/** Whole-program invariants for one stack: tags, providers, no resources created inside apply(). */
export function describeProgram(stack: string, expectedEnvironment: string): void {
    describe(`program (${stack})`, () => {
        let result: StackRunResult;
        let previewResult: StackRunResult;
        beforeAll(async () => {
            // A dry run first: mocks return no computed outputs, so anything created inside apply() would be missing.
            previewResult = await runStack(stack, { preview: true });
            result = await runStack(stack);
        });

        it("registers the same resources in a dry run as in an update (nothing is created inside apply)", () => {
            const urns = (r: StackRunResult): string[] => r.resources.map((x: RecordedResource) => x.urn).sort();
            expect(result.resources.length).toBeGreaterThan(40);
            expect(urns(previewResult)).toEqual(urns(result));
        });

        it("uses the explicit providers for every AWS resource", () => {
            const providers: RecordedResource[] = result.all("pulumi:providers:aws");
            const replicaRegion: string | undefined = (JSON.parse(stackConfiguration(stack).config["platform:data"] ?? "{}") as { replicaRegion?: string }).replicaRegion;
            expect(providers.map((p: RecordedResource) => p.name).sort()).toEqual(replicaRegion ? ["global-edge", "regional", "replica"] : ["global-edge", "regional"]);
            expect(result.get("pulumi:providers:aws", "global-edge").inputs.region).toBe("us-east-1");
            if (replicaRegion) {
                expect(result.get("pulumi:providers:aws", "replica").inputs.region).toBe(replicaRegion);
            }
            for (const resource of result.resources.filter((r: RecordedResource) => r.custom && r.type.startsWith("aws:"))) {
                expect(resource.provider, resource.urn).toMatch(/::pulumi:providers:aws::(regional|global-edge|replica)$/);
            }
        });

        it("sets the required tags through the providers' default tags", () => {
            for (const provider of result.all("pulumi:providers:aws")) {
                const defaultTags = JSON.parse(String(provider.inputs.defaultTags)) as { tags: Record<string, string> };
                expect(defaultTags.tags).toMatchObject({ Project: "platform", Environment: expectedEnvironment, Owner: "platform-team", CostCenter: "CC-1042", ManagedBy: "pulumi" });
                expect(Object.keys(defaultTags.tags)).toEqual(expect.arrayContaining([...REQUIRED_TAG_KEYS]));
            }
        });

        it("gives every taggable resource every required tag", () => {
            const taggable: RecordedResource[] = result.resources.filter((r: RecordedResource) => r.custom && TAGGABLE_TYPES.has(r.type));
            expect(taggable.length).toBeGreaterThan(30);
            for (const resource of taggable) {
                // Plugin-Framework types get no merged tagsAll from the provider; their tags come through default tags at apply.
                const effective = (resource.inputs.tagsAll ?? resource.inputs.tags ?? {}) as Record<string, string>;
                if (resource.inputs.tagsAll === undefined) {
                    continue;
                }
                for (const key of REQUIRED_TAG_KEYS) {
                    expect(effective[key], `${resource.urn} tag ${key}`).toBeTruthy();
                }
                expect(effective.Environment).toBe(expectedEnvironment);
            }
        });

        it("sets only physical names and tags AWS accepts (infra/platform/awsNameRules.ts)", () => {
            expect(physicalNameViolations(result.resources)).toEqual([]);
            // The account trail is the baseline owner's (prod); dev, a consumer, has none.
            const owner: boolean = (JSON.parse(stackConfiguration(stack).config["platform:account"]) as { baseline: string }).baseline === "owner";
            expect(result.resources.filter((r: RecordedResource) => r.type === "aws:cloudtrail/trail:Trail").map((r: RecordedResource) => r.inputs.name))
                .toEqual(owner ? [`platform-${stack}-audit`] : []);
        });

        it("parents every AWS resource under a platform component", () => {
            const components = new Set(result.resources.filter((r: RecordedResource) => r.type.startsWith("platform:")).map((r: RecordedResource) => r.urn));
            expect(components.size).toBeGreaterThanOrEqual(2);
            for (const resource of result.resources.filter((r: RecordedResource) => r.custom && r.type.startsWith("aws:"))) {
                let parent: string | undefined = resource.parent;
                while (parent && !components.has(parent)) {
                    parent = result.byUrn(parent)?.parent;
                }
                expect(parent, `${resource.urn} has a platform component ancestor`).toBeDefined();
            }
        });
    });
}
