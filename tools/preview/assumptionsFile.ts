import * as fs from "fs";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import { didYouMean } from "../../infra/config/suggest";
import { ASSUMPTION_DESCRIPTIONS, ASSUMPTION_KEYS, AssumptionKey, Assumptions, DEFAULT_ASSUMPTIONS } from "./assumptions";

/** Where a stack's own cost assumptions live, relative to the project directory. */
export function stackAssumptionsPath(projectDir: string, stack: string): string {
    return path.join(projectDir, "cost", `${stack}.yaml`);
}

export interface ResolvedAssumptions {
    readonly assumptions: Assumptions;
    /** The files applied, in order (empty: the built-in defaults only). */
    readonly sources: string[];
}

/**
 * The assumptions a stack is priced with: the built-in defaults, then the stack's `cost/<stack>.yaml`
 * (which must name every key, so a stack never prices a volume it did not choose), then the
 * `--assumptions` file (any subset: a what-if on top of the stack's own). Returns every problem of
 * both files at once, each naming the file, the key, the value and what is allowed.
 */
export function resolveAssumptions(projectDir: string, stack: string, overrideFile?: string): ResolvedAssumptions | { problems: string[] } {
    const problems: string[] = [];
    const sources: string[] = [];
    let assumptions: Assumptions = DEFAULT_ASSUMPTIONS;
    const stackFile: string = stackAssumptionsPath(projectDir, stack);
    if (fs.existsSync(stackFile)) {
        const shown: string = path.relative(projectDir, stackFile);
        const given = readObject(shown, stackFile, problems);
        if (given) {
            problems.push(...assumptionProblems(shown, given));
            for (const key of ASSUMPTION_KEYS.filter((k: AssumptionKey) => !(k in given))) {
                problems.push(`error: ${shown}: ${key}: missing; allowed: a number of at least 0 (${ASSUMPTION_DESCRIPTIONS[key]}; default ${DEFAULT_ASSUMPTIONS[key]})`);
            }
            assumptions = { ...assumptions, ...given as Partial<Assumptions> };
            sources.push(shown);
        }
    }
    if (overrideFile) {
        const given = readObject(overrideFile, overrideFile, problems);
        if (given) {
            problems.push(...assumptionProblems(overrideFile, given));
            assumptions = { ...assumptions, ...given as Partial<Assumptions> };
            sources.push(overrideFile);
        }
    }
    return problems.length > 0 ? { problems } : { assumptions, sources };
}

/** A YAML (or JSON, which is YAML) mapping, or a problem naming the file. */
function readObject(shown: string, file: string, problems: string[]): Record<string, unknown> | undefined {
    let value: unknown;
    try {
        value = parseYaml(fs.readFileSync(file, "utf8"));
    } catch (error) {
        const reason: string = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message.split("\n")[0];
        problems.push(`error: ${shown}: cannot read the cost assumptions: ${reason}`);
        return undefined;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
        problems.push(`error: ${shown}: got ${JSON.stringify(value)}; allowed: a mapping of cost assumption to number`);
        return undefined;
    }
    return value as Record<string, unknown>;
}

/**
 * Checks assumptions before anything runs: every key must be a known assumption and every value a
 * non-negative number. A misspelt key would otherwise be ignored (the default priced silently) and
 * a string would crash the cost report.
 */
export function assumptionProblems(file: string, given: Readonly<Record<string, unknown>>): string[] {
    const known: string[] = [...ASSUMPTION_KEYS];
    const problems: string[] = [];
    for (const [key, value] of Object.entries(given)) {
        if (!known.includes(key)) {
            problems.push(`error: ${file}: ${key}: got ${JSON.stringify(value)}; allowed: a cost assumption (${known.join(", ")})${didYouMean(key, known)}`);
        } else if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
            problems.push(`error: ${file}: ${key}: got ${JSON.stringify(value)}; allowed: a number of at least 0 (${ASSUMPTION_DESCRIPTIONS[key as AssumptionKey]})`);
        } else if ((key === "spotDiscount" || key === "backupDailyChangeFraction") && value > 1) {
            problems.push(`error: ${file}: ${key}: got ${value}; allowed: a fraction from 0 to 1 (${ASSUMPTION_DESCRIPTIONS[key]})`);
        }
    }
    return problems;
}
