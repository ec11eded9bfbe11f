import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RATES } from "../../tools/preview/pricing";
import { EC2_INSTANCE_RATES } from "../../tools/preview/ec2Pricing";
import { compareRate, getProductsArguments, listedPrices } from "../../tools/rates/priceList";
import { PRICE_LIST_QUERIES } from "../../tools/rates/priceListQueries";
import { checkRates, parseCheckArguments, renderChecks } from "../../tools/rates/cli";

const REPO: string = path.resolve(__dirname, "..", "..");

/** A get-products answer as the AWS CLI prints it: each product a JSON string, tiers as price dimensions. */
function answer(...prices: { usd: string; unit?: string; tiers?: string[] }[]): unknown {
    return {
        FormatVersion: "aws_v1",
        PriceList: prices.map((p, i) => JSON.stringify({
            product: { sku: `SKU${i}`, attributes: {} },
            terms: {
                OnDemand: {
                    [`SKU${i}.JRTCKXETXF`]: {
                        priceDimensions: Object.fromEntries([p.usd, ...(p.tiers ?? [])].map((usd: string, tier: number) => [`SKU${i}.JRTCKXETXF.${tier}`, {
                            unit: p.unit ?? "Hrs", beginRange: String(tier * 10), endRange: "Inf", description: `tier ${tier}`, pricePerUnit: { USD: usd },
                        }])),
                    },
                },
            },
        })),
    };
}

describe("reading the Price List Query API's answer", () => {
    it("takes the first tier's on-demand USD price of each product", () => {
        expect(listedPrices(answer({ usd: "0.0960000000" }))).toEqual([{ usd: 0.096, unit: "Hrs", description: "tier 0" }]);
        expect(listedPrices(answer({ usd: "0.0850000000", unit: "GB", tiers: ["0.0800000000", "0.0600000000"] }))[0].usd).toBe(0.085);
        expect(listedPrices({})).toEqual([]);
    });

    it("builds get-products arguments with one TERM_MATCH filter per attribute", () => {
        expect(getProductsArguments(PRICE_LIST_QUERIES["ec2.m6i.large"])).toEqual([
            "pricing", "get-products", "--region", "us-east-1", "--service-code", "AmazonEC2", "--output", "json", "--filters",
            "Type=TERM_MATCH,Field=instanceType,Value=m6i.large", "Type=TERM_MATCH,Field=location,Value=US East (N. Virginia)",
            "Type=TERM_MATCH,Field=operatingSystem,Value=Linux", "Type=TERM_MATCH,Field=tenancy,Value=Shared", "Type=TERM_MATCH,Field=preInstalledSw,Value=NA",
            "Type=TERM_MATCH,Field=capacitystatus,Value=Used", "Type=TERM_MATCH,Field=licenseModel,Value=No License required",
        ]);
    });

    it("judges each rate: the same, different, not found, or ambiguous (the filter is too loose)", () => {
        const query = PRICE_LIST_QUERIES["ec2.m6i.large"];
        expect(compareRate("ec2.m6i.large", 0.096, query, answer({ usd: "0.0960000000" })).verdict).toBe("same");
        expect(compareRate("ec2.m6i.large", 0.096, query, answer({ usd: "0.1000000000" }))).toMatchObject({ verdict: "different", listed: 0.1 });
        expect(compareRate("ec2.m6i.large", 0.096, query, answer()).verdict).toBe("not found");
        expect(compareRate("ec2.m6i.large", 0.096, query, answer({ usd: "0.096" }, { usd: "0.2" })).verdict).toBe("ambiguous");
        // The same price from two products (two SKUs of one offer) is not ambiguous.
        expect(compareRate("ec2.m6i.large", 0.096, query, answer({ usd: "0.096" }, { usd: "0.0960" })).verdict).toBe("same");
    });

    it("scales per-request prices to the table's unit (Lambda's $0.0000002 per request is $0.20 per million)", () => {
        expect(compareRate("lambdaRequestsMillion", 0.2, PRICE_LIST_QUERIES.lambdaRequestsMillion, answer({ usd: "0.0000002000", unit: "Requests" })).verdict).toBe("same");
    });
});

describe("the queries", () => {
    it("name rates of the table, and every EC2 instance type of the table has one", () => {
        const rateIds: string[] = Object.keys(RATES);
        expect(Object.keys(PRICE_LIST_QUERIES).filter((id: string) => !rateIds.includes(id))).toEqual([]);
        for (const id of Object.keys(EC2_INSTANCE_RATES)) {
            expect(PRICE_LIST_QUERIES[id]?.filters.instanceType, id).toBe(id.replace(/^ec2\./, ""));
        }
    });

    it("check every queried rate against a fake CLI and list the rates left to their pricing page", async () => {
        const checks = await checkRates(["natGatewayHour", "ec2.t3.medium"], (args: string[]) =>
            Promise.resolve(answer({ usd: args.includes("Type=TERM_MATCH,Field=instanceType,Value=t3.medium") ? "0.0416" : "0.05" })));
        expect(checks.map((c) => [c.id, c.verdict])).toEqual([["natGatewayHour", "different"], ["ec2.t3.medium", "same"]]);
        const report: string = renderChecks(checks);
        expect(report).toContain("2 rates checked: 1 the same, 1 different, 0 not found, 0 ambiguous.");
        expect(report).toMatch(/rates have no Price List query; check them on the pricing page their source names: .*wafWebAclMonth/);
    });

    it("refuse an unknown rate id, naming what is allowed", () => {
        expect(parseCheckArguments(["--only", "natGatewayHour,nope"]).error).toMatch(/^--only: nope: no Price List query for this rate; allowed: .*natGatewayHour/);
        expect(parseCheckArguments(["--only", "natGatewayHour", "--json"]).options).toEqual({ ids: ["natGatewayHour"], json: true, aws: "aws" });
        expect(parseCheckArguments(["--frobnicate"]).error).toBe("unknown argument --frobnicate");
    });
});

describe("npm run rates:check, through a fake AWS CLI", () => {
    let tmp: string;
    beforeAll(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "rates-"));
    });
    afterAll(() => {
        fs.rmSync(tmp, { recursive: true, force: true });
    });

    function fakeAws(name: string, script: string): string {
        const file: string = path.join(tmp, name);
        fs.writeFileSync(file, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
        return file;
    }

    function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
        return new Promise((resolve) => {
            execFile(process.execPath, [path.join(REPO, "node_modules", "tsx", "dist", "cli.mjs"), path.join(REPO, "tools", "rates", "cli.ts"), ...args], { cwd: REPO }, (error, stdout, stderr) => {
                resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
            });
        });
    }

    it("exit 0 when the Price List agrees, 1 when a rate differs", async () => {
        const same = fakeAws("same.sh", `printf '%s' '${JSON.stringify(answer({ usd: "0.0416" }))}'`);
        expect((await run(["--only", "ec2.t3.medium", "--aws", same])).code).toBe(0);
        const different = fakeAws("different.sh", `printf '%s' '${JSON.stringify(answer({ usd: "0.05" }))}'`);
        const result = await run(["--only", "ec2.t3.medium", "--aws", different]);
        expect(result.code).toBe(1);
        expect(result.stdout).toMatch(/^different\s+ec2\.t3\.medium\s+table 0\.0416\s+the Price List says 0\.05/m);
    }, 30_000);

    it("exit 2 with the CLI's own message when it fails, and when it is not installed; no stack trace", async () => {
        const denied = fakeAws("denied.sh", "echo 'An error occurred (AccessDeniedException) when calling the GetProducts operation: not authorized' >&2; exit 254");
        const result = await run(["--only", "ec2.t3.medium", "--aws", denied]);
        expect(result.code).toBe(2);
        expect(result.stderr).toBe("error: the AWS CLI failed: An error occurred (AccessDeniedException) when calling the GetProducts operation: not authorized\n");
        const missing = await run(["--only", "ec2.t3.medium", "--aws", path.join(tmp, "no-such-aws")]);
        expect(missing.code).toBe(2);
        expect(missing.stderr).toContain("not found (install the AWS CLI v2 or pass --aws <path>)");
    }, 30_000);
});

describe("the price table's sources", () => {
    it("every rate names AWS's own page (pricing page, documentation or AWS blog) and a review date, never a third party", () => {
        const primary = /^https:\/\/(aws\.amazon\.com|docs\.aws\.amazon\.com)\//;
        const offenders: string[] = Object.entries(RATES)
            .filter(([, rate]) => !rate.source.split("; ").every((source: string) => primary.test(source)) || !/^\d{4}-\d{2}-\d{2}$/.test(rate.asOf))
            .map(([id, rate]) => `${id}: ${rate.source} (${rate.asOf})`);
        expect(offenders).toEqual([]);
    });
});
