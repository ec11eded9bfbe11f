import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { ABSENT, StackRule, resourcePolicy, stackPolicy } from "../../lib/rule";
import { childrenOf, ofType } from "../../lib/stackJoins";
import { read, UNKNOWN } from "../../lib/values";

/** Amazon ECR: immutable image tags and lifecycle policies. */

const REPOSITORY = "aws:ecr/repository:Repository";
const LIFECYCLE_POLICY = "aws:ecr/lifecyclePolicy:LifecyclePolicy";
const IMMUTABLE: readonly string[] = ["IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"];

export const ecrImmutableTags = resourcePolicy({
    id: "res-ecr-immutable-tags",
    description: "ECR repositories make image tags immutable (IMMUTABLE or IMMUTABLE_WITH_EXCLUSION), so a deployed tag can never silently point at a different image.",
    severity: "medium",
    resourceTypes: [REPOSITORY],
    remediation: "Set imageTagMutability: \"IMMUTABLE\" (or \"IMMUTABLE_WITH_EXCLUSION\" with imageTagMutabilityExclusionFilters for tags such as latest) and deploy by digest or unique tag.",
    check(props, ctx) {
        const value: unknown = read(props, "imageTagMutability");
        if (value !== UNKNOWN && (typeof value !== "string" || !IMMUTABLE.includes(value))) {
            ctx.report({ property: "imageTagMutability", value: value ?? ABSENT, expected: "\"IMMUTABLE\" or \"IMMUTABLE_WITH_EXCLUSION\" (omitted means MUTABLE)" });
        }
    },
});

export const ecrLifecycle: StackRule = {
    id: "res-ecr-lifecycle",
    description: "Every ECR repository has a lifecycle policy that expires old or untagged images (storage grows without bound otherwise).",
    severity: "low",
    remediation: "Add aws.ecr.LifecyclePolicy { repository: repo.name, policy } expiring untagged images after a few days and keeping the last N tagged images.",
    check(resources, ctx) {
        for (const repository of ofType(resources, [REPOSITORY])) {
            const policies: PolicyResource[] = childrenOf(resources, repository, [LIFECYCLE_POLICY], "repository", ["name", "id", "arn"]);
            if (policies.length === 0) {
                ctx.report(repository, { property: "aws:ecr/lifecyclePolicy", value: ABSENT, expected: "a LifecyclePolicy for this repository" });
            }
        }
    },
};

export const ecrResiliencePolicies = [ecrImmutableTags];
export const ecrResilienceStackPolicies: StackValidationPolicy[] = [stackPolicy(ecrLifecycle)];
