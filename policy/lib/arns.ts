/**
 * Amazon Resource Names as AWS documents them (IAM User Guide, "IAM identifiers"; the Service
 * Authorization Reference's resource types, e.g. arn:${Partition}:sqs:${Region}:${Account}:${QueueName},
 * arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}, ...:states:...:stateMachine:${Name},
 * ...:events:...:event-bus/${Name}): arn:partition:service:region:account-id:resource, where the
 * resource part may itself contain ':' or '/' (and is empty of neither region nor account for some
 * services: s3 buckets, iam). Partitions: aws, aws-cn, aws-us-gov, aws-iso*, aws-eusc.
 * Rules that read ARNs go through here instead of ad-hoc regexes or split(":").
 */
export interface Arn {
    readonly partition: string;
    readonly service: string;
    readonly region: string;
    readonly account: string;
    /** Everything after the fifth colon, as written (e.g. function:name:alias, log-group:name:*, event-bus/name). */
    readonly resource: string;
}

const ARN = /^arn:(aws(?:-[a-z]+(?:-[a-z]+)*)?):([a-z0-9-.]+):([a-z0-9-]*):(\d{12}|aws|)?:(.+)$/;

export function parseArn(value: unknown): Arn | undefined {
    if (typeof value !== "string") {
        return undefined;
    }
    const match = ARN.exec(value);
    if (!match) {
        return undefined;
    }
    return { partition: match[1], service: match[2], region: match[3], account: match[4] ?? "", resource: match[5] };
}

/**
 * The function name behind any reference Lambda accepts for a function: a name, a full ARN (with or
 * without a version/alias qualifier: arn:aws:lambda:us-east-1:123456789012:function:orders:live),
 * or a partial ARN (123456789012:function:orders).
 */
export function lambdaFunctionName(reference: unknown): string | undefined {
    if (typeof reference !== "string" || reference.length === 0) {
        return undefined;
    }
    const arn = parseArn(reference);
    const rest: string = arn ? (arn.service === "lambda" ? arn.resource : "") : reference.replace(/^\d{12}:/, "");
    const match = /^function:([^:]+)(?::[^:]+)?$/.exec(rest);
    if (match) {
        return match[1];
    }
    return arn || rest.includes(":") ? undefined : rest;
}

/** The queue name of an SQS queue ARN (arn:aws:sqs:region:account:name) or queue URL (https://sqs.region.amazonaws.com/account/name). */
export function sqsQueueName(reference: unknown): string | undefined {
    if (typeof reference !== "string") {
        return undefined;
    }
    const arn = parseArn(reference);
    if (arn) {
        return arn.service === "sqs" && !arn.resource.includes(":") && !arn.resource.includes("/") ? arn.resource : undefined;
    }
    const url = /^https:\/\/(?:sqs\.)?[a-z0-9.-]+\/(\d{12})\/([^/]+)$/.exec(reference);
    return url ? url[2] : undefined;
}
