import { ABSENT, resourcePolicy } from "../../lib/rule";
import { list, read, UNKNOWN } from "../../lib/values";

const LISTENERS: readonly string[] = ["aws:lb/listener:Listener", "aws:alb/listener:Listener"];
export const SECURE_SSL_POLICIES: readonly string[] = [
    "ELBSecurityPolicy-TLS13-1-2-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
    "ELBSecurityPolicy-TLS13-1-3-2021-06",
    "ELBSecurityPolicy-FS-1-2-Res-2020-10",
    "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
];

/** Listener protocol; ALB listeners default to HTTP when protocol is omitted. */
function protocolOf(props: unknown): unknown {
    const protocol: unknown = read(props, "protocol");
    return protocol === undefined ? "HTTP" : protocol;
}

export const lbListenerHttps = resourcePolicy({
    id: "tls-lb-listener-https",
    description: "Load balancer listeners use HTTPS/TLS; a plain HTTP listener is only allowed when its single default action redirects to HTTPS.",
    severity: "high",
    resourceTypes: LISTENERS,
    remediation: "Use protocol \"HTTPS\" (ALB) or \"TLS\" (NLB) with a certificate, or make the HTTP listener's only default action { type: \"redirect\", redirect: { protocol: \"HTTPS\", port: \"443\", statusCode: \"HTTP_301\" } }.",
    check(props, ctx) {
        const protocol: unknown = protocolOf(props);
        if (protocol === UNKNOWN || protocol === "HTTPS" || protocol === "TLS") {
            return;
        }
        if (protocol === "UDP" || protocol === "GENEVE") {
            ctx.notApplicable(`protocol ${protocol} cannot carry TLS`);
        }
        if (protocol !== "HTTP") {
            ctx.report({ property: "protocol", value: protocol, expected: "\"TLS\" (exempt a TCP pass-through listener whose targets terminate TLS)" });
            return;
        }
        const actions = list(props, "defaultActions");
        if (actions === UNKNOWN || actions.includes(UNKNOWN)) {
            return;
        }
        const redirect = actions.length === 1 ? actions[0] : undefined;
        const type: unknown = redirect === undefined ? undefined : read(redirect, "type");
        const target: unknown = redirect === undefined ? undefined : read(redirect, "redirect.protocol");
        if (type === UNKNOWN || target === UNKNOWN || (type === "redirect" && target === "HTTPS")) {
            return;
        }
        ctx.report({
            property: actions.length === 1 && type === "redirect" ? "defaultActions[0].redirect.protocol" : "defaultActions",
            value: actions.length === 1 && type === "redirect" ? (target ?? ABSENT) : actions.map((a: unknown) => read(a, "type")),
            expected: "an HTTP listener whose only default action is a redirect with protocol \"HTTPS\" (otherwise use protocol \"HTTPS\")",
        });
    },
});

export const lbSslPolicy = resourcePolicy<{ allowedPolicies: string[] }>({
    id: "tls-lb-ssl-policy",
    description: "HTTPS/TLS listeners use a TLS 1.2+ forward-secrecy security policy from the allowlist.",
    severity: "high",
    resourceTypes: LISTENERS,
    remediation: "Set sslPolicy: \"ELBSecurityPolicy-TLS13-1-2-2021-06\" (AWS recommended) or another allowlisted policy.",
    config: {
        schema: { allowedPolicies: { type: "array", items: { type: "string" }, description: "ELB security policies allowed on HTTPS/TLS listeners." } },
        defaults: { allowedPolicies: [...SECURE_SSL_POLICIES] },
    },
    check(props, ctx) {
        const protocol: unknown = protocolOf(props);
        if (protocol !== "HTTPS" && protocol !== "TLS") {
            ctx.notApplicable(protocol === UNKNOWN ? "listener protocol unknown during preview" : "no TLS on this listener (see tls-lb-listener-https)");
        }
        const policy: unknown = read(props, "sslPolicy");
        if (policy !== UNKNOWN && !(typeof policy === "string" && ctx.config.allowedPolicies.includes(policy))) {
            ctx.report({ property: "sslPolicy", value: policy ?? ABSENT, expected: `one of ${ctx.config.allowedPolicies.join(", ")} (omitted means ELBSecurityPolicy-2016-08, which allows TLS 1.0)` });
        }
    },
});

export const lbTransitPolicies = [lbListenerHttps, lbSslPolicy];
