import { describe, expect, it } from "vitest";
import { UNKNOWN_OBJECT, UNKNOWN_STRING } from "../support/policyHarness";
import { describeResourcePolicy, run } from "./table";
import { cloudfrontCustomCertSni, cloudfrontOriginHttps, cloudfrontOriginProtocols, cloudfrontViewerHttps, cloudfrontViewerMinTls } from "../../../policy/rules/encryption/cloudfront";
import { lbListenerHttps, lbSslPolicy } from "../../../policy/rules/encryption/loadBalancer";
import { acmCertificate, elasticacheTransit, rdsCa, rdsProxyTls } from "../../../policy/rules/encryption/transit";

const CF = "aws:cloudfront/distribution:Distribution";
const distribution = {
    enabled: true,
    origins: [
        { originId: "site", domainName: "site.s3.eu-west-1.amazonaws.com", originAccessControlId: "oac-1" },
        { originId: "api", domainName: "api.example.com", customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] } },
    ],
    defaultCacheBehavior: { targetOriginId: "site", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] },
    orderedCacheBehaviors: [{ pathPattern: "/api/*", targetOriginId: "api", viewerProtocolPolicy: "https-only", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] }],
    viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:111122223333:certificate/abc", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
    restrictions: { geoRestriction: { restrictionType: "none" } },
};

describeResourcePolicy({
    policy: cloudfrontViewerHttps, id: "tls-cf-viewer-https", severity: "high", type: CF, baseline: distribution,
    violations: [
        { name: "default behaviour allow-all", patch: { "defaultCacheBehavior.viewerProtocolPolicy": "allow-all" }, property: "defaultCacheBehavior.viewerProtocolPolicy" },
        { name: "ordered behaviour allow-all", patch: { "orderedCacheBehaviors.0.viewerProtocolPolicy": "allow-all" }, property: "orderedCacheBehaviors[0].viewerProtocolPolicy" },
    ],
    unknowns: [{ name: "policy unknown", patch: { "defaultCacheBehavior.viewerProtocolPolicy": UNKNOWN_STRING } }],
});

describeResourcePolicy({
    policy: cloudfrontViewerMinTls, id: "tls-cf-viewer-min-tls", severity: "high", type: CF, baseline: distribution,
    violations: [
        { name: "default certificate", patch: { viewerCertificate: { cloudfrontDefaultCertificate: true } }, property: "viewerCertificate.cloudfrontDefaultCertificate" },
        { name: "TLSv1", patch: { "viewerCertificate.minimumProtocolVersion": "TLSv1" }, property: "viewerCertificate.minimumProtocolVersion" },
        { name: "TLSv1.1_2016", patch: { "viewerCertificate.minimumProtocolVersion": "TLSv1.1_2016" }, property: "viewerCertificate.minimumProtocolVersion" },
        { name: "omitted (provider default TLSv1)", patch: { "viewerCertificate.minimumProtocolVersion": undefined }, property: "viewerCertificate.minimumProtocolVersion" },
    ],
    unknowns: [{ name: "version unknown", patch: { "viewerCertificate.minimumProtocolVersion": UNKNOWN_STRING } }],
    compliant: [{ name: "TLSv1.3_2025", patch: { "viewerCertificate.minimumProtocolVersion": "TLSv1.3_2025" } }],
});

describeResourcePolicy({
    policy: cloudfrontCustomCertSni, id: "tls-cf-custom-cert-sni", severity: "medium", type: CF, baseline: distribution,
    violations: [
        { name: "no ACM certificate", patch: { viewerCertificate: { cloudfrontDefaultCertificate: true } }, property: "viewerCertificate.acmCertificateArn" },
        { name: "IAM certificate", patch: { viewerCertificate: { iamCertificateId: "ASCA123", sslSupportMethod: "sni-only" } }, property: "viewerCertificate.acmCertificateArn" },
        { name: "vip", patch: { "viewerCertificate.sslSupportMethod": "vip" }, property: "viewerCertificate.sslSupportMethod" },
    ],
    unknowns: [{ name: "certificate ARN from a same-stack certificate", patch: { "viewerCertificate.acmCertificateArn": UNKNOWN_STRING } }],
});

describeResourcePolicy({
    policy: cloudfrontOriginHttps, id: "tls-cf-origin-https", severity: "high", type: CF, baseline: distribution,
    violations: [
        { name: "http-only", patch: { "origins.1.customOriginConfig.originProtocolPolicy": "http-only" }, property: "origins[1].customOriginConfig.originProtocolPolicy" },
        { name: "match-viewer", patch: { "origins.1.customOriginConfig.originProtocolPolicy": "match-viewer" }, property: "origins[1].customOriginConfig.originProtocolPolicy" },
    ],
    unknowns: [{ name: "custom origin config unknown", patch: { "origins.1.customOriginConfig": UNKNOWN_OBJECT } }],
    compliant: [{ name: "S3 origin only", patch: { origins: [distribution.origins[0]], orderedCacheBehaviors: undefined } }],
});

describeResourcePolicy({
    policy: cloudfrontOriginProtocols, id: "tls-cf-origin-protocols", severity: "high", type: CF, baseline: distribution,
    violations: [
        { name: "TLSv1.1 allowed", patch: { "origins.1.customOriginConfig.originSslProtocols": ["TLSv1.1", "TLSv1.2"] }, property: "origins[1].customOriginConfig.originSslProtocols" },
        { name: "SSLv3", patch: { "origins.1.customOriginConfig.originSslProtocols": ["SSLv3"] }, property: "origins[1].customOriginConfig.originSslProtocols" },
    ],
    unknowns: [{ name: "protocols unknown", patch: { "origins.1.customOriginConfig.originSslProtocols": UNKNOWN_STRING } }],
});

// A VPC origin carries its own protocol policy and TLS versions; the origin transport rules apply to it exactly as to custom origins.
const VPC_ORIGIN = "aws:cloudfront/vpcOrigin:VpcOrigin";
const vpcOrigin = {
    vpcOriginEndpointConfig: {
        name: "internal-alb", arn: "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/internal/abc", httpPort: 80, httpsPort: 443,
        originProtocolPolicy: "https-only", originSslProtocols: { items: ["TLSv1.2"], quantity: 1 },
    },
};

describeResourcePolicy({
    policy: cloudfrontOriginHttps, id: "tls-cf-origin-https", severity: "high", type: VPC_ORIGIN, baseline: vpcOrigin,
    violations: [
        { name: "VPC origin http-only", patch: { "vpcOriginEndpointConfig.originProtocolPolicy": "http-only" }, property: "vpcOriginEndpointConfig.originProtocolPolicy" },
        { name: "VPC origin match-viewer", patch: { "vpcOriginEndpointConfig.originProtocolPolicy": "match-viewer" }, property: "vpcOriginEndpointConfig.originProtocolPolicy" },
    ],
    unknowns: [
        { name: "VPC origin protocol policy unknown", patch: { "vpcOriginEndpointConfig.originProtocolPolicy": UNKNOWN_STRING } },
        { name: "VPC origin endpoint config unknown", patch: { vpcOriginEndpointConfig: UNKNOWN_OBJECT } },
    ],
});

describeResourcePolicy({
    policy: cloudfrontOriginProtocols, id: "tls-cf-origin-protocols", severity: "high", type: VPC_ORIGIN, baseline: vpcOrigin,
    violations: [
        { name: "VPC origin allows TLSv1.1", patch: { "vpcOriginEndpointConfig.originSslProtocols": { items: ["TLSv1.1", "TLSv1.2"], quantity: 2 } }, property: "vpcOriginEndpointConfig.originSslProtocols.items" },
        { name: "VPC origin SSLv3", patch: { "vpcOriginEndpointConfig.originSslProtocols.items": ["SSLv3"] }, property: "vpcOriginEndpointConfig.originSslProtocols.items" },
        { name: "VPC origin with an empty list", patch: { "vpcOriginEndpointConfig.originSslProtocols": { items: [], quantity: 0 } }, property: "vpcOriginEndpointConfig.originSslProtocols.items is not set" },
    ],
    unknowns: [
        { name: "VPC origin protocol items unknown", patch: { "vpcOriginEndpointConfig.originSslProtocols.items": UNKNOWN_STRING } },
        { name: "VPC origin protocols unknown", patch: { "vpcOriginEndpointConfig.originSslProtocols": UNKNOWN_OBJECT } },
    ],
});

const HTTPS_LISTENER = { loadBalancerArn: "arn:lb", port: 443, protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06", certificateArn: "arn:cert", defaultActions: [{ type: "forward", targetGroupArn: "arn:tg" }] };
const redirect = { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } };

describeResourcePolicy({
    policy: lbListenerHttps, id: "tls-lb-listener-https", severity: "high", type: "aws:lb/listener:Listener",
    baselineTypes: ["aws:lb/listener:Listener", "aws:alb/listener:Listener"], baseline: HTTPS_LISTENER,
    violations: [
        { name: "HTTP forward", patch: { protocol: "HTTP", port: 80, sslPolicy: undefined }, property: "defaultActions" },
        { name: "HTTP forward on the alb alias token", type: "aws:alb/listener:Listener", patch: { protocol: "HTTP", port: 80 }, property: "defaultActions" },
        { name: "protocol omitted (ALB default HTTP)", patch: { protocol: undefined, port: 80 }, property: "defaultActions" },
        { name: "redirect to HTTP", patch: { protocol: "HTTP", defaultActions: [{ ...redirect, redirect: { ...redirect.redirect, protocol: "HTTP" } }] }, property: "defaultActions[0].redirect.protocol" },
        { name: "TCP listener", patch: { protocol: "TCP" }, property: "protocol" },
    ],
    unknowns: [
        { name: "protocol unknown", patch: { protocol: UNKNOWN_STRING } },
        { name: "HTTP with unknown actions", patch: { protocol: "HTTP", defaultActions: UNKNOWN_STRING } },
    ],
    compliant: [
        { name: "HTTP redirect to HTTPS", patch: { protocol: "HTTP", port: 80, sslPolicy: undefined, defaultActions: [redirect] } },
        { name: "NLB TLS", patch: { protocol: "TLS" } },
    ],
});

describeResourcePolicy({
    policy: lbSslPolicy, id: "tls-lb-ssl-policy", severity: "high", type: "aws:lb/listener:Listener",
    baselineTypes: ["aws:lb/listener:Listener", "aws:alb/listener:Listener"], baseline: HTTPS_LISTENER,
    violations: [
        { name: "2016-08 policy", patch: { sslPolicy: "ELBSecurityPolicy-2016-08" }, property: "sslPolicy" },
        { name: "omitted", patch: { sslPolicy: undefined }, property: "sslPolicy" },
        { name: "TLS listener on alb token with legacy policy", type: "aws:alb/listener:Listener", patch: { protocol: "TLS", sslPolicy: "ELBSecurityPolicy-TLS-1-1-2017-01" }, property: "sslPolicy" },
        { name: "config narrows the allowlist", patch: {}, property: "sslPolicy", config: { allowedPolicies: ["ELBSecurityPolicy-TLS13-1-3-2021-06"] } },
    ],
    unknowns: [{ name: "policy unknown", patch: { sslPolicy: UNKNOWN_STRING } }],
});

it("tls-lb-ssl-policy is not applicable to HTTP listeners", async () => {
    const result = await run(lbSslPolicy, { ...HTTPS_LISTENER, protocol: "HTTP", sslPolicy: undefined, defaultActions: [redirect] }, "aws:lb/listener:Listener");
    expect(result.violations).toEqual([]);
    expect(result.notApplicable[0]?.reason).toContain("no TLS");
});

describeResourcePolicy({
    policy: elasticacheTransit, id: "tls-elasticache-transit", severity: "high", type: "aws:elasticache/replicationGroup:ReplicationGroup",
    baseline: { description: "redis", transitEncryptionEnabled: true, transitEncryptionMode: "required" },
    violations: [
        { name: "disabled", patch: { transitEncryptionEnabled: false }, property: "transitEncryptionEnabled" },
        { name: "omitted", patch: { transitEncryptionEnabled: undefined, transitEncryptionMode: undefined }, property: "transitEncryptionEnabled" },
        { name: "preferred mode", patch: { transitEncryptionMode: "preferred" }, property: "transitEncryptionMode" },
    ],
    unknowns: [{ name: "flag unknown", patch: { transitEncryptionEnabled: UNKNOWN_STRING } }],
    compliant: [{ name: "mode omitted (AWS default required)", patch: { transitEncryptionMode: undefined } }],
});

describeResourcePolicy({
    policy: rdsCa, id: "tls-rds-ca", severity: "medium", type: "aws:rds/cluster:Cluster", baseline: { engine: "aurora-postgresql", caCertificateIdentifier: "rds-ca-rsa2048-g1" },
    violations: [
        { name: "cluster rds-ca-2019", patch: { caCertificateIdentifier: "rds-ca-2019" }, property: "caCertificateIdentifier" },
        { name: "cluster instance rds-ca-2019", type: "aws:rds/clusterInstance:ClusterInstance", patch: { caCertIdentifier: "rds-ca-2019" }, property: "caCertIdentifier" },
        { name: "instance rds-ca-2019", type: "aws:rds/instance:Instance", patch: { caCertIdentifier: "rds-ca-2019" }, property: "caCertIdentifier" },
    ],
    unknowns: [{ name: "CA unknown", patch: { caCertificateIdentifier: UNKNOWN_STRING } }],
    compliant: [{ name: "omitted (current default)", patch: { caCertificateIdentifier: undefined } }, { name: "ecc384", patch: { caCertificateIdentifier: "rds-ca-ecc384-g1" } }],
});

describeResourcePolicy({
    policy: rdsProxyTls, id: "tls-rds-proxy", severity: "medium", type: "aws:rds/proxy:Proxy", baseline: { engineFamily: "POSTGRESQL", roleArn: "arn:role", vpcSubnetIds: ["s-1"], requireTls: true },
    violations: [
        { name: "false", patch: { requireTls: false }, property: "requireTls" },
        { name: "omitted", patch: { requireTls: undefined }, property: "requireTls" },
    ],
    unknowns: [{ name: "unknown", patch: { requireTls: UNKNOWN_STRING } }],
});

describeResourcePolicy({
    policy: acmCertificate, id: "tls-acm-cert", severity: "medium", type: "aws:acm/certificate:Certificate",
    baseline: { domainName: "app.example.com", validationMethod: "DNS", keyAlgorithm: "EC_prime256v1", options: { certificateTransparencyLoggingPreference: "ENABLED" } },
    violations: [
        { name: "EMAIL validation", patch: { validationMethod: "EMAIL" }, property: "validationMethod" },
        { name: "validation omitted", patch: { validationMethod: undefined }, property: "validationMethod" },
        { name: "RSA 1024", patch: { keyAlgorithm: "RSA_1024" }, property: "keyAlgorithm" },
        { name: "CT logging disabled", patch: { "options.certificateTransparencyLoggingPreference": "DISABLED" }, property: "options.certificateTransparencyLoggingPreference" },
    ],
    unknowns: [{ name: "validation unknown", patch: { validationMethod: UNKNOWN_STRING } }],
    compliant: [
        { name: "defaults for key/CT", patch: { keyAlgorithm: undefined, options: undefined } },
        { name: "imported certificate", patch: { validationMethod: undefined, domainName: undefined, certificateBody: "-----BEGIN CERTIFICATE-----", privateKey: UNKNOWN_STRING } },
    ],
});

describe("transit metadata is catalogue-aligned", () => {
    it("uses catalogue ids", () => {
        expect([cloudfrontViewerHttps, lbListenerHttps, rdsCa].map((p) => p.name)).toEqual(["tls-cf-viewer-https", "tls-lb-listener-https", "tls-rds-ca"]);
    });
});
