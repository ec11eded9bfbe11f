import { beforeAll, describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { StackRunResult, policyDocument, runStack, stackConfiguration } from "../support/stackRun";
import { EKS_UNSUPPORTED_ZONE_IDS } from "../../infra/config/eksAvailabilityZones";
import { fakeAvailabilityZones } from "../../tools/offline/fakeCloud";

interface NetworkExpectations {
    readonly vpcCidr: string;
    readonly zones: string[];
    readonly natGateways: number;
    readonly interfaceEndpoints: string[];
    readonly flowLogRetentionDays: number;
}

const NETWORK = "platform:network:Network";
const SUBNET = "aws:ec2/subnet:Subnet";
const ROUTE = "aws:ec2/route:Route";
const ROUTE_TABLE = "aws:ec2/routeTable:RouteTable";
const ASSOCIATION = "aws:ec2/routeTableAssociation:RouteTableAssociation";

/** Every security- and reliability-relevant argument of the network, asserted for one stack. */
export function describeNetwork(stack: string, expected: NetworkExpectations): void {
    describe(`network (${stack})`, () => {
        let result: StackRunResult;
        beforeAll(async () => {
            result = await runStack(stack);
        });

        const subnetsOf = (tier: string): RecordedResource[] => result.all(SUBNET).filter((s: RecordedResource) => (s.inputs.tags as Record<string, string>).Tier === tier);
        const routesOf = (table: RecordedResource): RecordedResource[] => result.ofType(ROUTE).filter((r: RecordedResource) => r.inputs.routeTableId === table.outputs.id);
        const tableOf = (subnet: RecordedResource): RecordedResource => {
            const association = result.all(ASSOCIATION).find((a: RecordedResource) => a.inputs.subnetId === subnet.outputs.id)!;
            expect(association, `route table association of ${subnet.name}`).toBeDefined();
            return result.all(ROUTE_TABLE).find((t: RecordedResource) => t.outputs.id === association.inputs.routeTableId)!;
        };

        it("is a platform:network:Network component that parents all its resources", () => {
            const component: RecordedResource = result.get(NETWORK, "network");
            const children: RecordedResource[] = result.resources.filter((r: RecordedResource) => r.parent === component.urn);
            expect(children.length).toBeGreaterThan(20);
            for (const type of [SUBNET, ROUTE_TABLE, "aws:ec2/vpc:Vpc", "aws:ec2/flowLog:FlowLog", "aws:ec2/vpcEndpoint:VpcEndpoint"]) {
                expect(result.all(type).every((r: RecordedResource) => r.parent === component.urn), type).toBe(true);
            }
            expect(result.all(SUBNET).every((r: RecordedResource) => r.provider?.endsWith("::regional")), "regional provider").toBe(true);
        });

        it("creates a VPC with DNS support and hostnames", () => {
            const vpc: RecordedResource = result.get("aws:ec2/vpc:Vpc", "vpc");
            expect(vpc.inputs).toMatchObject({ cidrBlock: expected.vpcCidr, enableDnsSupport: true, enableDnsHostnames: true });
        });

        it("creates public, private and database subnets in every configured zone, placed and named by zone id", () => {
            for (const tier of ["public", "private", "database"]) {
                const subnets: RecordedResource[] = subnetsOf(tier);
                expect(subnets.map((s: RecordedResource) => s.inputs.availabilityZoneId).sort()).toEqual([...expected.zones].sort());
                for (const subnet of subnets) {
                    expect(subnet.name).toBe(`${tier}-${String(subnet.inputs.availabilityZoneId)}`);
                    // Never by name: us-east-1a is a different zone in every account.
                    expect(subnet.inputs.availabilityZone, subnet.name).toBeUndefined();
                }
            }
            expect(result.all(SUBNET)).toHaveLength(expected.zones.length * 3);
        });

        it("places nothing in a zone EKS refuses, and names every zone of the stack by id (walks every resource)", () => {
            const refused: readonly string[] = EKS_UNSUPPORTED_ZONE_IDS["us-east-1"] ?? [];
            const refusedNames: string[] = fakeAvailabilityZones("us-east-1").filter((z) => refused.includes(z.zoneId)).map((z) => z.name);
            expect(refused).toContain("use1-az3");
            for (const resource of result.resources) {
                const text: string = JSON.stringify(resource.inputs);
                for (const zone of [...refused, ...refusedNames]) {
                    expect(text.includes(`"${zone}"`), `${resource.type} ${resource.name} uses ${zone}`).toBe(false);
                }
                expect(resource.name, resource.name).not.toMatch(/us-east-1[a-f]\b/);
            }
        });

        it("never maps public IPs on launch, in any tier", () => {
            for (const subnet of result.all(SUBNET)) {
                expect(subnet.inputs.mapPublicIpOnLaunch, subnet.name).toBe(false);
            }
        });

        it("tags subnets for the AWS Load Balancer Controller", () => {
            for (const subnet of subnetsOf("public")) {
                expect(subnet.inputs.tags).toMatchObject({ "kubernetes.io/role/elb": "1" });
                expect(subnet.inputs.tags).not.toHaveProperty("kubernetes.io/role/internal-elb");
            }
            for (const subnet of subnetsOf("private")) {
                expect(subnet.inputs.tags).toMatchObject({ "kubernetes.io/role/internal-elb": "1" });
                expect(subnet.inputs.tags).not.toHaveProperty("kubernetes.io/role/elb");
            }
            for (const subnet of subnetsOf("database")) {
                expect(Object.keys(subnet.inputs.tags as object).filter((k: string) => k.startsWith("kubernetes.io"))).toEqual([]);
            }
        });

        it("gives every subnet its own route table (per tier and zone)", () => {
            const tables = new Set(result.all(SUBNET).map((s: RecordedResource) => tableOf(s).urn));
            expect(tables.size).toBe(expected.zones.length * 3);
        });

        it("routes the public tier to the internet gateway only", () => {
            const igw: RecordedResource = result.get("aws:ec2/internetGateway:InternetGateway", "internet");
            for (const subnet of subnetsOf("public")) {
                const routes: RecordedResource[] = routesOf(tableOf(subnet));
                expect(routes.map((r: RecordedResource) => [r.inputs.destinationCidrBlock, r.inputs.gatewayId])).toEqual([["0.0.0.0/0", igw.outputs.id]]);
            }
        });

        it("routes the private tier's default route through NAT per the strategy", () => {
            const nats: RecordedResource[] = result.ofType("aws:ec2/natGateway:NatGateway");
            expect(nats).toHaveLength(expected.natGateways);
            const publicSubnetIds = new Set(subnetsOf("public").map((s: RecordedResource) => s.outputs.id));
            for (const nat of nats) {
                expect(publicSubnetIds.has(nat.inputs.subnetId), `${nat.name} sits in a public subnet`).toBe(true);
                expect(nat.inputs.connectivityType).toBe("public");
            }
            for (const subnet of subnetsOf("private")) {
                const defaults: RecordedResource[] = routesOf(tableOf(subnet)).filter((r: RecordedResource) => r.inputs.destinationCidrBlock === "0.0.0.0/0");
                expect(defaults).toHaveLength(1);
                expect(defaults[0].inputs.gatewayId).toBeUndefined();
                const nat: RecordedResource = nats.find((n: RecordedResource) => n.outputs.id === defaults[0].inputs.natGatewayId)!;
                expect(nat, `NAT for ${subnet.name}`).toBeDefined();
                if (expected.natGateways === expected.zones.length) {
                    expect(nat.name).toBe(`nat-${String(subnet.inputs.availabilityZoneId)}`);
                }
            }
        });

        it("gives the database tier no route to the internet", () => {
            for (const subnet of subnetsOf("database")) {
                const routes: RecordedResource[] = routesOf(tableOf(subnet));
                expect(routes, subnet.name).toEqual([]);
            }
            const databaseTableIds = new Set(subnetsOf("database").map((s: RecordedResource) => tableOf(s).outputs.id));
            for (const endpoint of result.ofType("aws:ec2/vpcEndpoint:VpcEndpoint")) {
                for (const tableId of (endpoint.inputs.routeTableIds as string[] | undefined) ?? []) {
                    expect(databaseTableIds.has(tableId)).toBe(false);
                }
            }
        });

        it("puts the RDS and ElastiCache subnet groups over the database subnets", () => {
            const databaseIds: unknown[] = subnetsOf("database").map((s: RecordedResource) => s.outputs.id).sort();
            expect([...(result.get("aws:rds/subnetGroup:SubnetGroup", "database").inputs.subnetIds as string[])].sort()).toEqual(databaseIds);
            expect([...(result.get("aws:elasticache/subnetGroup:SubnetGroup", "cache").inputs.subnetIds as string[])].sort()).toEqual(databaseIds);
        });

        it("creates S3 and DynamoDB gateway endpoints on the private route tables", () => {
            const privateTableIds: unknown[] = subnetsOf("private").map((s: RecordedResource) => tableOf(s).outputs.id).sort();
            for (const service of ["s3", "dynamodb"]) {
                const endpoint: RecordedResource = result.get("aws:ec2/vpcEndpoint:VpcEndpoint", `gateway-${service}`);
                expect(endpoint.inputs).toMatchObject({ vpcEndpointType: "Gateway", serviceName: `com.amazonaws.us-east-1.${service}` });
                expect([...(endpoint.inputs.routeTableIds as string[])].sort()).toEqual(privateTableIds);
            }
        });

        it("creates the configured interface endpoints with private DNS behind an HTTPS-from-VPC security group", () => {
            const interfaceEndpoints: RecordedResource[] = result.ofType("aws:ec2/vpcEndpoint:VpcEndpoint").filter((e: RecordedResource) => e.inputs.vpcEndpointType === "Interface");
            expect(interfaceEndpoints.map((e: RecordedResource) => e.name).sort()).toEqual(expected.interfaceEndpoints.map((s: string) => `interface-${s}`).sort());
            const group: RecordedResource = result.get("aws:ec2/securityGroup:SecurityGroup", "interface-endpoints");
            const privateIds: unknown[] = subnetsOf("private").map((s: RecordedResource) => s.outputs.id).sort();
            for (const endpoint of interfaceEndpoints) {
                expect(endpoint.inputs.privateDnsEnabled).toBe(true);
                expect(endpoint.inputs.securityGroupIds).toEqual([group.outputs.id]);
                expect([...(endpoint.inputs.subnetIds as string[])].sort()).toEqual(privateIds);
            }
            expect(group.inputs.ingress ?? []).toEqual([]);
            expect(group.inputs.egress ?? []).toEqual([]);
            const rules: RecordedResource[] = result.all("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r: RecordedResource) => r.inputs.securityGroupId === group.outputs.id);
            expect(rules.map((r: RecordedResource) => r.inputs)).toEqual([expect.objectContaining({ ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: expected.vpcCidr })]);
        });

        it("logs ALL VPC traffic to a KMS-encrypted log group with the configured retention", () => {
            const flowLog: RecordedResource = result.get("aws:ec2/flowLog:FlowLog", "vpc");
            const group: RecordedResource = result.get("aws:cloudwatch/logGroup:LogGroup", "flow-logs");
            const vpc: RecordedResource = result.get("aws:ec2/vpc:Vpc", "vpc");
            expect(flowLog.inputs).toMatchObject({ vpcId: vpc.outputs.id, trafficType: "ALL", logDestinationType: "cloud-watch-logs", logDestination: group.outputs.arn });
            expect(group.inputs.retentionInDays).toBe(expected.flowLogRetentionDays);
            expect(String(group.inputs.kmsKeyId)).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\//);
        });

        it("delivers flow logs with a role scoped to that log group and to this account's flow logs", () => {
            const role: RecordedResource = result.get("aws:iam/role:Role", "flow-logs");
            const trust = policyDocument(role.inputs.assumeRolePolicy);
            expect(trust.Statement).toEqual([{
                Sid: "VpcFlowLogs",
                Effect: "Allow",
                Principal: { Service: "vpc-flow-logs.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: {
                    StringEquals: { "aws:SourceAccount": "123456789012" },
                    ArnLike: { "aws:SourceArn": "arn:aws:ec2:us-east-1:123456789012:vpc-flow-log/*" },
                },
            }]);
            const group: RecordedResource = result.get("aws:cloudwatch/logGroup:LogGroup", "flow-logs");
            const policy = policyDocument(result.get("aws:iam/rolePolicy:RolePolicy", "flow-logs-delivery").inputs.policy);
            expect(policy.Statement).toHaveLength(1);
            const statement = policy.Statement[0];
            expect(statement.Resource).toEqual([group.outputs.arn, `${String(group.outputs.arn)}:log-stream:*`]);
            expect((statement.Action as string[]).every((a: string) => a.startsWith("logs:") && !a.includes("*"))).toBe(true);
            expect(result.get("aws:ec2/flowLog:FlowLog", "vpc").inputs.iamRoleArn).toBe(role.outputs.arn);
        });

        it("adopts the default security group with no rules", () => {
            const group: RecordedResource = result.get("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "default");
            expect(group.inputs.vpcId).toBe(result.get("aws:ec2/vpc:Vpc", "vpc").outputs.id);
            expect(group.inputs.ingress).toEqual([]);
            expect(group.inputs.egress).toEqual([]);
        });

        it("does not attach a transit gateway unless configured", () => {
            expect(result.ofType("aws:ec2transitgateway/vpcAttachment:VpcAttachment")).toEqual([]);
        });

        it("exports what the next layers need", () => {
            const outputs = result.run.stackOutputs;
            expect(outputs.vpcId).toBe(result.get("aws:ec2/vpc:Vpc", "vpc").outputs.id);
            expect((outputs.privateSubnetIds as string[]).sort()).toEqual(subnetsOf("private").map((s: RecordedResource) => s.outputs.id).sort());
            expect((outputs.databaseSubnetIds as string[])).toHaveLength(expected.zones.length);
            expect(outputs.rdsSubnetGroupName).toBe(result.get("aws:rds/subnetGroup:SubnetGroup", "database").outputs.name);
        });
    });
}

/** Reads what the committed stack file says, so the assertions follow config rather than copy it. */
export function expectationsFromStackFile(stack: string): NetworkExpectations {
    const network = JSON.parse(stackConfiguration(stack).config["platform:network"]) as { vpcCidr: string; availabilityZoneIds: string[]; natStrategy: string; interfaceEndpoints: string[]; flowLogs: { retentionInDays: number } };
    const zones: string[] = network.availabilityZoneIds;
    return {
        vpcCidr: network.vpcCidr,
        zones,
        natGateways: network.natStrategy === "onePerAz" ? zones.length : network.natStrategy === "single" ? 1 : 0,
        interfaceEndpoints: network.interfaceEndpoints,
        flowLogRetentionDays: network.flowLogs.retentionInDays,
    };
}
