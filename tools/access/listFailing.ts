// Lists the contracts of the committed stacks that fail today, grouped with the issue that owns
// each fix, in the shape of tools/access/contracts/knownDefects.ts (npx tsx tools/access/listFailing.ts).
// For the lead after a merge: a contract that no longer fails is deleted from KNOWN_DEFECTS; a new
// failure is a regression to fix, not an entry to add.
import * as path from "path";
import { runPlatform } from "../../infra/program";
import { runUnderMocks } from "../offline/mockEngine";
import { readStackConfiguration } from "../offline/stackConfig";
import { parsedConfig, verifyStackAccess } from "./index";

const OWNERS: readonly [RegExp, string][] = [
    [/^security\/cloudtrail-decrypts-with-logs-key\//, "#18 §1: the logs key grants CloudTrail no kms:Decrypt (needed with an S3 Bucket Key)"],
    [/^security\/cloudtrail-assumes-logs-role\//, "#17 §2: the CloudTrail CloudWatch Logs role trust requires aws:SourceArn/SourceAccount, which CloudTrail does not send for it"],
    [/^compute\/pod-identity-assumes\//, "#17 §2: Pod Identity trust requires aws:SourceArn = the cluster; EKS documents session tags instead"],
    [/^integration\/function-sends-to-dlq\//, "#18 §2: the function's dead-letter queue admits no producer"],
    [/^integration\/state-machine-/, "#18 §2: the queue/topic policy does not admit the state machine's role"],
    [/^integration\/key-use\/eventbridge-(encrypts-bus|archive-reencrypts)\//, "#18 §1: the integration key grants EventBridge no DescribeKey/ReEncrypt* for the bus and archive"],
    [/^delivery\/(deploy-role-manages|preview-role-reads)\//, "#17 §3: the deploy/preview role lacks permissions for this resource type"],
    [/^delivery\/lambda-pulls-image\//, "#18 §4: the image repository policy does not admit Lambda's pull"],
];

async function main(): Promise<void> {
    const stack: string = process.argv[2] ?? "dev";
    const configuration = readStackConfiguration(path.resolve(__dirname, "..", ".."), stack);
    const run = await runUnderMocks({ project: configuration.project, stack, config: configuration.config, secretKeys: configuration.secretKeys, program: runPlatform });
    const access = await verifyStackAccess(stack, run.resources, parsedConfig(configuration.config));
    const lines: string[] = access.outcomes.filter((o) => !o.holds).map((o) => {
        const owner: string = OWNERS.find(([pattern]) => pattern.test(o.contract.id))?.[1] ?? `UNOWNED (a regression?): ${o.message}`;
        return `        ${JSON.stringify(o.contract.id)}: ${JSON.stringify(owner)},`;
    });
    console.log(`    ${stack}: {\n${lines.join("\n")}\n    },`);
}

main().then(() => process.exit(0), (error: unknown) => {
    console.error(error);
    process.exit(1);
});
