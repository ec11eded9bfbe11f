import * as pulumi from "@pulumi/pulumi";
import { PlatformConfig } from "../../config/platformConfig";
import { AccountContext } from "../../platform/accountContext";
import { KEY_DOMAINS, KeyDomain, PlatformKeys, createPlatformKeys } from "./kmsKeys";
import { trailArn } from "./trailNaming";

export interface SecurityBaselineArgs {
    readonly config: PlatformConfig;
    readonly account: AccountContext;
}

/**
 * The stack's own security resources: the per-domain KMS keys. Everything account-wide (the trail,
 * AWS Config, GuardDuty, Security Hub, the account guardrails) is in platform:account:AccountBaseline,
 * declared only by the stack that owns the account baseline (platform:account.baseline).
 */
export class SecurityBaseline extends pulumi.ComponentResource {
    public readonly keys: PlatformKeys;
    /** The account trail's ARN when this stack owns it (the logs key policy names it); undefined otherwise. */
    public readonly auditTrailArn: pulumi.Output<string> | undefined;

    constructor(name: string, args: SecurityBaselineArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:security:Baseline", name, {}, opts);
        const { config, account } = args;
        const parent: pulumi.Resource = this;

        // Known before the trail exists, so the logs key policy can trust exactly this trail.
        this.auditTrailArn = config.security.cloudTrail.enabled ? trailArn(config, account) : undefined;
        this.keys = createPlatformKeys({ config, account, trailArn: this.auditTrailArn, parent });

        this.registerOutputs({ keyArns: this.keyArns() });
    }

    /** Key ARNs by domain (data, logs, clusterSecrets) for stack outputs and other components. */
    public keyArns(): Record<string, pulumi.Output<string>> {
        return Object.fromEntries(KEY_DOMAINS.map((domain: KeyDomain) => [domain, this.keys[domain].arn]));
    }
}

export type { KeyDomain, PlatformKeys };
