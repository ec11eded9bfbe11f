import { beforeAll, describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { StackRunResult, runStack, stackConfiguration } from "../support/stackRun";

const TRANSIT_GATEWAY_ID = "tgw-0123456789abcdef0";

/** The options the committed stacks do not use: no NAT at all, and a transit-gateway attachment. */
describe("network options (dev with natStrategy none and a transit gateway)", () => {
    let result: StackRunResult;
    beforeAll(async () => {
        const network = JSON.parse(stackConfiguration("dev").config["platform:network"]) as Record<string, unknown>;
        result = await runStack("dev", {
            overrides: {
                "platform:network": JSON.stringify({
                    ...network,
                    natStrategy: "none",
                    // Without NAT, dev's orders-api reaches SQS and X-Ray only through interface endpoints (config check).
                    interfaceEndpoints: ["sqs", "xray"],
                    transitGateway: { enabled: true, transitGatewayId: TRANSIT_GATEWAY_ID, destinationCidrs: ["10.100.0.0/16", "192.168.0.0/20"] },
                }),
            },
        });
    });

    const privateSubnets = (): RecordedResource[] => result.all("aws:ec2/subnet:Subnet").filter((s: RecordedResource) => String(s.name).startsWith("private-"));
    const privateTableIds = (): Set<unknown> => new Set(result.all("aws:ec2/routeTable:RouteTable").filter((t: RecordedResource) => t.name.startsWith("private-")).map((t: RecordedResource) => t.outputs.id));

    it("creates no NAT gateway, no elastic IP and no default route for the private tier", () => {
        expect(result.ofType("aws:ec2/natGateway:NatGateway")).toEqual([]);
        expect(result.ofType("aws:ec2/eip:Eip")).toEqual([]);
        const tables = privateTableIds();
        const privateDefaults = result.all("aws:ec2/route:Route").filter((r: RecordedResource) => tables.has(r.inputs.routeTableId) && r.inputs.destinationCidrBlock === "0.0.0.0/0");
        expect(privateDefaults).toEqual([]);
    });

    it("attaches the private subnets to the transit gateway", () => {
        const attachment: RecordedResource = result.get("aws:ec2transitgateway/vpcAttachment:VpcAttachment", "transit");
        expect(attachment.inputs).toMatchObject({ transitGatewayId: TRANSIT_GATEWAY_ID, vpcId: result.get("aws:ec2/vpc:Vpc", "vpc").outputs.id });
        expect([...(attachment.inputs.subnetIds as string[])].sort()).toEqual(privateSubnets().map((s: RecordedResource) => s.outputs.id).sort());
    });

    it("routes each configured destination from every private route table through the transit gateway, after the attachment", () => {
        const tables = privateTableIds();
        const routes: RecordedResource[] = result.all("aws:ec2/route:Route").filter((r: RecordedResource) => r.inputs.transitGatewayId !== undefined);
        expect(routes).toHaveLength(2 * tables.size);
        const attachment: RecordedResource = result.get("aws:ec2transitgateway/vpcAttachment:VpcAttachment", "transit");
        for (const route of routes) {
            expect(tables.has(route.inputs.routeTableId)).toBe(true);
            expect(route.inputs.transitGatewayId).toBe(TRANSIT_GATEWAY_ID);
            expect(["10.100.0.0/16", "192.168.0.0/20"]).toContain(route.inputs.destinationCidrBlock);
            expect(route.dependencies).toContain(attachment.urn);
        }
        expect(routes.map((r: RecordedResource) => r.name).sort()).toEqual([
            "private-use1-az1-tgw-10.100.0.0-16", "private-use1-az1-tgw-192.168.0.0-20",
            "private-use1-az2-tgw-10.100.0.0-16", "private-use1-az2-tgw-192.168.0.0-20",
        ]);
    });

    it("never routes the database tier through the transit gateway", () => {
        const databaseTables = new Set(result.all("aws:ec2/routeTable:RouteTable").filter((t: RecordedResource) => t.name.startsWith("database-")).map((t: RecordedResource) => t.outputs.id));
        expect(result.all("aws:ec2/route:Route").filter((r: RecordedResource) => databaseTables.has(r.inputs.routeTableId))).toEqual([]);
    });
});
