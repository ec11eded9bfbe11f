import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PlatformConfig, SecurityHubStandard } from "../../config/platformConfig";
import { AccountContext } from "../../platform/accountContext";
import { statefulResourceOptions } from "../../platform/providers";
import { nameRule } from "../../platform/awsNameRules";
import { nameTag, ruleFittedName } from "../../platform/naming";

/** Standard name in config -> the version we subscribe to (the regional `standards/` ARN form). */
export const SECURITY_HUB_STANDARD_VERSIONS: Readonly<Record<SecurityHubStandard, string>> = {
    "aws-foundational-security-best-practices": "1.0.0",
    "cis-aws-foundations-benchmark": "3.0.0",
};

export function securityHubStandardArn(account: AccountContext, standard: SecurityHubStandard): pulumi.Output<string> {
    return pulumi.interpolate`arn:${account.partition}:securityhub:${account.region}::standards/${standard}/v/${SECURITY_HUB_STANDARD_VERSIONS[standard]}`;
}

export interface AccountGuardrailsArgs {
    readonly config: PlatformConfig;
    readonly account: AccountContext;
    /** Becomes the account's EBS default key (its policy lets EC2 use it when this is on). */
    readonly dataKey: aws.kms.Key;
    readonly parent: pulumi.Resource;
}

/**
 * Account- and region-wide settings: Security Hub with the chosen standards, IAM Access Analyzer,
 * the account S3 public access block and EBS encryption by default. Each is a singleton per
 * account and region, so only one stack per account may enable it.
 */
export function createAccountGuardrails(args: AccountGuardrailsArgs): void {
    createSecurityHub(args);
    createAccessAnalyzer(args);
    createAccountPublicAccessBlock(args);
    createEbsDefaultEncryption(args);
}

function createSecurityHub({ config, account, parent }: AccountGuardrailsArgs): void {
    if (!config.security.securityHub.enabled) {
        return;
    }
    const hub = new aws.securityhub.Account("main", {
        // Standards are subscribed explicitly below; the defaults would add ones we did not choose.
        enableDefaultStandards: false,
        autoEnableControls: true,
        // One finding per control across standards instead of one per standard.
        controlFindingGenerator: "SECURITY_CONTROL",
    }, { parent, ...statefulResourceOptions(config) });

    for (const standard of config.security.securityHub.standards) {
        new aws.securityhub.StandardsSubscription(standard, {
            standardsArn: securityHubStandardArn(account, standard),
        }, { parent, dependsOn: [hub] });
    }
}

function createAccessAnalyzer({ config, parent }: AccountGuardrailsArgs): void {
    if (!config.security.accessAnalyzer.enabled) {
        return;
    }
    new aws.accessanalyzer.Analyzer("account", {
        analyzerName: ruleFittedName(config, "account", nameRule("aws:accessanalyzer/analyzer:Analyzer", "analyzerName")),
        type: "ACCOUNT",
        tags: nameTag(config, "access-analyzer"),
    }, { parent });
}

function createAccountPublicAccessBlock({ config, parent }: AccountGuardrailsArgs): void {
    if (!config.security.accountS3PublicAccessBlock.enabled) {
        return;
    }
    new aws.s3.AccountPublicAccessBlock("account", {
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
    }, { parent });
}

function createEbsDefaultEncryption({ config, dataKey, parent }: AccountGuardrailsArgs): void {
    if (!config.security.ebsEncryptionByDefault.enabled) {
        return;
    }
    new aws.ebs.EncryptionByDefault("account", { enabled: true }, { parent });
    new aws.ebs.DefaultKmsKey("account", { keyArn: dataKey.arn }, { parent });
}
