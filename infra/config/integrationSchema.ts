import { z } from "zod";
import type { StackConfig } from "./schema";
import { SCHEDULE_ALLOWED, scheduleProblem } from "./scheduleExpression";
import { distinctList, flag, integerBetween, oneOf, oneOfNumbers, strictObject, textMatching } from "./fieldTypes";
import { concurrencyNeed, concurrencyQuotaProblem } from "./lambdaConcurrency";

/** CloudWatch Logs retention values (kept here too so this file has no runtime import of schema.ts). */
const RETENTION_DAYS: readonly number[] = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/**
 * Lambda runtimes AWS still patches (policy/data/lambda-runtimes.json, checked 2026-12-01, plus the
 * runtimes released after it that carry no deprecation date yet). res-lambda-runtime-supported
 * enforces the same list at preview time.
 */
export const LAMBDA_RUNTIMES = [
    "nodejs22.x", "nodejs24.x", "python3.12", "python3.13", "python3.14", "java21", "java25", "dotnet10", "ruby3.4", "provided.al2023",
] as const;

/** Short names become physical names (<project>-<stack>-<name>) and logical names, so they stay small. */
const SHORT_NAME = /^[a-z][a-z0-9-]{0,39}$/;
const SHORT_NAME_ALLOWED = "1 to 40 lowercase letters, digits or hyphens, starting with a letter";
/** SQS: letters, digits, - and _, at most 80 characters including the .fifo suffix. */
const QUEUE_NAME_CHARS = /^[A-Za-z0-9_-]+$/;
const QUEUE_NAME_MAX = 40;
const IAM_ACTION = /^[a-z0-9-]+:[A-Za-z0-9]+$/;
const ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const ROLE_ARN_ALLOWED = "IAM role ARNs such as arn:aws:iam::123456789012:role/orders-producer";
const LISTENER_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:listener\/(app|net)\/[A-Za-z0-9-]+\/[0-9a-f]+\/[0-9a-f]+$/;
const ROUTE_KEY = /^(\$default|(ANY|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \/[A-Za-z0-9._~{}+\-/]*)$/;
const ENV_NAME = /^[A-Za-z][A-Za-z0-9_]{0,127}$/;
/** Environment variables are readable by anyone with lambda:GetFunctionConfiguration: no secrets there. */
const SECRET_LIKE_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE_KEY|API_KEY|CREDENTIAL)/i;
const IMAGE_URI = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\/[a-z0-9][a-z0-9._/-]*(@sha256:[0-9a-f]{64}|:[\w][\w.-]{0,127})$/;
const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const SCOPE = /^[\x21\x23-\x5B\x5D-\x7E]{1,256}$/;
/** ${function:x}, ${queueUrl:x}, ${topic:x} in a state machine definition. */
export const DEFINITION_TOKEN = /\$\{(function|queueUrl|topic):([a-z][a-z0-9-]*(?:\.fifo)?)\}/g;

const statementSchema = strictObject({
    actions: z.array(textMatching(IAM_ACTION, "IAM actions named in full, such as dynamodb:GetItem (no wildcards)"), { error: "a list of IAM actions" })
        .min(1, { error: "at least one IAM action" }),
    resources: z.array(
        z.string({ error: "resource ARNs (never \"*\")" })
            .refine((arn: string) => arn !== "*", { error: "resource ARNs (never \"*\": name the tables, buckets or queues the function uses)" })
            .refine((arn: string) => arn === "*" || ARN.test(arn), { error: "resource ARNs such as arn:aws:dynamodb:us-east-1:123456789012:table/orders" }),
        { error: "a list of resource ARNs" },
    ).min(1, { error: "at least one resource ARN" }),
});

const names = (allowed: string) => z.array(textMatching(/^[A-Za-z0-9_.-]{1,80}$/, allowed), { error: `a list of ${allowed}` }).default([]);

const queueSchema = strictObject({
    name: textMatching(/^[A-Za-z0-9_.-]{1,80}$/, "an SQS queue name: letters, digits, - and _ (FIFO queues end in .fifo)"),
    fifo: flag().default(false),
    contentBasedDeduplication: flag().default(false),
    visibilityTimeoutSeconds: integerBetween(0, 43200).default(30),
    messageRetentionSeconds: integerBetween(60, 1209600).default(345600),
    maxReceiveCount: integerBetween(1, 1000).default(5),
    consumers: names("function names of this layer"),
    producerFunctions: names("function names of this layer"),
    producerRoleArns: z.array(textMatching(ROLE_ARN, ROLE_ARN_ALLOWED), { error: `a list of ${ROLE_ARN_ALLOWED}` }).default([]),
});

const subscriptionSchema = strictObject({
    name: textMatching(SHORT_NAME, SHORT_NAME_ALLOWED),
    protocol: oneOf(["sqs", "https", "email"] as const),
    queue: z.string({ error: "a queue name of this layer" }).optional(),
    endpoint: z.string({ error: "an https:// URL or an e-mail address" }).optional(),
    rawMessageDelivery: flag().default(false),
    filterPolicy: z.record(z.string(), z.unknown(), { error: "an SNS filter policy object" }).optional(),
});

const topicSchema = strictObject({
    name: textMatching(SHORT_NAME, SHORT_NAME_ALLOWED),
    subscriptions: distinctList(subscriptionSchema, (s: { name: string }) => s.name, "a list of subscriptions { name, protocol, queue | endpoint }").default([]),
    publisherFunctions: names("function names of this layer"),
    publisherRoleArns: z.array(textMatching(ROLE_ARN, ROLE_ARN_ALLOWED), { error: `a list of ${ROLE_ARN_ALLOWED}` }).default([]),
});

const targetSchema = strictObject({
    kind: oneOf(["queue", "function", "stateMachine"] as const),
    name: z.string({ error: "the name of a queue, function or state machine of this layer" }),
    maximumRetryAttempts: integerBetween(0, 185).default(185),
    maximumEventAgeSeconds: integerBetween(60, 86400).default(86400),
});

const ruleSchema = strictObject({
    name: textMatching(SHORT_NAME, SHORT_NAME_ALLOWED),
    description: z.string({ error: "a description of at most 512 characters" }).max(512, { error: "a description of at most 512 characters" }).optional(),
    eventPattern: z.record(z.string(), z.unknown(), { error: "an EventBridge event pattern object such as { source: [\"orders\"] }" }).optional(),
    scheduleExpression: z.string({ error: SCHEDULE_ALLOWED }).optional(),
    targets: distinctList(targetSchema, (t: { kind: string; name: string }) => `${t.kind}:${t.name}`, "a list of targets { kind, name }")
        .min(1, { error: "1 to 5 targets" }).max(5, { error: "1 to 5 targets (the EventBridge limit per rule)" }),
});

const s3CodeSchema = strictObject({
    s3Bucket: textMatching(S3_BUCKET, "an S3 bucket name"),
    s3Key: z.string({ error: "an S3 object key" }).min(1, { error: "an S3 object key" }),
    s3ObjectVersion: z.string({ error: "an S3 object version id" }).optional(),
});
const imageCodeSchema = strictObject({
    imageUri: textMatching(IMAGE_URI, "an ECR image URI <account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<digest> (or :<tag>)"),
});

const pendingImageCodeSchema = strictObject({
    imageRepository: textMatching(/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/, "the name of a repository of platform:delivery.ecr.repositories, such as payments/processor"),
});

const functionSchema = strictObject({
    name: textMatching(SHORT_NAME, SHORT_NAME_ALLOWED),
    runtime: oneOf(LAMBDA_RUNTIMES).optional(),
    handler: textMatching(/^[^\s]{1,128}$/, "a handler such as index.handler").optional(),
    code: z.union([s3CodeSchema, imageCodeSchema, pendingImageCodeSchema], {
        error: "{ s3Bucket, s3Key[, s3ObjectVersion] }, { imageUri }, or { imageRepository } for an image not pushed yet",
    }),
    architecture: oneOf(["arm64", "x86_64"] as const).default("arm64"),
    memoryMb: integerBetween(128, 10240).default(256),
    timeoutSeconds: integerBetween(1, 900).default(30),
    // Omitted: no reservation (the function shares the account's unreserved pool). A reservation needs
    // the account quota above all reservations + 100 (lambdaConcurrency.ts); new accounts start at 10.
    reservedConcurrency: integerBetween(0, 1000).optional(),
    environment: z.record(
        textMatching(ENV_NAME, "environment variable names: a letter, then letters, digits or _"),
        z.string({ error: "string values" }),
        { error: "a map of environment variable names to strings" },
    ).default({}),
    reachesDataTier: flag().default(false),
    statements: z.array(statementSchema, { error: "a list of statements { actions, resources }" }).default([]),
    logRetentionInDays: oneOfNumbers(RETENTION_DAYS).optional(),
});

const stateMachineSchema = strictObject({
    name: textMatching(SHORT_NAME, SHORT_NAME_ALLOWED),
    type: oneOf(["STANDARD", "EXPRESS"] as const).default("STANDARD"),
    definition: z.record(z.string(), z.unknown(), { error: "an Amazon States Language object { StartAt, States }" }),
    logRetentionInDays: oneOfNumbers(RETENTION_DAYS).optional(),
});

const routeSchema = strictObject({
    routeKey: textMatching(ROUTE_KEY, "a route key such as \"GET /orders/{id}\" or \"$default\""),
    target: z.union([
        strictObject({ function: z.string({ error: "a function name of this layer" }) }),
        strictObject({ privateIntegration: z.literal(true, { error: "true" }) }),
    ], { error: "{ function: <name> } or { privateIntegration: true }" }),
    authorizationScopes: z.array(textMatching(SCOPE, "OAuth scopes"), { error: "a list of OAuth scopes" }).default([]),
});

const USER_POOL_DEFAULTS = {
    mfa: "ON", featurePlan: "PLUS", threatProtection: "ENFORCED", passwordMinimumLength: 14, accessTokenValidityMinutes: 60, refreshTokenValidityDays: 30,
} as const;

const apiSchema = strictObject({
    enabled: flag().default(false),
    throttling: strictObject({
        burstLimit: integerBetween(1, 5000).default(100),
        rateLimit: integerBetween(1, 10000).default(50),
    }).default({ burstLimit: 100, rateLimit: 50 }),
    accessLogRetentionInDays: oneOfNumbers(RETENTION_DAYS).optional(),
    corsAllowOrigins: z.array(textMatching(/^https:\/\/[a-z0-9.-]+(:\d+)?$/, "https:// origins such as https://app.example.com"), { error: "a list of https:// origins" }).default([]),
    userPool: strictObject({
        mfa: oneOf(["ON", "OPTIONAL"] as const).default("ON"),
        featurePlan: oneOf(["ESSENTIALS", "PLUS"] as const).default("PLUS"),
        threatProtection: oneOf(["ENFORCED", "AUDIT", "OFF"] as const).default("ENFORCED"),
        passwordMinimumLength: integerBetween(12, 99).default(14),
        accessTokenValidityMinutes: integerBetween(5, 1440).default(60),
        refreshTokenValidityDays: integerBetween(1, 3650).default(30),
    }).default(USER_POOL_DEFAULTS),
    vpcLink: strictObject({
        listenerArn: textMatching(LISTENER_ARN, "an internal load balancer listener ARN such as arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/internal/0123456789abcdef/0123456789abcdef").optional(),
        port: integerBetween(1, 65535).default(443),
    }).default({ port: 443 }),
    routes: distinctList(routeSchema, (r: { routeKey: string }) => r.routeKey, "a list of routes { routeKey, target }").default([]),
});

export const integrationSchema = strictObject({
    logRetentionInDays: oneOfNumbers(RETENTION_DAYS).default(365),
    /** The account's Lambda "Concurrent executions" quota in this region, when known: reservations are checked against it. */
    accountConcurrencyQuota: integerBetween(10, 1000000).optional(),
    eventBus: strictObject({
        enabled: flag().default(false),
        archiveRetentionDays: integerBetween(1, 3650).default(30),
        rules: distinctList(ruleSchema, (r: { name: string }) => r.name, "a list of rules { name, eventPattern | scheduleExpression, targets }").default([]),
    }).default({ enabled: false, archiveRetentionDays: 30, rules: [] }),
    queues: distinctList(queueSchema, (q: { name: string }) => q.name, "a list of queues { name, fifo, maxReceiveCount, ... }").default([]),
    topics: distinctList(topicSchema, (t: { name: string }) => t.name, "a list of topics { name, subscriptions }").default([]),
    functions: distinctList(functionSchema, (f: { name: string }) => f.name, "a list of functions { name, runtime, handler, code, ... }").default([]),
    stateMachines: distinctList(stateMachineSchema, (s: { name: string }) => s.name, "a list of state machines { name, type, definition }").default([]),
    api: apiSchema.default({
        enabled: false, throttling: { burstLimit: 100, rateLimit: 50 }, corsAllowOrigins: [], userPool: USER_POOL_DEFAULTS, vpcLink: { port: 443 }, routes: [],
    }),
});

type RefinementContext = z.RefinementCtx<StackConfig>;
type Path = (string | number)[];

function problem(ctx: RefinementContext, path: Path, input: unknown, allowed: string): void {
    ctx.addIssue({ code: "custom", path, input, message: allowed });
}

/** What an SQS queue name must look like for its fifo flag; undefined when fine. */
export function queueNameProblem(name: string, fifo: boolean): string | undefined {
    const base: string = name.endsWith(".fifo") ? name.slice(0, -".fifo".length) : name;
    if (fifo && !name.endsWith(".fifo")) {
        return `a FIFO queue name ending in .fifo (such as ${base}.fifo); its dead-letter queue is FIFO too`;
    }
    if (!fifo && name.endsWith(".fifo")) {
        return "fifo: true for a name ending in .fifo (only FIFO queues may, and must, end in .fifo)";
    }
    if (!QUEUE_NAME_CHARS.test(base)) {
        return "an SQS queue name of letters, digits, - and _ only (plus the .fifo suffix for FIFO queues)";
    }
    if (base.length > QUEUE_NAME_MAX) {
        return `at most ${QUEUE_NAME_MAX} characters before .fifo (the physical name <project>-<stack>-<name>-dlq[.fifo] must fit SQS's 80)`;
    }
    return undefined;
}

/**
 * Cross-field rules of platform:integration: AWS's naming rules, references between queues,
 * topics, rules, functions and state machines, visibility timeouts, schedules and the prod user pool.
 */
export function checkIntegration(config: StackConfig, ctx: RefinementContext): void {
    const integration = config["platform:integration"];
    const key = "platform:integration";
    const production: boolean = config["platform:environment"] === "prod";
    const functions = new Map(integration.functions.map((f) => [f.name, f]));
    const queues = new Map(integration.queues.map((q) => [q.name, q]));
    const topics = new Set(integration.topics.map((t) => t.name));
    const stateMachines = new Set(integration.stateMachines.map((s) => s.name));
    const functionNames: string = [...functions.keys()].join(", ") || "none configured";
    const queueNames: string = [...queues.keys()].join(", ") || "none configured";
    const requireFunction = (path: Path, name: string): void => {
        if (!functions.has(name)) {
            problem(ctx, path, name, `a function of platform:integration.functions (${functionNames})`);
        }
    };

    integration.queues.forEach((queue, index: number) => {
        const at: Path = [key, "queues", index];
        const nameProblem: string | undefined = queueNameProblem(queue.name, queue.fifo);
        if (nameProblem) {
            problem(ctx, [...at, "name"], queue.name, nameProblem);
        }
        if (queue.contentBasedDeduplication && !queue.fifo) {
            problem(ctx, [...at, "contentBasedDeduplication"], true, "false for a standard queue (content-based deduplication is a FIFO feature)");
        }
        queue.consumers.forEach((consumer: string, i: number) => {
            const fn = functions.get(consumer);
            if (!fn) {
                requireFunction([...at, "consumers", i], consumer);
                return;
            }
            if (queue.visibilityTimeoutSeconds < fn.timeoutSeconds) {
                problem(ctx, [...at, "visibilityTimeoutSeconds"], queue.visibilityTimeoutSeconds,
                    `at least the timeout of consuming function ${fn.name} (${fn.timeoutSeconds} s): queue ${queue.name} would hand a message to a second consumer while ${fn.name} still works on it (AWS recommends 6 x the function timeout)`);
            }
        });
        queue.producerFunctions.forEach((producer: string, i: number) => requireFunction([...at, "producerFunctions", i], producer));
    });

    integration.topics.forEach((topic, index: number) => {
        const at: Path = [key, "topics", index];
        topic.subscriptions.forEach((subscription, i: number) => {
            const sub: Path = [...at, "subscriptions", i];
            if (subscription.protocol === "sqs") {
                if (!subscription.queue || !queues.has(subscription.queue)) {
                    problem(ctx, [...sub, "queue"], subscription.queue, `a queue of platform:integration.queues for protocol sqs (${queueNames})`);
                } else if (queues.get(subscription.queue)!.fifo) {
                    problem(ctx, [...sub, "queue"], subscription.queue, "a standard queue (a standard topic cannot deliver to a FIFO queue)");
                }
                if (subscription.endpoint !== undefined) {
                    problem(ctx, [...sub, "endpoint"], subscription.endpoint, "no endpoint for protocol sqs (name the queue)");
                }
            } else if (subscription.protocol === "https" && !(subscription.endpoint ?? "").startsWith("https://")) {
                problem(ctx, [...sub, "endpoint"], subscription.endpoint, "an https:// URL for protocol https (plain http is not allowed)");
            } else if (subscription.protocol === "email" && !EMAIL.test(subscription.endpoint ?? "")) {
                problem(ctx, [...sub, "endpoint"], subscription.endpoint, "an e-mail address for protocol email");
            }
            if (subscription.protocol !== "sqs" && subscription.queue !== undefined) {
                problem(ctx, [...sub, "queue"], subscription.queue, `no queue for protocol ${subscription.protocol}`);
            }
            if (subscription.rawMessageDelivery && subscription.protocol === "email") {
                problem(ctx, [...sub, "rawMessageDelivery"], true, "false for protocol email (raw delivery is for sqs and https)");
            }
        });
        topic.publisherFunctions.forEach((publisher: string, i: number) => requireFunction([...at, "publisherFunctions", i], publisher));
    });

    const eventBus = integration.eventBus;
    if (!eventBus.enabled && eventBus.rules.length > 0) {
        problem(ctx, [key, "eventBus", "rules"], eventBus.rules.map((r) => r.name), "an empty list while eventBus.enabled is false (or enable the bus)");
    }
    eventBus.rules.forEach((rule, index: number) => {
        const at: Path = [key, "eventBus", "rules", index];
        if ((rule.eventPattern === undefined) === (rule.scheduleExpression === undefined)) {
            problem(ctx, [...at, "eventPattern"], rule.eventPattern, "exactly one of eventPattern and scheduleExpression");
        }
        if (rule.scheduleExpression !== undefined) {
            const scheduleIssue: string | undefined = scheduleProblem(rule.scheduleExpression);
            if (scheduleIssue) {
                problem(ctx, [...at, "scheduleExpression"], rule.scheduleExpression, `${SCHEDULE_ALLOWED}: ${scheduleIssue}`);
            }
        }
        rule.targets.forEach((target, i: number) => {
            const known: boolean = target.kind === "queue" ? queues.has(target.name)
                : target.kind === "function" ? functions.has(target.name) : stateMachines.has(target.name);
            if (!known) {
                problem(ctx, [...at, "targets", i, "name"], target.name, `a ${target.kind} configured in platform:integration`);
            }
        });
    });

    integration.functions.forEach((fn, index: number) => {
        const at: Path = [key, "functions", index];
        const zip: boolean = "s3Bucket" in fn.code;
        if (zip && (fn.runtime === undefined || fn.handler === undefined)) {
            problem(ctx, [...at, fn.runtime === undefined ? "runtime" : "handler"], undefined, "runtime and handler for code from S3 (a zip package)");
        }
        if (!zip && (fn.runtime !== undefined || fn.handler !== undefined)) {
            problem(ctx, [...at, fn.runtime !== undefined ? "runtime" : "handler"], fn.runtime ?? fn.handler, "no runtime or handler for a container image (the image sets them)");
        }
        for (const name of Object.keys(fn.environment)) {
            if (SECRET_LIKE_NAME.test(name)) {
                problem(ctx, [...at, "environment", name], name, "no secrets in environment variables (store the secret in Secrets Manager and pass its ARN, e.g. ORDERS_DB_SECRET_ARN)");
            }
        }
    });

    // A function whose image is not pushed yet is not created (imageFunctions.ts): whatever cannot
    // simply leave it out must not name it.
    const pending: Set<string> = new Set(integration.functions.filter((f) => "imageRepository" in f.code).map((f) => f.name));
    const pendingAllowed = (name: string): string =>
        `a function that exists: ${name} waits for its first image (code.imageRepository); push the image and set code.imageUri first, or reference ${name} later`;
    integration.api.routes.forEach((route, index: number) => {
        if ("function" in route.target && pending.has(route.target.function)) {
            problem(ctx, [key, "api", "routes", index, "target", "function"], route.target.function, pendingAllowed(route.target.function));
        }
    });
    integration.eventBus.rules.forEach((rule, index: number) => {
        rule.targets.forEach((target, i: number) => {
            if (target.kind === "function" && pending.has(target.name)) {
                problem(ctx, [key, "eventBus", "rules", index, "targets", i, "name"], target.name, pendingAllowed(target.name));
            }
        });
    });
    integration.stateMachines.forEach((machine, index: number) => {
        for (const [, kind, name] of JSON.stringify(machine.definition).matchAll(DEFINITION_TOKEN)) {
            if (kind === "function" && pending.has(name)) {
                problem(ctx, [key, "stateMachines", index, "definition"], `\${function:${name}}`, pendingAllowed(name));
            }
        }
    });

    const quotaProblem: string | undefined = concurrencyQuotaProblem(concurrencyNeed(integration.functions), integration.accountConcurrencyQuota);
    if (quotaProblem) {
        problem(ctx, [key, "accountConcurrencyQuota"], integration.accountConcurrencyQuota, quotaProblem);
    }

    integration.stateMachines.forEach((machine, index: number) => {
        const at: Path = [key, "stateMachines", index, "definition"];
        if (typeof machine.definition.StartAt !== "string" || typeof machine.definition.States !== "object") {
            problem(ctx, at, machine.definition, "an Amazon States Language object with StartAt and States");
        }
        for (const [, kind, name] of JSON.stringify(machine.definition).matchAll(DEFINITION_TOKEN)) {
            const known: boolean = kind === "function" ? functions.has(name) : kind === "queueUrl" ? queues.has(name) : topics.has(name);
            if (!known) {
                problem(ctx, at, `\${${kind}:${name}}`, `references to configured resources only (\${function:<name>}, \${queueUrl:<name>}, \${topic:<name>}); ${name} is not a configured ${kind === "queueUrl" ? "queue" : kind}`);
            }
        }
    });

    const api = integration.api;
    if (!api.enabled && api.routes.length > 0) {
        problem(ctx, [key, "api", "routes"], api.routes.map((r) => r.routeKey), "an empty list while api.enabled is false (or enable the API)");
    }
    api.routes.forEach((route, index: number) => {
        const at: Path = [key, "api", "routes", index, "target"];
        if ("function" in route.target) {
            requireFunction([...at, "function"], route.target.function);
        } else if (api.vpcLink.listenerArn === undefined) {
            problem(ctx, [key, "api", "vpcLink", "listenerArn"], undefined, `an internal load balancer listener ARN for the private integration of route ${route.routeKey}`);
        }
    });
    const pool = api.userPool;
    if (api.enabled && production && pool.mfa !== "ON") {
        problem(ctx, [key, "api", "userPool", "mfa"], pool.mfa, "ON when platform:environment is prod");
    }
    if (pool.threatProtection !== "OFF" && pool.featurePlan !== "PLUS") {
        problem(ctx, [key, "api", "userPool", "threatProtection"], pool.threatProtection, "OFF unless featurePlan is PLUS (Cognito threat protection is a Plus feature)");
    }
    if (api.enabled && production && pool.threatProtection !== "ENFORCED") {
        problem(ctx, [key, "api", "userPool", "threatProtection"], pool.threatProtection, "ENFORCED when platform:environment is prod");
    }
}

/**
 * Image functions against the stack's region and registries: Lambda pulls only from ECR in the
 * function's own Region ("The Amazon ECR repository must be in the same AWS Region as the Lambda
 * function", https://docs.aws.amazon.com/lambda/latest/dg/images-create.html), and a function waiting
 * for its first image names a repository this stack creates.
 */
export function checkImageFunctions(config: StackConfig, ctx: RefinementContext): void {
    const region: string = config["aws:region"];
    const repositories: string[] = config["platform:delivery"].ecr.repositories.map((r: { name: string }) => r.name);
    config["platform:integration"].functions.forEach((fn, index: number) => {
        const at: Path = ["platform:integration", "functions", index, "code"];
        if ("imageRepository" in fn.code && !repositories.includes(fn.code.imageRepository)) {
            problem(ctx, [...at, "imageRepository"], fn.code.imageRepository,
                `a repository of platform:delivery.ecr.repositories (${repositories.join(", ") || "none configured"}): the stack creates it, then the image is pushed`);
        }
        if ("imageUri" in fn.code) {
            const imageRegion: string | undefined = fn.code.imageUri.match(/\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\//)?.[1];
            if (imageRegion !== undefined && imageRegion !== region) {
                problem(ctx, [...at, "imageUri"], fn.code.imageUri, `an image in ${region} (aws:region): Lambda pulls container images only from ECR in the function's Region`);
            }
        }
    });
}
