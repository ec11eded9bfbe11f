import { didYouMean } from "../../infra/config/suggest";
import { ASSUMPTION_DESCRIPTIONS, Assumptions, DEFAULT_ASSUMPTIONS } from "./pricing";

/**
 * Checks an `--assumptions` file before anything runs: every key must be a known assumption and every
 * value a non-negative number. A misspelt key would otherwise be ignored (the default priced
 * silently) and a string would crash the cost report. Returns one message per problem, each naming
 * the file, the key, the value and what is allowed.
 */
export function assumptionProblems(file: string, given: Readonly<Record<string, unknown>>): string[] {
    const known: string[] = Object.keys(DEFAULT_ASSUMPTIONS);
    const problems: string[] = [];
    for (const [key, value] of Object.entries(given)) {
        if (!known.includes(key)) {
            problems.push(`error: ${file}: ${key}: got ${JSON.stringify(value)}; allowed: a cost assumption (${known.join(", ")})${didYouMean(key, known)}`);
        } else if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
            problems.push(`error: ${file}: ${key}: got ${JSON.stringify(value)}; allowed: a number of at least 0 (${ASSUMPTION_DESCRIPTIONS[key as keyof Assumptions]})`);
        }
    }
    return problems;
}
