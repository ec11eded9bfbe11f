// Runs one committed stack under the mock engine in its own process and writes what it recorded
// as JSON (tests/support/globalSetup.ts starts one per stack). Usage: recordStack.ts <stack> <file>
// Plain node (no vitest in this process), so it does not import ./stackRun.
import * as fs from "fs";
import * as path from "path";
import { runPlatform } from "../../infra/program";
import { runUnderMocks } from "../../tools/offline/mockEngine";
import { readStackConfiguration } from "../../tools/offline/stackConfig";

async function main(): Promise<void> {
    const [stack, file] = process.argv.slice(2);
    const configuration = readStackConfiguration(path.resolve(__dirname, "..", ".."), stack);
    const run = await runUnderMocks({ project: configuration.project, stack, config: configuration.config, secretKeys: configuration.secretKeys, program: runPlatform });
    fs.writeFileSync(file, JSON.stringify(run));
}

main().then(() => process.exit(0), (error: unknown) => {
    console.error(error);
    process.exit(1);
});
