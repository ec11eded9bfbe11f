import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import LONG_POLES from "./tests/support/longPoles.json" with { type: "json" };

/**
 * Files that start child processes (the policy pack's analyzer server, the offline-preview CLI) or
 * run the program several times: the suite's long poles (tests/support/longPoles.json). Vitest orders
 * files by the durations it cached on earlier runs, and a clean clone (CI) has none, so these could
 * start last and leave one worker running them alone at the end. They start first, in that order,
 * whatever the cache says. Kept in this ES module: Vite loads the config natively, and a TypeScript
 * module of the (CommonJS) project imported from here would make it warn on every run.
 */
class LongPolesFirst extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
        const sorted: TestSpecification[] = await super.sort(files);
        const rank = (file: TestSpecification): number => {
            const index: number = LONG_POLES.findIndex((pole: string) => file.moduleId.endsWith(pole));
            return index === -1 ? LONG_POLES.length : index;
        };
        // Array.prototype.sort is stable: everything else keeps the base order.
        return sorted.sort((a: TestSpecification, b: TestSpecification) => rank(a) - rank(b));
    }
}

// Test files share their worker process (isolate: false), so @pulumi/aws, @pulumi/policy and the
// program are imported once per worker instead of once per file, which was most of the suite's time.
// The Pulumi runtime (mocks, config, stack) is process-global; every run through the mock engine
// (tools/offline/mockEngine.ts) resets it before the program starts, and files in a worker run one
// after another, so one file's run never sees another's state.
export default defineConfig({
    test: {
        include: ["tests/**/*.test.ts"],
        // Records dev and prod once per run; suites that only read what a stack registered share it.
        globalSetup: ["tests/support/globalSetup.ts"],
        pool: "forks",
        // Vitest's default is one worker per core minus one: a single worker on this 2-core machine.
        maxWorkers: 2,
        isolate: false,
        sequence: { sequencer: LongPolesFirst },
        testTimeout: 60_000,
        hookTimeout: 120_000,
    },
});
