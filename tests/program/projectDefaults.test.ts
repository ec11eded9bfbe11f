import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { computeSchema } from "../../infra/config/computeSchema";
import { stackConfigSchema } from "../../infra/config/schema";
import { PROJECT_DIR } from "../support/stackRun";

/** Pulumi.yaml documents the defaults users see; the schema applies them. They must never drift. */
describe("project-level defaults in Pulumi.yaml", () => {
    const project = parse(fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), "utf8")) as { name: string; main: string; config: Record<string, { value?: unknown; type?: string; description?: string }> };
    const defaults = stackConfigSchema.parse({
        "aws:region": "us-east-1",
        "platform:environment": "dev",
        "platform:account": { id: "123456789012", baseline: "owner" },
        "platform:tags": { owner: "platform-team", costCenter: "CC-1", dataClassification: "internal" },
        // The one network field without a default (checked, then left out of the expected defaults below).
        "platform:network": { availabilityZoneIds: ["use1-az1", "use1-az2"] },
        // The one compute field without a default; the expected compute defaults come from computeSchema alone.
        "platform:compute": { access: { breakGlassClusterAdmins: ["arn:aws:iam::123456789012:role/platform-cluster-admin"] } },
    });
    const { availabilityZoneIds: _zones, ...networkDefaults } = defaults["platform:network"];
    const schemaDefaults: Record<string, unknown> = { ...defaults, "platform:network": networkDefaults, "platform:compute": computeSchema.parse({}) };

    it("names the project and the entry point", () => {
        expect(project.name).toBe("platform");
        expect(project.main).toBe("infra/index.ts");
    });

    it("declares every key the program reads", () => {
        const declared: string[] = Object.keys(project.config).map((k: string) => (k.includes(":") ? k : `platform:${k}`)).sort();
        const read: string[] = Object.keys(stackConfigSchema.shape).filter((k: string) => k.startsWith("platform:")).sort();
        expect(declared).toEqual(read);
    });

    it.each(["protection", "network", "security", "compute", "data", "edge", "operations", "integration", "delivery"])("documents the schema's defaults for platform:%s", (key: string) => {
        expect(project.config[key].value).toEqual(schemaDefaults[`platform:${key}`]);
    });

    it("declares platform:account without defaults: the account id and the baseline role are decided per stack file", () => {
        expect(project.config.account.value).toEqual({});
        expect(() => stackConfigSchema.parse({ ...defaults, "platform:account": {} })).toThrow();
    });

    it("declares the environment as a typed string with a description and no default", () => {
        expect(project.config.environment).toMatchObject({ type: "string" });
        expect(project.config.environment.description).toBeTruthy();
        expect(project.config.environment.value).toBeUndefined();
    });
});
