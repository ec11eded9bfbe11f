import { FunctionConfig, IntegrationConfig } from "../config/integrationConfig";
import { NatStrategy } from "../config/platformConfig";
import { DataConfig } from "../config/dataConfig";
import { WiringEdge, callerStructure } from "../components/integration/callers";
// Types only: schema.ts registers checkFunctionRoutes, so a runtime import back would be circular.
import type { ConfigCheckContext, StackConfig } from "../config/schema";

/**
 * What each workload in the VPC opens a connection to, modelled once; the security-group rules on
 * both ends (components/integration/functions.ts, components/data/securityGroups.ts) and the
 * network-path test (tests/network/networkPaths.test.ts) are derived from it.
 *
 * Only calls that leave from the workload's own network interface count. Lambda sends to a
 * function's dead-letter queue, polls its event-source queues and writes its logs from the Lambda
 * service, outside the function's VPC (Lambda developer guide, "Giving Lambda functions access to
 * resources in an Amazon VPC": the VPC configuration applies to the function's own network traffic),
 * so those edges of the callers table carry `fromCallerNetwork: false` and need no path here.
 */

/** The data tier's stores a workload reaches over TCP, and the port each listens on. */
export type DataStore = "aurora" | "cache" | "efs";
export const DATA_STORE_PORTS: Readonly<Record<DataStore, number>> = { aurora: 5432, cache: 6379, efs: 2049 };

/** The stores the data tier creates for this config. */
export function dataStoresOf(data: Pick<DataConfig, "aurora" | "cache" | "efs">): DataStore[] {
    return [
        ...(data.aurora.enabled ? ["aurora" as const] : []),
        ...(data.cache.enabled ? ["cache" as const] : []),
        ...(data.efs.enabled ? ["efs" as const] : []),
    ];
}

/** Services the network reaches through a gateway endpoint (free; routes to the service's prefix list). */
export const GATEWAY_ENDPOINT_SERVICES: readonly string[] = ["s3", "dynamodb"];

/** HTTPS to an AWS API. */
export const AWS_API_PORT = 443;

/**
 * How traffic to an AWS API leaves the private subnets: a gateway endpoint (route to the service's
 * prefix list), an interface endpoint with private DNS (the service's name resolves to the endpoint's
 * addresses in the VPC), or the NAT gateway's default route.
 */
export type ServiceRoute = "gatewayEndpoint" | "interfaceEndpoint" | "nat";

export interface ServiceDependency {
    readonly kind: "awsService";
    /** Endpoint service short name (com.amazonaws.<region>.<service>). */
    readonly service: string;
    readonly port: number;
    readonly route: ServiceRoute;
    readonly why: string;
}

export interface DataStoreDependency {
    readonly kind: "dataStore";
    readonly store: DataStore;
    readonly port: number;
    readonly why: string;
}

export type NetworkDependency = ServiceDependency | DataStoreDependency;

export interface WorkloadDependencies {
    /** "function:<name>". */
    readonly workload: string;
    /** The security group the workload runs behind (logical name). */
    readonly securityGroup: "functions";
    readonly dependencies: readonly NetworkDependency[];
}

export interface NetworkRoutes {
    readonly interfaceEndpoints: readonly string[];
    readonly natStrategy: NatStrategy;
}

/** The route a service's traffic takes from the private subnets; undefined when there is none. */
export function routeFor(service: string, routes: NetworkRoutes): ServiceRoute | undefined {
    if (GATEWAY_ENDPOINT_SERVICES.includes(service)) {
        return "gatewayEndpoint";
    }
    if (routes.interfaceEndpoints.includes(service)) {
        return "interfaceEndpoint";
    }
    return routes.natStrategy === "none" ? undefined : "nat";
}

/** IAM service prefix -> endpoint service name, where they differ. */
const ENDPOINT_NAME_OF_PREFIX: Readonly<Record<string, string>> = { cloudwatch: "monitoring" };

/** The AWS APIs a function's own code calls: its wired queues and topics, X-Ray, and its configured statements. */
function servicesCalledBy(fn: FunctionConfig, edges: readonly WiringEdge[]): Map<string, string> {
    const services = new Map<string, string>();
    const add = (service: string, why: string): void => {
        if (!services.has(service)) {
            services.set(service, why);
        }
    };
    for (const edge of edges) {
        if (edge.caller.kind === "role" && edge.caller.owner === "function" && edge.caller.name === fn.name && edge.fromCallerNetwork) {
            add(edge.actions[0].split(":")[0], `${edge.actions.join(", ")} on ${edge.callee.name} (${edge.wiredBy})`);
        }
    }
    // Active tracing: the X-Ray daemon Lambda runs beside the function relays the SDK's segments to the
    // X-Ray API over HTTPS from the execution environment (https://docs.aws.amazon.com/xray/latest/devguide/xray-daemon.html).
    add("xray", "tracingConfig.mode Active (the X-Ray daemon uploads segments)");
    fn.statements.forEach((statement, i: number) => {
        for (const action of statement.actions) {
            const prefix: string = action.split(":")[0];
            add(ENDPOINT_NAME_OF_PREFIX[prefix] ?? prefix, `statements[${i}] ${action}`);
        }
    });
    return services;
}

export interface FunctionDependencyInputs {
    readonly integration: IntegrationConfig;
    /** The integration layer's callers table (its shape is enough: callers.ts callerStructure). */
    readonly edges: readonly WiringEdge[];
    /** The stores the data tier creates (a function that reaches the data tier reaches each TCP store but EFS, which Lambda mounts only through fileSystemConfig). */
    readonly dataStores: readonly DataStore[];
    readonly routes: NetworkRoutes;
}

/**
 * Every function in the VPC (reachesDataTier) with what it connects to. A service without a route
 * (no endpoint and natStrategy none) is reported by `unroutedDependencies`, never silently dropped.
 */
export function functionNetworkDependencies(inputs: FunctionDependencyInputs): WorkloadDependencies[] {
    return inputs.integration.functions.filter((fn: FunctionConfig) => fn.reachesDataTier).map((fn: FunctionConfig) => {
        const dependencies: NetworkDependency[] = inputs.dataStores
            .filter((store: DataStore) => store !== "efs")
            .map((store: DataStore): DataStoreDependency => ({ kind: "dataStore", store, port: DATA_STORE_PORTS[store], why: `platform:integration.functions ${fn.name}.reachesDataTier` }));
        for (const [service, why] of servicesCalledBy(fn, inputs.edges)) {
            const route: ServiceRoute | undefined = routeFor(service, inputs.routes);
            if (route !== undefined) {
                dependencies.push({ kind: "awsService", service, port: AWS_API_PORT, route, why });
            }
        }
        return { workload: `function:${fn.name}`, securityGroup: "functions", dependencies };
    });
}

/** Services a function in the VPC calls that no route reaches (natStrategy none and no endpoint). */
export function unroutedDependencies(inputs: FunctionDependencyInputs): { readonly fn: string; readonly service: string; readonly why: string }[] {
    return inputs.integration.functions.filter((fn: FunctionConfig) => fn.reachesDataTier).flatMap((fn: FunctionConfig) =>
        [...servicesCalledBy(fn, inputs.edges)]
            .filter(([service]: [string, string]) => routeFor(service, inputs.routes) === undefined)
            .map(([service, why]: [string, string]) => ({ fn: fn.name, service, why })));
}

/** The union over the workloads behind one group: what its egress rules must open. */
export function groupDependencies(workloads: readonly WorkloadDependencies[]): { services: Map<string, ServiceRoute>; stores: Set<DataStore> } {
    const services = new Map<string, ServiceRoute>();
    const stores = new Set<DataStore>();
    for (const workload of workloads) {
        for (const dependency of workload.dependencies) {
            if (dependency.kind === "awsService") {
                services.set(dependency.service, dependency.route);
            } else {
                stores.add(dependency.store);
            }
        }
    }
    return { services, stores };
}

/**
 * CONFIG_CHECKS entry: a function in the VPC whose code calls an AWS API needs a route to it. With
 * natStrategy none only the gateway endpoints and the configured interface endpoints exist, so each
 * service without one is reported (before any resource is registered) with both ways to fix it.
 */
export function checkFunctionRoutes(config: StackConfig, ctx: ConfigCheckContext): void {
    const integration = config["platform:integration"] as IntegrationConfig;
    const network = config["platform:network"];
    // Only the table's shape matters here (which calls each function makes), not its names.
    const gaps = unroutedDependencies({ integration, edges: callerStructure(integration, { prefix: "check" }), dataStores: [], routes: network });
    for (const gap of gaps) {
        ctx.addIssue({
            code: "custom",
            path: ["platform:network", "natStrategy"],
            input: network.natStrategy,
            message: `single or onePerAz, or "${gap.service}" in platform:network.interfaceEndpoints where AWS offers that endpoint: `
                + `function ${gap.fn} runs in the VPC (reachesDataTier) and calls ${gap.service} (${gap.why}), which the private subnets have no route to`,
        });
    }
}
