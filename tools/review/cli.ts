import * as fs from "fs";
import { ParsedFlags, parseFlags } from "../cliFlags";
import * as os from "os";
import * as path from "path";
import type { PreviewResult } from "../preview/preview";
import { DEFAULT_ACKNOWLEDGEMENTS, readAcknowledgements } from "./acknowledgements";
import { IncomparablePreviewsError } from "./compare";
import { TreePreviewOptions, previewTree, repositoryRoot, resolveRef, withWorktree } from "./gitRef";
import { Acknowledgement, EXIT_CANNOT_COMPARE, Review } from "./model";
import { ReviewInputError, readPreviewFile } from "./previewFile";
import { renderMarkdown, renderText } from "./render";
import { reviewPreviews } from "./review";

export const USAGE = `Usage:
  npm run review:offline -- --base <base.json> --head <head.json> [options]
  npm run review:offline -- --ref <git ref> --stack <name> [options]

Compares two offline previews of one stack (npm run preview:offline -- --json) resource by
resource: created, deleted, replaced (and which property forces it), renamed through an alias,
updated (secrets masked), unchanged. Flags what is dangerous: deleting or replacing a stateful
resource, removing protect, retainOnDelete or deletion protection, a new mandatory policy
finding, new ingress from the internet or a new public principal; prints the monthly cost delta
per layer. No credentials, no Pulumi CLI, no network.

With --ref, checks the ref out into a temporary git worktree, runs the offline preview there and
in the working tree (in parallel, child processes), compares and removes the worktree.

Options:
  --base <file>, --head <file>  the two previews' JSON
  --ref <ref>                   compare the working tree with this commit (e.g. origin/main)
  --stack, -s <name>            the stack (required with --ref; checked against the files otherwise)
  --acknowledgements <file>     accepted dangerous changes (default ${DEFAULT_ACKNOWLEDGEMENTS}
                                when it exists): { "acknowledgements": [ { "stack", "urn" (* matches
                                anything), "kind", "reason" } ] }
  --json [file]                 write the review as JSON (stdout when no file or "-")
  --markdown [file]             write the pull-request comment (stdout when no file or "-")
  --help, -h                    show this help

When --json or --markdown writes to stdout, the readable report goes to stderr.

Exit codes:
  0  nothing dangerous, or every dangerous change acknowledged
  1  at least one dangerous change is not acknowledged
  2  could not compare: a missing or malformed file, previews of different stacks, a bad
     acknowledgements file, a ref that does not exist, a preview that failed

Internal options (tests), forwarded to both previews with --ref, relative to each tree:
  --project-dir <dir>  --program <file[#name]>  --policies <file[#name]>  --policy-config <file>
`;

interface Arguments {
    readonly base?: string;
    readonly head?: string;
    readonly ref?: string;
    readonly stack?: string;
    readonly acknowledgements?: string;
    readonly json?: string;
    readonly markdown?: string;
    readonly forwarded: Omit<TreePreviewOptions, "stack">;
    readonly help?: boolean;
    readonly error?: string;
}

export function parseArguments(argv: readonly string[]): Arguments {
    const parsed: ParsedFlags = parseFlags(argv, {
        takesValue: new Set(["--base", "--head", "--ref", "--stack", "--acknowledgements", "--project-dir", "--program", "--policies", "--policy-config"]),
        optionalValue: new Set(["--json", "--markdown"]),
        switches: new Set(["--help"]),
        aliases: { "-s": "--stack", "-h": "--help" },
    });
    if ("error" in parsed) {
        return { forwarded: {}, error: parsed.error };
    }
    const values: Record<string, string | true> = parsed.values;
    const str = (key: string): string | undefined => values[key] as string | undefined;
    if (values["--help"]) {
        return { forwarded: {}, help: true };
    }
    const files: boolean = str("--base") !== undefined || str("--head") !== undefined;
    if (files && str("--ref") !== undefined) {
        return { forwarded: {}, error: "give either --base and --head, or --ref, not both" };
    }
    if (files && (str("--base") === undefined || str("--head") === undefined)) {
        return { forwarded: {}, error: `--${str("--base") === undefined ? "base" : "head"} <file> is missing (compare needs both)` };
    }
    if (!files && str("--ref") === undefined) {
        return { forwarded: {}, error: "nothing to compare: give --base and --head, or --ref and --stack" };
    }
    if (str("--ref") !== undefined && str("--stack") === undefined) {
        return { forwarded: {}, error: "--ref needs --stack <name>" };
    }
    if (str("--json") === "-" && str("--markdown") === "-") {
        return { forwarded: {}, error: "--json and --markdown cannot both write to stdout; give one of them a file" };
    }
    return {
        base: str("--base"),
        head: str("--head"),
        ref: str("--ref"),
        stack: str("--stack"),
        acknowledgements: str("--acknowledgements"),
        json: str("--json"),
        markdown: str("--markdown"),
        forwarded: { projectDir: str("--project-dir"), program: str("--program"), policies: str("--policies"), policyConfig: str("--policy-config") },
    };
}

function write(target: string, text: string): void {
    if (target === "-") {
        process.stdout.write(text);
        return;
    }
    fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    fs.writeFileSync(target, text);
}

interface Inputs {
    readonly base: PreviewResult;
    readonly head: PreviewResult;
    readonly baseLabel: string;
    readonly headLabel: string;
    /** Where the default acknowledgements file is looked for. */
    readonly root: string;
}

async function previewsOfRef(args: Arguments): Promise<Inputs> {
    const root: string = repositoryRoot(process.cwd());
    const commit: string = resolveRef(root, args.ref!);
    const out: string = fs.mkdtempSync(path.join(os.tmpdir(), "offline-review-previews-"));
    try {
        const options: TreePreviewOptions = { stack: args.stack!, ...args.forwarded };
        const baseLabel = `${args.ref} (${commit.slice(0, 12)})`;
        await withWorktree(root, commit, (dir: string) => Promise.all([
            previewTree(dir, options, path.join(out, "base.json"), baseLabel),
            previewTree(root, options, path.join(out, "head.json"), "working tree"),
        ]));
        return { base: readPreviewFile(path.join(out, "base.json")), head: readPreviewFile(path.join(out, "head.json")), baseLabel, headLabel: "working tree", root };
    } finally {
        fs.rmSync(out, { recursive: true, force: true });
    }
}

export async function main(argv: readonly string[]): Promise<number> {
    const args: Arguments = parseArguments(argv);
    if (args.help) {
        process.stdout.write(USAGE);
        return 0;
    }
    if (args.error) {
        process.stderr.write(`error: ${args.error}\n\n${USAGE}`);
        return EXIT_CANNOT_COMPARE;
    }
    let review: Review;
    try {
        const inputs: Inputs = args.ref !== undefined
            ? await previewsOfRef(args)
            : { base: readPreviewFile(args.base!), head: readPreviewFile(args.head!), baseLabel: args.base!, headLabel: args.head!, root: process.cwd() };
        if (args.stack !== undefined && args.ref === undefined) {
            for (const [label, result] of [[inputs.baseLabel, inputs.base], [inputs.headLabel, inputs.head]] as const) {
                if (result.stack !== args.stack) {
                    throw new ReviewInputError(`${label}: previews stack ${result.stack}, not --stack ${args.stack}`);
                }
            }
        }
        const acknowledgements: Acknowledgement[] = readAcknowledgements(args.acknowledgements ?? path.join(inputs.root, DEFAULT_ACKNOWLEDGEMENTS), args.acknowledgements !== undefined);
        review = reviewPreviews(inputs.base, inputs.head, { baseLabel: inputs.baseLabel, headLabel: inputs.headLabel, acknowledgements });
    } catch (error) {
        if (error instanceof ReviewInputError || error instanceof IncomparablePreviewsError) {
            process.stderr.write(`error: ${error.message}\n`);
            return EXIT_CANNOT_COMPARE;
        }
        throw error;
    }
    const toStderr: boolean = args.json === "-" || args.markdown === "-";
    (toStderr ? process.stderr : process.stdout).write(renderText(review));
    if (args.json) {
        write(args.json, `${JSON.stringify(review, null, 2)}\n`);
    }
    if (args.markdown) {
        write(args.markdown, renderMarkdown(review));
    }
    return review.exitCode;
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        (code: number) => {
            process.exitCode = code;
        },
        (error: unknown) => {
            // A bug of the review itself: say so briefly; the stack only on request.
            process.stderr.write(`error: the offline review failed unexpectedly: ${error instanceof Error ? error.message : String(error)}\n`);
            if (process.env.OFFLINE_REVIEW_DEBUG && error instanceof Error) {
                process.stderr.write(`${error.stack}\n`);
            }
            process.exitCode = EXIT_CANNOT_COMPARE;
        },
    );
}
