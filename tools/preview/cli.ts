import * as fs from "fs";
import * as path from "path";
import { EXIT_FAILURE, PreviewOptions, PreviewOutcome, runOfflinePreview } from "./preview";
import { renderReport, terminalWidth } from "./report";
import { ParsedFlags, parseFlags } from "../cliFlags";
import { exitWhenFlushed } from "../exit";

/**
 * How `npm run preview:offline` starts node (relative to the repository root): the SDKs preloaded
 * as plain node loads them (loadSdk.cjs), then tsx's CommonJS hook only. The project is CommonJS;
 * tsx's ESM loader (`--import tsx`) and its require hook both cost time on each of the SDKs' files.
 * The benchmark and the CLI tests start the preview with these arguments too.
 */
export const PREVIEW_NODE_ARGS: readonly string[] = ["--require", "./tools/preview/loadSdk.cjs", "--require", "tsx/cjs"];

export const USAGE = `Usage: npm run preview:offline -- --stack <name> [options]

Runs the Pulumi program for a stack under Pulumi's mock runtime with the stack's configuration
(Pulumi.yaml defaults + Pulumi.<stack>.yaml; secure values are placeholders, never decrypted or
printed), then prints the resource tree, the policy pack's findings and a monthly cost estimate.
No credentials, no Pulumi CLI, no network.

Options:
  --stack, -s <name>        stack to preview (a Pulumi.<name>.yaml must exist)
  --json [file]             write the whole result as JSON (stdout when no file or "-")
  --graph [file]            write a Mermaid flowchart of the components (stdout when no file or "-")
  --policy-config <file>    policy-pack config (JSON, the format of pulumi --policy-pack-config);
                            default policy/config/platform.json (the reviewed exemptions CI uses),
                            "none" for the pack's defaults
  --assumptions <file>      YAML or JSON overriding some cost assumptions for this run, over the
                            stack's own cost/<name>.yaml (GB through NAT, requests, storage, ...)
  --dry-run                 leave computed outputs unknown, as pulumi preview does
                            (default: deterministic fake-cloud ids and ARNs)
  --help, -h                show this help

When --json or --graph writes to stdout, the human-readable report goes to stderr.

Exit codes:
  0  the program ran and no mandatory policy is violated
  1  at least one mandatory policy is violated
  2  the program or its configuration failed: unknown stack, missing or malformed
     Pulumi.yaml / stack file, invalid configuration, program error, bad --policy-config

Internal options (tests, benchmarks):
  --project-dir <dir>       directory with Pulumi.yaml and stack files (default: repository root)
  --program <file[#name]>   program function to run (default infra/program.ts#runPlatform)
  --policies <file[#name]>  policy list to evaluate (default policy/policies.ts#policies)
`;

export interface CliArguments {
    readonly options?: PreviewOptions;
    /** undefined: not requested; "-": stdout; otherwise a file. */
    readonly json?: string;
    readonly graph?: string;
    readonly help?: boolean;
    readonly error?: string;
}

export function parseArguments(argv: readonly string[]): CliArguments {
    const parsed: ParsedFlags = parseFlags(argv, {
        takesValue: new Set(["--stack", "--policy-config", "--assumptions", "--project-dir", "--program", "--policies"]),
        optionalValue: new Set(["--json", "--graph"]),
        switches: new Set(["--dry-run", "--help"]),
        aliases: { "-s": "--stack", "-h": "--help" },
    });
    if ("error" in parsed) {
        return { error: parsed.error };
    }
    const values: Record<string, string | true> = parsed.values;
    if (values["--help"]) {
        return { help: true };
    }
    if (typeof values["--stack"] !== "string") {
        return { error: "--stack <name> is required" };
    }
    const json = values["--json"] as string | undefined;
    const graph = values["--graph"] as string | undefined;
    if (json === "-" && graph === "-") {
        return { error: "--json and --graph cannot both write to stdout; give one of them a file" };
    }
    const str = (key: string): string | undefined => values[key] as string | undefined;
    return {
        json,
        graph,
        options: {
            stack: values["--stack"],
            projectDir: str("--project-dir"),
            program: str("--program"),
            policies: str("--policies"),
            policyConfig: str("--policy-config"),
            assumptions: str("--assumptions"),
            dryRun: values["--dry-run"] === true,
        },
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

export async function main(argv: readonly string[]): Promise<number> {
    const args: CliArguments = parseArguments(argv);
    if (args.help) {
        process.stdout.write(USAGE);
        return 0;
    }
    if (args.error || !args.options) {
        process.stderr.write(`error: ${args.error}\n\n${USAGE}`);
        return EXIT_FAILURE;
    }
    const outcome: PreviewOutcome = await runOfflinePreview(args.options);
    if (!outcome.result) {
        process.stderr.write(`${outcome.failure?.message ?? "the offline preview failed"}\n`);
        return outcome.exitCode;
    }
    const reportStream: NodeJS.WriteStream = args.json === "-" || args.graph === "-" ? process.stderr : process.stdout;
    reportStream.write(renderReport(outcome.result, { width: terminalWidth(reportStream) }));
    if (args.json) {
        write(args.json, `${JSON.stringify(outcome.result, null, 2)}\n`);
    }
    if (args.graph) {
        write(args.graph, outcome.result.graph);
    }
    return outcome.exitCode;
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        exitWhenFlushed,
        (error: unknown) => {
            process.stderr.write(`offline preview crashed: ${error instanceof Error ? error.stack : String(error)}\n`);
            exitWhenFlushed(EXIT_FAILURE);
        },
    );
}
