import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ApiConfig, RouteConfig } from "../../config/integrationConfig";
import { nameTagFor, physicalName } from "../../platform/naming";
import { FunctionNetwork, LayerFunction } from "./functions";
import { IntegrationContext, LayerIdentity } from "./integrationContext";
import { UserPool, createUserPool } from "./userPool";

/** API Gateway's JSON access-log record (the fields AWS documents for HTTP APIs). */
export const ACCESS_LOG_FORMAT: string = JSON.stringify({
    requestId: "$context.requestId",
    ip: "$context.identity.sourceIp",
    requestTime: "$context.requestTime",
    httpMethod: "$context.httpMethod",
    routeKey: "$context.routeKey",
    status: "$context.status",
    protocol: "$context.protocol",
    responseLength: "$context.responseLength",
    integrationError: "$context.integrationErrorMessage",
    authorizerError: "$context.authorizer.error",
    principal: "$context.authorizer.claims.sub",
});

export interface HttpApiArgs {
    readonly ctx: IntegrationContext;
    readonly api: ApiConfig;
    readonly logsKeyArn: pulumi.Input<string>;
    readonly functions: ReadonlyMap<string, LayerFunction>;
    readonly network: FunctionNetwork;
}

export interface HttpApi {
    readonly api: aws.apigatewayv2.Api;
    readonly stage: aws.apigatewayv2.Stage;
    readonly userPool: UserPool;
    readonly vpcLink?: aws.apigatewayv2.VpcLink;
}

/**
 * An HTTP API whose every route requires a JWT from the layer's Cognito user pool, with JSON access
 * logs in a KMS-encrypted log group, default-route throttling, Lambda proxy integrations and (for
 * private routes) an HTTP proxy through a VPC link to the internal load balancer's listener.
 */
export function createHttpApi(args: HttpApiArgs): HttpApi {
    const { ctx, api: config } = args;
    const { naming, parent } = ctx;
    const name: string = physicalName(naming, "api");
    const userPool: UserPool = createUserPool(ctx, config.userPool);
    const api = new aws.apigatewayv2.Api("api", {
        name,
        protocolType: "HTTP",
        description: `${naming.prefix} HTTP API`,
        corsConfiguration: config.corsAllowOrigins.length > 0
            ? { allowOrigins: [...config.corsAllowOrigins], allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"], allowHeaders: ["authorization", "content-type"], maxAge: 3600 }
            : undefined,
        tags: nameTagFor(naming, "api"),
    }, { parent });
    const logGroup = new aws.cloudwatch.LogGroup("api-access", {
        name: `/aws/vendedlogs/apigateway/${name}`,
        retentionInDays: config.accessLogRetentionInDays ?? ctx.config.logRetentionInDays,
        kmsKeyId: args.logsKeyArn,
        tags: nameTagFor(naming, "api-access-logs"),
    }, { parent });
    const stage = new aws.apigatewayv2.Stage("api", {
        apiId: api.id,
        name: "$default",
        autoDeploy: true,
        accessLogSettings: { destinationArn: logGroup.arn, format: ACCESS_LOG_FORMAT },
        defaultRouteSettings: {
            throttlingBurstLimit: config.throttling.burstLimit,
            throttlingRateLimit: config.throttling.rateLimit,
            detailedMetricsEnabled: true,
        },
        tags: nameTagFor(naming, "api-stage"),
    }, { parent });
    const authorizer = new aws.apigatewayv2.Authorizer("api-jwt", {
        apiId: api.id,
        name: "cognito-jwt",
        authorizerType: "JWT",
        identitySources: ["$request.header.Authorization"],
        jwtConfiguration: {
            audiences: [userPool.client.id],
            issuer: pulumi.interpolate`https://cognito-idp.${ctx.identity.apply((id: LayerIdentity) => id.region)}.amazonaws.com/${userPool.pool.id}`,
        },
    }, { parent });

    const vpcLink: aws.apigatewayv2.VpcLink | undefined = config.routes.some((r) => "privateIntegration" in r.target) && config.vpcLink.listenerArn
        ? createVpcLink(ctx, args.network, config.vpcLink.port)
        : undefined;
    const integrations = new Map<string, aws.apigatewayv2.Integration>();
    const integrationFor = (route: RouteConfig): aws.apigatewayv2.Integration => {
        const key: string = "function" in route.target ? `fn-${route.target.function}` : "private";
        const existing = integrations.get(key);
        if (existing) {
            return existing;
        }
        const integration = "function" in route.target
            ? lambdaIntegration(args, api, route.target.function)
            : new aws.apigatewayv2.Integration("api-private", {
                apiId: api.id,
                description: "Internal load balancer through the VPC link",
                integrationType: "HTTP_PROXY",
                integrationMethod: "ANY",
                connectionType: "VPC_LINK",
                connectionId: vpcLink!.id,
                integrationUri: config.vpcLink.listenerArn!,
                payloadFormatVersion: "1.0",
            }, { parent });
        integrations.set(key, integration);
        return integration;
    };
    for (const route of config.routes) {
        const integration: aws.apigatewayv2.Integration = integrationFor(route);
        new aws.apigatewayv2.Route(`api-route-${routeSlug(route.routeKey)}`, {
            apiId: api.id,
            routeKey: route.routeKey,
            target: pulumi.interpolate`integrations/${integration.id}`,
            authorizationType: "JWT",
            authorizerId: authorizer.id,
            authorizationScopes: route.authorizationScopes.length > 0 ? [...route.authorizationScopes] : undefined,
        }, { parent });
    }
    return { api, stage, userPool, vpcLink };
}

/** "GET /orders/{id}" -> get-orders-id: stable logical names from the route key itself. */
export function routeSlug(routeKey: string): string {
    return routeKey.toLowerCase().replace(/\$default/, "default").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function lambdaIntegration(args: HttpApiArgs, api: aws.apigatewayv2.Api, functionName: string): aws.apigatewayv2.Integration {
    const { ctx } = args;
    const fn: LayerFunction = args.functions.get(functionName)!;
    new aws.lambda.Permission(`api-invoke-${functionName}`, {
        action: "lambda:InvokeFunction",
        function: fn.function.name,
        principal: "apigateway.amazonaws.com",
        // Any stage and route of this API only.
        sourceArn: pulumi.interpolate`arn:${ctx.identity.apply((id: LayerIdentity) => id.partition)}:execute-api:${ctx.identity.apply((id: LayerIdentity) => id.region)}:${ctx.identity.apply((id: LayerIdentity) => id.accountId)}:${api.id}/*/*`,
    }, { parent: ctx.parent });
    return new aws.apigatewayv2.Integration(`api-fn-${functionName}`, {
        apiId: api.id,
        integrationType: "AWS_PROXY",
        integrationUri: fn.function.arn,
        payloadFormatVersion: "2.0",
        timeoutMilliseconds: Math.min(30000, fn.config.timeoutSeconds * 1000),
    }, { parent: ctx.parent });
}

/** The VPC link's ENIs may only talk to the VPC on the listener's port. */
function createVpcLink(ctx: IntegrationContext, network: FunctionNetwork, port: number): aws.apigatewayv2.VpcLink {
    const group = new aws.ec2.SecurityGroup("api-vpc-link", {
        name: physicalName(ctx.naming, "api-vpc-link"),
        description: "API Gateway VPC link to the internal load balancer",
        vpcId: network.vpcId,
        tags: nameTagFor(ctx.naming, "api-vpc-link"),
    }, { parent: ctx.parent });
    new aws.vpc.SecurityGroupEgressRule("api-vpc-link-egress", {
        securityGroupId: group.id,
        description: `Internal load balancer listener on ${port}`,
        ipProtocol: "tcp",
        fromPort: port,
        toPort: port,
        cidrIpv4: network.vpcCidr,
        tags: nameTagFor(ctx.naming, "api-vpc-link-egress"),
    }, { parent: ctx.parent });
    return new aws.apigatewayv2.VpcLink("api", {
        name: physicalName(ctx.naming, "api"),
        securityGroupIds: [group.id],
        subnetIds: [...network.privateSubnetIds],
        tags: nameTagFor(ctx.naming, "api-vpc-link"),
    }, { parent: ctx.parent });
}
