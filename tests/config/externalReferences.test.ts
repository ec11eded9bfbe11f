import { describe, expect, it } from "vitest";
import { ExternalReference, externalReferences } from "../../infra/config/externalReferences";
import { parsePlatformConfig } from "../../infra/config/load";
import { stackConfiguration } from "../support/stackRun";
import { devConfigWith, devObject } from "./configFixtures";

function referencesOf(stack: string, config?: Record<string, string>): ExternalReference[] {
    const configuration = stackConfiguration(stack);
    return externalReferences(parsePlatformConfig(config ?? configuration.config, configuration.project, stack));
}

function keysOf(refs: readonly ExternalReference[]): string[] {
    return refs.map((r: ExternalReference) => r.key);
}

describe.each(["dev", "prod"])("external references of the %s stack", (stack: string) => {
    const refs: ExternalReference[] = referencesOf(stack);

    it("lists the state backend, administrators, hosted zone and every function's code before the first up", () => {
        const keys: string[] = keysOf(refs);
        expect(keys).toEqual(expect.arrayContaining([
            "platform:delivery.github.stateBucket",
            "platform:delivery.github.secretsProviderKeyArn",
            "platform:compute.access.administrators[0]",
            "platform:edge.domain.hostedZoneId",
        ]));
        const functions = JSON.parse(stackConfiguration(stack).config["platform:integration"]).functions as unknown[];
        for (let index = 0; index < functions.length; index++) {
            expect(keys).toContain(`platform:integration.functions[${index}].code`);
        }
    });

    it("gives every reference a check command that names its value", () => {
        for (const ref of refs) {
            expect(ref.check, ref.key).toMatch(/^aws [a-z0-9-]+ [a-z-]+ /);
            if (/\s/.test(ref.value)) {
                continue; // a description (a quota, a pending image), not an identifier
            }
            const id: string = ref.value.startsWith("s3://") ? ref.value.split("/")[2] : ref.value.split(/[/@:]/).filter(Boolean).pop()!;
            expect(ref.check, ref.key).toContain(id.split(":").pop());
        }
    });
});

describe("what the account must have", () => {
    it("names the deploy permissions boundary and, where functions reserve concurrency, the Lambda quota", () => {
        const prod: ExternalReference[] = referencesOf("prod");
        expect(prod.find((r) => r.key === "platform:delivery.github.permissionsBoundaryName")?.check).toMatch(/^aws iam get-policy --policy-arn arn:aws:iam::\d{12}:policy\//);
        expect(prod.find((r) => r.key === "platform:integration.functions[].reservedConcurrency")?.value).toMatch(/quota of at least \d+/);
        expect(referencesOf("dev").map((r) => r.key)).not.toContain("platform:integration.functions[].reservedConcurrency");
    });
});

describe("what exists only after the first up", () => {
    it("puts the HTTP API's VPC-link listener after the first up (the Load Balancer Controller creates it)", () => {
        const listener: ExternalReference | undefined = referencesOf("prod").find((r) => r.key === "platform:integration.api.vpcLink.listenerArn");
        expect(listener?.needed).toBe("after-first-up");
        expect(listener?.check).toMatch(/^aws elbv2 describe-listeners --listener-arns arn:aws:elasticloadbalancing:/);
    });

    it("lists an image function with the ECR lookup of its digest", () => {
        const image: ExternalReference | undefined = referencesOf("prod").find((r) => r.value.includes(".dkr.ecr."));
        expect(image?.check).toMatch(/^aws ecr describe-images --repository-name \S+ --image-ids imageDigest=sha256:[0-9a-f]{64}$/);
    });

    it("drops the hosted zone when the edge is off, and adds a transit gateway when one is attached", () => {
        const network = devObject("platform:network");
        const refs: ExternalReference[] = referencesOf("dev", devConfigWith({
            "platform:edge": { ...devObject("platform:edge"), enabled: false },
            "platform:network": { ...network, transitGateway: { enabled: true, transitGatewayId: "tgw-0123456789abcdef0", destinationCidrs: ["172.16.0.0/12"] } },
        }));
        expect(keysOf(refs)).not.toContain("platform:edge.domain.hostedZoneId");
        expect(refs.find((r) => r.key === "platform:network.transitGateway.transitGatewayId")?.check)
            .toBe("aws ec2 describe-transit-gateways --transit-gateway-ids tgw-0123456789abcdef0");
    });
});
