import { ESLint, Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../support/stackRun";

/** What `npm test` lints with, per directory (cheap: resolves the flat config, lints nothing). */
describe("ESLint configuration (npm test lints as eslint . --max-warnings 0 does, tools/check/lint.ts)", () => {
    const eslint = new ESLint({ cwd: PROJECT_DIR });
    const severity = (entry: Linter.RuleEntry | undefined): unknown => (Array.isArray(entry) ? entry[0] : entry);

    it.each(["infra/program.ts", "policy/lib/rule.ts", "tools/offline/mockEngine.ts", "bench/offline-preview.ts", "tests/support/stackRun.ts"])(
        "%s: type-aware typescript-eslint rules and Pulumi's Output-in-template rules are errors", async (file: string) => {
            const config = await eslint.calculateConfigForFile(file) as Linter.Config;
            expect(config.languageOptions?.parserOptions).toMatchObject({ project: "./tsconfig.json" });
            const rules = config.rules ?? {};
            for (const rule of ["@pulumi/no-output-in-template-literal", "@pulumi/no-output-instance-in-template-literal", "@typescript-eslint/no-floating-promises", "@typescript-eslint/restrict-template-expressions"]) {
                expect([2, "error"], `${file} ${rule}`).toContain(severity(rules[rule]));
            }
        });

    it("relaxes only the any rules (unsafe-any and explicit any), and only in tests", async () => {
        const program = (await eslint.calculateConfigForFile("infra/program.ts") as Linter.Config).rules ?? {};
        const test = (await eslint.calculateConfigForFile("tests/support/stackRun.ts") as Linter.Config).rules ?? {};
        expect([2, "error"]).toContain(severity(program["@typescript-eslint/no-unsafe-member-access"]));
        expect([0, "off"]).toContain(severity(test["@typescript-eslint/no-unsafe-member-access"]));
        const relaxed: string[] = Object.keys(test).filter((rule: string) => [0, "off"].includes(severity(test[rule]) as number) && ![0, "off"].includes(severity(program[rule]) as number));
        expect(relaxed.every((rule: string) => rule.startsWith("@typescript-eslint/no-unsafe-") || rule === "@typescript-eslint/no-explicit-any")).toBe(true);
    });
});
