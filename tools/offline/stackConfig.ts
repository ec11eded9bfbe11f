import * as fs from "fs";
import * as path from "path";
import { parse as parseYaml, YAMLParseError } from "yaml";

/**
 * Reads a stack's configuration the way the Pulumi CLI resolves it: the project-level defaults in
 * Pulumi.yaml, overridden by Pulumi.<stack>.yaml. Secure values are never decrypted: they become
 * a placeholder and their keys are reported as secret.
 */
export interface StackConfiguration {
    readonly project: string;
    readonly stack: string;
    /** Full key -> value as the engine hands it to the program (objects and arrays JSON-encoded). */
    readonly config: Record<string, string>;
    readonly secretKeys: string[];
}

export class StackConfigurationError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "StackConfigurationError";
    }
}

export const SECURE_PLACEHOLDER = "offline-preview-secret-placeholder";

type YamlMap = Record<string, unknown>;

export function listStacks(projectDir: string): string[] {
    return fs.readdirSync(projectDir)
        .map((file: string) => /^Pulumi\.(.+)\.ya?ml$/.exec(file)?.[1])
        .filter((stack: string | undefined): stack is string => stack !== undefined)
        .sort();
}

export function readStackConfiguration(projectDir: string, stack: string): StackConfiguration {
    const projectFile: YamlMap = readYamlFile(path.join(projectDir, "Pulumi.yaml"));
    const project: unknown = projectFile.name;
    if (typeof project !== "string") {
        throw new StackConfigurationError(`${path.join(projectDir, "Pulumi.yaml")}: the project has no name`);
    }
    const stackPath: string | undefined = ["yaml", "yml"].map((ext: string) => path.join(projectDir, `Pulumi.${stack}.${ext}`)).find((p: string) => fs.existsSync(p));
    if (!stackPath) {
        const known: string[] = listStacks(projectDir);
        throw new StackConfigurationError(`unknown stack "${stack}": there is no Pulumi.${stack}.yaml in ${projectDir}; stacks with a file: ${known.join(", ") || "none"}`);
    }
    const stackFile: YamlMap = readYamlFile(stackPath);
    const merged: Record<string, unknown> = {};
    for (const [key, declaration] of Object.entries(asMap(projectFile.config, "Pulumi.yaml config"))) {
        const value: unknown = projectDefault(declaration);
        if (value !== undefined) {
            merged[qualify(key, project)] = value;
        }
    }
    const secretKeys: string[] = [];
    for (const [key, value] of Object.entries(asMap(stackFile.config ?? {}, `${path.basename(stackPath)} config`))) {
        const fullKey: string = qualify(key, project);
        if (isSecure(value)) {
            secretKeys.push(fullKey);
            merged[fullKey] = SECURE_PLACEHOLDER;
            continue;
        }
        merged[fullKey] = deepMerge(merged[fullKey], value);
    }
    const config: Record<string, string> = {};
    for (const key of Object.keys(merged).sort()) {
        const value: unknown = merged[key];
        config[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
    return { project, stack, config, secretKeys: secretKeys.sort() };
}

function readYamlFile(file: string): YamlMap {
    if (!fs.existsSync(file)) {
        throw new StackConfigurationError(`${file}: file not found`);
    }
    let parsed: unknown;
    try {
        parsed = parseYaml(fs.readFileSync(file, "utf8"));
    } catch (error) {
        const detail: string = error instanceof YAMLParseError ? error.message.split("\n")[0] : String(error);
        throw new StackConfigurationError(`${file}: not valid YAML: ${detail}`);
    }
    return asMap(parsed ?? {}, file);
}

function asMap(value: unknown, what: string): YamlMap {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
        throw new StackConfigurationError(`${what}: expected a mapping of keys to values`);
    }
    return value as YamlMap;
}

/** `key` -> `project:key`; keys that already name a namespace (aws:region) stay as they are. */
function qualify(key: string, project: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

function projectDefault(declaration: unknown): unknown {
    if (declaration !== null && typeof declaration === "object" && !Array.isArray(declaration)) {
        const d = declaration as YamlMap;
        if ("value" in d) {
            return d.value;
        }
        if ("type" in d || "description" in d || "default" in d || "secret" in d) {
            return d.default;
        }
    }
    return declaration;
}

function isSecure(value: unknown): boolean {
    return value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 1 && "secure" in value;
}

/** Objects merge key by key (stack wins); arrays and scalars are replaced. */
function deepMerge(base: unknown, override: unknown): unknown {
    const isMap = (v: unknown): v is YamlMap => v !== null && typeof v === "object" && !Array.isArray(v);
    if (!isMap(base) || !isMap(override)) {
        return override;
    }
    const result: YamlMap = { ...base };
    for (const [key, value] of Object.entries(override)) {
        result[key] = deepMerge(base[key], value);
    }
    return result;
}
