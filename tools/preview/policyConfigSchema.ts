import type { Policies, PolicyConfigSchema, PolicyPackConfig } from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { didYouMean } from "../../infra/config/suggest";

/** The pack-wide key the CLI accepts besides policy names (`"all": "advisory"`). */
const PACK_WIDE_KEY = "all";

/**
 * The CLI's check of `--policy-config` against every policy's config schema, before anything runs
 * (`pulumi preview` prints `error: validating policy config: <pack> <version>  <policy>: <problem>`
 * per problem and stops). Covers the JSON Schema keywords policy schemas use; the messages follow
 * the CLI's validator (gojsonschema). Defaults are applied first, as the CLI does, so a wrong-typed
 * default is caught too.
 */
export function policyConfigProblems(policies: Policies, config: PolicyPackConfig, packName: string, packVersion: string): string[] {
    const problems: string[] = [];
    // A misspelt policy name would otherwise configure nothing and pass silently.
    const names: string[] = policies.map((policy) => policy.name);
    for (const key of Object.keys(config).filter((k: string) => k !== PACK_WIDE_KEY && !names.includes(k)).sort()) {
        problems.push(`validating policy config: ${packName} ${packVersion}  ${key}: no such policy in the pack (allowed: a policy name or "${PACK_WIDE_KEY}")${didYouMean(key, names)}`);
    }
    for (const policy of policies) {
        const schema: PolicyConfigSchema | undefined = policy.configSchema;
        if (!schema) {
            continue;
        }
        const given: unknown = config[policy.name];
        const properties: Record<string, unknown> = given !== null && typeof given === "object" && !Array.isArray(given) ? { ...(given as Record<string, unknown>) } : {};
        delete properties.enforcementLevel;
        const value: Record<string, unknown> = {};
        for (const [key, property] of Object.entries<PolicyConfigJSONSchema>(schema.properties ?? {})) {
            if (property.default !== undefined) {
                value[key] = property.default;
            }
        }
        Object.assign(value, properties);
        const found: string[] = [];
        validate(value, { type: "object", properties: schema.properties, required: schema.required }, "", found);
        problems.push(...found.sort().map((problem: string) => `validating policy config: ${packName} ${packVersion}  ${policy.name}: ${problem}`));
    }
    return problems;
}

function typeOf(value: unknown): string {
    if (value === null) {
        return "null";
    }
    if (Array.isArray(value)) {
        return "array";
    }
    if (typeof value === "number") {
        return Number.isInteger(value) ? "integer" : "number";
    }
    return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
    const actual: string = typeOf(value);
    return actual === type || (type === "number" && actual === "integer");
}

function validate(value: unknown, schema: PolicyConfigJSONSchema, field: string, problems: string[]): void {
    const at = (message: string): void => {
        problems.push(field ? `${field}: ${message}` : message);
    };
    if (schema.type !== undefined) {
        const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
        if (!types.some((type: string) => matchesType(value, type))) {
            at(`Invalid type. Expected: ${types.join("/")}, given: ${typeOf(value)}`);
            return;
        }
    }
    if (schema.enum !== undefined && !schema.enum.some((option: unknown) => JSON.stringify(option) === JSON.stringify(value))) {
        at(`${field.split(".").pop() || "(root)"} must be one of the following: ${schema.enum.map((o: unknown) => JSON.stringify(o)).join(", ")}`);
    }
    if (typeof value === "string") {
        if (schema.format === "regex" && !compiles(value)) {
            at(`Does not match format 'regex' (${JSON.stringify(value)} is not a valid regular expression)`);
        }
        if (schema.minLength !== undefined && value.length < schema.minLength) {
            at(`String length must be greater than or equal to ${schema.minLength}`);
        }
        if (schema.maxLength !== undefined && value.length > schema.maxLength) {
            at(`String length must be less than or equal to ${schema.maxLength}`);
        }
    }
    if (typeof value === "number") {
        if (schema.minimum !== undefined && value < schema.minimum) {
            at(`Must be greater than or equal to ${schema.minimum}`);
        }
        if (schema.maximum !== undefined && value > schema.maximum) {
            at(`Must be less than or equal to ${schema.maximum}`);
        }
    }
    if (Array.isArray(value) && schema.items !== undefined && !Array.isArray(schema.items) && typeof schema.items === "object") {
        const items = schema.items;
        value.forEach((item: unknown, index: number) => validate(item, items, field ? `${field}.${index}` : String(index), problems));
    }
    if (typeOf(value) === "object") {
        const record = value as Record<string, unknown>;
        for (const required of schema.required ?? []) {
            if (!(required in record)) {
                at(`${required} is required`);
            }
        }
        for (const [key, property] of Object.entries(schema.properties ?? {})) {
            if (key in record && typeof property === "object") {
                validate(record[key], property, field ? `${field}.${key}` : key, problems);
            }
        }
    }
}

function compiles(pattern: string): boolean {
    try {
        new RegExp(pattern);
        return true;
    } catch {
        return false;
    }
}
