import { ESLint } from "eslint";
import type * as ts from "typescript";

/** What `eslint . --max-warnings 0` lints (eslint.config.mjs decides the rules per directory). */
const LINTED: readonly string[] = ["."];

/**
 * ESLint with the repository's flat config, its type-aware rules reading types from `program`
 * instead of building a second program from tsconfig.json (typescript-eslint's
 * `parserOptions.programs`). The type check already built that program; building it again was
 * half of what linting cost.
 */
export async function lint(cwd: string, program: ts.Program): Promise<{ readonly problems: number; readonly text: string }> {
    const eslint = new ESLint({
        cwd,
        overrideConfig: [{
            files: ["**/*.ts"],
            languageOptions: { parserOptions: { programs: [program], project: false, projectService: false } },
        }],
    });
    const results: ESLint.LintResult[] = await eslint.lintFiles([...LINTED]);
    // --max-warnings 0: a warning fails the run as an error does.
    const problems: number = results.reduce((sum: number, result: ESLint.LintResult) => sum + result.errorCount + result.warningCount, 0);
    const formatter: ESLint.LoadedFormatter = await eslint.loadFormatter("stylish");
    return { problems, text: problems > 0 ? await formatter.format(results) : "" };
}
