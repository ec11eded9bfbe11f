import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMap, isScalar, parseDocument } from "yaml";
import { ASSUMPTION_KEYS, DEFAULT_ASSUMPTIONS } from "../../tools/preview/assumptions";
import { ResolvedAssumptions, resolveAssumptions, stackAssumptionsPath } from "../../tools/preview/assumptionsFile";
import { REPO_ROOT } from "../../tools/preview/preview";

/** Every committed stack (a Pulumi.<stack>.yaml) prices with its own cost/<stack>.yaml. */
const STACKS: string[] = fs.readdirSync(REPO_ROOT)
    .map((f: string) => /^Pulumi\.([a-z0-9-]+)\.yaml$/.exec(f)?.[1])
    .filter((s: string | undefined): s is string => s !== undefined);

let tmp: string;
beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "assumptions-"));
});
afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
});

/** A project directory holding only cost/<stack>.yaml with `text`. */
function projectWith(stack: string, text: string): string {
    const dir: string = fs.mkdtempSync(path.join(tmp, "project-"));
    fs.mkdirSync(path.join(dir, "cost"));
    fs.writeFileSync(path.join(dir, "cost", `${stack}.yaml`), text);
    return dir;
}

const complete = (overrides: Record<string, unknown> = {}): string =>
    Object.entries({ ...DEFAULT_ASSUMPTIONS, ...overrides }).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join("\n");

describe.each(STACKS)("cost/%s.yaml", (stack: string) => {
    const file: string = stackAssumptionsPath(REPO_ROOT, stack);

    it("exists, validates and names every assumption", () => {
        const resolved = resolveAssumptions(REPO_ROOT, stack);
        expect(resolved).not.toHaveProperty("problems");
        expect((resolved as ResolvedAssumptions).sources).toEqual([`cost/${stack}.yaml`]);
        expect(Object.keys(parseDocument(fs.readFileSync(file, "utf8")).toJS() as object).sort()).toEqual([...ASSUMPTION_KEYS].sort());
    });

    it("explains every key: a comment above it, above its group, or beside it", () => {
        const document = parseDocument(fs.readFileSync(file, "utf8"));
        expect(isMap(document.contents)).toBe(true);
        const items = isMap(document.contents) ? document.contents.items : [];
        const unexplained: string[] = [];
        // A comment applies to the keys below it until a blank line ends the group.
        let explained = false;
        for (const [index, pair] of items.entries()) {
            const key = pair.key;
            const before: string | undefined = isScalar(key) ? key.commentBefore ?? (index === 0 ? document.commentBefore ?? undefined : undefined) : undefined;
            const spaced: boolean = isScalar(key) && key.spaceBefore === true;
            explained = before !== undefined && before !== null ? true : spaced ? false : explained;
            const beside: boolean = isScalar(pair.value) && typeof pair.value.comment === "string";
            if (!explained && !beside) {
                unexplained.push(String(isScalar(key) ? key.value : key));
            }
        }
        expect(unexplained).toEqual([]);
    });
});

describe("the stack's assumptions file is checked before anything runs", () => {
    it("a key missing from a stack's file: named, with what it means and its default", () => {
        const dir: string = projectWith("dev", complete().split("\n").filter((line: string) => !line.startsWith("natGatewayGbPerMonth:")).join("\n"));
        expect(resolveAssumptions(dir, "dev")).toEqual({
            problems: [`error: cost/dev.yaml: natGatewayGbPerMonth: missing; allowed: a number of at least 0 (GB processed per NAT gateway per month; default ${DEFAULT_ASSUMPTIONS.natGatewayGbPerMonth})`],
        });
    });

    it("every problem at once: unknown key with the nearest name, wrong type, negative, a fraction above 1", () => {
        const dir: string = projectWith("dev", `${complete({ hoursPerMonth: "730", lambdaAverageDurationMs: -1, spotDiscount: 1.5 })}\nnatGatewayGbPerMonht: 5`);
        const problems: string[] = (resolveAssumptions(dir, "dev") as { problems: string[] }).problems;
        expect(problems).toHaveLength(4);
        expect(problems[0]).toBe('error: cost/dev.yaml: hoursPerMonth: got "730"; allowed: a number of at least 0 (hours per month for hourly rates (AWS bills 730))');
        expect(problems[1]).toMatch(/^error: cost\/dev\.yaml: spotDiscount: got 1\.5; allowed: a fraction from 0 to 1/);
        expect(problems[2]).toMatch(/^error: cost\/dev\.yaml: lambdaAverageDurationMs: got -1; allowed: a number of at least 0/);
        expect(problems[3]).toMatch(/^error: cost\/dev\.yaml: natGatewayGbPerMonht: got 5; allowed: a cost assumption \(.*\); did you mean natGatewayGbPerMonth\?$/);
    });

    it("a file that is not a mapping, or not YAML", () => {
        expect(resolveAssumptions(projectWith("dev", "- 1\n- 2"), "dev")).toEqual({ problems: ["error: cost/dev.yaml: got [1,2]; allowed: a mapping of cost assumption to number"] });
        expect((resolveAssumptions(projectWith("dev", "a: [1"), "dev") as { problems: string[] }).problems[0]).toMatch(/^error: cost\/dev\.yaml: cannot read the cost assumptions: /);
    });

    it("--assumptions overrides some keys on top of the stack's file; a stack without a file prices with the defaults", () => {
        const dir: string = projectWith("dev", complete({ natGatewayGbPerMonth: 7, flowLogGbPerMonth: 3 }));
        const override: string = path.join(tmp, "what-if.yaml");
        fs.writeFileSync(override, "natGatewayGbPerMonth: 500\n");
        const resolved = resolveAssumptions(dir, "dev", override) as ResolvedAssumptions;
        expect(resolved.sources).toEqual(["cost/dev.yaml", override]);
        expect(resolved.assumptions).toMatchObject({ natGatewayGbPerMonth: 500, flowLogGbPerMonth: 3 });
        expect(resolveAssumptions(dir, "other")).toEqual({ assumptions: DEFAULT_ASSUMPTIONS, sources: [] });
    });

    it("a missing --assumptions file is a problem, not a crash", () => {
        expect(resolveAssumptions(tmp, "none", path.join(tmp, "nope.yaml"))).toEqual({ problems: [`error: ${path.join(tmp, "nope.yaml")}: cannot read the cost assumptions: no such file`] });
    });
});
