import { FunctionConfig, IntegrationConfig, isPendingImage, isS3Code } from "./integrationConfig";

/**
 * Container-image functions and the order of their first deployment.
 *
 * Lambda's CreateFunction needs the image to exist ("the Amazon ECR repository must be in the same
 * Region as the function", and the image must be in it), but a repository this stack creates is empty
 * at its first `pulumi up`. So the order is:
 *   1. the function's code is { imageRepository: <repository> }: the stack creates the repository
 *      (with the Lambda pull statement already in its policy) and leaves the function, and the queue
 *      and topic wiring that only it needs, for later;
 *   2. CI pushes the image;
 *   3. code becomes { imageUri: <repository URL>@sha256:<digest> } and the next `pulumi up` creates
 *      the function and its wiring.
 * Routes, state machines and rule targets cannot simply leave a function out, so config rejects a
 * reference to a function whose image is pending (checkIntegration).
 */

/** The repository path (after the registry host) and the region of an ECR image URI. */
export function parseImageUri(imageUri: string): { region: string; repositoryPath: string } | undefined {
    const match: RegExpMatchArray | null = imageUri.match(/^\d{12}\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\/([^@:]+)(?:@|:)/);
    return match ? { region: match[1], repositoryPath: match[2] } : undefined;
}

export function pendingFunctionNames(config: IntegrationConfig): Set<string> {
    return new Set(config.functions.filter((f: FunctionConfig) => isPendingImage(f.code)).map((f: FunctionConfig) => f.name));
}

/**
 * The layer as it can be deployed now: functions whose image is pending are left out, and so are
 * their places as queue consumers or producers and topic publishers (each of those is wiring of the
 * function itself). Returns the same object when nothing is pending.
 */
export function deployableIntegration(config: IntegrationConfig): IntegrationConfig {
    const pending: Set<string> = pendingFunctionNames(config);
    if (pending.size === 0) {
        return config;
    }
    const keep = (names: readonly string[]): string[] => names.filter((n: string) => !pending.has(n));
    return {
        ...config,
        functions: config.functions.filter((f: FunctionConfig) => !pending.has(f.name)),
        queues: config.queues.map((q) => ({ ...q, consumers: keep(q.consumers), producerFunctions: keep(q.producerFunctions) })),
        topics: config.topics.map((t) => ({ ...t, publisherFunctions: keep(t.publisherFunctions) })),
    };
}

/** A function with a container image: its physical repository path, or undefined for zip functions. */
export function imageRepositoryPathOf(fn: FunctionConfig, repositoryPathFor: (repositoryName: string) => string): string | undefined {
    if (isS3Code(fn.code)) {
        return undefined;
    }
    return isPendingImage(fn.code) ? repositoryPathFor(fn.code.imageRepository) : parseImageUri(fn.code.imageUri)?.repositoryPath;
}
