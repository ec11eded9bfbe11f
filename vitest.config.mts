import { defineConfig } from "vitest/config";

// Each test file runs in its own forked process: the Pulumi runtime (mocks, config, stack) is
// process-global, so a file that runs the dev stack must not share a process with one that runs prod.
export default defineConfig({
    test: {
        include: ["tests/**/*.test.ts"],
        // Records dev and prod once per run; suites that only read what a stack registered share it.
        globalSetup: ["tests/support/globalSetup.ts"],
        pool: "forks",
        isolate: true,
        testTimeout: 60_000,
        hookTimeout: 120_000,
    },
});
