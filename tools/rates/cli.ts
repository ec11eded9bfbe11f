import { execFile } from "child_process";
import { RATES } from "../preview/pricing";
import { parseFlags, ParsedFlags } from "../cliFlags";
import { exitWhenFlushed } from "../exit";
import { RateCheck, compareRate, getProductsArguments } from "./priceList";
import { PRICE_LIST_QUERIES, tableRate } from "./priceListQueries";

export const USAGE = `Usage: npm run rates:check -- [--only <id,id...>] [--json] [--aws <path>]

Compares the offline preview's price table (tools/preview/pricing.ts, ec2Pricing.ts) with AWS's
Price List Query API, one \`aws pricing get-products\` call per rate that has a query
(tools/rates/priceListQueries.ts). Needs the AWS CLI and credentials allowed pricing:GetProducts;
creates nothing. Rates without a query are listed to be checked on their pricing page.

Options:
  --only <ids>   comma-separated rate ids (default: every rate with a query)
  --json         print the checks as JSON
  --aws <path>   the AWS CLI to run (default: aws on PATH)
  --help, -h     show this help

Exit codes: 0 every checked rate is the Price List's · 1 at least one differs · 2 bad arguments or
the AWS CLI failed (not installed, no credentials, no permission).`;

export interface CheckOptions {
    readonly ids: string[];
    readonly json: boolean;
    readonly aws: string;
}

export function parseCheckArguments(argv: readonly string[]): { options?: CheckOptions; help?: boolean; error?: string } {
    const parsed: ParsedFlags = parseFlags(argv, { takesValue: new Set(["--only", "--aws"]), optionalValue: new Set(), switches: new Set(["--json", "--help"]), aliases: { "-h": "--help" } });
    if ("error" in parsed) {
        return { error: parsed.error };
    }
    if (parsed.values["--help"]) {
        return { help: true };
    }
    const known: string[] = Object.keys(PRICE_LIST_QUERIES);
    const only = parsed.values["--only"];
    const ids: string[] = typeof only === "string" ? only.split(",").map((id: string) => id.trim()).filter((id: string) => id.length > 0) : known;
    const unknown: string[] = ids.filter((id: string) => !known.includes(id));
    if (unknown.length > 0) {
        return { error: `--only: ${unknown.join(", ")}: no Price List query for ${unknown.length === 1 ? "this rate" : "these rates"}; allowed: ${known.join(", ")}` };
    }
    return { options: { ids, json: parsed.values["--json"] === true, aws: typeof parsed.values["--aws"] === "string" ? parsed.values["--aws"] : "aws" } };
}

/** Runs the AWS CLI; rejects with its first line of stderr (or why it could not start). */
export type AwsRunner = (args: string[]) => Promise<unknown>;

export function awsCli(binary: string): AwsRunner {
    return (args: string[]) => new Promise((resolve, reject) => {
        execFile(binary, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
            if (error) {
                const code: unknown = (error as NodeJS.ErrnoException).code;
                reject(new Error(code === "ENOENT" ? `${binary}: not found (install the AWS CLI v2 or pass --aws <path>)` : String(stderr).trim().split("\n")[0] || error.message));
                return;
            }
            try {
                resolve(JSON.parse(stdout));
            } catch {
                reject(new Error(`${binary} printed something that is not JSON`));
            }
        });
    });
}

export async function checkRates(ids: readonly string[], run: AwsRunner): Promise<RateCheck[]> {
    const checks: RateCheck[] = [];
    for (const id of ids) {
        const query = PRICE_LIST_QUERIES[id];
        checks.push(compareRate(id, tableRate(id), query, await run(getProductsArguments(query))));
    }
    return checks;
}

export function renderChecks(checks: readonly RateCheck[]): string {
    const width: number = Math.max(...checks.map((c: RateCheck) => c.id.length));
    const lines: string[] = checks.map((c: RateCheck) => `${c.verdict.padEnd(9)}  ${c.id.padEnd(width)}  table ${c.table}  ${c.detail}`);
    const unchecked: string[] = Object.keys(RATES).filter((id: string) => !(id in PRICE_LIST_QUERIES));
    const count = (verdict: string): number => checks.filter((c: RateCheck) => c.verdict === verdict).length;
    return [
        ...lines,
        "",
        `${checks.length} rates checked: ${count("same")} the same, ${count("different")} different, ${count("not found")} not found, ${count("ambiguous")} ambiguous.`,
        `${unchecked.length} rates have no Price List query; check them on the pricing page their source names: ${unchecked.join(", ")}`,
    ].join("\n");
}

async function main(): Promise<number> {
    const parsed = parseCheckArguments(process.argv.slice(2));
    if (parsed.help) {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    if (!parsed.options) {
        process.stderr.write(`error: ${parsed.error}\n\n${USAGE}\n`);
        return 2;
    }
    let checks: RateCheck[];
    try {
        checks = await checkRates(parsed.options.ids, awsCli(parsed.options.aws));
    } catch (error) {
        process.stderr.write(`error: the AWS CLI failed: ${(error as Error).message}\n`);
        return 2;
    }
    process.stdout.write(parsed.options.json ? `${JSON.stringify(checks, undefined, 2)}\n` : `${renderChecks(checks)}\n`);
    return checks.some((c: RateCheck) => c.verdict === "different") ? 1 : 0;
}

if (require.main === module) {
    void main().then((code: number) => exitWhenFlushed(code));
}
