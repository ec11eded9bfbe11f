import * as fs from "fs";
import { describe, expect, it } from "vitest";
import { AWS_PROVIDER_CONFIG_KEYS } from "../../infra/config/knownKeys";
import { AWS_REGIONS } from "../../infra/config/regions";
import { closestMatch, editDistance } from "../../infra/config/suggest";

const declarations = (file: string): string => fs.readFileSync(require.resolve(`@pulumi/aws/${file}`), "utf8");

describe("keys and values the configuration accepts besides its own", () => {
    it("lists exactly the AWS provider's settings of the installed @pulumi/aws", () => {
        const exported: string[] = [...declarations("config/vars.d.ts").matchAll(/export declare const (\w+)/g)].map((m) => `aws:${m[1]}`);
        expect([...AWS_PROVIDER_CONFIG_KEYS].sort()).toEqual(exported.sort());
    });

    it("lists only Regions the installed provider knows, and no partition other than aws", () => {
        const known = new Set<string>([...declarations("types/enums/index.d.ts").matchAll(/"([a-z]{2,4}(?:-[a-z]+)+-\d)"/g)].map((m) => m[1]));
        expect(known.size).toBeGreaterThan(30);
        expect(AWS_REGIONS.filter((region: string) => !known.has(region))).toEqual([]);
        expect(AWS_REGIONS.filter((region: string) => /^(us-gov|cn|us-iso|eu-iso|eusc)-/.test(region))).toEqual([]);
        expect(new Set(AWS_REGIONS).size).toBe(AWS_REGIONS.length);
    });
});

describe("closest-spelling suggestions", () => {
    it("counts a swapped pair of letters as one edit", () => {
        expect(editDistance("platfrom", "platform")).toBe(1);
        expect(editDistance("natStrategey", "natStrategy")).toBe(1);
    });

    it("suggests only near misses", () => {
        expect(closestMatch("platfrom:network", ["platform:network", "platform:security"])).toBe("platform:network");
        expect(closestMatch("PROD", ["dev", "prod"])).toBe("prod");
        expect(closestMatch("banana", ["dev", "staging", "prod"])).toBeUndefined();
    });
});
