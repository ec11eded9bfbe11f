import type { PreviewResource } from "../preview/preview";

/**
 * New ways into the account, read from one resource's inputs: security-group ingress open to the
 * internet and resource-policy statements that allow any principal. Each finding is a stable text,
 * so the review can report the ones the head has and the base had not.
 *
 * The access-verification work (tools/access/) checks policy documents in depth; until it is
 * merged this reads the documents itself. Later publicPrincipals can ask it instead.
 */

const ANYWHERE = new Set<string>(["0.0.0.0/0", "::/0"]);

function asArray(value: unknown): unknown[] {
    return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function ports(rule: Record<string, unknown>): string {
    const given: unknown = rule.ipProtocol ?? rule.protocol;
    const protocol: string = typeof given === "string" || typeof given === "number" ? String(given) : "?";
    if (protocol === "-1" || protocol === "all") {
        return "all traffic";
    }
    return rule.fromPort === rule.toPort ? `${protocol}/${String(rule.fromPort)}` : `${protocol}/${String(rule.fromPort)}-${String(rule.toPort)}`;
}

/** Ingress from 0.0.0.0/0 or ::/0, in the three shapes the provider has. */
export function internetIngress(resource: PreviewResource): string[] {
    const inputs = resource.inputs;
    const open = (rule: Record<string, unknown>, cidrs: unknown[]): string[] =>
        cidrs.filter((cidr: unknown) => typeof cidr === "string" && ANYWHERE.has(cidr)).map((cidr: unknown) => `ingress from ${String(cidr)} on ${ports(rule)}`);
    switch (resource.type) {
        case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule":
            return open(inputs, [inputs.cidrIpv4, inputs.cidrIpv6]);
        case "aws:ec2/securityGroupRule:SecurityGroupRule":
            return inputs.type === "ingress" ? open(inputs, [...asArray(inputs.cidrBlocks), ...asArray(inputs.ipv6CidrBlocks)]) : [];
        case "aws:ec2/securityGroup:SecurityGroup":
        case "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup":
            return asArray(inputs.ingress).flatMap((rule: unknown) => {
                const r = rule as Record<string, unknown>;
                return open(r, [...asArray(r.cidrBlocks), ...asArray(r.ipv6CidrBlocks)]);
            });
        default:
            return [];
    }
}

/** Inputs that hold an IAM policy document (a resource policy, a trust policy). */
const POLICY_INPUTS: readonly string[] = ["policy", "policyDocument", "assumeRolePolicy", "accessPolicies"];

function isAnyone(principal: unknown): boolean {
    if (principal === "*") {
        return true;
    }
    if (principal !== null && typeof principal === "object") {
        return asArray((principal as Record<string, unknown>).AWS).includes("*");
    }
    return false;
}

function parseDocument(value: unknown): Record<string, unknown> | undefined {
    if (typeof value === "string") {
        try {
            const parsed: unknown = JSON.parse(value);
            return parsed !== null && typeof parsed === "object" ? parsed as Record<string, unknown> : undefined;
        } catch {
            return undefined;
        }
    }
    return value !== null && typeof value === "object" ? value as Record<string, unknown> : undefined;
}

/**
 * Allow statements whose principal is anyone ("*" or {"AWS": "*"}), with the condition keys that
 * narrow them; a statement without conditions is public. Lambda permissions with principal "*" too.
 */
export function publicPrincipals(resource: PreviewResource): { text: string; conditioned: boolean }[] {
    const found: { text: string; conditioned: boolean }[] = [];
    if (resource.type === "aws:lambda/permission:Permission" && resource.inputs.principal === "*") {
        const conditioned: boolean = resource.inputs.sourceArn !== undefined || resource.inputs.sourceAccount !== undefined || resource.inputs.principalOrgId !== undefined;
        found.push({ text: `lambda:InvokeFunction for principal *${conditioned ? " (narrowed by source/organization)" : ""}`, conditioned });
    }
    for (const key of POLICY_INPUTS) {
        const document = parseDocument(resource.inputs[key]);
        for (const statement of asArray(document?.Statement)) {
            const s = statement as Record<string, unknown>;
            if (s.Effect !== "Allow" || !isAnyone(s.Principal)) {
                continue;
            }
            const conditionKeys: string[] = Object.values((s.Condition ?? {}) as Record<string, Record<string, unknown>>).flatMap((c) => Object.keys(c ?? {})).sort();
            const actions: string = asArray(s.Action).map(String).join(", ");
            found.push({
                text: `${key}: Allow ${actions || "(no action)"} to principal *${conditionKeys.length > 0 ? ` when ${conditionKeys.join(", ")}` : ""}`,
                conditioned: conditionKeys.length > 0,
            });
        }
    }
    return found;
}
