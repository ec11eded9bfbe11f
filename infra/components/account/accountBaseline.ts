import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PlatformConfig } from "../../config/platformConfig";
import { BaselineRole, ownsAccountBaseline } from "../../config/accountConfig";
import { AccountContext } from "../../platform/accountContext";
import { nameTag, physicalName, namingContext } from "../../platform/naming";
import { AuditTrail, createAuditTrail } from "../security/auditTrail";
import { createAccountGuardrails } from "./accountGuardrails";
import { ConfigRecorder, createConfigRecorder } from "./configRecorder";
import { ThreatDetection, createThreatDetection } from "./threatDetection";
import { GITHUB_OIDC_URL } from "./accountSingletons";
import { OwnerScope, singletonOptions } from "./ownerOptions";

export interface AccountBaselineArgs {
    /** The audit trail and the guardrails still read PlatformConfig (security/auditTrail.ts). */
    readonly config: PlatformConfig;
    readonly account: AccountContext;
    /** The stack's logs key (trail, Config deliveries) and data key (the account's EBS default key). */
    readonly keys: { readonly logs: aws.kms.Key; readonly data: aws.kms.Key };
    /** Known before the trail exists (the logs key policy names it); undefined unless this stack owns the baseline. */
    readonly trailArn: pulumi.Output<string> | undefined;
    readonly accessLogBucket?: aws.s3.Bucket;
    /** Cost Explorer is served from us-east-1. */
    readonly globalEdgeProvider: aws.Provider;
    /** Whether this stack's delivery layer needs the GitHub OIDC provider (owner: create it; others: look it up). */
    readonly needsGithubOidcProvider: boolean;
}

/**
 * Every resource AWS allows once per account (or account and Region), in one place
 * (ACCOUNT_SINGLETONS): the audit trail, AWS Config with its service-linked role, GuardDuty,
 * Security Hub, IAM Access Analyzer, the account S3 public access block, EBS default encryption and
 * key, the AWS services cost anomaly monitor and the GitHub Actions OIDC provider.
 *
 * platform:account.baseline decides: the owner declares them (protected; retained where deleting
 * would weaken the account); a consumer or organization stack declares none of them and only looks
 * up what its own resources reference (the OIDC provider, by URL). So two stacks in one account
 * never fight, and `pulumi destroy` of a consumer leaves the account as it was.
 */
export class AccountBaseline extends pulumi.ComponentResource {
    public readonly role: BaselineRole;
    /** The owner's trail outputs; undefined in consumer and organization stacks. */
    public readonly cloudTrailBucketName: pulumi.Output<string> | undefined;
    public readonly trailArn: pulumi.Output<string> | undefined;
    public readonly cloudTrailLogGroupName: pulumi.Output<string> | undefined;
    public readonly guardDutyDetectorId: pulumi.Output<string> | undefined;
    public readonly configRecorderName: pulumi.Output<string> | undefined;
    /** The account's AWS services monitor (owner), for its own subscription and the consumers' config. */
    public readonly costAnomalyMonitorArn: pulumi.Output<string> | undefined;
    /** Created by the owner, looked up by URL elsewhere; undefined when the stack needs no GitHub roles. */
    public readonly githubOidcProviderArn: pulumi.Output<string> | undefined;

    constructor(name: string, args: AccountBaselineArgs, opts?: pulumi.ComponentResourceOptions) {
        const role: BaselineRole = args.config.account.baseline;
        // The role is the component's only input, so the pack and `pulumi stack` show who owns the baseline.
        super("platform:account:AccountBaseline", name, { role }, opts);
        this.role = role;
        const { config, account } = args;

        if (ownsAccountBaseline(config.account)) {
            const owner = (formerParentType: string, formerParentName: string): OwnerScope => ({
                parent: this,
                formerParent: pulumi.createUrn(formerParentName, formerParentType),
            });
            // Declared in platform:security:Baseline "security" before they moved here.
            const fromSecurity: OwnerScope = owner("platform:security:Baseline", "security");
            const audit: AuditTrail | undefined = args.trailArn
                ? createAuditTrail({ config, account, logsKey: args.keys.logs, trailArn: args.trailArn, accessLogBucket: args.accessLogBucket, scope: fromSecurity })
                : undefined;
            const threats: ThreatDetection = createThreatDetection(config, fromSecurity);
            createAccountGuardrails({ config, account, dataKey: args.keys.data, scope: fromSecurity });
            const recording: ConfigRecorder | undefined = audit
                ? createConfigRecorder({ config, bucket: audit.bucket, bucketPolicy: audit.bucketPolicy, logsKey: args.keys.logs, scope: fromSecurity })
                : undefined;
            const monitor = new aws.costexplorer.AnomalyMonitor("services", {
                name: physicalName(namingContext(config), "services"),
                monitorType: "DIMENSIONAL",
                monitorDimension: "SERVICE",
                tags: nameTag(config, "services"),
            }, singletonOptions(owner("platform:operations:CostControls", "cost-controls"), "aws:costexplorer/anomalyMonitor:AnomalyMonitor", { provider: args.globalEdgeProvider }));

            this.cloudTrailBucketName = audit?.bucket.bucket;
            this.trailArn = audit?.trail.arn;
            this.cloudTrailLogGroupName = audit?.logGroup.name;
            this.guardDutyDetectorId = threats.detector.id;
            this.configRecorderName = recording?.recorder.name;
            this.costAnomalyMonitorArn = monitor.arn;
            this.githubOidcProviderArn = args.needsGithubOidcProvider
                ? new aws.iam.OpenIdConnectProvider("github", {
                    url: GITHUB_OIDC_URL,
                    // AWS validates GitHub's certificate chain itself, so no thumbprint is pinned.
                    clientIdLists: ["sts.amazonaws.com"],
                    tags: nameTag(config, "github-oidc"),
                }, singletonOptions(owner("platform:delivery:Delivery", "delivery"), "aws:iam/openIdConnectProvider:OpenIdConnectProvider")).arn
                : undefined;
        } else {
            // The owner's stack (or the organisation) created it; the lookup fails at preview with
            // "no matching IAM OIDC provider" when it does not exist yet (README: deploy the owner first).
            this.githubOidcProviderArn = args.needsGithubOidcProvider
                ? aws.iam.getOpenIdConnectProviderOutput({ url: GITHUB_OIDC_URL }, { parent: this }).arn
                : undefined;
        }

        this.registerOutputs({
            role,
            cloudTrailBucketName: this.cloudTrailBucketName,
            trailArn: this.trailArn,
            guardDutyDetectorId: this.guardDutyDetectorId,
            configRecorderName: this.configRecorderName,
            costAnomalyMonitorArn: this.costAnomalyMonitorArn,
            githubOidcProviderArn: this.githubOidcProviderArn,
        });
    }
}
