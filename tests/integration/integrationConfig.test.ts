import { describe, expect, it } from "vitest";
import { ConfigValidationError } from "../../infra/config/errors";
import { parsePlatformConfig } from "../../infra/config/load";
import { scheduleProblem } from "../../infra/config/scheduleExpression";
import { devConfigWith, devObject } from "../config/configFixtures";

/** The problem lines of a rejected configuration; fails when the configuration is accepted. */
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
const devIntegration = (): Entry => devObject("platform:integration");
const integration = (changes: Entry, extra: Entry = {}) =>
    devConfigWith({ "platform:integration": { ...devIntegration(), ...changes }, ...extra });
const queues = (): Entry[] => devIntegration().queues as Entry[];
const functions = (): Entry[] => devIntegration().functions as Entry[];
const eventBus = (): Entry => devIntegration().eventBus as Entry;
const withQueue = (changes: Entry) => integration({ queues: [...queues(), { name: "extra", ...changes }] });
const withRule = (changes: Entry) => integration({
    eventBus: { ...eventBus(), rules: [...(eventBus().rules as Entry[]), { name: "extra", targets: [{ kind: "queue", name: "order-audit" }], ...changes }] },
});
const PROD_PROTECTION = { protectStatefulResources: true, deletionProtection: true, finalSnapshots: true, retainOnDelete: true };

describe("platform:integration validation", () => {
    it("accepts the committed dev settings and defaults everything to off", () => {
        const config = parsePlatformConfig(integration({}), "platform", "dev");
        expect(config.integration.queues.map((q) => q.name)).toEqual(["order-events", "order-audit"]);
        const empty = parsePlatformConfig(devConfigWith({ "platform:integration": {} }), "platform", "dev").integration;
        expect(empty).toMatchObject({ queues: [], topics: [], functions: [], stateMachines: [], eventBus: { enabled: false, rules: [] }, api: { enabled: false, routes: [] } });
    });

    it("rejects a FIFO queue whose name breaks SQS's rules", () => {
        expect(problemsOf(withQueue({ name: "payments", fifo: true }))).toEqual([
            "platform:integration.queues[2].name: got \"payments\"; allowed: a FIFO queue name ending in .fifo (such as payments.fifo); its dead-letter queue is FIFO too",
        ]);
        expect(problemsOf(withQueue({ name: "payments.fifo" }))).toEqual([
            "platform:integration.queues[2].name: got \"payments.fifo\"; allowed: fifo: true for a name ending in .fifo (only FIFO queues may, and must, end in .fifo)",
        ]);
        expect(problemsOf(withQueue({ name: "pay.ments.fifo", fifo: true }))[0]).toContain("letters, digits, - and _ only");
        expect(problemsOf(withQueue({ name: `${"p".repeat(41)}.fifo`, fifo: true }))[0]).toContain("at most 40 characters before .fifo");
        expect(problemsOf(withQueue({ name: "orders", contentBasedDeduplication: true }))[0]).toContain("content-based deduplication is a FIFO feature");
    });

    it("rejects a dead-letter max receive count outside 1 to 1000", () => {
        for (const count of [0, 1001]) {
            expect(problemsOf(withQueue({ maxReceiveCount: count }))).toEqual([
                `platform:integration.queues[2].maxReceiveCount: got ${count}; allowed: an integer from 1 to 1000`,
            ]);
        }
    });

    it("rejects a visibility timeout shorter than a consuming function's timeout, naming both", () => {
        const [events, audit] = queues();
        expect(problemsOf(integration({ queues: [{ ...events, visibilityTimeoutSeconds: 20 }, audit] }))).toEqual([
            "platform:integration.queues[0].visibilityTimeoutSeconds: got 20; allowed: at least the timeout of consuming function order-worker (30 s): "
            + "queue order-events would hand a message to a second consumer while order-worker still works on it (AWS recommends 6 x the function timeout)",
        ]);
    });

    it("rejects schedule expressions EventBridge would reject", () => {
        for (const expression of ["rate(1 minutes)", "rate(5 minute)", "rate(0 minutes)", "every 5 minutes", "cron(0 3 * * * *)", "cron(0 3 * * ?)", "cron(0 25 ? * MON *)"]) {
            const lines: string[] = problemsOf(withRule({ scheduleExpression: expression }));
            expect(lines).toHaveLength(1);
            expect(lines[0]).toMatch(new RegExp(`^platform:integration\\.eventBus\\.rules\\[2\\]\\.scheduleExpression: got "${expression.replace(/[()*?]/g, "\\$&")}"; allowed: rate\\(`));
        }
    });

    it("knows the schedule grammar", () => {
        for (const ok of ["rate(1 minute)", "rate(5 minutes)", "rate(1 day)", "rate(12 hours)", "cron(0 3 * * ? *)", "cron(0/15 8-18 ? * MON-FRI *)", "cron(0 12 L * ? 2027)", "cron(0 9 ? * 2#1 *)"]) {
            expect(scheduleProblem(ok), ok).toBeUndefined();
        }
        expect(scheduleProblem("cron(0 3 ? * ? *)")).toContain("exactly one of day-of-month and day-of-week");
        expect(scheduleProblem("cron(61 3 * * ? *)")).toContain("minutes values from 0 to 59");
    });

    it("rejects a rule with both or neither of pattern and schedule, and targets that do not exist", () => {
        expect(problemsOf(withRule({}))).toEqual(["platform:integration.eventBus.rules[2].eventPattern: missing; required: exactly one of eventPattern and scheduleExpression"]);
        expect(problemsOf(withRule({ eventPattern: { source: ["x"] }, targets: [{ kind: "function", name: "nope" }] }))).toEqual([
            "platform:integration.eventBus.rules[2].targets[0].name: got \"nope\"; allowed: a function configured in platform:integration",
        ]);
    });

    it("rejects duplicate names in lists whose entries become resources", () => {
        const lines: string[] = problemsOf(integration({ queues: [...queues(), queues()[1]] }));
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^platform:integration\.queues\[2\]: got \{"name":"order-audit".*; allowed: distinct entries \("order-audit" appears more than once\)$/);
    });

    it("rejects secrets in function environments, and zip/image mismatches", () => {
        const [api, worker] = functions();
        expect(problemsOf(integration({ functions: [{ ...api, environment: { DB_PASSWORD: "hunter2" } }, worker] }))[0]).toContain(
            "platform:integration.functions[0].environment.DB_PASSWORD: got \"DB_PASSWORD\"; allowed: no secrets in environment variables");
        expect(problemsOf(integration({ functions: [api, { ...worker, runtime: undefined }] }))).toEqual([
            "platform:integration.functions[1].runtime: missing; required: runtime and handler for code from S3 (a zip package)",
        ]);
        expect(problemsOf(integration({ functions: [api, { ...worker, runtime: "nodejs18.x" }] }))[0]).toContain("platform:integration.functions[1].runtime: got \"nodejs18.x\"; allowed: one of nodejs22.x");
    });

    it("rejects state machine references to resources that are not configured", () => {
        const machines = devIntegration().stateMachines as Entry[];
        const definition = { StartAt: "A", States: { A: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "${function:ghost}" }, End: true } } };
        expect(problemsOf(integration({ stateMachines: [{ ...machines[0], definition }] }))).toEqual([
            "platform:integration.stateMachines[0].definition: got \"${function:ghost}\"; allowed: references to configured resources only (${function:<name>}, ${queueUrl:<name>}, ${topic:<name>}); ghost is not a configured function",
        ]);
    });

    it("rejects subscriptions without a valid endpoint", () => {
        const topic = (devIntegration().topics as Entry[])[0];
        expect(problemsOf(integration({ topics: [{ ...topic, subscriptions: [{ name: "hook", protocol: "https", endpoint: "http://insecure.example.com" }] }] }))).toEqual([
            "platform:integration.topics[0].subscriptions[0].endpoint: got \"http://insecure.example.com\"; allowed: an https:// URL for protocol https (plain http is not allowed)",
        ]);
    });

    it("requires a listener for private routes, and MFA plus threat protection in prod", () => {
        const api = devIntegration().api as Entry;
        expect(problemsOf(integration({ api: { ...api, routes: [{ routeKey: "ANY /catalog/{proxy+}", target: { privateIntegration: true } }] } }))).toEqual([
            "platform:integration.api.vpcLink.listenerArn: missing; required: an internal load balancer listener ARN for the private integration of route ANY /catalog/{proxy+}",
        ]);
        const prodLines: string[] = problemsOf(integration({}, { "platform:environment": "prod", "platform:protection": PROD_PROTECTION }), "prod");
        expect(prodLines).toEqual([
            "platform:integration.api.userPool.mfa: got \"OPTIONAL\"; allowed: ON when platform:environment is prod",
            "platform:integration.api.userPool.threatProtection: got \"OFF\"; allowed: ENFORCED when platform:environment is prod",
        ]);
        expect(problemsOf(integration({ api: { ...api, userPool: { featurePlan: "ESSENTIALS", threatProtection: "AUDIT" } } }))).toEqual([
            "platform:integration.api.userPool.threatProtection: got \"AUDIT\"; allowed: OFF unless featurePlan is PLUS (Cognito threat protection is a Plus feature)",
        ]);
    });
});
