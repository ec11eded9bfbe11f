import { describe, expect, it } from "vitest";
import { UNKNOWN_OBJECT, UNKNOWN_STRING, resource, runPolicy } from "../support/policyHarness";
import { describeResourcePolicy, expectClean, expectFired, expectNoMandatory } from "../encryption/table";
import { allowedTagValues, launchTemplateTagSpecs, providerDefaultTagsPolicy, requiredTagKeys } from "../../../policy/rules/tagging/tags";
import { taggingPolicies } from "../../../policy/rules/tagging";

const TAGS = { Project: "platform", Environment: "prod", Owner: "team-platform", CostCenter: "CC-1234", DataClassification: "internal", ManagedBy: "pulumi" };
const provider = (defaultTags: unknown) => ({ type: "pulumi:providers:aws", urn: "urn:pulumi:test::fixture::pulumi:providers:aws::regional", name: "regional", props: { region: "eu-west-1", defaultTags } });

describeResourcePolicy({
    policy: requiredTagKeys, id: "tag-required-keys", severity: "medium", type: "aws:sqs/queue:Queue",
    baselineTypes: ["aws:sqs/queue:Queue", "aws:eks/cluster:Cluster", "aws:s3/bucket:Bucket"],
    baseline: { tags: { Name: "jobs" }, tagsAll: { ...TAGS, Name: "jobs" } },
    violations: [
        { name: "Owner missing from tagsAll", patch: { "tagsAll.Owner": undefined }, property: "tags[\"Owner\"]" },
        { name: "empty CostCenter", patch: { "tagsAll.CostCenter": " " }, property: "tags[\"CostCenter\"]" },
        { name: "no tags at all (tagsAll {})", patch: { tags: undefined, tagsAll: {} }, property: "tags[\"Project\"]" },
        { name: "config adds a key", patch: {}, property: "tags[\"Application\"]", config: { requiredKeys: ["Application"] } },
        {
            name: "PF resource: provider defaultTags lack Owner",
            type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            patch: { tagsAll: undefined, tags: { Name: "https" } },
            options: { provider: provider({ tags: { ...TAGS, Owner: undefined } }) },
            property: "tags[\"Owner\"]",
        },
    ],
    unknowns: [
        { name: "tagsAll unknown (default tags unknown in preview)", patch: { tagsAll: UNKNOWN_OBJECT } },
        { name: "one tag value unknown", patch: { "tagsAll.Owner": UNKNOWN_STRING } },
    ],
    compliant: [
        {
            name: "PF resource: provider defaultTags (JSON string, as under mocks) + own tags",
            type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            patch: { tagsAll: undefined, tags: { Name: "https" } },
            options: { provider: provider(JSON.stringify({ tags: TAGS })) },
        },
        {
            name: "PF resource: provider defaultTags object, resource overrides one key",
            type: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
            patch: { tagsAll: undefined, tags: { Owner: "team-data" } },
            options: { provider: provider({ tags: { ...TAGS, Owner: "" } }) },
        },
        { name: "explicit tags only, no tagsAll, no provider", patch: { tagsAll: undefined, tags: TAGS } },
    ],
});

describe("tag rules on non-taggable types", () => {
    it.each([
        "aws:s3/bucketPolicy:BucketPolicy",
        "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
        "aws:kms/alias:Alias",
        "aws:ec2/securityGroupRule:SecurityGroupRule",
        "pulumi:providers:aws",
    ])("%s is not applicable", async (type) => {
        for (const policy of [requiredTagKeys, allowedTagValues]) {
            const result = await runPolicy(policy, resource(type, { policy: "{}" }));
            expect(result.violations).toEqual([]);
            expect(result.notApplicable[0]?.reason).toContain("not taggable");
        }
    });
    it("the index exports the pillar list", () => {
        expect(taggingPolicies.map((p) => p.name)).toEqual(["tag-required-keys", "tag-allowed-values", "tag-provider-default-tags", "tag-launch-template-specs", "tag-propagation", "tag-eks-subnet-roles"]);
    });
});

describeResourcePolicy({
    policy: allowedTagValues, id: "tag-allowed-values", severity: "medium", type: "aws:rds/cluster:Cluster",
    baseline: { engine: "aurora-postgresql", tagsAll: TAGS },
    violations: [
        { name: "Environment production", patch: { "tagsAll.Environment": "production" }, property: "tags[\"Environment\"]" },
        { name: "case matters", patch: { "tagsAll.DataClassification": "Internal" }, property: "tags[\"DataClassification\"]" },
        { name: "ManagedBy terraform", patch: { "tagsAll.ManagedBy": "terraform" }, property: "tags[\"ManagedBy\"]" },
        { name: "CostCenter pattern", patch: { "tagsAll.CostCenter": "cost center 12" }, property: "tags[\"CostCenter\"]" },
        { name: "config allowed values", patch: {}, property: "tags[\"Environment\"]", config: { allowedValues: { Environment: ["dev"] } } },
        { name: "PF resource via provider tags", type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", patch: { tagsAll: undefined }, options: { provider: provider({ tags: { ...TAGS, Environment: "qa" } }) }, property: "tags[\"Environment\"]" },
    ],
    unknowns: [{ name: "Environment unknown", patch: { "tagsAll.Environment": UNKNOWN_STRING } }],
    compliant: [{ name: "missing keys are tag-required-keys' job", patch: { tagsAll: { Name: "x" } } }],
});

describeResourcePolicy({
    policy: providerDefaultTagsPolicy, id: "tag-provider-default-tags", severity: "medium", type: "pulumi:providers:aws",
    baseline: { region: "eu-west-1", defaultTags: JSON.stringify({ tags: TAGS }) },
    violations: [
        { name: "no defaultTags", patch: { defaultTags: undefined }, property: "defaultTags.tags" },
        { name: "defaultTags object missing CostCenter", patch: { defaultTags: { tags: { ...TAGS, CostCenter: undefined } } }, property: "CostCenter" },
    ],
    unknowns: [{ name: "defaultTags unknown", patch: { defaultTags: UNKNOWN_STRING } }],
    compliant: [{ name: "object form", patch: { defaultTags: { tags: TAGS } } }],
});

const LT = "aws:ec2/launchTemplate:LaunchTemplate";
describeResourcePolicy({
    policy: launchTemplateTagSpecs, id: "tag-launch-template-specs", severity: "medium", type: LT,
    baseline: { tagSpecifications: [{ resourceType: "instance", tags: TAGS }, { resourceType: "volume", tags: TAGS }, { resourceType: "network-interface", tags: TAGS }] },
    violations: [
        { name: "no tag specifications", patch: { tagSpecifications: undefined }, property: "tagSpecifications" },
        { name: "volume spec missing", patch: { tagSpecifications: [{ resourceType: "instance", tags: TAGS }] }, property: "resourceType \"volume\"" },
        { name: "instance spec missing Owner", patch: { "tagSpecifications.0.tags": { ...TAGS, Owner: undefined } }, property: "tagSpecifications[0].tags" },
        { name: "network-interface present but untagged", patch: { "tagSpecifications.2.tags": {} }, property: "tagSpecifications[2].tags" },
        { name: "instance without volumeTags", type: "aws:ec2/instance:Instance", patch: { tagSpecifications: undefined }, property: "volumeTags" },
    ],
    unknowns: [{ name: "tags unknown", patch: { "tagSpecifications.0.tags": UNKNOWN_OBJECT } }],
    compliant: [
        { name: "network-interface spec optional", patch: { tagSpecifications: [{ resourceType: "instance", tags: TAGS }, { resourceType: "volume", tags: TAGS }] } },
        { name: "instance with volumeTags", type: "aws:ec2/instance:Instance", patch: { tagSpecifications: undefined, volumeTags: TAGS } },
    ],
});

it("tag-required-keys: exemption reason is reported", async () => {
    const result = await runPolicy(requiredTagKeys, resource("aws:sqs/queue:Queue", { tagsAll: {} }, { name: "legacy-queue" }), { exemptions: [{ namePattern: "^legacy-", reason: "imported, tagged by the owning team" }] });
    expect(result.violations).toEqual([]);
    expect(result.notApplicable).toEqual([{ policy: "tag-required-keys", urn: expect.any(String), reason: "exempt: imported, tagged by the owning team" }]);
});

it("tag-required-keys: one violation per missing key", async () => {
    const result = await runPolicy(requiredTagKeys, resource("aws:kms/key:Key", { tags: { Project: "p" }, tagsAll: { Project: "p" } }));
    expectFired(result, "tag-required-keys", "tags[\"Owner\"]");
    expect(result.violations).toHaveLength(5);
    expectClean(await runPolicy(requiredTagKeys, resource("aws:kms/key:Key", { tagsAll: TAGS })));
    expectNoMandatory(await runPolicy(requiredTagKeys, resource("aws:kms/key:Key", { tags: UNKNOWN_OBJECT, tagsAll: UNKNOWN_OBJECT })));
});
