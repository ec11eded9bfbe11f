import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { skipPromiseLeakTraces } from "../../tools/offline/promiseTraces";
import LONG_POLES from "../support/longPoles.json";
import { PROJECT_DIR } from "../support/stackRun";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const debuggable = require("@pulumi/pulumi/runtime/debuggable") as { debuggablePromise: <T>(p: Promise<T>, ctx: unknown) => Promise<T> };

describe("the mock engine's speed settings", () => {
    it("skips the SDK's per-promise leak trace but keeps each promise's value and rejection", async () => {
        skipPromiseLeakTraces();
        const resolved: Promise<number> = Promise.resolve(42);
        expect(debuggable.debuggablePromise(resolved, "ctx")).toBe(resolved);
        await expect(debuggable.debuggablePromise(Promise.resolve("value"), "ctx")).resolves.toBe("value");
        await expect(debuggable.debuggablePromise(Promise.reject(new Error("refused")), "ctx")).rejects.toThrow("refused");
    });

    it("names only test files that exist as the suite's long poles", () => {
        for (const file of LONG_POLES) {
            expect(fs.existsSync(path.join(PROJECT_DIR, file)), file).toBe(true);
        }
    });
});
