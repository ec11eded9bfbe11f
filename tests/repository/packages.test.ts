import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { PREVIEW_NODE_ARGS } from "../../tools/preview/cli";
import { PROJECT_DIR } from "../support/stackRun";

type Manifest = { version?: string; scripts?: Record<string, string>; engines?: { node?: string }; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };

const read = (file: string): Manifest => JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, file), "utf8")) as Manifest;
const all = (m: Manifest): Record<string, string> => ({ ...m.dependencies, ...m.devDependencies });

describe("package manifests", () => {
    const root: Manifest = read("package.json");
    const pack: Manifest = read("policy/package.json");

    it("pins the toolchain the issues require", () => {
        expect(all(root)).toMatchObject({ "@pulumi/pulumi": expect.stringMatching(/^3\.270\./), "@pulumi/policy": expect.stringMatching(/^1\.21\./), typescript: expect.stringMatching(/^5\.9\./) });
        expect(all(root)["@pulumi/aws"]).toMatch(/^7\./);
        expect(all(root)["@pulumi/random"]).toMatch(/^4\./);
        expect(Object.values(all(root)).every((v: string) => /^\d+\.\d+\.\d+$/.test(v))).toBe(true);
    });

    it("gives the policy pack the same versions as the program (one install serves both)", () => {
        expect(pack.version).toMatch(/^\d+\.\d+\.\d+$/); // the analyzer host requires a version
        for (const [name, version] of Object.entries(all(pack))) {
            expect(all(root)[name], name).toBe(version);
        }
        expect(pack.engines?.node).toBe(root.engines?.node);
    });

    it("supports the Node.js lines the Pulumi SDK supports, in package.json, the workflows and CI", () => {
        const sdk = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8")) as Manifest;
        expect(root.engines?.node).toBe(sdk.engines?.node);
        const minimum: number = Number(/>=\s*(\d+)/.exec(root.engines?.node ?? "")?.[1]);
        for (const file of fs.readdirSync(path.join(PROJECT_DIR, ".github", "workflows"))) {
            const text: string = fs.readFileSync(path.join(PROJECT_DIR, ".github", "workflows", file), "utf8");
            for (const match of text.matchAll(/node-version: (\d+)/g)) {
                expect(Number(match[1]), file).toBeGreaterThanOrEqual(minimum);
            }
        }
        const ciNode: string = fs.readFileSync(path.join(PROJECT_DIR, ".ci", "node.sh"), "utf8");
        expect(Number(/PLATFORM_NODE_VERSION=(\d+)\./.exec(ciNode)?.[1])).toBeGreaterThanOrEqual(minimum);
    });

    it("decides, for every dependency with an install script, whether npm runs it (npm 11 warns on undecided ones)", () => {
        const lock = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "package-lock.json"), "utf8")) as { packages: Record<string, { hasInstallScript?: boolean }> };
        const decided = (root as Manifest & { allowScripts?: Record<string, boolean> }).allowScripts ?? {};
        const withScripts: string[] = Object.entries(lock.packages)
            .filter(([, entry]) => entry.hasInstallScript)
            .map(([key]) => key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length));
        expect(withScripts.length).toBeGreaterThan(0);
        for (const name of withScripts) {
            expect(decided, name).toHaveProperty(name);
        }
    });

    it("starts the offline preview the way its benchmark and CLI tests start it", () => {
        expect(root.scripts?.["preview:offline"]).toBe(["node", ...PREVIEW_NODE_ARGS, "tools/preview/cli.ts"].join(" "));
    });

    it("runs the static checks and the suite as npm test", () => {
        expect(root.scripts?.test).toBe("tsx tools/check/test.ts");
        expect(root.scripts?.lint).toBe("eslint . --max-warnings 0");
    });

    it("commits a lockfile", () => {
        expect(fs.existsSync(path.join(PROJECT_DIR, "package-lock.json"))).toBe(true);
    });
});
