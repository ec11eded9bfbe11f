/**
 * The stack file's schema: field rules (one zod schema per top-level key) and cross-field rules
 * (CONFIG_CHECKS at the bottom).
 *
 * Every problem is reported at once. zod skips an object's refinements as soon as any field fails,
 * so a cross-field rule is not a refinement of the whole object: each entry of CONFIG_CHECKS says
 * which key paths it reads (`needs`) and runs whenever those parsed, even while another part of
 * the file has field errors. A file with a bad enum value in one key, a production rule broken in
 * another and two settings in the wrong order in a third reports all three.
 *
 * Adding a domain (platform:compute, platform:data, ...):
 *   1. its field schema in its own file (computeSchema.ts) exporting the schema and
 *      `checkCompute(config: StackConfig, ctx: ConfigCheckContext): void`;
 *   2. the schema under its key in STACK_CONFIG_SHAPE, and
 *      `{ needs: ["platform:environment", "platform:compute"], check: checkCompute }` in CONFIG_CHECKS.
 *   A check may read only the key paths it lists (others can hold unparsed input); report with
 *   `reportProblem(ctx, path, value, allowed)` so the message reads "key: got X; allowed: Y".
 *   Lists whose entries become resources use `distinctList` (fieldTypes.ts).
 */
import { z } from "zod";
import { Ipv4Cidr, contains, formatCidr, overlaps, parseCidr } from "./cidr";
import { cidrBlock, distinctList, flag, integerBetween, oneOf, oneOfNumbers, strictObject, textMatching } from "./fieldTypes";
import { AWS_REGIONS, AWS_REGIONS_CHECKED_ON } from "./regions";
import { checkData, dataSchema } from "./dataSchema";
import { MAX_AVAILABILITY_ZONES, SUBNET_TIERS, layoutFits, tierLayout } from "./subnetPlan";
import { MAX_ZONE_NUMBER, availabilityZoneSlot, exampleZoneIds, parseZoneId, zoneIdPrefix } from "./availabilityZones";
import { EKS_UNSUPPORTED_ZONES_CHECKED_ON, EKS_UNSUPPORTED_ZONE_IDS, eksSupportsZone } from "./eksAvailabilityZones";
import { checkCompute, computeSchema } from "./computeSchema";
import { checkEdge, edgeSchema } from "./edgeSchema";
import { checkOperations, operationsSchema } from "./operationsSchema";
import { checkImageFunctions, checkIntegration, integrationSchema } from "./integrationSchema";
import { checkFunctionRoutes } from "../platform/networkDependencies";
import { checkDelivery, deliverySchema } from "./deliverySchema";
import { RETIRED_BY_BASELINE, accountSchema, checkAccountArns, checkOwnerOnlyOperations, retired } from "./accountSchema";

/** CloudWatch Logs accepts only these retention periods. */
export const LOG_RETENTION_DAYS: readonly number[] = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/** Interface endpoints the network component knows how to create (service short names). */
export const INTERFACE_ENDPOINT_SERVICES = [
    "ecr.api", "ecr.dkr", "sts", "logs", "kms", "ssm", "ssmmessages", "ec2messages", "ec2",
    "elasticloadbalancing", "autoscaling", "secretsmanager", "eks", "eks-auth", "sqs", "sns", "monitoring", "xray",
] as const;

export const ENVIRONMENTS = ["dev", "staging", "prod"] as const;
export const DATA_CLASSIFICATIONS = ["public", "internal", "confidential", "restricted"] as const;
export const NAT_STRATEGIES = ["none", "single", "onePerAz"] as const;
export const SECURITY_HUB_STANDARDS = ["aws-foundational-security-best-practices", "cis-aws-foundations-benchmark"] as const;

const AZ_ID_ALLOWED = "availability zone ids such as use1-az1 (zone ids, not names: names are shuffled per account)";

const tagsSchema = strictObject({
    owner: textMatching(/^[\w.@+-]{2,128}$/, "a team or e-mail address of 2 to 128 characters (letters, digits, . @ + - _)"),
    costCenter: textMatching(/^[A-Za-z0-9-]{2,32}$/, "2 to 32 letters, digits or hyphens, such as CC-1234"),
    dataClassification: oneOf(DATA_CLASSIFICATIONS),
    project: textMatching(/^[\w.-]{1,64}$/, "1 to 64 letters, digits, . - _").optional(),
    additional: z.record(
        textMatching(/^(?!aws:)[\w.:/=+@ -]{1,128}$/, "tag keys of 1 to 128 characters not starting with aws:"),
        z.string({ error: "a string of at most 256 characters" }).max(256, { error: "a string of at most 256 characters" }),
        { error: "a map of tag keys to string values" },
    ).default({}),
});

const protectionSchema = strictObject({
    protectStatefulResources: flag().default(true),
    deletionProtection: flag().default(true),
    finalSnapshots: flag().default(true),
    retainOnDelete: flag().default(true),
});

const tierSizingSchema = strictObject({ newBits: integerBetween(1, 12) });

const networkSchema = strictObject({
    vpcCidr: cidrBlock(16, 21).default("10.0.0.0/16"),
    // Required (checkAvailabilityZones): which zones is a per-account decision with no safe default.
    availabilityZoneIds: distinctList(textMatching(/^[a-z0-9-]+$/, AZ_ID_ALLOWED), (zone: string) => zone, `a list of ${AZ_ID_ALLOWED}`).optional(),
    subnetSizing: strictObject({
        private: tierSizingSchema.default({ newBits: 4 }),
        public: tierSizingSchema.default({ newBits: 7 }),
        database: tierSizingSchema.default({ newBits: 7 }),
    }).default({ private: { newBits: 4 }, public: { newBits: 7 }, database: { newBits: 7 } }),
    natStrategy: oneOf(NAT_STRATEGIES).default("onePerAz"),
    interfaceEndpoints: distinctList(oneOf(INTERFACE_ENDPOINT_SERVICES), (service: string) => service, "a list of endpoint service names")
        .default(["ecr.api", "ecr.dkr", "sts", "logs", "kms", "ssm"]),
    flowLogs: strictObject({
        retentionInDays: oneOfNumbers(LOG_RETENTION_DAYS).default(365),
    }).default({ retentionInDays: 365 }),
    transitGateway: strictObject({
        enabled: flag().default(false),
        transitGatewayId: textMatching(/^tgw-[0-9a-f]{8,17}$/, "a transit gateway id such as tgw-0123456789abcdef0").optional(),
        destinationCidrs: z.array(cidrBlock(8, 32), { error: "a list of IPv4 CIDR blocks" }).default([]),
    }).default({ enabled: false, destinationCidrs: [] }),
});

const guardDutyFeaturesSchema = strictObject({
    s3DataEvents: flag().default(true),
    eksAuditLogs: flag().default(true),
    runtimeMonitoring: flag().default(true),
    rdsLoginEvents: flag().default(true),
    malwareProtection: flag().default(true),
});

/**
 * platform:security: the stack's keys, and the settings of the account-wide security resources
 * (trail, GuardDuty, Security Hub, AWS Config), which only the stack whose platform:account.baseline
 * is owner reads (infra/components/account). The old per-resource `enabled` switches are retired:
 * ownership decides, so a stack file that still sets one is told so.
 */
const securitySchema = strictObject({
    kms: strictObject({ deletionWindowInDays: integerBetween(7, 30).default(30) }).default({ deletionWindowInDays: 30 }),
    cloudTrail: strictObject({
        enabled: retired(RETIRED_BY_BASELINE),
        cloudWatchLogsRetentionInDays: oneOfNumbers(LOG_RETENTION_DAYS).default(365),
        bucketLifecycle: strictObject({
            transitionToInfrequentAccessDays: integerBetween(30, 3650).default(90),
            transitionToGlacierDays: integerBetween(31, 3650).default(180),
            expirationDays: integerBetween(90, 3650).default(2555),
        }).default({ transitionToInfrequentAccessDays: 90, transitionToGlacierDays: 180, expirationDays: 2555 }),
    }).default({
        cloudWatchLogsRetentionInDays: 365,
        bucketLifecycle: { transitionToInfrequentAccessDays: 90, transitionToGlacierDays: 180, expirationDays: 2555 },
    }),
    guardDuty: strictObject({
        enabled: retired(RETIRED_BY_BASELINE),
        features: guardDutyFeaturesSchema.default({
            s3DataEvents: true, eksAuditLogs: true, runtimeMonitoring: true, rdsLoginEvents: true, malwareProtection: true,
        }),
    }).default({
        features: { s3DataEvents: true, eksAuditLogs: true, runtimeMonitoring: true, rdsLoginEvents: true, malwareProtection: true },
    }),
    securityHub: strictObject({
        enabled: retired(RETIRED_BY_BASELINE),
        standards: z.array(oneOf(SECURITY_HUB_STANDARDS), { error: "a list of standard names" })
            .default(["aws-foundational-security-best-practices", "cis-aws-foundations-benchmark"]),
    }).default({ standards: ["aws-foundational-security-best-practices", "cis-aws-foundations-benchmark"] }),
    accessAnalyzer: retired(RETIRED_BY_BASELINE),
    accountS3PublicAccessBlock: retired(RETIRED_BY_BASELINE),
    ebsEncryptionByDefault: retired(RETIRED_BY_BASELINE),
    config: strictObject({
        enabled: retired(RETIRED_BY_BASELINE),
        globalResourcesRegion: oneOf(AWS_REGIONS, "an AWS Region such as us-east-1 (the one Region of the account that records IAM and other global resources)").default("us-east-1"),
    }).default({ globalResourcesRegion: "us-east-1" }),
});

/** The settings of platform:security that only the baseline owner reads, with their defaults. */
export const OWNER_ONLY_SECURITY_SETTINGS = ["cloudTrail", "guardDuty", "securityHub", "config"] as const;
const SECURITY_DEFAULTS = securitySchema.parse({});

/**
 * The whole stack configuration, keyed exactly as in Pulumi.<stack>.yaml, so an issue's path
 * is already the key a user has to edit.
 */
const STACK_CONFIG_SHAPE = {
    "aws:region": oneOf(AWS_REGIONS, `an AWS Region such as us-east-1 (the commercial Regions as of ${AWS_REGIONS_CHECKED_ON}, infra/config/regions.ts)`),
    "platform:environment": oneOf(ENVIRONMENTS),
    // No default: the account and who owns its account-wide resources are decided per stack file.
    "platform:account": accountSchema,
    "platform:tags": tagsSchema,
    "platform:protection": protectionSchema.default({
        protectStatefulResources: true, deletionProtection: true, finalSnapshots: true, retainOnDelete: true,
    }),
    "platform:network": networkSchema.default(networkSchema.parse({})),
    "platform:security": securitySchema.default(securitySchema.parse({})),
    // access.administrators has no safe default: a stack without one fails the cross-field check.
    "platform:compute": computeSchema.default(computeSchema.parse({})),
    "platform:data": dataSchema.default(dataSchema.parse({})),
    "platform:edge": edgeSchema.default(edgeSchema.parse({})),
    "platform:operations": operationsSchema.default(operationsSchema.parse({})),
    "platform:integration": integrationSchema.default(integrationSchema.parse({})),
    "platform:delivery": deliverySchema.default(deliverySchema.parse({})),
};

const stackFieldsSchema = strictObject(STACK_CONFIG_SHAPE);

export type StackConfigInput = z.input<typeof stackFieldsSchema>;
export type StackConfig = z.output<typeof stackFieldsSchema>;
export type ConfigCheckContext = z.RefinementCtx<StackConfig>;
type RefinementContext = ConfigCheckContext;

/** A cross-field rule and the key paths ("platform:network.vpcCidr", or a whole top-level key) it reads. */
export interface ConfigCheck {
    readonly needs: readonly string[];
    readonly check: (config: StackConfig, ctx: ConfigCheckContext) => void;
}

const CONFIG_CHECKS: readonly ConfigCheck[] = [
    { needs: ["platform:environment", "platform:protection"], check: checkProductionProtection },
    { needs: ["platform:network.vpcCidr", "platform:network.subnetSizing"], check: checkSubnetSizing },
    { needs: ["aws:region", "platform:network.availabilityZoneIds"], check: checkAvailabilityZones },
    { needs: ["platform:environment", "platform:network.natStrategy"], check: checkProductionEgress },
    { needs: ["platform:network.vpcCidr", "platform:network.transitGateway"], check: checkTransitGateway },
    { needs: ["platform:security.cloudTrail.bucketLifecycle"], check: checkCloudTrailLifecycle },
    { needs: ["platform:account.baseline", "platform:security"], check: checkOwnerOnlySecuritySettings },
    { needs: ["platform:account.baseline", "platform:operations.cloudTrailDataEvents", "platform:operations.costAnomaly"], check: checkOwnerOnlyOperations },
    { needs: ["aws:region", "platform:account.id", "platform:integration.api.vpcLink", "platform:operations.costAnomaly"], check: checkAccountArns },
    { needs: ["platform:environment", "platform:compute"], check: checkCompute },
    { needs: ["aws:region", "platform:environment", "platform:data", "platform:compute.workloadIdentities"], check: checkData },
    { needs: ["platform:edge"], check: checkEdge },
    { needs: ["platform:environment", "platform:operations"], check: checkOperations },
    { needs: ["platform:environment", "platform:integration"], check: checkIntegration },
    { needs: ["platform:network.natStrategy", "platform:network.interfaceEndpoints", "platform:integration"], check: checkFunctionRoutes },
    { needs: ["platform:environment", "platform:delivery"], check: checkDelivery },
    { needs: ["aws:region", "platform:integration.functions", "platform:delivery.ecr"], check: checkImageFunctions },
];

export const stackConfigSchema = CONFIG_CHECKS.reduce(
    (schema: typeof stackFieldsSchema, entry: ConfigCheck) => schema.superRefine(entry.check, { when: parsed(entry.needs) }),
    stackFieldsSchema,
);

/**
 * True when nothing a check reads failed to parse. Issues that leave the value usable (a number
 * out of range, an unknown sibling key, another check's finding) do not stop a check, exactly as
 * zod treats them; a value that did not parse at all (wrong type, bad enum) does.
 */
function parsed(needs: readonly string[]): (payload: z.core.ParsePayload) => boolean {
    const needed: string[][] = needs.map((need: string) => need.split("."));
    return (payload: z.core.ParsePayload): boolean => payload.issues.every((issue: z.core.$ZodRawIssue) => {
        if (issue.continue === true || issue.code === "unrecognized_keys") {
            return true;
        }
        const path: string[] = (issue.path ?? []).map(String);
        return !needed.some((need: string[]) => isPrefix(path, need) || isPrefix(need, path));
    });
}

function isPrefix(prefix: readonly string[], path: readonly string[]): boolean {
    return prefix.length <= path.length && prefix.every((segment: string, index: number) => path[index] === segment);
}

/** Adds "key: got X; allowed: Y" for a cross-field rule. */
export function reportProblem(ctx: ConfigCheckContext, path: (string | number)[], input: unknown, allowed: string): void {
    ctx.addIssue({ code: "custom", path, input, message: allowed });
}

const problem = reportProblem;
/** In prod nothing stateful may be deletable by a single command: these switches cannot be turned off. */
function checkProductionProtection(config: StackConfig, ctx: RefinementContext): void {
    if (config["platform:environment"] !== "prod") {
        return;
    }
    const protection = config["platform:protection"];
    for (const key of ["protectStatefulResources", "deletionProtection", "finalSnapshots", "retainOnDelete"] as const) {
        if (!protection[key]) {
            problem(ctx, ["platform:protection", key], false, "true when platform:environment is prod (turning it off could lose data)");
        }
    }
}

function checkSubnetSizing(config: StackConfig, ctx: RefinementContext): void {
    const network = config["platform:network"];
    const vpc: Ipv4Cidr | undefined = parseCidr(network.vpcCidr);
    if (!vpc) {
        return;
    }
    if (!layoutFits(vpc, network.subnetSizing)) {
        const needed: number = tierLayout(vpc, network.subnetSizing).requiredAddresses;
        problem(ctx, ["platform:network", "subnetSizing"], network.subnetSizing,
            `subnet sizes whose ${SUBNET_TIERS.length} tiers x ${MAX_AVAILABILITY_ZONES} zone slots fit in ${network.vpcCidr} `
            + `(this sizing needs ${needed} addresses, the VPC has ${2 ** (32 - vpc.prefixLength)}); increase newBits or widen vpcCidr`);
    }
    for (const tier of SUBNET_TIERS) {
        const prefix: number = vpc.prefixLength + network.subnetSizing[tier].newBits;
        if (prefix > 28) {
            problem(ctx, ["platform:network", "subnetSizing", tier, "newBits"], network.subnetSizing[tier].newBits,
                `at most ${28 - vpc.prefixLength} for ${network.vpcCidr} (AWS subnets are /28 or larger)`);
        }
    }
}

/**
 * Zones by id: 2 to 6 ids of the stack's region, each with a subnet-plan slot (az1 to az6), none
 * that EKS refuses for cluster subnets (eksAvailabilityZones.ts).
 */
function checkAvailabilityZones(config: StackConfig, ctx: RefinementContext): void {
    const region: string = config["aws:region"];
    const zones: readonly string[] | undefined = config["platform:network"].availabilityZoneIds;
    const prefix: string = zoneIdPrefix(region) ?? "<prefix>";
    const listAllowed = `2 to ${MAX_AVAILABILITY_ZONES} distinct zone ids of ${region} such as [${exampleZoneIds(region)}] `
        + `(list your account's with: aws ec2 describe-availability-zones --region ${region} --query "AvailabilityZones[].[ZoneName,ZoneId]")`;
    if (!zones) {
        problem(ctx, ["platform:network", "availabilityZoneIds"], undefined, listAllowed);
        return;
    }
    if (zones.length < 2 || zones.length > MAX_AVAILABILITY_ZONES) {
        problem(ctx, ["platform:network", "availabilityZoneIds"], zones, listAllowed);
    }
    zones.forEach((zone: string, index: number) => {
        if (parseZoneId(zone)?.prefix !== prefix || availabilityZoneSlot(zone) === undefined) {
            problem(ctx, ["platform:network", "availabilityZoneIds", index], zone,
                `a zone id of ${region} from ${prefix}-az1 to ${prefix}-az${MAX_ZONE_NUMBER} (Local and Wavelength Zones are not supported)`);
        } else if (!eksSupportsZone(region, zone)) {
            problem(ctx, ["platform:network", "availabilityZoneIds", index], zone,
                `a zone id EKS supports for cluster subnets (EKS rejects ${(EKS_UNSUPPORTED_ZONE_IDS[region] ?? []).join(", ")} in ${region} `
                + `with UnsupportedAvailabilityZoneException; EKS User Guide "network requirements", checked ${EKS_UNSUPPORTED_ZONES_CHECKED_ON})`);
        }
    });
}

function checkProductionEgress(config: StackConfig, ctx: RefinementContext): void {
    if (config["platform:network"].natStrategy === "none" && config["platform:environment"] === "prod") {
        problem(ctx, ["platform:network", "natStrategy"], "none", "single or onePerAz when platform:environment is prod (private subnets need egress for EKS nodes)");
    }
}

function checkTransitGateway(config: StackConfig, ctx: RefinementContext): void {
    const network = config["platform:network"];
    const vpc: Ipv4Cidr | undefined = parseCidr(network.vpcCidr);
    const transit = network.transitGateway;
    if (transit.enabled) {
        if (!transit.transitGatewayId) {
            problem(ctx, ["platform:network", "transitGateway", "transitGatewayId"], undefined, "a transit gateway id such as tgw-0123456789abcdef0 when transitGateway.enabled is true");
        }
        if (transit.destinationCidrs.length === 0) {
            problem(ctx, ["platform:network", "transitGateway", "destinationCidrs"], [], "at least one CIDR block to route through the transit gateway");
        }
    }
    transit.destinationCidrs.forEach((text: string, index: number) => {
        const destination: Ipv4Cidr | undefined = parseCidr(text);
        if (vpc && destination && (overlaps(vpc, destination) || contains(destination, vpc))) {
            problem(ctx, ["platform:network", "transitGateway", "destinationCidrs", index], text,
                `a CIDR block that does not overlap the VPC ${formatCidr(vpc)}`);
        }
    });
}

function checkCloudTrailLifecycle(config: StackConfig, ctx: RefinementContext): void {
    const lifecycle = config["platform:security"].cloudTrail.bucketLifecycle;
    if (lifecycle.transitionToGlacierDays <= lifecycle.transitionToInfrequentAccessDays) {
        problem(ctx, ["platform:security", "cloudTrail", "bucketLifecycle", "transitionToGlacierDays"], lifecycle.transitionToGlacierDays,
            `more than transitionToInfrequentAccessDays (${lifecycle.transitionToInfrequentAccessDays})`);
    }
    if (lifecycle.expirationDays <= lifecycle.transitionToGlacierDays) {
        problem(ctx, ["platform:security", "cloudTrail", "bucketLifecycle", "expirationDays"], lifecycle.expirationDays,
            `more than transitionToGlacierDays (${lifecycle.transitionToGlacierDays})`);
    }
}

/**
 * A consumer or organization stack does not create the trail, GuardDuty, Security Hub or AWS Config,
 * so settings for them would silently do nothing there. A value other than the default can only come
 * from the stack file: report it, so nobody believes dev runs cheaper GuardDuty plans than the owner does.
 */
function checkOwnerOnlySecuritySettings(config: StackConfig, ctx: RefinementContext): void {
    const baseline = config["platform:account"].baseline;
    if (baseline === "owner") {
        return;
    }
    const security = config["platform:security"];
    for (const setting of OWNER_ONLY_SECURITY_SETTINGS) {
        const { enabled: _retired, ...value } = security[setting] as Record<string, unknown>;
        const { enabled: _none, ...defaults } = SECURITY_DEFAULTS[setting] as Record<string, unknown>;
        if (JSON.stringify(value) !== JSON.stringify(defaults)) {
            problem(ctx, ["platform:security", setting], value,
                `the defaults (leave it out) when platform:account.baseline is ${baseline}: only the baseline owner's stack creates the ${setting} resources, so its settings apply`);
        }
    }
}
