import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DynamoAutoScalingConfig, DynamoConfig, DynamoIndexConfig, DynamoTableConfig } from "../../config/dataConfig";
import { DataContext, ReplicaRegion, nameTag, statefulOptions } from "./context";

export interface DynamoTables {
    /** By config name. */
    readonly tables: Readonly<Record<string, aws.dynamodb.Table>>;
}

/** Global tables replicate through streams with both images. */
const REPLICATION_STREAM_VIEW = "NEW_AND_OLD_IMAGES";

export function tablePhysicalName(prefix: string, table: DynamoTableConfig): string {
    return `${prefix}-${table.name}`;
}

function indexArgs(table: DynamoTableConfig, index: DynamoIndexConfig): aws.types.input.dynamodb.TableGlobalSecondaryIndex {
    return {
        name: index.name,
        keySchemas: [
            { attributeName: index.hashKey, keyType: "HASH" },
            ...(index.rangeKey ? [{ attributeName: index.rangeKey, keyType: "RANGE" }] : []),
        ],
        projectionType: index.projectionType,
        nonKeyAttributes: index.projectionType === "INCLUDE" ? [...index.nonKeyAttributes] : undefined,
        readCapacity: table.billingMode === "PROVISIONED" ? table.readCapacity : undefined,
        writeCapacity: table.billingMode === "PROVISIONED" ? table.writeCapacity : undefined,
    };
}

/** One table per config entry, logical name = config name, so adding or reordering tables never touches another. */
export function createTables(ctx: DataContext, dynamodb: DynamoConfig, replica: ReplicaRegion | undefined): DynamoTables {
    const tables: Record<string, aws.dynamodb.Table> = {};
    for (const table of dynamodb.tables) {
        tables[table.name] = createTable(ctx, table, dynamodb.autoScaling, replica);
    }
    return { tables };
}

function createTable(ctx: DataContext, table: DynamoTableConfig, autoScaling: DynamoAutoScalingConfig, replica: ReplicaRegion | undefined): aws.dynamodb.Table {
    const { naming, protection, keys } = ctx;
    const provisioned: boolean = table.billingMode === "PROVISIONED";
    const replicated: boolean = table.replicated && replica !== undefined;
    const streamViewType: string | undefined = replicated ? REPLICATION_STREAM_VIEW : table.streamViewType;
    const resource = new aws.dynamodb.Table(`table-${table.name}`, {
        name: tablePhysicalName(naming.prefix, table),
        billingMode: table.billingMode,
        hashKey: table.hashKey,
        rangeKey: table.rangeKey,
        attributes: table.attributes.map((a) => ({ name: a.name, type: a.type })),
        readCapacity: provisioned ? table.readCapacity : undefined,
        writeCapacity: provisioned ? table.writeCapacity : undefined,
        globalSecondaryIndexes: table.globalSecondaryIndexes.map((index: DynamoIndexConfig) => indexArgs(table, index)),
        ttl: table.ttlAttribute ? { attributeName: table.ttlAttribute, enabled: true } : undefined,
        streamEnabled: streamViewType !== undefined,
        streamViewType,
        pointInTimeRecovery: { enabled: true },
        serverSideEncryption: { enabled: true, kmsKeyArn: keys.data.arn },
        deletionProtectionEnabled: protection.deletionProtection,
        replicas: replicated && replica
            ? [{
                regionName: replica.region,
                kmsKeyArn: replica.key.arn,
                pointInTimeRecovery: true,
                propagateTags: true,
                deletionProtectionEnabled: protection.deletionProtection,
            }]
            : undefined,
        tags: nameTag(naming, `table-${table.name}`),
        // Auto scaling owns the live capacity; the program only sets the floor it starts from.
    }, statefulOptions(ctx, provisioned ? { ignoreChanges: ["readCapacity", "writeCapacity"] } : {}));

    if (provisioned) {
        createTableAutoScaling(ctx, table, resource, autoScaling);
    }
    return resource;
}

/** Target tracking on read and write capacity for the table and each of its indexes. */
function createTableAutoScaling(ctx: DataContext, table: DynamoTableConfig, resource: aws.dynamodb.Table, autoScaling: DynamoAutoScalingConfig): void {
    const scaled: { suffix: string; resourceId: pulumi.Input<string>; dimensionPrefix: string }[] = [
        { suffix: "", resourceId: pulumi.interpolate`table/${resource.name}`, dimensionPrefix: "dynamodb:table" },
        ...table.globalSecondaryIndexes.map((index: DynamoIndexConfig) => ({
            suffix: `-${index.name}`,
            resourceId: pulumi.interpolate`table/${resource.name}/index/${index.name}`,
            dimensionPrefix: "dynamodb:index",
        })),
    ];
    for (const { suffix, resourceId, dimensionPrefix } of scaled) {
        for (const [kind, floor, metric] of [
            ["read", table.readCapacity ?? 1, "DynamoDBReadCapacityUtilization"],
            ["write", table.writeCapacity ?? 1, "DynamoDBWriteCapacityUtilization"],
        ] as const) {
            const name = `table-${table.name}${suffix}-${kind}`;
            const target = new aws.appautoscaling.Target(name, {
                serviceNamespace: "dynamodb",
                scalableDimension: `${dimensionPrefix}:${kind === "read" ? "ReadCapacityUnits" : "WriteCapacityUnits"}`,
                resourceId,
                minCapacity: floor,
                maxCapacity: Math.max(floor, autoScaling.maxCapacity),
            }, { parent: ctx.parent });
            new aws.appautoscaling.Policy(name, {
                policyType: "TargetTrackingScaling",
                serviceNamespace: target.serviceNamespace,
                scalableDimension: target.scalableDimension,
                resourceId: target.resourceId,
                targetTrackingScalingPolicyConfiguration: {
                    predefinedMetricSpecification: { predefinedMetricType: metric },
                    targetValue: autoScaling.targetUtilizationPercent,
                },
            }, { parent: ctx.parent });
        }
    }
}
