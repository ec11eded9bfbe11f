import { describe, expect, it } from "vitest";
import { stackPolicy } from "../../../policy/lib/rule";
import { apigwRouteAuth } from "../../../policy/rules/network/apiGateway";
import { ecrPolicyNoPublic } from "../../../policy/rules/network/ecr";
import { efsMountTargetSg } from "../../../policy/rules/network/efs";
import { lambdaPermissionPublic, lambdaUrlAuth, lambdaVpc } from "../../../policy/rules/network/lambda";
import { UNKNOWN_ARRAY, UNKNOWN_OBJECT, UNKNOWN_STRING, resource, runPolicy } from "../support/policyHarness";
import { describeResourcePolicy, expectClean, expectFired, expectMetadata, expectNoMandatory } from "../encryption/table";

/** Catalogue section 12: EFS mount targets, Lambda exposure, API Gateway v2 routes, ECR repository policies. */

describeResourcePolicy({
    policy: lambdaUrlAuth, id: "net-lambda-url-auth", severity: "high", type: "aws:lambda/functionUrl:FunctionUrl",
    baseline: { functionName: "orders", authorizationType: "AWS_IAM" },
    violations: [
        { name: "authorizationType NONE (public URL)", patch: { authorizationType: "NONE" }, property: "authorizationType" },
        { name: "authorizationType absent", patch: { authorizationType: undefined }, property: "authorizationType is not set" },
    ],
    unknowns: [{ name: "authorizationType unknown", patch: { authorizationType: UNKNOWN_STRING } }],
});

describeResourcePolicy({
    policy: lambdaPermissionPublic, id: "net-lambda-permission-public", severity: "high", type: "aws:lambda/permission:Permission",
    baseline: { action: "lambda:InvokeFunction", function: "orders", principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::orders-uploads", sourceAccount: "111122223333" },
    violations: [
        { name: "service principal without sourceArn or sourceAccount", patch: { sourceArn: undefined, sourceAccount: undefined }, property: "sourceArn" },
        { name: "principal \"*\" without any condition", patch: { principal: "*", sourceArn: undefined, sourceAccount: undefined }, property: "sourceArn" },
        { name: "function URL opened with auth type NONE", patch: { action: "lambda:InvokeFunctionUrl", principal: "*", functionUrlAuthType: "NONE", sourceArn: undefined, sourceAccount: undefined }, property: "functionUrlAuthType" },
        { name: "China-partition service principal without source", patch: { principal: "sns.amazonaws.com.cn", sourceArn: undefined, sourceAccount: undefined }, property: "sourceArn" },
    ],
    unknowns: [
        { name: "sourceArn is an output (the bucket's ARN)", patch: { sourceArn: UNKNOWN_STRING, sourceAccount: undefined } },
        { name: "principal unknown", patch: { principal: UNKNOWN_STRING, sourceArn: undefined, sourceAccount: undefined } },
    ],
    compliant: [
        { name: "sourceAccount alone", patch: { sourceArn: undefined } },
        { name: "\"*\" limited to the organisation", patch: { principal: "*", sourceArn: undefined, sourceAccount: undefined, principalOrgId: "o-abc123" } },
        { name: "a named account principal needs no source condition", patch: { principal: "444455556666", sourceArn: undefined, sourceAccount: undefined } },
        { name: "function URL with AWS_IAM", patch: { action: "lambda:InvokeFunctionUrl", principal: "444455556666", functionUrlAuthType: "AWS_IAM" } },
    ],
});

describeResourcePolicy({
    policy: apigwRouteAuth, id: "net-apigw-route-auth", severity: "high", type: "aws:apigatewayv2/route:Route",
    baseline: { apiId: "a1b2c3", routeKey: "GET /orders", authorizationType: "JWT", authorizerId: "auth1", target: "integrations/abc" },
    violations: [
        { name: "authorizationType omitted (NONE)", patch: { authorizationType: undefined, authorizerId: undefined }, property: "authorizationType is not set" },
        { name: "authorizationType NONE", patch: { authorizationType: "NONE", authorizerId: undefined }, property: "authorizationType" },
        { name: "JWT without an authorizer", patch: { authorizerId: undefined }, property: "authorizerId" },
        { name: "CUSTOM without an authorizer", patch: { authorizationType: "CUSTOM", authorizerId: undefined }, property: "authorizerId" },
        { name: "$default catch-all route without auth", patch: { routeKey: "$default", authorizationType: "NONE", authorizerId: undefined }, property: "authorizationType" },
        { name: "WebSocket $connect without auth", patch: { routeKey: "$connect", authorizationType: "NONE", authorizerId: undefined }, property: "authorizationType" },
    ],
    unknowns: [
        { name: "authorizerId unknown", patch: { authorizerId: UNKNOWN_STRING } },
        { name: "authorizationType unknown", patch: { authorizationType: UNKNOWN_STRING } },
    ],
    compliant: [
        { name: "AWS_IAM needs no authorizer", patch: { authorizationType: "AWS_IAM", authorizerId: undefined } },
        { name: "CUSTOM (Lambda authorizer)", patch: { authorizationType: "CUSTOM" } },
        { name: "WebSocket action route (cannot carry an authorizer)", patch: { routeKey: "sendmessage", authorizationType: "NONE", authorizerId: undefined } },
        { name: "WebSocket $disconnect", patch: { routeKey: "$disconnect", authorizationType: undefined, authorizerId: undefined } },
    ],
});

it("net-apigw-route-auth: an open health route passes only through an exemption with a reason", async () => {
    const health = resource("aws:apigatewayv2/route:Route", { apiId: "a1b2c3", routeKey: "GET /health", authorizationType: "NONE" }, { name: "health" });
    expectFired(await runPolicy(apigwRouteAuth, health), "net-apigw-route-auth", "authorizationType");
    const exempt = await runPolicy(apigwRouteAuth, health, { exemptions: [{ namePattern: "^health$", reason: "load-balancer health probe, returns no data" }] });
    expect(exempt.violations).toEqual([]);
    expect(exempt.notApplicable.map((n) => n.reason)).toEqual(["exempt: load-balancer health probe, returns no data"]);
});

const ORG_PULL = {
    Version: "2012-10-17",
    Statement: [{ Sid: "OrgPull", Effect: "Allow", Principal: "*", Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } }],
};
const statementWith = (patch: Record<string, unknown>) => ({ ...ORG_PULL, Statement: [{ ...ORG_PULL.Statement[0], ...patch }] });

describeResourcePolicy({
    policy: ecrPolicyNoPublic, id: "net-ecr-policy-no-public", severity: "high", type: "aws:ecr/repositoryPolicy:RepositoryPolicy",
    baseline: { repository: "orders-api", policy: JSON.stringify(ORG_PULL) },
    violations: [
        { name: "Principal \"*\" without a condition (JSON string)", patch: { policy: JSON.stringify(statementWith({ Condition: undefined })) }, property: "policy.Statement[0].Principal" },
        { name: "{AWS: \"*\"} without a condition (object document)", patch: { policy: statementWith({ Principal: { AWS: "*" }, Condition: undefined }) }, property: "policy.Statement[0].Principal" },
        { name: "{AWS: [\"*\"]} with an unrelated condition", patch: { policy: statementWith({ Principal: { AWS: ["*"] }, Condition: { Bool: { "aws:SecureTransport": "true" } } }) }, property: "policy.Statement[0].Principal" },
        { name: "NotPrincipal Allow", patch: { policy: statementWith({ Principal: undefined, NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" }, Condition: undefined }) }, property: "policy.Statement[0].Principal" },
        { name: "public push with NotAction", patch: { policy: statementWith({ Action: undefined, NotAction: "ecr:DeleteRepository", Condition: undefined }) }, property: "policy.Statement[0].Principal" },
        { name: "malformed JSON", patch: { policy: "{\"Statement\": [" }, property: "policy" },
    ],
    unknowns: [
        { name: "policy unknown", patch: { policy: UNKNOWN_STRING } },
        { name: "org id unknown inside the document", patch: { policy: statementWith({ Condition: { StringEquals: { "aws:PrincipalOrgID": UNKNOWN_STRING } } }) } },
    ],
    compliant: [
        { name: "aws:SourceAccount condition", patch: { policy: statementWith({ Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } } }) } },
        { name: "named account principals", patch: { policy: statementWith({ Principal: { AWS: ["arn:aws:iam::444455556666:root"] }, Condition: undefined }) } },
        { name: "Deny to \"*\" is not a grant", patch: { policy: statementWith({ Effect: "Deny", Condition: undefined }) } },
        { name: "Lambda service pull scoped by aws:sourceArn", patch: { policy: statementWith({ Principal: { Service: "lambda.amazonaws.com" }, Condition: { StringLike: { "aws:sourceArn": "arn:aws:lambda:eu-west-1:111122223333:function:*" } } }) } },
    ],
});

const SG = "aws:ec2/securityGroup:SecurityGroup";
const SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const MOUNT_TARGET = "aws:efs/mountTarget:MountTarget";
const mountSg = stackPolicy(efsMountTargetSg);

const group = (name: string, ingress: unknown[] = [], id: unknown = `sg-${name}`) => resource(SG, { vpcId: "vpc-1", ingress }, { name, outputs: { id, vpcId: "vpc-1", ingress } });
const mountTarget = (groups: unknown, deps: string[] = []) => resource(MOUNT_TARGET, { fileSystemId: "fs-1", subnetId: "subnet-1", securityGroups: groups }, { name: "mt-a", dependencies: deps });
const nfsFrom = (cidr: string, extra: Record<string, unknown> = {}) => ({ protocol: "tcp", fromPort: 2049, toPort: 2049, cidrBlocks: [cidr], ...extra });

describe("net-efs-mount-target-sg", () => {
    it("metadata", () => expectMetadata(mountSg, "net-efs-mount-target-sg", "high"));
    it("#1 NFS from a client security group or a private CIDR passes", async () => {
        const sg = group("efs", [{ protocol: "tcp", fromPort: 2049, toPort: 2049, securityGroups: ["sg-app"] }, nfsFrom("10.0.0.0/16")]);
        expectClean(await runPolicy(mountSg, [sg, mountTarget(["sg-efs"])]));
    });
    it("fires on world ingress to 2049 in an inline rule (IPv4, IPv6, all protocols, a wide port range)", async () => {
        const shapes: unknown[] = [
            nfsFrom("0.0.0.0/0"),
            { protocol: "tcp", fromPort: 2049, toPort: 2049, ipv6CidrBlocks: ["::/0"] },
            { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] },
            { protocol: "6", fromPort: 1024, toPort: 65535, cidrBlocks: ["0.0.0.0/0"] },
        ];
        for (const rule of shapes) {
            const sg = group("efs", [rule]);
            const result = await runPolicy(mountSg, [sg, mountTarget(["sg-efs"])]);
            expectFired(result, "net-efs-mount-target-sg", "ingress[0].");
            expect(result.violations[0].urn).toBe(sg.urn);
        }
    });
    it("fires on standalone rules of an attached group (SecurityGroupRule and vpc.SecurityGroupIngressRule)", async () => {
        const sg = group("efs");
        const legacy = resource(SG_RULE, { type: "ingress", securityGroupId: "sg-efs", protocol: "tcp", fromPort: 2049, toPort: 2049, cidrBlocks: ["0.0.0.0/0"] }, { name: "efs-nfs-world" });
        expectFired(await runPolicy(mountSg, [sg, legacy, mountTarget(["sg-efs"])]), "net-efs-mount-target-sg", "cidrBlocks[0]");
        const pf = resource(INGRESS_RULE, { securityGroupId: "sg-efs", ipProtocol: "tcp", fromPort: 2049, toPort: 2049, cidrIpv6: "::/0" }, { name: "efs-nfs-v6" });
        expectFired(await runPolicy(mountSg, [sg, pf, mountTarget(["sg-efs"])]), "net-efs-mount-target-sg", "cidrIpv6");
    });
    it("world ingress on another port, or on a group no mount target uses, is out of scope", async () => {
        expectClean(await runPolicy(mountSg, [group("efs", [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }]), mountTarget(["sg-efs"])]));
        expectClean(await runPolicy(mountSg, [group("efs"), group("lb", [nfsFrom("0.0.0.0/0")]), mountTarget(["sg-efs"])]));
        expectClean(await runPolicy(mountSg, [group("lb", [nfsFrom("0.0.0.0/0")])]));
    });
    it("first preview: unknown group ids resolve through the mount target's dependencies", async () => {
        const sg = group("efs", [nfsFrom("0.0.0.0/0")], UNKNOWN_STRING);
        expectFired(await runPolicy(mountSg, [sg, mountTarget([UNKNOWN_STRING], [sg.urn])]), "net-efs-mount-target-sg", "ingress[0].cidrBlocks[0]");
        expectFired(await runPolicy(mountSg, [sg, mountTarget(UNKNOWN_ARRAY, [sg.urn])]), "net-efs-mount-target-sg", "ingress[0].cidrBlocks[0]");
        const closed = group("efs", [nfsFrom("10.0.0.0/8")], UNKNOWN_STRING);
        expectNoMandatory(await runPolicy(mountSg, [closed, mountTarget([UNKNOWN_STRING], [closed.urn])]));
    });
    it("exemption with a reason", async () => {
        const run = await runPolicy(mountSg, [group("efs", [nfsFrom("0.0.0.0/0")]), mountTarget(["sg-efs"])], { exemptions: [{ namePattern: "^efs$", reason: "lab VPC without internet gateway" }] });
        expect(run.violations).toEqual([]);
    });
});

const FUNCTION = "aws:lambda/function:Function";
const SUBNET = "aws:ec2/subnet:Subnet";
const vpcRule = stackPolicy(lambdaVpc);
const subnet = (name: string, publicIp = false, id: unknown = `subnet-${name}`) => resource(SUBNET, { vpcId: "vpc-1", mapPublicIpOnLaunch: publicIp }, { name, outputs: { id, vpcId: "vpc-1", mapPublicIpOnLaunch: publicIp } });
const lambdaFn = (name: string, vpcConfig: unknown, deps: string[] = []) =>
    resource(FUNCTION, { role: "arn:aws:iam::1:role/fn", runtime: "nodejs22.x", ...(vpcConfig === undefined ? {} : { vpcConfig }) }, { name, dependencies: deps });
const DATA_TIER = { dataTierFunctionNamePatterns: ["^orders-"] };

describe("net-lambda-vpc", () => {
    it("metadata", () => expectMetadata(vpcRule, "net-lambda-vpc", "low"));
    it("#1 a named data-tier function in private subnets with a security group passes", async () => {
        expectClean(await runPolicy(vpcRule, [subnet("private-a"), lambdaFn("orders-writer", { subnetIds: ["subnet-private-a"], securityGroupIds: ["sg-fn"] })], DATA_TIER));
    });
    it("fires when a named function has no vpcConfig, or no security group", async () => {
        expectFired(await runPolicy(vpcRule, [lambdaFn("orders-writer", undefined)], DATA_TIER), "net-lambda-vpc", "vpcConfig.subnetIds is not set");
        expectFired(await runPolicy(vpcRule, [lambdaFn("orders-writer", { subnetIds: [], securityGroupIds: [] })], DATA_TIER), "net-lambda-vpc", "vpcConfig.subnetIds");
        expectFired(await runPolicy(vpcRule, [lambdaFn("orders-writer", { subnetIds: ["subnet-x"], securityGroupIds: [] })], DATA_TIER), "net-lambda-vpc", "vpcConfig.securityGroupIds");
    });
    it("fires for any function in a public subnet (by id, or through dependencies when the id is unknown)", async () => {
        const pub = subnet("public-a", true);
        const result = await runPolicy(vpcRule, [pub, lambdaFn("thumbnailer", { subnetIds: ["subnet-public-a"], securityGroupIds: ["sg-fn"] })]);
        expectFired(result, "net-lambda-vpc", "vpcConfig.subnetIds");
        const unknownPub = subnet("public-b", true, UNKNOWN_STRING);
        expectFired(await runPolicy(vpcRule, [unknownPub, lambdaFn("thumbnailer", { subnetIds: [UNKNOWN_STRING], securityGroupIds: ["sg-fn"] }, [unknownPub.urn])]), "net-lambda-vpc", "public-b");
    });
    it("safe default: no function is assumed to reach the data tier; functions outside a VPC pass", async () => {
        expectClean(await runPolicy(vpcRule, [lambdaFn("orders-writer", undefined)]));
        expectClean(await runPolicy(vpcRule, [lambdaFn("image-resize", undefined)], DATA_TIER));
    });
    it("unknown vpcConfig or subnet list passes; physical names match the patterns too", async () => {
        expectNoMandatory(await runPolicy(vpcRule, [lambdaFn("orders-writer", UNKNOWN_OBJECT)], DATA_TIER));
        expectClean(await runPolicy(vpcRule, [lambdaFn("orders-writer", { subnetIds: UNKNOWN_ARRAY, securityGroupIds: ["sg-fn"] })], DATA_TIER));
        const named = resource(FUNCTION, { role: "r", name: "orders-reader" }, { name: "reader" });
        expectFired(await runPolicy(vpcRule, [named], DATA_TIER), "net-lambda-vpc", "vpcConfig.subnetIds");
    });
    it("exemption with a reason", async () => {
        const run = await runPolicy(vpcRule, [lambdaFn("orders-writer", undefined)], { ...DATA_TIER, exemptions: [{ namePattern: "^orders-writer$", reason: "reads through the public Data API" }] });
        expect(run.violations).toEqual([]);
    });
});
