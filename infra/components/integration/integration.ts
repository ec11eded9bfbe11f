import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { deployableIntegration } from "../../config/imageFunctions";
import { IntegrationConfig } from "../../config/integrationConfig";
import { ProtectionConfig } from "../../config/platformConfig";
import { AccountContext } from "../../platform/accountContext";
import { NamingContext } from "../../platform/naming";
import { LayerEventBus, createEventBus } from "./eventBus";
import { FunctionNetwork, LayerFunctions, createFunctions } from "./functions";
import { HttpApi, createHttpApi } from "./httpApi";
import { IntegrationContext, LayerIdentity } from "./integrationContext";
import { createIntegrationKey } from "./integrationKey";
import { WiringEdge, integrationCallers } from "./callers";
import { LayerQueue, createQueuePolicies, createQueues } from "./queues";
import { LayerStateMachines, createStateMachines } from "./stateMachines";
import { LayerTopic, createTopicPolicies, createTopics } from "./topics";

export interface IntegrationArgs {
    readonly integration: IntegrationConfig;
    readonly protection: ProtectionConfig;
    readonly naming: NamingContext;
    readonly account: AccountContext;
    /** Private subnets and the VPC, for functions that reach the data tier and the API's VPC link. */
    readonly network: FunctionNetwork;
    /** The baseline's logs key: every log group of the layer. */
    readonly logsKeyArn: pulumi.Input<string>;
    /** For the layer's own key. */
    readonly kmsDeletionWindowInDays: number;
    /** ECR repository policies that admit Lambda: image functions are created after them. */
    readonly imagePullPolicies?: readonly pulumi.Resource[];
}

/**
 * Application integration on raw aws resources: a customer-managed key of the layer, functions,
 * queues, topics, state machines, an encrypted event bus with rules, and an HTTP API behind Cognito.
 * Created only when the config uses the layer (the program checks integrationInUse).
 */
export class Integration extends pulumi.ComponentResource {
    public readonly keyArn: pulumi.Output<string>;
    /** The layer's table of who calls whom (plain data once resolved): access contracts and key callers read it. */
    public readonly callers: pulumi.Output<readonly WiringEdge[]>;
    public readonly eventBusName: pulumi.Output<string> | undefined;
    public readonly queueUrls: Record<string, pulumi.Output<string>>;
    public readonly topicArns: Record<string, pulumi.Output<string>>;
    public readonly functionArns: Record<string, pulumi.Output<string>>;
    public readonly stateMachineArns: Record<string, pulumi.Output<string>>;
    /** Undefined unless a function reaches the data tier: the data tier allows ingress from it. */
    public readonly functionSecurityGroupId: pulumi.Output<string> | undefined;
    public readonly apiEndpoint: pulumi.Output<string> | undefined;
    public readonly userPoolId: pulumi.Output<string> | undefined;
    public readonly userPoolClientId: pulumi.Output<string> | undefined;

    constructor(name: string, args: IntegrationArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:integration:Integration", name, {}, opts);
        // Functions whose first image is not pushed yet wait, with their queue/topic wiring (imageFunctions.ts).
        const config: IntegrationConfig = deployableIntegration(args.integration);
        const identity: pulumi.Output<LayerIdentity> = pulumi.all([args.account.accountId, args.account.partition])
            .apply(([accountId, partition]: [string, string]): LayerIdentity => ({ accountId, partition, region: args.account.region, prefix: args.naming.prefix }));
        const ctx: IntegrationContext = { config, naming: args.naming, protection: args.protection, identity, parent: this, ownedQueues: [] };
        // Who calls whom: the one table the queue/topic policies, the roles' statements and the key's callers come from.
        const callers: pulumi.Output<readonly WiringEdge[]> = identity.apply((id: LayerIdentity) => integrationCallers(config, args.naming, id));

        const key: aws.kms.Key = createIntegrationKey({
            config, naming: args.naming, protection: args.protection, identity, deletionWindowInDays: args.kmsDeletionWindowInDays, parent: this,
        });
        const functions: LayerFunctions = createFunctions({
            ctx, keyArn: key.arn, logsKeyArn: args.logsKeyArn, network: args.network, imagePullPolicies: args.imagePullPolicies,
        });
        const queues: Map<string, LayerQueue> = createQueues(ctx, key.arn, functions.byName);
        const topics: Map<string, LayerTopic> = createTopics(ctx, key.arn, queues);
        const machines: LayerStateMachines = createStateMachines({
            ctx, keyArn: key.arn, logsKeyArn: args.logsKeyArn, functions: functions.byName, queues, topics, callers,
        });
        const stateMachines: ReadonlyMap<string, aws.sfn.StateMachine> = machines.byName;
        const eventBus: LayerEventBus | undefined = config.eventBus.enabled
            ? createEventBus({ ctx, keyArn: key.arn, functions: functions.byName, queues, stateMachines })
            : undefined;
        // Last, once every queue and every calling role exists: the resource policies from the table.
        const callerRoles: aws.iam.Role[] = [...[...functions.byName.values()].map((f) => f.role), ...machines.roles];
        createQueuePolicies(ctx, callers, callerRoles);
        createTopicPolicies(ctx, topics, callers, callerRoles);
        this.callers = callers;
        const api: HttpApi | undefined = config.api.enabled
            ? createHttpApi({ ctx, api: config.api, logsKeyArn: args.logsKeyArn, functions: functions.byName, network: args.network })
            : undefined;

        this.keyArn = key.arn;
        this.eventBusName = eventBus?.bus.name;
        this.queueUrls = Object.fromEntries([...queues].map(([n, q]: [string, LayerQueue]) => [n, q.queue.id]));
        this.topicArns = Object.fromEntries([...topics].map(([n, t]: [string, LayerTopic]) => [n, t.topic.arn]));
        this.functionArns = Object.fromEntries([...functions.byName].map(([n, f]) => [n, f.function.arn]));
        this.stateMachineArns = Object.fromEntries([...stateMachines].map(([n, s]: [string, aws.sfn.StateMachine]) => [n, s.arn]));
        this.functionSecurityGroupId = functions.securityGroup?.id;
        this.apiEndpoint = api?.api.apiEndpoint;
        this.userPoolId = api?.userPool.pool.id;
        this.userPoolClientId = api?.userPool.client.id;

        this.registerOutputs({
            keyArn: this.keyArn,
            eventBusName: this.eventBusName,
            queueUrls: this.queueUrls,
            topicArns: this.topicArns,
            functionArns: this.functionArns,
            stateMachineArns: this.stateMachineArns,
            functionSecurityGroupId: this.functionSecurityGroupId,
            apiEndpoint: this.apiEndpoint,
        });
    }
}
