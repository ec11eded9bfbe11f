import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../support/stackRun";

const readme: string = fs.readFileSync(path.join(PROJECT_DIR, "README.md"), "utf8");

describe("README", () => {
    it.each(["dev", "prod"])("embeds the current component graph of %s", (stack: string) => {
        const graph: string = fs.readFileSync(path.join(PROJECT_DIR, "docs", "preview", `${stack}.mmd`), "utf8").trimEnd();
        expect(readme).toContain("```mermaid\n" + graph + "\n```");
    });

    it("documents the two commands a new user runs", () => {
        expect(readme).toContain("npm ci && npm test");
        expect(readme).toContain("npm ci && npm run preview:offline -- --stack dev");
        expect(readme).toContain("pulumi preview --policy-pack policy");
    });
});

describe("README policy reference", () => {
    it("is what the pack says now (regenerate with npm run docs:policies)", async () => {
        const { renderPolicyReference, withPolicySection } = await import("../../tools/docs/policyReference");
        expect(readme).toBe(withPolicySection(readme, renderPolicyReference()));
    });

    it("lists every policy of the pack", async () => {
        const { policies } = await import("../../policy/policies");
        const missing: string[] = policies.map((p) => p.name).filter((name: string) => !readme.includes(`| \`${name}\` |`));
        expect(missing).toEqual([]);
    });
});
