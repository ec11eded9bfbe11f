import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { CONFIG_HINTS, ConfigHint, configKeyFor } from "../../tools/preview/configHints";
import { PreviewResult } from "../../tools/preview/preview";
import { stackConfiguration } from "../support/stackRun";

/** Whether `platform:x.y.z` names a key of the stack's resolved configuration (defaults included). */
function resolves(stack: string, key: string): boolean {
    const [namespace, ...rest] = key.split(".");
    const top: string | undefined = stackConfiguration(stack).config[namespace];
    if (top === undefined) {
        return false;
    }
    let value: unknown = JSON.parse(top);
    for (const part of rest) {
        if (value === null || typeof value !== "object" || !(part in value)) {
            return false;
        }
        value = (value as Record<string, unknown>)[part];
    }
    return true;
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
