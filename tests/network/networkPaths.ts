import { beforeAll, describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { parsePlatformConfig } from "../../infra/config/load";
import { PlatformConfig } from "../../infra/config/platformConfig";
import { contains, parseCidr } from "../../infra/config/cidr";
import { namingContext } from "../../infra/platform/naming";
import { callerStructure } from "../../infra/components/integration/callers";
import { NetworkDependency, WorkloadDependencies, dataStoresOf, functionNetworkDependencies } from "../../infra/platform/networkDependencies";
import { StackRunResult, runStack, stackConfiguration } from "../support/stackRun";

/**
 * For every dependency the model declares (platform/networkDependencies.ts), the recorded stack must
 * hold a path: egress from the caller's group, ingress on the callee's group (data stores and
 * interface endpoints; AWS public APIs behind NAT or a gateway endpoint have no group), and a route
 * from each of the caller's subnets (the store's VPC for a data store, a gateway endpoint on the
 * subnet's route table, an interface endpoint for the service with private DNS, or a NAT default
 * route). Rules are read in every form the provider offers: aws:vpc SecurityGroupIngressRule /
 * SecurityGroupEgressRule, aws:ec2 SecurityGroupRule, and inline ingress/egress blocks.
 */
const T = {
    sg: "aws:ec2/securityGroup:SecurityGroup",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egress: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    ec2Rule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    fn: "aws:lambda/function:Function",
    association: "aws:ec2/routeTableAssociation:RouteTableAssociation",
    route: "aws:ec2/route:Route",
    endpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    subnet: "aws:ec2/subnet:Subnet",
    vpc: "aws:ec2/vpc:Vpc",
} as const;

/** One rule, whatever resource or block declared it. */
interface Rule {
    readonly direction: "ingress" | "egress";
    readonly groupId: unknown;
    readonly protocol: string;
    readonly fromPort: number;
    readonly toPort: number;
    readonly cidrs: readonly string[];
    readonly prefixLists: readonly unknown[];
    readonly groups: readonly unknown[];
}

function rulesOf(result: StackRunResult): Rule[] {
    const rules: Rule[] = [];
    const num = (v: unknown, fallback: number): number => (typeof v === "number" ? v : fallback);
    for (const [type, direction] of [[T.ingress, "ingress"], [T.egress, "egress"]] as const) {
        for (const r of result.ofType(type)) {
            rules.push({
                direction, groupId: r.inputs.securityGroupId, protocol: String(r.inputs.ipProtocol), fromPort: num(r.inputs.fromPort, 0), toPort: num(r.inputs.toPort, 65535),
                cidrs: r.inputs.cidrIpv4 ? [r.inputs.cidrIpv4 as string] : [], prefixLists: r.inputs.prefixListId ? [r.inputs.prefixListId] : [],
                groups: r.inputs.referencedSecurityGroupId ? [r.inputs.referencedSecurityGroupId] : [],
            });
        }
    }
    for (const r of result.ofType(T.ec2Rule)) {
        rules.push({
            direction: r.inputs.type === "egress" ? "egress" : "ingress", groupId: r.inputs.securityGroupId, protocol: String(r.inputs.protocol),
            fromPort: num(r.inputs.fromPort, 0), toPort: num(r.inputs.toPort, 65535), cidrs: (r.inputs.cidrBlocks as string[] | undefined) ?? [],
            prefixLists: (r.inputs.prefixListIds as unknown[] | undefined) ?? [], groups: r.inputs.sourceSecurityGroupId ? [r.inputs.sourceSecurityGroupId] : [],
        });
    }
    for (const group of result.ofType(T.sg)) {
        for (const direction of ["ingress", "egress"] as const) {
            for (const block of (group.inputs[direction] as Array<Record<string, unknown>> | undefined) ?? []) {
                rules.push({
                    direction, groupId: group.outputs.id, protocol: String(block.protocol), fromPort: num(block.fromPort, 0), toPort: num(block.toPort, 65535),
                    cidrs: (block.cidrBlocks as string[] | undefined) ?? [], prefixLists: (block.prefixListIds as unknown[] | undefined) ?? [],
                    groups: (block.securityGroups as unknown[] | undefined) ?? [],
                });
            }
        }
    }
    return rules;
}

const carriesTcp = (rule: Rule, port: number): boolean =>
    (rule.protocol === "-1" || rule.protocol === "all") || ((rule.protocol === "tcp" || rule.protocol === "6") && rule.fromPort <= port && port <= rule.toPort);
const covers = (cidrs: readonly string[], target: string): boolean => cidrs.some((c) => contains(parseCidr(c)!, parseCidr(target)!));

/** What the test asks of a stack's network for one declared dependency; empty when the path exists. */
export function missingPath(result: StackRunResult, callerGroupId: unknown, callerSubnetIds: readonly unknown[], dependency: NetworkDependency): string[] {
    const rules: Rule[] = rulesOf(result);
    const missing: string[] = [];
    const egress = rules.filter((r) => r.direction === "egress" && r.groupId === callerGroupId && carriesTcp(r, dependency.port));
    const vpcCidr = String(result.all(T.vpc)[0].inputs.cidrBlock);
    const routeTableOf = (subnetId: unknown): unknown => result.ofType(T.association).find((a) => a.inputs.subnetId === subnetId)?.inputs.routeTableId;
    const endpoints = (type: "Gateway" | "Interface", service: string): RecordedResource[] => result.ofType(T.endpoint)
        .filter((e) => e.inputs.vpcEndpointType === type && String(e.inputs.serviceName).endsWith(`.${service}`));

    if (dependency.kind === "dataStore") {
        const store = result.ofType(T.sg).find((g) => g.name === dependency.store);
        if (!store) {
            return [`no security group for ${dependency.store}`];
        }
        if (!egress.some((r) => r.groups.includes(store.outputs.id) || covers(r.cidrs, vpcCidr))) {
            missing.push(`egress on the caller's group to ${dependency.store} on ${dependency.port}`);
        }
        if (!rules.some((r) => r.direction === "ingress" && r.groupId === store.outputs.id && carriesTcp(r, dependency.port) && r.groups.includes(callerGroupId))) {
            missing.push(`ingress on ${dependency.store}'s group from the caller's group on ${dependency.port}`);
        }
        const callerGroup = result.ofType(T.sg).find((g) => g.outputs.id === callerGroupId);
        if (store.inputs.vpcId !== callerGroup?.inputs.vpcId) {
            missing.push(`${dependency.store} is not in the caller's VPC (no local route)`);
        }
        return missing;
    }

    const { service, route } = dependency;
    if (route === "gatewayEndpoint") {
        const gateway = endpoints("Gateway", service);
        if (gateway.length === 0) {
            return [`no gateway endpoint for ${service}`];
        }
        if (!egress.some((r) => gateway.some((g) => r.prefixLists.includes(g.outputs.prefixListId)) || covers(r.cidrs, "0.0.0.0/0"))) {
            missing.push(`egress on the caller's group to ${service}'s prefix list on 443`);
        }
        for (const subnet of callerSubnetIds) {
            if (!gateway.some((g) => ((g.inputs.routeTableIds as unknown[] | undefined) ?? []).includes(routeTableOf(subnet)))) {
                missing.push(`a route to the ${service} gateway endpoint from subnet ${String(subnet)}'s route table`);
            }
        }
    } else if (route === "interfaceEndpoint") {
        const found = endpoints("Interface", service).filter((e) => e.inputs.privateDnsEnabled === true);
        if (found.length === 0) {
            return [`no interface endpoint with private DNS for ${service}`];
        }
        const endpointGroups: unknown[] = found.flatMap((e) => (e.inputs.securityGroupIds as unknown[] | undefined) ?? []);
        if (!egress.some((r) => r.groups.some((g) => endpointGroups.includes(g)) || covers(r.cidrs, vpcCidr))) {
            missing.push(`egress on the caller's group to the ${service} endpoint's group on 443`);
        }
        const subnetCidrs: string[] = callerSubnetIds.map((id) => String(result.ofType(T.subnet).find((s) => s.outputs.id === id)?.inputs.cidrBlock));
        const admitted = rules.some((r) => r.direction === "ingress" && endpointGroups.includes(r.groupId) && carriesTcp(r, 443)
            && (r.groups.includes(callerGroupId) || subnetCidrs.every((cidr) => covers(r.cidrs, cidr))));
        if (!admitted) {
            missing.push(`ingress on the ${service} endpoint's group from the caller on 443`);
        }
    } else {
        if (!egress.some((r) => covers(r.cidrs, "0.0.0.0/0"))) {
            missing.push(`egress on the caller's group to 0.0.0.0/0 on 443 for ${service} through NAT`);
        }
        for (const subnet of callerSubnetIds) {
            const table = routeTableOf(subnet);
            if (!result.ofType(T.route).some((r) => r.inputs.routeTableId === table && r.inputs.destinationCidrBlock === "0.0.0.0/0" && r.inputs.natGatewayId)) {
                missing.push(`a NAT default route in subnet ${String(subnet)}'s route table for ${service}`);
            }
        }
    }
    return missing;
}

/** The declared dependencies of the stack's functions, from its validated config. */
export function declaredDependencies(stack: string, overrides: Record<string, string> = {}): WorkloadDependencies[] {
    const configuration = stackConfiguration(stack);
    const config: PlatformConfig = parsePlatformConfig({ ...configuration.config, ...overrides }, configuration.project, stack);
    return functionNetworkDependencies({
        integration: config.integration,
        edges: callerStructure(config.integration, namingContext(config)),
        dataStores: dataStoresOf(config.data),
        routes: config.network,
    });
}

export interface NetworkPathExpectations {
    /** "function:<name> -> <store|service>:<route>" for every dependency, sorted. */
    readonly dependencies: readonly string[];
    readonly overrides?: Record<string, string>;
}

export function describeNetworkPaths(stack: "dev" | "prod", expected: NetworkPathExpectations): void {
    describe(`network paths (${stack}${expected.overrides ? ", with overrides" : ""}): every declared dependency has a path`, () => {
        let result: StackRunResult;
        let workloads: WorkloadDependencies[];
        beforeAll(async () => {
            result = await runStack(stack, expected.overrides ? { overrides: expected.overrides } : {});
            workloads = declaredDependencies(stack, expected.overrides);
        });

        it("models every function in the VPC, and only those", () => {
            const inVpc: string[] = result.ofType(T.fn).filter((f) => f.inputs.vpcConfig !== undefined).map((f) => `function:${f.name.replace(/^fn-/, "")}`);
            expect(workloads.map((w) => w.workload).sort()).toEqual(inVpc.sort());
        });

        it(`declares the expected dependencies`, () => {
            const describe_ = (d: NetworkDependency): string => (d.kind === "dataStore" ? `${d.store}:${d.port}` : `${d.service}:${d.route}`);
            expect(workloads.flatMap((w) => w.dependencies.map((d) => `${w.workload} -> ${describe_(d)}`)).sort()).toEqual([...expected.dependencies].sort());
        });

        it("finds egress, ingress and a route for each dependency", () => {
            const missing: string[] = [];
            for (const workload of workloads) {
                const fn = result.get(T.fn, `fn-${workload.workload.replace(/^function:/, "")}`);
                const vpc = fn.inputs.vpcConfig as { subnetIds: unknown[]; securityGroupIds: unknown[] };
                const group = result.get(T.sg, workload.securityGroup);
                expect(vpc.securityGroupIds).toEqual([group.outputs.id]);
                for (const dependency of workload.dependencies) {
                    for (const gap of missingPath(result, group.outputs.id, vpc.subnetIds, dependency)) {
                        missing.push(`${workload.workload} -> ${dependency.kind === "dataStore" ? dependency.store : dependency.service} (${dependency.why}): ${gap}`);
                    }
                }
            }
            expect(missing).toEqual([]);
        });
    });
}
