import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PlatformConfig } from "../../config/platformConfig";
import { AccountContext } from "../../platform/accountContext";
import { createAccountGuardrails } from "./accountGuardrails";
import { ConfigRecorder, createConfigRecorder } from "./configRecorder";
import { AuditTrail, createAuditTrail } from "./auditTrail";
import { KEY_DOMAINS, KeyDomain, PlatformKeys, createPlatformKeys } from "./kmsKeys";
import { trailArn } from "./trailNaming";
import { ThreatDetection, createThreatDetection } from "./threatDetection";

export interface SecurityBaselineArgs {
    readonly config: PlatformConfig;
    readonly account: AccountContext;
    /** The platform's access-log bucket: the CloudTrail bucket's server access logs go there (CIS 3.x). */
    readonly accessLogBucket?: aws.s3.Bucket;
}

/**
 * The account's security baseline: per-domain KMS keys, the audit trail, AWS Config, GuardDuty and
 * the account-wide guardrails. Everything is switched by config.security; children inherit the
 * component's provider (passed as `providers` by the program).
 */
export class SecurityBaseline extends pulumi.ComponentResource {
    public readonly keys: PlatformKeys;
    /** Undefined when CloudTrail is switched off. */
    public readonly cloudTrailBucketName: pulumi.Output<string> | undefined;
    public readonly trailArn: pulumi.Output<string> | undefined;
    /** The trail's CloudWatch Logs group (CIS metric filters); undefined when CloudTrail is off. */
    public readonly cloudTrailLogGroupName: pulumi.Output<string> | undefined;
    public readonly guardDutyDetectorId: pulumi.Output<string> | undefined;
    /** Undefined when AWS Config is switched off (an organisation-level recorder covers the account). */
    public readonly configRecorderName: pulumi.Output<string> | undefined;

    constructor(name: string, args: SecurityBaselineArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:security:Baseline", name, {}, opts);
        const { config, account } = args;
        const parent: pulumi.Resource = this;

        // Known before the trail exists, so the logs key policy can trust exactly this trail.
        const auditTrailArn: pulumi.Output<string> | undefined = config.security.cloudTrail.enabled
            ? trailArn(config, account)
            : undefined;

        this.keys = createPlatformKeys({ config, account, trailArn: auditTrailArn, parent });

        const audit: AuditTrail | undefined = auditTrailArn
            ? createAuditTrail({ config, account, logsKey: this.keys.logs, trailArn: auditTrailArn, accessLogBucket: args.accessLogBucket, parent })
            : undefined;
        const threatDetection: ThreatDetection | undefined = createThreatDetection(config, parent);
        createAccountGuardrails({ config, account, dataKey: this.keys.data, parent });
        // The schema refuses config.enabled without CloudTrail, so the audit bucket exists here.
        const recording: ConfigRecorder | undefined = audit && config.security.config.enabled
            ? createConfigRecorder({ config, bucket: audit.bucket, bucketPolicy: audit.bucketPolicy, logsKey: this.keys.logs, parent })
            : undefined;

        this.cloudTrailBucketName = audit?.bucket.bucket;
        this.trailArn = audit?.trail.arn;
        this.cloudTrailLogGroupName = audit?.logGroup.name;
        this.guardDutyDetectorId = threatDetection?.detector.id;
        this.configRecorderName = recording?.recorder.name;

        this.registerOutputs({
            keyArns: this.keyArns(),
            cloudTrailBucketName: this.cloudTrailBucketName,
            trailArn: this.trailArn,
            guardDutyDetectorId: this.guardDutyDetectorId,
            configRecorderName: this.configRecorderName,
        });
    }

    /** Key ARNs by domain (data, logs, clusterSecrets) for stack outputs and other components. */
    public keyArns(): Record<string, pulumi.Output<string>> {
        return Object.fromEntries(KEY_DOMAINS.map((domain: KeyDomain) => [domain, this.keys[domain].arn]));
    }
}

export type { KeyDomain, PlatformKeys };
