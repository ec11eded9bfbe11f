import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PlatformConfig, SecurityHubStandard } from "../../config/platformConfig";
import { AccountContext } from "../../platform/accountContext";
import { nameRule } from "../../platform/awsNameRules";
import { nameTag, ruleFittedName } from "../../platform/naming";
import { OwnerScope, singletonOptions } from "./ownerOptions";

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
    readonly scope: OwnerScope;
}

/**
 * Account- and region-wide settings: Security Hub with the chosen standards, IAM Access Analyzer,
 * the account S3 public access block and EBS encryption by default with its default key. Each is a
 * singleton per account (and Region): only the baseline owner's stack declares them.
 */
export function createAccountGuardrails(args: AccountGuardrailsArgs): void {
    createSecurityHub(args);
    createAccessAnalyzer(args);
    createAccountPublicAccessBlock(args);
    createEbsDefaultEncryption(args);
}

function createSecurityHub({ config, account, scope }: AccountGuardrailsArgs): void {
    const hub = new aws.securityhub.Account("main", {
        // Standards are subscribed explicitly below; the defaults would add ones we did not choose.
        enableDefaultStandards: false,
        autoEnableControls: true,
        // One finding per control across standards instead of one per standard.
        controlFindingGenerator: "SECURITY_CONTROL",
    }, singletonOptions(scope, "aws:securityhub/account:Account"));

    for (const standard of config.security.securityHub.standards) {
        new aws.securityhub.StandardsSubscription(standard, {
            standardsArn: securityHubStandardArn(account, standard),
        }, singletonOptions(scope, "aws:securityhub/standardsSubscription:StandardsSubscription", { dependsOn: [hub] }));
    }
}

function createAccessAnalyzer({ config, scope }: AccountGuardrailsArgs): void {
    new aws.accessanalyzer.Analyzer("account", {
        analyzerName: ruleFittedName(config, "account", nameRule("aws:accessanalyzer/analyzer:Analyzer", "analyzerName")),
        type: "ACCOUNT",
        tags: nameTag(config, "access-analyzer"),
    }, singletonOptions(scope, "aws:accessanalyzer/analyzer:Analyzer"));
}

function createAccountPublicAccessBlock({ scope }: AccountGuardrailsArgs): void {
    new aws.s3.AccountPublicAccessBlock("account", {
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
    }, singletonOptions(scope, "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock"));
}

function createEbsDefaultEncryption({ dataKey, scope }: AccountGuardrailsArgs): void {
    new aws.ebs.EncryptionByDefault("account", { enabled: true }, singletonOptions(scope, "aws:ebs/encryptionByDefault:EncryptionByDefault"));
    // Not retained (ACCOUNT_SINGLETONS): deleting resets the default to aws/ebs, which keeps volumes
    // encrypted; retained, it would name the owner's data key after that key was scheduled for deletion.
    new aws.ebs.DefaultKmsKey("account", { keyArn: dataKey.arn }, singletonOptions(scope, "aws:ebs/defaultKmsKey:DefaultKmsKey"));
}
