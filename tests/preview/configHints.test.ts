import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { CONFIG_HINTS, ConfigHint, configKeyFor } from "../../tools/preview/configHints";
import { PreviewResult } from "../../tools/preview/preview";
import { stackConfiguration } from "../support/stackRun";

/** Whether `platform:x.y.z` (`list[].field`: a field of some entry) names a key of the stack's configuration. */
function resolves(stack: string, key: string): boolean {
    const [namespace, ...rest] = key.split(".");
    const top: string | undefined = stackConfiguration(stack).config[namespace];
    return top !== undefined && resolvesIn(JSON.parse(top), rest);
}

function resolvesIn(value: unknown, parts: readonly string[]): boolean {
    if (parts.length === 0) {
        return true;
    }
    const [part, ...rest] = parts;
    const list: boolean = part.endsWith("[]");
    const name: string = list ? part.slice(0, -2) : part;
    if (value === null || typeof value !== "object" || !(name in value)) {
        return false;
    }
    const next: unknown = (value as Record<string, unknown>)[name];
    return list ? Array.isArray(next) && next.some((entry: unknown) => resolvesIn(entry, rest)) : resolvesIn(next, rest);
}

describe("findings name the configuration key that controls them", () => {
    it.each(CONFIG_HINTS.map((hint: ConfigHint) => [hint.key]))("%s is a key of the configuration", (key: string) => {
        expect(resolves("dev", key) || resolves("prod", key)).toBe(true);
    });

    it("gives every finding of the committed stacks' previews a key", () => {
        for (const stack of ["dev", "prod"]) {
            const result = JSON.parse(fs.readFileSync(path.join(__dirname, "__snapshots__", `${stack}.json`), "utf8")) as PreviewResult;
            for (const finding of result.policies.violations) {
                expect(configKeyFor(finding), `${finding.policy} ${finding.urn}`).toBeDefined();
                expect((finding as { configKey?: string }).configKey).toBe(configKeyFor(finding));
            }
        }
    });

    it("tells the WAF's log groups from the distribution's", () => {
        expect(configKeyFor({ policy: "log-log-group-retention", urn: "urn:pulumi:dev::platform::platform:edge:Edge$aws:cloudwatch/logGroup:LogGroup::waf-regional" })).toBe("platform:edge.waf.logRetentionInDays");
        expect(configKeyFor({ policy: "log-log-group-retention", urn: "urn:pulumi:dev::platform::platform:edge:Edge$aws:cloudwatch/logGroup:LogGroup::distribution-logs" })).toBe("platform:edge.logging.retentionInDays");
    });
});
