import { describe, expect, it } from "vitest";
import { encryptionPolicies } from "../../../policy/rules/encryption";
import { iamPolicies } from "../../../policy/rules/iam";
import { taggingPolicies } from "../../../policy/rules/tagging";

describe("part A pillar exports", () => {
    const all = [...encryptionPolicies, ...iamPolicies, ...taggingPolicies];
    it("names are unique catalogue ids with the pillar prefixes", () => {
        const names = all.map((p) => p.name);
        expect(new Set(names).size).toBe(names.length);
        expect(encryptionPolicies.every((p) => /^(enc|tls)-/.test(p.name))).toBe(true);
        expect(iamPolicies.every((p) => p.name.startsWith("iam-"))).toBe(true);
        expect(taggingPolicies.every((p) => p.name.startsWith("tag-"))).toBe(true);
        // 76 + issue 21: enc-rds-snapshot-global, tls-lb-target-https, iam-kms-explicit-policy, iam-rds-custom-admin, tag-eks-subnet-roles
        expect(all).toHaveLength(81);
    });
    it("high severity is mandatory, everything else advisory", () => {
        for (const p of all) {
            expect(p.enforcementLevel).toBe(p.severity === "high" ? "mandatory" : "advisory");
        }
    });
});
