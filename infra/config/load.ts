import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { ConfigProblem, ConfigValidationError } from "./errors";
import { PlatformConfig } from "./platformConfig";
import { StackConfig, stackConfigSchema } from "./schema";
import { planSubnets } from "./subnetPlan";
import { buildRequiredTags } from "./requiredTags";

/** Keys this program reads; any other platform:* key is a typo and is reported. */
const PROJECT_NAMESPACE = "platform:";

/** Raw stack configuration: key to the string the engine hands the program (objects are JSON). */
export type RawStackConfig = Readonly<Record<string, string>>;

/**
 * Validates raw configuration and derives the PlatformConfig. Pure: no resources, no engine calls,
 * so it runs (and fails) before anything is registered. Throws ConfigValidationError listing every problem.
 */
export function parsePlatformConfig(raw: RawStackConfig, project: string, stack: string): PlatformConfig {
    const input: Record<string, unknown> = {};
    for (const [key, text] of Object.entries(raw)) {
        if (key.startsWith(PROJECT_NAMESPACE) || key === "aws:region") {
            input[key] = decodeValue(text);
        }
    }
    const result = stackConfigSchema.safeParse(input, { reportInput: true });
    if (!result.success) {
        throw new ConfigValidationError(stack, result.error.issues.flatMap((issue) => toProblems(issue, input)));
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
    const availabilityZones: string[] = network.availabilityZones
        ? [...network.availabilityZones]
        : "abcdef".slice(0, network.availabilityZoneCount).split("").map((letter: string) => `${region}${letter}`);
    const environment = config["platform:environment"];
    const tags = config["platform:tags"];
    return {
        project,
        stack,
        region,
        environment,
        isProduction: environment === "prod",
        tags,
        requiredTags: buildRequiredTags(tags, environment, project),
        protection: config["platform:protection"],
        network,
        availabilityZones,
        subnetPlan: planSubnets(network.vpcCidr, availabilityZones, network.subnetSizing),
        security: config["platform:security"],
        compute: config["platform:compute"],
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

function toProblems(issue: z.core.$ZodIssue, input: Record<string, unknown>): ConfigProblem[] {
    const path: PropertyKey[] = issue.path;
    if (issue.code === "unrecognized_keys") {
        return issue.keys.map((unknownKey: string) => ({
            key: formatKey([...path, unknownKey]),
            value: valueAt(input, [...path, unknownKey]),
            allowed: path.length === 0 ? `known keys are ${Object.keys(stackConfigSchema.shape).join(", ")}` : issue.message,
        }));
    }
    return [{ key: formatKey(path), value: "input" in issue ? issue.input : valueAt(input, path), allowed: issue.message }];
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
