import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EdgeDomainConfig } from "../../config/edgeConfig";
import { nameTagFor } from "../../platform/naming";
import { EdgeContext, atGlobalEdge } from "./edgeContext";

/** Record names may not carry the wildcard label: *.example.com validates through example.com's record. */
function validationName(alias: string): string {
    return alias.replace(/^\*\./, "wildcard.");
}

/**
 * The viewer certificate: ACM in us-east-1 (the only region CloudFront reads certificates from),
 * validated by DNS records in the configured hosted zone, one record per alias (logical names from
 * the alias, so adding a name never renames another). Returns the validated ARN, so the distribution
 * waits until ACM has issued the certificate.
 */
export function createViewerCertificate(ctx: EdgeContext, domain: EdgeDomainConfig): pulumi.Output<string> {
    const [primary, ...alternatives] = domain.aliases;
    const certificate = new aws.acm.Certificate("edge", {
        domainName: primary,
        subjectAlternativeNames: alternatives,
        validationMethod: "DNS",
        keyAlgorithm: "RSA_2048",
        options: { certificateTransparencyLoggingPreference: "ENABLED" },
        tags: nameTagFor(ctx.naming, "edge"),
    }, atGlobalEdge(ctx));

    const records: aws.route53.Record[] = domain.aliases.map((alias: string) => {
        const option = certificate.domainValidationOptions.apply((options) =>
            options.find((o) => o.domainName === alias) ?? { resourceRecordName: "", resourceRecordType: "CNAME", resourceRecordValue: "" });
        return new aws.route53.Record(`edge-validation-${validationName(alias)}`, {
            zoneId: domain.hostedZoneId!,
            name: option.resourceRecordName,
            type: option.resourceRecordType,
            records: [option.resourceRecordValue],
            ttl: 300,
            // A wildcard and its apex share one validation record.
            allowOverwrite: true,
        }, { parent: ctx.parent });
    });
    const validation = new aws.acm.CertificateValidation("edge", {
        certificateArn: certificate.arn,
        validationRecordFqdns: records.map((record: aws.route53.Record) => record.fqdn),
    }, atGlobalEdge(ctx));
    return validation.certificateArn;
}
