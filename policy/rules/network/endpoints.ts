import { PolicyResource } from "@pulumi/policy";
import { ABSENT, StackRule, stackPolicy } from "../../lib/rule";
import { UNKNOWN, childrenOf, ofType, peek } from "../../lib/stackJoins";
import { VPC, eksVpcs, hasInternetNat } from "../../lib/eksNetwork";

const VPC_ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
const GATEWAY_SERVICES: readonly string[] = ["s3", "dynamodb"];
/** The catalogue's interface endpoints for an EKS cluster without outbound internet access. */
const PRIVATE_EKS_SERVICES: readonly string[] = ["ecr.api", "ecr.dkr", "sts", "logs", "kms", "secretsmanager"];

/** Service part of an endpoint service name: com.amazonaws.<region>.<service> (cn.com.amazonaws... in China). */
export function endpointService(serviceName: string): string | undefined {
    const match = /^(?:cn\.)?com\.amazonaws\.[a-z0-9-]+\.(.+)$/.exec(serviceName);
    return match ? match[1] : undefined;
}

/**
 * VPC endpoints (catalogue net-vpc-endpoints, Low; FSBP EC2.10, EC2.55, EC2.56). Every VPC has the
 * gateway endpoints for S3 and DynamoDB (free; keeps that traffic off NAT and the internet). A VPC
 * that hosts an EKS cluster and has no public NAT gateway is a private cluster, whose nodes can only
 * pull images, get credentials and ship logs through interface endpoints (Amazon EKS User Guide,
 * "Deploy private clusters with limited internet access"): ecr.api, ecr.dkr, sts, logs, kms and
 * secretsmanager, with private DNS. With a NAT gateway the interface set is a cost choice per stack.
 */
export const vpcEndpoints: StackRule = {
    id: "net-vpc-endpoints",
    description: "Every VPC has S3 and DynamoDB gateway endpoints; a VPC hosting an EKS cluster without outbound internet access (no public NAT gateway) also has interface endpoints with private DNS for ecr.api, ecr.dkr, sts, logs, kms and secretsmanager.",
    severity: "low",
    remediation: "Add aws.ec2.VpcEndpoint resources: Gateway endpoints com.amazonaws.<region>.s3 and .dynamodb on the private route tables; for private EKS, Interface endpoints (privateDnsEnabled: true) for the listed services.",
    check(resources, ctx) {
        const eks = eksVpcs(resources);
        for (const vpc of ofType(resources, [VPC])) {
            const endpoints: PolicyResource[] = childrenOf(resources, vpc, [VPC_ENDPOINT], "vpcId", ["id"]);
            const services = new Map<string, PolicyResource>();
            let unknownService = false;
            for (const endpoint of endpoints) {
                const name: unknown = peek(endpoint.props, "serviceName");
                const service = typeof name === "string" ? endpointService(name) : undefined;
                if (name === UNKNOWN) {
                    unknownService = true;
                } else if (service) {
                    services.set(service, endpoint);
                }
            }
            if (unknownService) {
                continue; // cannot tell which services are covered yet
            }
            for (const service of GATEWAY_SERVICES) {
                const endpoint = services.get(service);
                const type: unknown = endpoint ? peek(endpoint.props, "vpcEndpointType") : undefined;
                // Interface endpoints for S3 also keep traffic private; the gateway type is the default.
                if (!endpoint) {
                    ctx.report(vpc, { property: `aws:ec2/vpcEndpoint ${service}`, value: ABSENT, expected: `a Gateway VPC endpoint for ${service}` });
                } else if (type !== undefined && type !== UNKNOWN && type !== "Gateway" && type !== "Interface") {
                    ctx.report(endpoint, { property: "vpcEndpointType", value: type, expected: "Gateway" });
                }
            }
            if (!eks.has(vpc) || hasInternetNat(resources, vpc)) {
                continue;
            }
            for (const service of PRIVATE_EKS_SERVICES) {
                const endpoint = services.get(service);
                if (!endpoint) {
                    ctx.report(vpc, { property: `aws:ec2/vpcEndpoint ${service}`, value: ABSENT, expected: `an Interface endpoint for ${service} (private EKS cluster: no NAT gateway)` });
                } else if (peek(endpoint.props, "privateDnsEnabled") === false) {
                    ctx.report(endpoint, { property: "privateDnsEnabled", value: false, expected: "true (nodes resolve the service's public name to the endpoint)" });
                }
            }
        }
    },
};

export const endpointPolicies = [stackPolicy(vpcEndpoints)];
