import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { ABSENT, StackRule, resourcePolicy, stackPolicy } from "../../lib/rule";
import { UNKNOWN, knownStrings, matchesAny, ofType, peek, peekArray, peekPath } from "../../lib/stackJoins";
import { isSet, read } from "../../lib/values";
import { isPublicSubnet } from "./privateSubnets";

/** AWS Lambda exposure: function URLs, resource-based permissions, VPC placement. */

const FUNCTION = "aws:lambda/function:Function";
const SUBNET = "aws:ec2/subnet:Subnet";

export const lambdaUrlAuth = resourcePolicy({
    id: "net-lambda-url-auth",
    description: "Lambda function URLs require IAM authentication (authorizationType AWS_IAM); NONE makes the function callable by anyone on the internet.",
    severity: "high",
    resourceTypes: ["aws:lambda/functionUrl:FunctionUrl"],
    remediation: "Set authorizationType: \"AWS_IAM\" (front public endpoints with API Gateway or CloudFront + OAC); a deliberately public URL needs an exemption with a reason.",
    check(props, ctx) {
        const type: unknown = read(props, "authorizationType");
        if (type !== UNKNOWN && type !== "AWS_IAM") {
            ctx.report({ property: "authorizationType", value: type ?? ABSENT, expected: "\"AWS_IAM\"" });
        }
    },
});

/** Principals that are not a specific account: everyone, or an AWS service acting for any account. */
function isBroadPrincipal(principal: string): boolean {
    return principal === "*" || /\.amazonaws\.com(\.cn)?$/.test(principal);
}

export const lambdaPermissionPublic = resourcePolicy({
    id: "net-lambda-permission-public",
    description: "Lambda permissions granted to \"*\" or to an AWS service principal carry sourceArn, sourceAccount or principalOrgId (confused-deputy protection), and never open a function URL with auth type NONE.",
    severity: "high",
    resourceTypes: ["aws:lambda/permission:Permission"],
    remediation: "Set sourceArn to the invoking resource (bucket, topic, rule, API) or sourceAccount to your account; grant to \"*\" only with principalOrgId; use functionUrlAuthType AWS_IAM.",
    check(props, ctx) {
        const authType: unknown = read(props, "functionUrlAuthType");
        if (authType === "NONE") {
            ctx.report({ property: "functionUrlAuthType", value: authType, expected: "\"AWS_IAM\" (NONE lets anyone invoke the function URL)" });
        }
        const principal: unknown = read(props, "principal");
        if (typeof principal !== "string" || !isBroadPrincipal(principal)) {
            return;
        }
        const scoped: boolean = isSet(props, "sourceArn") || isSet(props, "sourceAccount") || isSet(props, "principalOrgId");
        if (!scoped) {
            ctx.report({
                property: "sourceArn",
                value: ABSENT,
                expected: `sourceArn, sourceAccount or principalOrgId for principal ${JSON.stringify(principal)} (any account's resources could invoke the function otherwise)`,
            });
        }
    },
});

interface LambdaVpcConfig {
    dataTierFunctionNamePatterns: string[];
}

function functionNames(fn: PolicyResource): unknown[] {
    const physical: unknown = peek(fn.props, "name");
    return [fn.name, physical === UNKNOWN ? undefined : physical];
}

export const lambdaVpc: StackRule<LambdaVpcConfig> = {
    id: "net-lambda-vpc",
    description: "Functions that reach the data tier (named by config dataTierFunctionNamePatterns) run in the VPC (vpcConfig with subnets and security groups), and every function in a VPC uses private subnets only.",
    severity: "low",
    remediation: "Set vpcConfig { subnetIds: <private subnet ids>, securityGroupIds: [<function SG>] } (a function in a public subnet gets no internet access: Lambda ENIs never get public IPs).",
    config: {
        schema: {
            dataTierFunctionNamePatterns: {
                type: "array", items: { type: "string" },
                description: "Regexes on function logical/physical names that must run inside the VPC (they talk to databases, caches or file systems).",
            },
        },
        // Nothing is assumed about which functions reach data; the private-subnet check applies to every function in a VPC.
        defaults: { dataTierFunctionNamePatterns: [] },
    },
    check(resources, ctx) {
        const subnets: PolicyResource[] = ofType(resources, [SUBNET]);
        const subnetsById = new Map<string, PolicyResource>();
        for (const subnet of subnets) {
            const id: unknown = peek(subnet.props, "id");
            if (typeof id === "string") {
                subnetsById.set(id, subnet);
            }
        }
        for (const fn of ofType(resources, [FUNCTION])) {
            const vpcConfig: unknown = peek(fn.props, "vpcConfig");
            if (vpcConfig === UNKNOWN) {
                continue;
            }
            const subnetIds = peekArray(peekPath(fn.props, "vpcConfig.subnetIds"));
            const groupIds = peekArray(peekPath(fn.props, "vpcConfig.securityGroupIds"));
            const inVpc: boolean = subnetIds === UNKNOWN || subnetIds.length > 0;
            if (matchesAny(ctx.config.dataTierFunctionNamePatterns, ...functionNames(fn))) {
                if (!inVpc) {
                    ctx.report(fn, { property: "vpcConfig.subnetIds", value: ABSENT, expected: "private subnet ids (this function is named as reaching the data tier)" });
                } else if (groupIds !== UNKNOWN && groupIds.length === 0) {
                    ctx.report(fn, { property: "vpcConfig.securityGroupIds", value: ABSENT, expected: "at least one security group" });
                }
            }
            if (subnetIds === UNKNOWN) {
                continue;
            }
            const referenced: PolicyResource[] = [];
            for (const id of knownStrings(subnetIds)) {
                const subnet = subnetsById.get(id);
                if (subnet) {
                    referenced.push(subnet);
                }
            }
            if (subnetIds.some((v: unknown) => v === UNKNOWN)) {
                referenced.push(...(fn.dependencies ?? []).filter((d: PolicyResource) => d.type === SUBNET));
            }
            for (const subnet of new Set(referenced)) {
                if (isPublicSubnet(resources, subnet)) {
                    ctx.report(fn, { property: "vpcConfig.subnetIds", value: subnet.name, expected: `private subnets only (subnet "${subnet.name}" is public)` });
                }
            }
        }
    },
};

export const lambdaNetworkPolicies = [lambdaUrlAuth, lambdaPermissionPublic];
export const lambdaNetworkStackPolicies: StackValidationPolicy[] = [stackPolicy(lambdaVpc)];
