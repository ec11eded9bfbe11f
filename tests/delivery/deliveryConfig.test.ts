import { describe, expect, it } from "vitest";
import { ConfigValidationError } from "../../infra/config/errors";
import { parsePlatformConfig } from "../../infra/config/load";
import { subjectRepository } from "../../infra/config/deliverySchema";
import { devConfigWith, devObject } from "../config/configFixtures";

function problemsOf(raw: Record<string, string>, stack = "dev"): string[] {
    try {
        parsePlatformConfig(raw, "platform", stack);
    } catch (error) {
        expect(error).toBeInstanceOf(ConfigValidationError);
        return (error as Error).message.split("\n").slice(1).map((line: string) => line.replace(/^ {2}- /, ""));
    }
    throw new Error("configuration was accepted but should have been rejected");
}

type Entry = Record<string, unknown>;
const devDelivery = (): Entry => devObject("platform:delivery");
const delivery = (changes: Entry) => devConfigWith({ "platform:delivery": { ...devDelivery(), ...changes } });
const github = (changes: Entry) => delivery({ github: { ...(devDelivery().github as Entry), ...changes } });
const SUBJECT_ALLOWED = "a GitHub OIDC subject repo:<owner>/<name>:<context> with no wildcard, such as repo:acme/platform:environment:prod";

describe("platform:delivery validation", () => {
    it("accepts the committed dev settings and defaults everything to off", () => {
        expect(parsePlatformConfig(delivery({}), "platform", "dev").delivery.github.deploySubject).toBe("repo:acme/platform-infra:environment:dev");
        expect(parsePlatformConfig(devConfigWith({ "platform:delivery": {} }), "platform", "dev").delivery).toMatchObject({
            ecr: { repositories: [] }, github: { enabled: false }, argoCd: { enabled: false },
        });
    });

    it("rejects repository names ECR would reject", () => {
        for (const name of ["Orders/API", "orders//api", "orders-", "a", "-orders", "orders__api/x..y"]) {
            expect(problemsOf(delivery({ ecr: { repositories: [{ name }] } }))).toEqual([
                `platform:delivery.ecr.repositories[0].name: got "${name}"; allowed: an ECR repository name: 2 to 200 lowercase letters and digits, path components separated by /, words by a single . _ or - (such as orders/api)`,
            ]);
        }
        expect(parsePlatformConfig(delivery({ ecr: { repositories: [{ name: "team.a/orders_api-v2" }] } }), "platform", "dev").delivery.ecr.repositories[0].name).toBe("team.a/orders_api-v2");
    });

    it("rejects GitHub subjects that are not repo:<owner>/<name>:...", () => {
        for (const subject of ["repo:*:environment:dev", "repo:acme/*:environment:dev", "acme/platform-infra:environment:dev", "repo:acme/platform-infra", "repo:acme/platform-infra:environment:*"]) {
            expect(problemsOf(github({ deploySubject: subject }))).toContain(`platform:delivery.github.deploySubject: got "${subject}"; allowed: ${SUBJECT_ALLOWED}`);
        }
    });

    it("pins both subjects to the configured repository, the deploy job to an environment and previews to pull requests", () => {
        expect(problemsOf(github({ deploySubject: "repo:other/platform-infra:environment:dev" }))).toEqual([
            "platform:delivery.github.deploySubject: got \"repo:other/platform-infra:environment:dev\"; allowed: a subject of the configured repository: repo:acme/platform-infra:...",
        ]);
        expect(problemsOf(github({ deploySubject: "repo:acme/platform-infra:ref:refs/heads/main" }))).toEqual([
            "platform:delivery.github.deploySubject: got \"repo:acme/platform-infra:ref:refs/heads/main\"; allowed: repo:acme/platform-infra:environment:<name> (the deploy job runs in a GitHub environment, whose protection rules gate the role)",
        ]);
        expect(problemsOf(github({ previewSubject: "repo:acme/platform-infra:environment:dev" }))).toEqual([
            "platform:delivery.github.previewSubject: got \"repo:acme/platform-infra:environment:dev\"; allowed: repo:acme/platform-infra:pull_request (the subject of pull-request jobs without an environment)",
            "platform:delivery.github.previewSubject: got \"repo:acme/platform-infra:environment:dev\"; allowed: a subject different from deploySubject (pull requests must never get the deploy role)",
        ]);
        expect(subjectRepository("repo:acme@123/platform-infra@456:pull_request")).toBe("acme/platform-infra");
    });

    it("refuses the retired provider switches (the provider follows platform:account.baseline), and needs Identity Center for Argo CD", () => {
        expect(problemsOf(github({ createProvider: false, existingProviderArn: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }))).toEqual([
            "platform:delivery.github.createProvider: got false; allowed: nothing: the GitHub OIDC provider (one per URL per account) follows platform:account.baseline: the owner's stack creates it, consumer and organization stacks look it up by URL",
            "platform:delivery.github.existingProviderArn: got \"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com\"; allowed: nothing: the GitHub OIDC provider (one per URL per account) follows platform:account.baseline: the owner's stack creates it, consumer and organization stacks look it up by URL",
        ]);
        expect(problemsOf(delivery({ argoCd: { enabled: true } }))).toEqual([
            "platform:delivery.argoCd.identityCenterInstanceArn: missing; required: an IAM Identity Center instance ARN when argoCd.enabled is true (the managed Argo CD signs users in through it)",
        ]);
    });
});
