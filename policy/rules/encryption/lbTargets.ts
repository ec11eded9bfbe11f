import { StackRule, stackPolicy } from "../../lib/rule";
import { UNKNOWN, read } from "../../lib/values";
import { ofType } from "../../lib/stackJoins";

const TARGET_GROUPS: readonly string[] = ["aws:lb/targetGroup:TargetGroup", "aws:alb/targetGroup:TargetGroup"];

/**
 * Load balancer to target traffic (catalogue tls-lb-target-https, Low, advisory: HTTP to pods inside
 * the VPC is common). A stack policy though the row is resource-scope: it names the lb and alb
 * tokens, and a stack policy adds nothing to the analyzer's per-resource Analyze cost (issue 21).
 * Only HTTP target groups are judged: HTTPS passes; TCP/TLS/UDP (Network LB), GENEVE (Gateway LB) and
 * Lambda targets (no protocol) are out of scope.
 */
export const lbTargetHttps: StackRule = {
    id: "tls-lb-target-https",
    description: "Application load balancer target groups forward to their targets over HTTPS, not HTTP (advisory: plain HTTP inside the VPC is common).",
    severity: "low",
    remediation: "Set protocol: \"HTTPS\" on the target group (targets then serve TLS; the ALB does not validate their certificates).",
    check(resources, ctx) {
        for (const group of ofType(resources, TARGET_GROUPS)) {
            const protocol: unknown = read(group.props, "protocol");
            if (protocol === UNKNOWN || read(group.props, "targetType") === "lambda") {
                continue;
            }
            if (typeof protocol === "string" && protocol.toUpperCase() === "HTTP") {
                ctx.report(group, { property: "protocol", value: protocol, expected: "\"HTTPS\"" });
            }
        }
    },
};

export const lbTargetPolicies = [stackPolicy(lbTargetHttps)];
