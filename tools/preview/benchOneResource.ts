// Benchmark baseline: load the Pulumi SDK and @pulumi/aws and register one AWS resource under the
// same mock engine and stack configuration the offline preview uses. bench/offline-preview.ts times this.
import * as path from "path";
import { runUnderMocks } from "../offline/mockEngine";
import { readStackConfiguration } from "../offline/stackConfig";

async function main(): Promise<void> {
    const stack: string = process.argv[2] ?? "prod";
    const configuration = readStackConfiguration(path.resolve(__dirname, "..", ".."), stack);
    const run = await runUnderMocks({
        project: configuration.project,
        stack,
        config: configuration.config,
        secretKeys: configuration.secretKeys,
        program: async () => {
            const aws = await import("@pulumi/aws");
            const bucket = new aws.s3.Bucket("one", {});
            return { bucket: bucket.bucket };
        },
    });
    if (run.resources.length !== 1) {
        throw new Error(`expected one registration, got ${run.resources.length}`);
    }
}

main().then(() => process.exit(0), (error: unknown) => {
    console.error(error);
    process.exit(1);
});
