import * as pulumi from "@pulumi/pulumi";

/** One thing wrong with the stack configuration. */
export interface ConfigProblem {
    /** The configuration key path a user edits, such as platform:network.vpcCidr. */
    readonly key: string;
    /** The offending value; undefined when the key is missing. */
    readonly value: unknown;
    /** What the key accepts. */
    readonly allowed: string;
}

/**
 * A user mistake in stack configuration. It extends pulumi.RunError so the CLI prints the
 * message alone, without a stack trace.
 */
export class ConfigValidationError extends pulumi.RunError {
    public readonly problems: readonly ConfigProblem[];

    constructor(stack: string, problems: readonly ConfigProblem[]) {
        super(formatProblems(stack, problems));
        this.name = "ConfigValidationError";
        this.problems = problems;
    }
}

export function formatProblems(stack: string, problems: readonly ConfigProblem[]): string {
    const noun: string = problems.length === 1 ? "problem" : "problems";
    const lines: string[] = problems.map((p: ConfigProblem) => `  - ${describeProblem(p)}`);
    return [`Invalid configuration for stack "${stack}" (${problems.length} ${noun}); nothing was created:`, ...lines].join("\n");
}

export function describeProblem(problem: ConfigProblem): string {
    if (problem.value === undefined) {
        return `${problem.key}: missing; required: ${problem.allowed}`;
    }
    return `${problem.key}: got ${renderValue(problem.value)}; allowed: ${problem.allowed}`;
}

function renderValue(value: unknown): string {
    const text: string = JSON.stringify(value) ?? String(value);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
