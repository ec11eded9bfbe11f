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
    it("and the cost table are what the pack and the offline preview say now (regenerate with npm run docs)", async () => {
        const { generatedReadme } = await import("../../tools/docs/generate");
        expect(readme).toBe(generatedReadme(readme));
    });

    it("lists every policy of the pack", async () => {
        const { policies } = await import("../../policy/policies");
        const missing: string[] = policies.map((p) => p.name).filter((name: string) => !readme.includes(`| \`${name}\` |`));
        expect(missing).toEqual([]);
    });
});
