import { createHash } from "crypto";
import { PlatformConfig } from "../config/platformConfig";
import { AwsNameRule, maxLengthOf } from "./awsNameRules";

/**
 * <project>-<stack>: the prefix of every physical name and Name tag the program sets. The project
 * tag and the stack name allow characters and lengths that many AWS names do not (upper case,
 * underscores, periods; 64 + 100 characters), so physical names use `physicalName`, which makes
 * the prefix fit by construction. For the committed stacks (platform-dev, platform-prod) both agree.
 */
export function namePrefix(config: PlatformConfig): string {
    return `${config.tags.project ?? config.project}-${config.stack}`;
}

/** Name tag <project>-<stack>-<what>, so the console reads like the code (tag values allow 256 characters). */
export function nameTag(config: PlatformConfig, what: string): Record<string, string> {
    return { Name: shortened(`${namePrefix(config)}-${what}`, MAX_TAG_VALUE_LENGTH) };
}

/** AWS tag values: at most 256 characters (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html). */
export const MAX_TAG_VALUE_LENGTH = 256;

/** Longest prefix kept in any physical name: long enough to read, short enough for 32-character names. */
const MAX_PREFIX_LENGTH = 40;

const HASH_LENGTH = 8;

/**
 * `<prefix>-<what>` fitted to an AWS naming rule: lower case, characters outside [a-z0-9-] as
 * hyphens, and when too long the prefix is cut and followed by a hash of the full prefix. The
 * result depends only on project, stack and `what`, so it never changes when unrelated
 * configuration changes, and two stacks whose long names share a beginning still differ.
 * `what` must itself be valid for the rule and short (it is kept whole); `leading` is a fixed
 * start the rule demands (alias/ for KMS aliases).
 */
export function ruleFittedName(config: PlatformConfig, what: string, rule: AwsNameRule, leading: string = ""): string {
    const max: number = maxLengthOf(rule);
    const prefix: string = slug(namePrefix(config));
    const budget: number = Math.min(MAX_PREFIX_LENGTH, max - leading.length - what.length - 1);
    if (budget < HASH_LENGTH + 2) {
        throw new Error(`physicalName: "${what}" leaves no room for the stack prefix under ${rule.type}.${rule.property} (${max} characters)`);
    }
    return `${leading}${shortened(prefix, budget)}-${what}`;
}

/** Lower-case letters, digits and single hyphens, starting with a letter (what the strictest names accept). */
export function slug(text: string): string {
    const cleaned: string = text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    return /^[a-z]/.test(cleaned) ? cleaned : `p-${cleaned}`;
}

/** The text itself when it fits, else its start and a stable hash of the whole, within `max`. */
export function shortened(text: string, max: number): string {
    if (text.length <= max) {
        return text;
    }
    const hash: string = createHash("sha256").update(text).digest("hex").slice(0, HASH_LENGTH);
    const head: string = text.slice(0, max - HASH_LENGTH - 1).replace(/-+$/, "");
    return `${head}-${hash}`;
}

/** S3's limit for bucket_prefix: the provider appends 26 unique characters to a name of at most 63. */
const MAX_BUCKET_PREFIX_LENGTH = 37;
/** Room kept for the stack part of a bucket name, so that `<what>` stays readable. */
const MAX_BUCKET_STACK_LENGTH = 20;

/**
 * `<project>-<stack>` as every bucket name of the stack starts (slug, shortened with a hash beyond
 * 20 characters): the GitHub deploy role scopes S3 to `arn:aws:s3:::<this>-*` (deployPermissions.ts).
 */
export function bucketStackPrefix(prefix: string): string {
    return shortened(slug(prefix), MAX_BUCKET_STACK_LENGTH);
}

/**
 * `<stack part>-<what>-`: the bucketPrefix of every bucket the stack creates. Buckets stay auto-named
 * (globally unique, a random suffix), but every name starts with the stack's prefix, so the deploy
 * role's S3 scope matches them and two stacks of one account never reach each other's buckets.
 */
export function bucketPrefixFor(naming: NamingContext, what: string): string {
    const stack: string = bucketStackPrefix(naming.prefix);
    return `${stack}-${shortened(slug(what), MAX_BUCKET_PREFIX_LENGTH - stack.length - 2)}-`;
}

/**
 * What a component needs to name things, without the whole configuration: the <project>-<stack>
 * prefix. Components built after the foundation take this instead of PlatformConfig.
 */
export interface NamingContext {
    readonly prefix: string;
}

export function namingContext(config: PlatformConfig): NamingContext {
    return { prefix: namePrefix(config) };
}

/**
 * The strictest limit among the names the layers set this way: EKS node group and Fargate profile
 * names (63) and IAM role names (64). Names with looser rules take it too, so one function serves.
 */
export const COMPONENT_NAME_MAX_LENGTH = 63;

/**
 * <prefix>-<what>: a physical name, fitted like ruleFittedName to COMPONENT_NAME_MAX_LENGTH (the
 * prefix is cut and followed by a stable hash when a long project or stack name would overflow).
 */
export function physicalName(naming: NamingContext, what: string): string {
    const budget: number = Math.min(MAX_PREFIX_LENGTH, COMPONENT_NAME_MAX_LENGTH - what.length - 1);
    if (budget < HASH_LENGTH + 2) {
        throw new Error(`physicalName: "${what}" leaves no room for the stack prefix within ${COMPONENT_NAME_MAX_LENGTH} characters`);
    }
    return `${shortened(slug(naming.prefix), budget)}-${what}`;
}

/**
 * The prefix a layer with short identifiers builds on (ElastiCache replication groups allow 40
 * characters, RDS identifiers 63 with suffixes such as -reader-1 and -final): the slugged prefix,
 * cut with a stable hash to at most `maxLength`. Unchanged for ordinary names such as platform-prod.
 */
export function compactPrefix(naming: NamingContext, maxLength: number): NamingContext {
    return { prefix: shortened(slug(naming.prefix), maxLength) };
}

/** Name tag <prefix>-<what> (tag values may be 256 characters: no fitting needed). */
export function nameTagFor(naming: NamingContext, what: string): Record<string, string> {
    return { Name: `${naming.prefix}-${what}` };
}
