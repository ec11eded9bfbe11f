/**
 * Regenerates policy/data/taggable-types.json from the installed @pulumi/aws SDK.
 * A type is taggable when its Args interface has a `tags` input (the provider then merges
 * default tags into `tagsAll`). Run after upgrading @pulumi/aws: npx tsx tools/generate-taggable-types.ts
 */
import * as fs from "fs";
import * as path from "path";

export function findTaggableTypes(awsRoot: string): string[] {
    const types: string[] = [];
    for (const moduleDir of fs.readdirSync(awsRoot, { withFileTypes: true })) {
        if (!moduleDir.isDirectory() || moduleDir.name === "types" || moduleDir.name === "node_modules" || moduleDir.name.startsWith(".")) {
            continue;
        }
        const dir: string = path.join(awsRoot, moduleDir.name);
        for (const file of fs.readdirSync(dir)) {
            if (!file.endsWith(".d.ts") || file === "index.d.ts") {
                continue;
            }
            const text: string = fs.readFileSync(path.join(dir, file), "utf8");
            const js: string = path.join(dir, file.replace(/\.d\.ts$/, ".js"));
            if (!fs.existsSync(js)) {
                continue;
            }
            const typeToken: RegExpExecArray | null = /__pulumiType = '([^']+)'/.exec(fs.readFileSync(js, "utf8"));
            const className: RegExpExecArray | null = /export declare class (\w+) extends pulumi\.CustomResource/.exec(text);
            if (!typeToken || !className) {
                continue;
            }
            const argsStart: number = text.indexOf(`export interface ${className[1]}Args {`);
            if (argsStart < 0) {
                continue;
            }
            const argsEnd: number = text.indexOf("\n}", argsStart);
            if (/\n {4}tags\?: /.test(text.slice(argsStart, argsEnd))) {
                types.push(typeToken[1]);
            }
        }
    }
    return types.sort();
}

if (require.main === module) {
    const awsRoot: string = path.dirname(require.resolve("@pulumi/aws/package.json"));
    const version: string = (JSON.parse(fs.readFileSync(path.join(awsRoot, "package.json"), "utf8")) as { version: string }).version;
    const types: string[] = findTaggableTypes(awsRoot);
    const target: string = path.join(__dirname, "..", "policy", "data", "taggable-types.json");
    fs.writeFileSync(target, JSON.stringify({ generatedFrom: `@pulumi/aws@${version}`, types }, null, 1) + "\n");
    console.log(`wrote ${types.length} taggable types to ${path.relative(process.cwd(), target)}`);
}
