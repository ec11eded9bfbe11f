import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { FunctionConfig, IntegrationConfig, isPendingImage, isS3Code } from "../../config/integrationConfig";
import { NamingContext, nameTagFor, physicalName } from "../../platform/naming";
import { IntegrationContext, LayerIdentity, arns, documentFor, queueName } from "./integrationContext";
import { createQueueWithPolicy } from "./queues";
import { NO_PRODUCERS } from "./resourcePolicies";
import { functionPolicy, serviceTrust } from "./rolePolicies";

/** What functions that reach the data tier run in. */
export interface FunctionNetwork {
    readonly vpcId: pulumi.Input<string>;
    readonly vpcCidr: string;
    readonly privateSubnetIds: readonly pulumi.Input<string>[];
}

export interface LayerFunction {
    readonly config: FunctionConfig;
    readonly function: aws.lambda.Function;
    readonly role: aws.iam.Role;
    readonly deadLetterQueue: aws.sqs.Queue;
    readonly logGroup: aws.cloudwatch.LogGroup;
}

export interface FunctionsArgs {
    readonly ctx: IntegrationContext;
    readonly keyArn: pulumi.Input<string>;
    readonly logsKeyArn: pulumi.Input<string>;
    readonly network: FunctionNetwork;
    /** The ECR repository policies that admit Lambda (delivery layer); image functions wait for them. */
    readonly imagePullPolicies?: readonly pulumi.Resource[];
}

/**
 * The security group of every function that reaches the data tier: no ingress (Lambda is invoked
 * through its API, never over the network) and egress only to the VPC on the data-tier ports. The
 * data tier allows ingress from this group (functionSecurityGroupId output).
 */
export function createFunctionSecurityGroup(ctx: IntegrationContext, network: FunctionNetwork): aws.ec2.SecurityGroup {
    const group = new aws.ec2.SecurityGroup("functions", {
        name: physicalName(ctx.naming, "functions"),
        description: "Lambda functions of the integration layer that reach the data tier",
        vpcId: network.vpcId,
        tags: nameTagFor(ctx.naming, "functions"),
    }, { parent: ctx.parent });
    for (const port of ctx.config.dataTierPorts) {
        new aws.vpc.SecurityGroupEgressRule(`functions-egress-${port}`, {
            securityGroupId: group.id,
            description: `Data tier and VPC endpoints on ${port} inside the VPC`,
            ipProtocol: "tcp",
            fromPort: port,
            toPort: port,
            cidrIpv4: network.vpcCidr,
            tags: nameTagFor(ctx.naming, `functions-egress-${port}`),
        }, { parent: ctx.parent });
    }
    return group;
}

/** The queues a function sends to / consumes from, and topics it publishes to, from the queue and topic config. */
function wiring(config: IntegrationConfig, naming: NamingContext, id: LayerIdentity, fn: FunctionConfig) {
    const queueArn = (q: { name: string; fifo: boolean }): string => arns.queue(id, queueName(naming, q));
    return {
        consumesQueueArns: config.queues.filter((q) => q.consumers.includes(fn.name)).map(queueArn),
        sendsToQueueArns: config.queues.filter((q) => q.producerFunctions.includes(fn.name)).map(queueArn),
        publishesToTopicArns: config.topics.filter((t) => t.publisherFunctions.includes(fn.name)).map((t) => arns.topic(id, physicalName(naming, t.name))),
    };
}

export interface LayerFunctions {
    readonly byName: ReadonlyMap<string, LayerFunction>;
    /** Undefined unless a function reaches the data tier. */
    readonly securityGroup?: aws.ec2.SecurityGroup;
}

export function createFunctions(args: FunctionsArgs): LayerFunctions {
    const { ctx } = args;
    const { config, naming, parent } = ctx;
    const securityGroup: aws.ec2.SecurityGroup | undefined = config.functions.some((f) => f.reachesDataTier)
        ? createFunctionSecurityGroup(ctx, args.network)
        : undefined;
    const created = new Map<string, LayerFunction>();
    for (const fn of config.functions) {
        const name: string = physicalName(naming, fn.name);
        const logGroupName = `/aws/lambda/${name}`;
        const logGroup = new aws.cloudwatch.LogGroup(`fn-${fn.name}`, {
            name: logGroupName,
            retentionInDays: fn.logRetentionInDays ?? config.logRetentionInDays,
            kmsKeyId: args.logsKeyArn,
            tags: nameTagFor(naming, `fn-${fn.name}-logs`),
        }, { parent });
        const deadLetterQueue: aws.sqs.Queue = createQueueWithPolicy({
            ctx,
            slug: `fn-${fn.name}-dlq`,
            physicalName: `${name}-dlq`,
            fifo: false,
            keyArn: args.keyArn,
            messageRetentionSeconds: 1209600,
            producers: pulumi.output(NO_PRODUCERS),
        });
        const role = new aws.iam.Role(`fn-${fn.name}`, {
            name: `${name}-fn`,
            description: `Execution role of Lambda function ${name}`,
            assumeRolePolicy: documentFor(ctx.identity, (id: LayerIdentity) => serviceTrust("lambda", id, [arns.function(id, name)])),
            tags: nameTagFor(naming, `fn-${fn.name}`),
        }, { parent });
        const vpcInputs = securityGroup && fn.reachesDataTier
            ? pulumi.all([pulumi.all(args.network.privateSubnetIds.map((s) => pulumi.output(s))), securityGroup.id])
                .apply(([subnetIds, securityGroupId]: [string[], string]) => ({ subnetIds, securityGroupId }))
            : pulumi.output(undefined);
        const policy = new aws.iam.RolePolicy(`fn-${fn.name}`, {
            role: role.name,
            policy: pulumi.all([ctx.identity, args.keyArn, deadLetterQueue.arn, vpcInputs])
                .apply(([id, keyArn, dlqArn, vpc]: [LayerIdentity, string, string, { subnetIds: string[]; securityGroupId: string } | undefined]) => JSON.stringify(functionPolicy(id, {
                    functionName: name,
                    logGroupName,
                    keyArn,
                    deadLetterQueueArn: dlqArn,
                    vpc,
                    ...wiring(config, naming, id, fn),
                    statements: fn.statements,
                }))),
        }, { parent });
        if (isPendingImage(fn.code)) {
            // The layer is built from deployableIntegration(), which never holds these.
            throw new Error(`function ${fn.name} waits for its first image (code.imageRepository); it cannot be created yet`);
        }
        const code: Partial<aws.lambda.FunctionArgs> = isS3Code(fn.code)
            ? { packageType: "Zip", runtime: fn.runtime, handler: fn.handler, s3Bucket: fn.code.s3Bucket, s3Key: fn.code.s3Key, s3ObjectVersion: fn.code.s3ObjectVersion }
            : { packageType: "Image", imageUri: fn.code.imageUri };
        // An image function is created after the repository policies that let Lambda pull its image
        // (on the run where both are new, CreateFunction would otherwise race the policy).
        const pullPolicies: readonly pulumi.Resource[] = isS3Code(fn.code) ? [] : args.imagePullPolicies ?? [];
        const lambda = new aws.lambda.Function(`fn-${fn.name}`, {
            name,
            description: `${naming.prefix} ${fn.name}`,
            role: role.arn,
            ...code,
            architectures: [fn.architecture],
            memorySize: fn.memoryMb,
            timeout: fn.timeoutSeconds,
            reservedConcurrentExecutions: fn.reservedConcurrency,
            environment: Object.keys(fn.environment).length > 0 ? { variables: { ...fn.environment } } : undefined,
            kmsKeyArn: args.keyArn,
            tracingConfig: { mode: "Active" },
            deadLetterConfig: { targetArn: deadLetterQueue.arn },
            loggingConfig: { logFormat: "JSON", logGroup: logGroup.name },
            vpcConfig: securityGroup && fn.reachesDataTier
                ? { subnetIds: [...args.network.privateSubnetIds], securityGroupIds: [securityGroup.id] }
                : undefined,
            tags: nameTagFor(naming, `fn-${fn.name}`),
        }, { parent, dependsOn: [policy, logGroup, ...pullPolicies] });
        created.set(fn.name, { config: fn, function: lambda, role, deadLetterQueue, logGroup });
    }
    return { byName: created, securityGroup };
}
