import { defineConfig } from "vitest/config";
import LongPolesFirst from "./tests/support/sequencer";

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
