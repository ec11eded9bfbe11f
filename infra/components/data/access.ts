import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { WorkloadAccessConfig } from "../../config/dataConfig";
import { PolicyDocument, PolicyStatement, policyDocument } from "../security/policyDocument";
import { DataContext, nameTag, secretRecoveryWindowInDays } from "./context";

/** Item-level DynamoDB actions: no table management, no stream or backup control. */
export const DYNAMODB_ITEM_ACTIONS: readonly string[] = [
    "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan",
    "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
    "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable",
];
/** Index reads only: DynamoDB writes through the table, never through an index. */
export const DYNAMODB_INDEX_ACTIONS: readonly string[] = ["dynamodb:Query", "dynamodb:Scan"];
export const S3_OBJECT_ACTIONS: readonly string[] = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"];

/** Everything a workload's statements depend on, resolved (plain strings). */
export interface WorkloadAccessInput {
    readonly partition: string;
    readonly region: string;
    readonly accountId: string;
    readonly dataKeyArn: string;
    /** Aurora cluster-resource-id (cluster-ABC...), when the workload has a database user. */
    readonly clusterResourceId?: string;
    readonly databaseUser?: string;
    /** The workload's connection secret (host, port, database, user; no password). */
    readonly secretArn: string;
    readonly tableArns: readonly string[];
    /** Replication group and IAM user ARNs, when the workload uses the cache. */
    readonly cache?: { readonly replicationGroupArn: string; readonly userArn: string };
    readonly bucketArns: readonly string[];
}

/** Least-privilege statements for one workload: exactly its database user, secret, tables, cache and buckets. */
export function workloadAccessStatements(input: WorkloadAccessInput): PolicyStatement[] {
    const statements: PolicyStatement[] = [];
    const viaServices: string[] = ["secretsmanager"];
    if (input.databaseUser !== undefined && input.clusterResourceId !== undefined) {
        statements.push({
            Sid: "ConnectAsDatabaseUser",
            Effect: "Allow",
            Action: "rds-db:connect",
            Resource: `arn:${input.partition}:rds-db:${input.region}:${input.accountId}:dbuser:${input.clusterResourceId}/${input.databaseUser}`,
        });
    }
    statements.push({ Sid: "ReadConnectionSecret", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: input.secretArn });
    if (input.tableArns.length > 0) {
        viaServices.push("dynamodb");
        statements.push({ Sid: "TableItems", Effect: "Allow", Action: DYNAMODB_ITEM_ACTIONS, Resource: [...input.tableArns] });
        statements.push({
            Sid: "TableIndexes",
            Effect: "Allow",
            Action: DYNAMODB_INDEX_ACTIONS,
            Resource: input.tableArns.map((arn: string) => `${arn}/index/*`),
        });
    }
    if (input.cache) {
        statements.push({ Sid: "ConnectToCache", Effect: "Allow", Action: "elasticache:Connect", Resource: [input.cache.replicationGroupArn, input.cache.userArn] });
    }
    if (input.bucketArns.length > 0) {
        viaServices.push("s3");
        statements.push({ Sid: "BucketObjects", Effect: "Allow", Action: S3_OBJECT_ACTIONS, Resource: input.bucketArns.map((arn: string) => `${arn}/*`) });
        statements.push({ Sid: "ListBuckets", Effect: "Allow", Action: "s3:ListBucket", Resource: [...input.bucketArns] });
    }
    statements.push({
        Sid: "DecryptThroughDataServices",
        Effect: "Allow",
        Action: ["kms:Decrypt", "kms:GenerateDataKey"],
        Resource: input.dataKeyArn,
        Condition: { StringEquals: { "kms:ViaService": viaServices.map((service: string) => `${service}.${input.region}.amazonaws.com`) } },
    });
    return statements;
}

export function workloadAccessPolicy(input: WorkloadAccessInput): PolicyDocument {
    return policyDocument(workloadAccessStatements(input));
}

/** Every workload named in data.access needs the role the EKS component created for it. */
export function missingWorkloadRoles(access: readonly WorkloadAccessConfig[], roleNames: Readonly<Record<string, unknown>>): string[] {
    return access.map((entry) => entry.workload).filter((workload: string) => roleNames[workload] === undefined);
}

export interface ConnectionEndpoints {
    readonly host: string;
    readonly readerHost: string;
    readonly databaseName: string;
    readonly cacheHost: string;
    readonly cacheUser: string;
}

/** The connection secret's content: where and as whom to connect. Never a password: IAM tokens replace it. */
export function connectionDetails(entry: WorkloadAccessConfig, endpoints: ConnectionEndpoints): Record<string, unknown> {
    return {
        ...(entry.databaseUser
            ? { engine: "postgres", host: endpoints.host, readerHost: endpoints.readerHost, port: 5432, dbname: endpoints.databaseName, username: entry.databaseUser, sslmode: "verify-full" }
            : {}),
        ...(entry.cache ? { cacheHost: endpoints.cacheHost, cachePort: 6379, cacheUser: endpoints.cacheUser, cacheTls: true } : {}),
    };
}

/** What the data tier has built that a workload may be granted. */
export interface AccessTargets {
    readonly cluster?: aws.rds.Cluster;
    readonly writerEndpoint?: pulumi.Input<string>;
    readonly readerEndpoint?: pulumi.Input<string>;
    readonly databaseName?: string;
    readonly tables: Readonly<Record<string, aws.dynamodb.Table>>;
    readonly cache?: { readonly replicationGroup: aws.elasticache.ReplicationGroup; readonly user: aws.elasticache.User; readonly endpoint: pulumi.Input<string> };
    readonly buckets: Readonly<Record<string, aws.s3.Bucket>>;
}

/**
 * Per workload: a connection secret (no credentials: IAM tokens replace passwords) and an inline
 * policy on the workload's existing role.
 */
export function grantWorkloadAccess(ctx: DataContext, access: readonly WorkloadAccessConfig[], roleNames: Readonly<Record<string, pulumi.Input<string>>>, targets: AccessTargets): Record<string, aws.secretsmanager.Secret> {
    const missing: string[] = missingWorkloadRoles(access, roleNames);
    if (missing.length > 0) {
        throw new Error(`platform:data.access names workloads without a role: ${missing.join(", ")}. `
            + `Each workload needs a Pod Identity role from the compute component (workloadRoleNames), or remove it from data.access.`);
    }
    const { naming, keys, account, parent } = ctx;
    const secrets: Record<string, aws.secretsmanager.Secret> = {};
    for (const entry of access) {
        const secret = new aws.secretsmanager.Secret(`access-${entry.workload}`, {
            name: `${naming.prefix}/${entry.workload}/connection`,
            description: `Connection details for ${entry.workload} (no password: connect with an IAM token)`,
            kmsKeyId: keys.data.arn,
            // A deleted secret keeps its name for the recovery window (30 days by default), so a
            // disposable stack (dev) deletes at once and can be created again the same day.
            recoveryWindowInDays: secretRecoveryWindowInDays(ctx.protection),
            tags: nameTag(naming, `access-${entry.workload}`),
        }, { parent });
        new aws.secretsmanager.SecretVersion(`access-${entry.workload}`, {
            secretId: secret.id,
            secretString: pulumi.all([targets.writerEndpoint ?? "", targets.readerEndpoint ?? "", targets.cache?.endpoint ?? "", targets.cache?.user.userName ?? ""])
                .apply(([host, readerHost, cacheHost, cacheUser]: string[]) =>
                    JSON.stringify(connectionDetails(entry, { host, readerHost, databaseName: targets.databaseName ?? "", cacheHost, cacheUser }))),
        }, { parent });
        secrets[entry.workload] = secret;

        const tableArns: pulumi.Output<string>[] = entry.tables.map((name: string) => targets.tables[name].arn);
        const bucketArns: pulumi.Output<string>[] = entry.buckets.map((name: string) => targets.buckets[name].arn);
        const clusterResourceId: pulumi.Output<string | undefined> = entry.databaseUser && targets.cluster
            ? targets.cluster.clusterResourceId
            : pulumi.output<string | undefined>(undefined);
        const cacheArns: pulumi.Output<WorkloadAccessInput["cache"]> = entry.cache && targets.cache
            ? pulumi.all([targets.cache.replicationGroup.arn, targets.cache.user.arn])
                .apply(([replicationGroupArn, userArn]: [string, string]) => ({ replicationGroupArn, userArn }))
            : pulumi.output<WorkloadAccessInput["cache"]>(undefined);
        const policyInput: pulumi.Output<WorkloadAccessInput> = pulumi
            .all([account.partition, account.accountId, keys.data.arn, clusterResourceId, secret.arn, pulumi.all(tableArns), pulumi.all(bucketArns), cacheArns])
            .apply(([partition, accountId, dataKeyArn, resourceId, secretArn, tables, bucketList, cacheTargets]): WorkloadAccessInput => ({
                partition,
                accountId,
                region: account.region,
                dataKeyArn,
                clusterResourceId: resourceId,
                databaseUser: entry.databaseUser,
                secretArn,
                tableArns: tables,
                bucketArns: bucketList,
                cache: cacheTargets,
            }));
        new aws.iam.RolePolicy(`access-${entry.workload}`, {
            role: roleNames[entry.workload],
            policy: policyInput.apply((input: WorkloadAccessInput) => JSON.stringify(workloadAccessPolicy(input))),
        }, { parent });
    }
    return secrets;
}
