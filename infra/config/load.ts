import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { ConfigProblem, ConfigValidationError } from "./errors";
import { PlatformConfig } from "./platformConfig";
import { AWS_PROVIDER_CONFIG_KEYS, ENGINE_NAMESPACES, PROJECT_NAMESPACE } from "./knownKeys";
import { StackConfig, stackConfigSchema } from "./schema";
import { planSubnets } from "./subnetPlan";
import { buildRequiredTags } from "./requiredTags";
import { didYouMean } from "./suggest";
import { AccountConfig, ownsAccountBaseline } from "./accountConfig";
import { resolveData } from "./dataSchema";

/**
 * Pulumi's rule for stack names (the CLI refuses others). Physical names are built from the stack
 * name and the project tag, so both have a limit the naming (infra/platform/naming.ts) is sized for.
 */
export const MAX_STACK_NAME_LENGTH = 100;
const STACK_NAME_PATTERN = /^[A-Za-z0-9_.-]+$/;

/** Raw stack configuration: key to the string the engine hands the program (objects are JSON). */
export type RawStackConfig = Readonly<Record<string, string>>;

/**
 * Validates raw configuration and derives the PlatformConfig. Pure: no resources, no engine calls,
 * so it runs (and fails) before anything is registered. Throws ConfigValidationError listing every problem.
 */
export function parsePlatformConfig(raw: RawStackConfig, project: string, stack: string): PlatformConfig {
    const input: Record<string, unknown> = {};
    const unread: ConfigProblem[] = [];
    if (stack.length > MAX_STACK_NAME_LENGTH || !STACK_NAME_PATTERN.test(stack)) {
        unread.push({ key: "stack name", value: stack, allowed: `1 to ${MAX_STACK_NAME_LENGTH} letters, digits, hyphens, underscores or periods` });
    }
    for (const [key, text] of Object.entries(raw)) {
        if (key.startsWith(PROJECT_NAMESPACE) || key in stackConfigSchema.shape) {
            input[key] = decodeValue(text);
        } else if (!isReadByProviderOrEngine(key)) {
            unread.push(unknownTopLevelKey(key, decodeValue(text)));
        }
    }
    const result = stackConfigSchema.safeParse(input, { reportInput: true });
    const problems: ConfigProblem[] = [...unread, ...(result.success ? [] : result.error.issues.flatMap((issue) => toProblems(issue, input)))];
    if (problems.length > 0 || !result.success) {
        throw new ConfigValidationError(stack, problems);
    }
    return derive(result.data, project, stack);
}

/** Reads the running stack's configuration from the Pulumi runtime (real engine or mocks). */
export function loadPlatformConfig(): PlatformConfig {
    return parsePlatformConfig(pulumi.runtime.allConfig(), pulumi.getProject(), pulumi.getStack());
}

function derive(config: StackConfig, project: string, stack: string): PlatformConfig {
    const network = config["platform:network"];
    const region: string = config["aws:region"];
    // Present: checkAvailabilityZones reports a missing list before derive runs.
    const availabilityZoneIds: string[] = [...(network.availabilityZoneIds ?? [])];
    const environment = config["platform:environment"];
    const tags = config["platform:tags"];
    const account: AccountConfig = config["platform:account"];
    const owner: boolean = ownsAccountBaseline(account);
    const security = config["platform:security"];
    return {
        project,
        stack,
        region,
        environment,
        isProduction: environment === "prod",
        account,
        tags,
        requiredTags: buildRequiredTags(tags, environment, project),
        protection: config["platform:protection"],
        network,
        availabilityZoneIds,
        subnetPlan: planSubnets(network.vpcCidr, availabilityZoneIds, network.subnetSizing),
        // The trail and AWS Config are account-wide: only the baseline owner's stack creates them.
        security: {
            kms: security.kms,
            cloudTrail: { ...security.cloudTrail, enabled: owner },
            guardDuty: security.guardDuty,
            securityHub: security.securityHub,
            config: { ...security.config, enabled: owner },
        },
        compute: config["platform:compute"],
        data: resolveData(config["platform:data"]),
        edge: config["platform:edge"],
        operations: config["platform:operations"],
        integration: config["platform:integration"],
        delivery: config["platform:delivery"],
    };
}

/** The engine hands objects and arrays as JSON text and scalars as plain text. */
function decodeValue(text: string): unknown {
    const trimmed: string = text.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
        try {
            return JSON.parse(trimmed);
        } catch {
            return text;
        }
    }
    return text;
}

function isReadByProviderOrEngine(key: string): boolean {
    return AWS_PROVIDER_CONFIG_KEYS.includes(key) || ENGINE_NAMESPACES.some((namespace: string) => key.startsWith(namespace));
}

/** Every full key a stack file may set: the program's, the AWS provider's (engine keys are open-ended). */
function knownTopLevelKeys(): string[] {
    return [...Object.keys(stackConfigSchema.shape), ...AWS_PROVIDER_CONFIG_KEYS];
}

function unknownTopLevelKey(key: string, value: unknown): ConfigProblem {
    const programKeys: string = Object.keys(stackConfigSchema.shape).join(", ");
    return {
        key,
        value,
        allowed: `a key this program or its providers read (${programKeys}, the AWS provider's aws:* settings, pulumi:*)`
            + didYouMean(key, knownTopLevelKeys()),
    };
}

function toProblems(issue: z.core.$ZodIssue, input: Record<string, unknown>): ConfigProblem[] {
    const path: PropertyKey[] = issue.path;
    if (issue.code === "unrecognized_keys") {
        if (path.length === 0) {
            return issue.keys.map((unknownKey: string) => unknownTopLevelKey(unknownKey, valueAt(input, [unknownKey])));
        }
        const known: string[] = Object.keys(objectShapeAt(stackConfigSchema, path));
        return issue.keys.map((unknownKey: string) => ({
            key: formatKey([...path, unknownKey]),
            value: valueAt(input, [...path, unknownKey]),
            allowed: `${issue.message}${didYouMean(unknownKey, known)}`,
        }));
    }
    return [{ key: formatKey(path), value: "input" in issue ? issue.input : valueAt(input, path), allowed: issue.message }];
}

/** The shape of the object schema at a path, looking through defaults, optionals, arrays and records. */
function objectShapeAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): Record<string, unknown> {
    let current: z.core.$ZodType | undefined = schema;
    const unwrap = (s: z.core.$ZodType): z.core.$ZodType => {
        let inner: z.core.$ZodType = s;
        for (;;) {
            const def = inner._zod.def as unknown as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };
            if (def.innerType) {
                inner = def.innerType;
            } else if (def.type === "pipe" && def.in) {
                inner = def.in;
            } else {
                return inner;
            }
        }
    };
    for (const segment of path) {
        if (!current) {
            return {};
        }
        const def = unwrap(current)._zod.def as unknown as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType; valueType?: z.core.$ZodType };
        current = def.type === "object" ? def.shape?.[String(segment)] : def.type === "array" ? def.element : def.valueType;
    }
    const final = current ? unwrap(current)._zod.def as unknown as { shape?: Record<string, unknown> } : undefined;
    return final?.shape ?? {};
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
    let current: unknown = root;
    for (const segment of path) {
        if (current === null || typeof current !== "object") {
            return undefined;
        }
        current = (current as Record<PropertyKey, unknown>)[segment];
    }
    return current;
}

/** platform:network + [subnetSizing, private] -> platform:network.subnetSizing.private; indexes as [i]. */
export function formatKey(path: readonly PropertyKey[]): string {
    return path.reduce<string>((text: string, segment: PropertyKey, index: number) => {
        if (typeof segment === "number") {
            return `${text}[${segment}]`;
        }
        return index === 0 ? String(segment) : `${text}.${String(segment)}`;
    }, "");
}
