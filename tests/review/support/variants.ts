import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse, stringify } from "yaml";
import { PreviewOptions, PreviewOutcome, PreviewResult, runOfflinePreview } from "../../../tools/preview/preview";

export const REPO: string = path.resolve(__dirname, "..", "..", "..");

/** The stack file's `config:` map as YAML parses it (a test edits nested values freely). */
export type StackConfig = Record<string, any>;

/**
 * A temporary project directory with the repository's Pulumi.yaml and cost/<stack>.yaml (so both
 * sides are priced with the stack's assumptions) and a copy of Pulumi.<stack>.yaml edited by `edit` (the stack file's `config:` map, objects as YAML has them): a real configuration
 * change, previewed through the real program.
 */
export function variantProject(stack: string, edit: (config: StackConfig) => void): string {
    const dir: string = fs.mkdtempSync(path.join(os.tmpdir(), `review-${stack}-`));
    fs.copyFileSync(path.join(REPO, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    fs.mkdirSync(path.join(dir, "cost"));
    fs.copyFileSync(path.join(REPO, "cost", `${stack}.yaml`), path.join(dir, "cost", `${stack}.yaml`));
    const file = parse(fs.readFileSync(path.join(REPO, `Pulumi.${stack}.yaml`), "utf8")) as { config: StackConfig };
    edit(file.config);
    fs.writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), stringify(file));
    return dir;
}

/** One offline preview in this process (previews run one after another: the runtime is process-global). */
export async function preview(options: PreviewOptions): Promise<PreviewResult> {
    const outcome: PreviewOutcome = await runOfflinePreview(options);
    if (!outcome.result) {
        throw new Error(`the ${options.stack} preview failed: ${outcome.failure?.message}`);
    }
    return outcome.result;
}

/** A deep copy to build a head variant from a base (where a program change is impractical to run). */
export function copy<T>(value: T): T {
    return JSON.parse(JSON.stringify(value)) as T;
}
