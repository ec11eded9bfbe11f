import * as fs from "fs";
import * as path from "path";

/**
 * The create-only properties @pulumi/aws-native declares for one resource module, read from its
 * generated .js as text (`replaceOnChanges: [...]`): requiring the package would load 90 MB.
 * Returns undefined when the module or the list is missing, [] when the module lists none.
 */
export function nativeReplaceOnChanges(nativeModule: string, root: string = nativePackageRoot()): string[] | undefined {
    const file: string = path.join(root, `${nativeModule}.js`);
    if (!fs.existsSync(file)) {
        return undefined;
    }
    // Entries may contain brackets themselves ("instanceTypes[*]"): match the quoted strings, then the closing bracket.
    const match: RegExpExecArray | null = /replaceOnChanges:\s*\[((?:\s*"[^"]*"\s*,?)*)\s*\]/.exec(fs.readFileSync(file, "utf8"));
    return match ? [...match[1].matchAll(/"([^"]*)"/g)].map((m: RegExpMatchArray) => m[1]) : [];
}

/** The installed @pulumi/aws-native, found without loading it. */
export function nativePackageRoot(): string {
    return path.dirname(require.resolve("@pulumi/aws-native/package.json"));
}
