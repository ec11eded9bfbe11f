import { describe, expect, it } from "vitest";
import { parseImageUri } from "../../infra/config/imageFunctions";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { devConfigWith } from "../config/configFixtures";
import { problemsOf } from "../support/configProblems";
import { StackRunResult, policyDocument, runStack } from "../support/stackRun";

/**
 * Container-image functions and the repositories this stack creates (issue 18 §4). Lambda pulls with
 * its service principal, and the statement it adds to the repository policy on CreateFunction is
 * removed by the next update of that policy: the policy must carry it. And CreateFunction needs the
 * image, which a repository created by the same `pulumi up` cannot hold yet (imageFunctions.ts).
 */
const FUNCTION = "aws:lambda/function:Function";
const REPOSITORY = "aws:ecr/repository:Repository";
const REPOSITORY_POLICY = "aws:ecr/repositoryPolicy:RepositoryPolicy";
type Statement = Record<string, unknown>;

function lambdaStatements(policy: RecordedResource): Statement[] {
    return policyDocument(policy.inputs.policy).Statement.filter((s: Statement) => JSON.stringify(s.Principal) === JSON.stringify({ Service: "lambda.amazonaws.com" }));
}

for (const stack of ["dev", "prod"] as const) {
    describe(`image functions and their repositories (${stack})`, () => {
        let result: StackRunResult;

        it("records the stack", async () => {
            result = await runStack(stack);
        });

        it("every image function from a repository of this stack is admitted by that repository's policy, for itself only, and created after it", () => {
            let checked = 0;
            for (const fn of result.ofType(FUNCTION).filter((f) => f.inputs.packageType === "Image")) {
                const path: string | undefined = parseImageUri(String(fn.inputs.imageUri))?.repositoryPath;
                const repository: RecordedResource | undefined = result.ofType(REPOSITORY).find((r) => r.outputs.name === path);
                if (!repository) {
                    continue; // another stack's or account's registry: its owner writes the policy
                }
                const policy: RecordedResource = result.all(REPOSITORY_POLICY).find((p) => p.inputs.repository === repository.outputs.name)!;
                const functionArn = `arn:aws:lambda:us-east-1:123456789012:function:${String(fn.inputs.name)}`;
                const [statement] = lambdaStatements(policy);
                expect(statement, `${String(repository.outputs.name)} admits no Lambda pull`).toBeDefined();
                expect(statement).toMatchObject({ Effect: "Allow", Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] });
                expect((statement.Condition as Record<string, Record<string, string[]>>).StringLike["aws:SourceArn"]).toContain(functionArn);
                expect(fn.dependencies, `${fn.name} is created before the policy that lets Lambda pull its image`).toContain(policy.urn);
                checked += 1;
            }
            // prod's payment-processor runs an image of platform-prod/payments/processor: the walk must see it.
            expect(checked).toBe(stack === "prod" ? 1 : 0);
        });

        it("no repository policy admits Lambda without naming the functions (aws:SourceArn)", () => {
            for (const policy of result.ofType(REPOSITORY_POLICY)) {
                for (const statement of lambdaStatements(policy)) {
                    const arns: string[] = (statement.Condition as Record<string, Record<string, string[]>> | undefined)?.StringLike?.["aws:SourceArn"] ?? [];
                    expect(arns.length, policy.name).toBeGreaterThan(0);
                    expect(arns.every((arn: string) => /^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9-_]+(:\*)?$/.test(arn)), arns.join(", ")).toBe(true);
                }
            }
        });
    });
}

describe("image function config", () => {
    const image = (code: Record<string, unknown>, extra: Record<string, unknown> = {}) => devConfigWith({
        "platform:integration": {
            functions: [{ name: "img", code }],
            api: { enabled: true, routes: [{ routeKey: "GET /img", target: { function: "img" } }] },
            ...extra,
        },
    });

    it("a function waiting for its first image names a repository of this stack", () => {
        expect(problemsOf(devConfigWith({ "platform:integration": { functions: [{ name: "img", code: { imageRepository: "payments/processor" } }] } }))).toEqual([
            expect.stringMatching(/^platform:integration\.functions\[0\]\.code\.imageRepository: got "payments\/processor"; allowed: a repository of platform:delivery\.ecr\.repositories \(orders\/api\)/),
        ]);
    });

    it("routes (and rules and state machines) cannot name a function whose image is pending", () => {
        expect(problemsOf(image({ imageRepository: "orders/api" }))).toEqual([
            expect.stringMatching(/^platform:integration\.api\.routes\[0\]\.target\.function: got "img"; allowed: a function that exists: img waits for its first image/),
        ]);
    });

    it("an image from another region is rejected (Lambda pulls from its own region only)", () => {
        const uri = `123456789012.dkr.ecr.us-west-2.amazonaws.com/platform-dev/orders/api@sha256:${"a".repeat(64)}`;
        expect(problemsOf(image({ imageUri: uri }))).toEqual([
            expect.stringMatching(/^platform:integration\.functions\[0\]\.code\.imageUri: got .*; allowed: an image in us-east-1 \(aws:region\)/),
        ]);
    });
});
