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
