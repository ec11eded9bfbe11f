import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { FunctionConfig, IntegrationConfig, isPendingImage, isS3Code } from "../../config/integrationConfig";
import { NamingContext, nameTagFor, physicalName } from "../../platform/naming";
import { IntegrationContext, LayerIdentity, arns, documentFor } from "./integrationContext";
import { WiringEdge, callsBy, iamRoleArn, integrationCallers, queueNames, roleNames } from "./callers";
import { createEncryptedQueue } from "./queues";
import { AWS_API_PORT, ServiceRoute, WorkloadDependencies, groupDependencies } from "../../platform/networkDependencies";
import { functionPolicy, serviceTrust } from "./rolePolicies";

/** What functions that reach the data tier run in. */
export interface FunctionNetwork {
    readonly vpcId: pulumi.Input<string>;
    readonly vpcCidr: string;
    readonly privateSubnetIds: readonly pulumi.Input<string>[];
    /** What each function in the VPC connects to (platform/networkDependencies.ts): the group's egress is derived from it. */
    readonly dependencies: readonly WorkloadDependencies[];
    /** The interface endpoints' security group (route interfaceEndpoint). */
    readonly endpointSecurityGroupId: pulumi.Input<string>;
    /** Gateway endpoint service -> its prefix list id (route gatewayEndpoint). */
    readonly gatewayPrefixListIds: Readonly<Record<string, pulumi.Input<string>>>;
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
 * through its API, never over the network) and egress derived from the functions' declared
 * dependencies, each on its own route:
 * - gateway endpoints (S3, DynamoDB): HTTPS to the service's prefix list, the addresses the gateway
 *   endpoint's route sends to (https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html,
 *   "Security": the security group must allow traffic to the service's prefix list);
 * - interface endpoints: HTTPS to the endpoints' security group (private DNS resolves the service there);
 * - everything else (SQS, SNS, X-Ray where the stack has no endpoint for them): HTTPS to 0.0.0.0/0, which
 *   only the private subnets' NAT default route carries. An AWS API's addresses are public and not
 *   published per service, so no narrower destination exists without an interface endpoint.
 * The data stores' ports (Aurora, Valkey) are opened by the data tier, rule for rule with its ingress
 * (components/data/securityGroups.ts admitClient), because the stores' groups are created there.
 */
export function createFunctionSecurityGroup(ctx: IntegrationContext, network: FunctionNetwork): aws.ec2.SecurityGroup {
    const group = new aws.ec2.SecurityGroup("functions", {
        name: physicalName(ctx.naming, "functions"),
        description: "Lambda functions of the integration layer that reach the data tier",
        vpcId: network.vpcId,
        tags: nameTagFor(ctx.naming, "functions"),
    }, { parent: ctx.parent });
    const { services } = groupDependencies(network.dependencies);
    const egress = (slug: string, description: string, destination: Partial<aws.vpc.SecurityGroupEgressRuleArgs>): void => {
        new aws.vpc.SecurityGroupEgressRule(slug, {
            securityGroupId: group.id,
            description,
            ipProtocol: "tcp",
            fromPort: AWS_API_PORT,
            toPort: AWS_API_PORT,
            ...destination,
            tags: nameTagFor(ctx.naming, slug),
        }, { parent: ctx.parent });
    };
    const over = (route: ServiceRoute): string[] => [...services].filter(([, r]: [string, ServiceRoute]) => r === route).map(([service]: [string, ServiceRoute]) => service).sort();
    for (const service of over("gatewayEndpoint")) {
        egress(`functions-to-${service}`, `HTTPS to ${service} through its gateway endpoint (prefix list)`, { prefixListId: network.gatewayPrefixListIds[service] });
    }
    if (over("interfaceEndpoint").length > 0) {
        egress("functions-to-endpoints", `HTTPS to the interface endpoints: ${over("interfaceEndpoint").join(", ")}`, { referencedSecurityGroupId: network.endpointSecurityGroupId });
    }
    if (over("nat").length > 0) {
        egress("functions-to-aws-apis", `HTTPS through NAT to ${over("nat").join(", ")} (no interface endpoint in this stack)`, { cidrIpv4: "0.0.0.0/0" });
    }
    return group;
}

/**
 * The queues a function consumes from and sends to, and the topics it publishes to: exactly the
 * edges the callers table records for its role (the same edges admit it on each queue and topic).
 */
function wiring(config: IntegrationConfig, naming: NamingContext, id: LayerIdentity, fn: FunctionConfig, deadLetterQueueArn: string) {
    const calls: WiringEdge[] = callsBy(integrationCallers(config, naming, id), iamRoleArn(id, roleNames.function(naming, fn.name)));
    const targets = (kind: string, action: string): string[] => calls
        .filter((e: WiringEdge) => e.callee.kind === kind && e.actions.includes(action) && e.callee.arn !== deadLetterQueueArn)
        .map((e: WiringEdge) => e.callee.arn);
    return {
        consumesQueueArns: targets("queue", "sqs:ReceiveMessage"),
        sendsToQueueArns: targets("queue", "sqs:SendMessage"),
        publishesToTopicArns: targets("topic", "sns:Publish"),
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
        const deadLetterQueue: aws.sqs.Queue = createEncryptedQueue({
            ctx,
            slug: `fn-${fn.name}-dlq`,
            physicalName: queueNames.functionDlq(naming, fn.name),
            fifo: false,
            keyArn: args.keyArn,
            messageRetentionSeconds: 1209600,
        });
        const role = new aws.iam.Role(`fn-${fn.name}`, {
            name: roleNames.function(naming, fn.name),
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
                    ...wiring(config, naming, id, fn, arns.queue(id, queueNames.functionDlq(naming, fn.name))),
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
