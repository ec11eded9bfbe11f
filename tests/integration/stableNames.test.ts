import { beforeAll, describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { devObject } from "../config/configFixtures";
import { StackRunResult, runStack } from "../support/stackRun";

type Entry = Record<string, unknown>;

/** Dev's integration lists reversed, plus a new queue and function in front. */
function reorderedWithAdditions(): Entry {
    const base = devObject("platform:integration");
    const reversed = (key: string): Entry[] => [...(base[key] as Entry[])].reverse();
    const bus = base.eventBus as Entry;
    return {
        ...base,
        queues: [{ name: "added-first" }, ...reversed("queues")],
        functions: [{ name: "added-fn", runtime: "nodejs22.x", handler: "i.h", code: { s3Bucket: "acme-artifacts", s3Key: "x.zip" } }, ...reversed("functions")],
        eventBus: { ...bus, rules: [...(bus.rules as Entry[])].reverse() },
    };
}

/** Logical and physical names dev has today (integration.dev.test.ts asserts the same). */
const DEV_NAMES: readonly [string, string, string][] = [
    ["aws:sqs/queue:Queue", "order-events", "platform-dev-order-events"],
    ["aws:sqs/queue:Queue", "order-events-dlq", "platform-dev-order-events-dlq"],
    ["aws:sqs/queue:Queue", "order-audit", "platform-dev-order-audit"],
    ["aws:lambda/function:Function", "fn-orders-api", "platform-dev-orders-api"],
    ["aws:lambda/function:Function", "fn-order-worker", "platform-dev-order-worker"],
    ["aws:cloudwatch/eventRule:EventRule", "rule-order-placed", "platform-dev-order-placed"],
    ["aws:sfn/stateMachine:StateMachine", "sfn-order-report", "platform-dev-order-report"],
    ["aws:sns/topic:Topic", "topic-order-notifications", "platform-dev-order-notifications"],
];

describe("integration names survive reordering and additions (dev)", () => {
    let result: StackRunResult;
    beforeAll(async () => {
        result = await runStack("dev", { overrides: { "platform:integration": JSON.stringify(reorderedWithAdditions()) } });
    });

    it.each(DEV_NAMES)("%s %s keeps its logical and physical name", (type: string, logical: string, physical: string) => {
        const resource: RecordedResource = result.get(type, logical);
        expect(resource.inputs.name).toBe(physical);
    });

    it("adds the new entries under their own names", () => {
        expect(result.get("aws:sqs/queue:Queue", "added-first").inputs.name).toBe("platform-dev-added-first");
        expect(result.get("aws:lambda/function:Function", "fn-added-fn").inputs.name).toBe("platform-dev-added-fn");
    });
});
