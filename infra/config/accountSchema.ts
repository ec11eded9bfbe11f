import { z } from "zod";
import type { StackConfig } from "./schema";
import { oneOf, strictObject, textMatching } from "./fieldTypes";
import { BASELINE_ROLES } from "./accountConfig";

/**
 * platform:account: the account the stack may deploy to and its role for the account-wide
 * resources (infra/config/accountConfig.ts). Both fields are required: which stack owns an
 * account's GuardDuty detector or EBS default key is a decision, never a default.
 */
const ACCOUNT_ID = /^\d{12}$/;
export const ACCOUNT_ID_ALLOWED = "a 12-digit AWS account id, quoted so YAML keeps it a string (such as \"123456789012\")";
export const BASELINE_ALLOWED = "owner (this stack creates and protects the account-wide resources), consumer (another stack of the account owns them) "
    + "or organization (an organisation such as Control Tower manages them)";

export const accountSchema = strictObject({
    id: textMatching(ACCOUNT_ID, ACCOUNT_ID_ALLOWED),
    baseline: oneOf(BASELINE_ROLES, BASELINE_ALLOWED),
});

/**
 * A key that no longer exists because what it switched now follows platform:account.baseline.
 * Absent is fine; any value is reported with `allowed`, so an old stack file fails with the reason
 * instead of silently creating (or not creating) account-wide resources.
 */
export function retired(allowed: string) {
    return z.unknown().refine(() => false, { error: allowed }).optional();
}

export const RETIRED_BY_BASELINE = "nothing: this switch is gone; account-wide resources follow platform:account.baseline "
    + "(owner creates them, consumer and organization do not)";

/** An ARN's account field (arn:partition:service:region:account:...), or undefined. */
export function arnAccount(arn: string): string | undefined {
    return /^arn:[^:]+:[^:]*:[^:]*:(\d{12}):/.exec(arn)?.[1];
}

/** An ARN's Region field, or undefined when it has none. */
export function arnRegion(arn: string): string | undefined {
    const region: string | undefined = /^arn:[^:]+:[^:]*:([^:]*):/.exec(arn)?.[1];
    return region ? region : undefined;
}

type RefinementContext = z.RefinementCtx<StackConfig>;

function problem(ctx: RefinementContext, path: (string | number)[], input: unknown, allowed: string): void {
    ctx.addIssue({ code: "custom", path, input, message: allowed });
}

/**
 * Operations features that only the baseline owner can have: CloudTrail data events go on the
 * account trail (the owner's), and the account's one dimensional cost anomaly monitor is the
 * owner's, so a consumer subscribes to it only by naming its ARN.
 */
export function checkOwnerOnlyOperations(config: StackConfig, ctx: RefinementContext): void {
    const { baseline } = config["platform:account"];
    const operations = config["platform:operations"];
    const key = "platform:operations";
    if (baseline !== "owner" && operations.cloudTrailDataEvents.enabled) {
        problem(ctx, [key, "cloudTrailDataEvents", "enabled"], true,
            `false when platform:account.baseline is ${baseline} (data events are selected on the account trail, which the baseline owner's stack declares)`);
    }
    const anomaly = operations.costAnomaly;
    if (baseline === "owner" && anomaly.monitorArn !== undefined) {
        problem(ctx, [key, "costAnomaly", "monitorArn"], anomaly.monitorArn,
            "no monitorArn when platform:account.baseline is owner (the owner creates the account's AWS services monitor and subscribes to it)");
    }
    if (baseline !== "owner" && anomaly.enabled && anomaly.monitorArn === undefined) {
        problem(ctx, [key, "costAnomaly", "monitorArn"], undefined,
            `the ARN of the baseline owner's cost anomaly monitor (its stack output costAnomalyMonitorArn) when costAnomaly.enabled is true and platform:account.baseline is ${baseline}, `
            + "or costAnomaly.enabled: false (AWS allows one AWS services monitor per account)");
    }
}

/**
 * ARNs in configuration that must name the stack's own account (and Region): a private
 * integration's listener lives in this stack's VPC, and a cost anomaly monitor can only be used
 * by the account that created it ("You can only access cost monitors and alert subscriptions under
 * the account that created them", https://docs.aws.amazon.com/cost-management/latest/userguide/getting-started-ad.html).
 * Not checked on purpose: EKS access-entry principals (STANDARD entries may name another account's
 * role, https://docs.aws.amazon.com/eks/latest/userguide/creating-access-entries.html), Lambda images
 * (cross-account ECR pulls are allowed), function statements and the state secrets key (often in a
 * tooling account).
 */
export function checkAccountArns(config: StackConfig, ctx: RefinementContext): void {
    const accountId: string = config["platform:account"].id;
    const region: string = config["aws:region"];
    const sameAccount = (path: (string | number)[], arn: string | undefined, what: string, regional: boolean): void => {
        if (arn === undefined) {
            return;
        }
        const named: string | undefined = arnAccount(arn);
        if (named !== undefined && named !== accountId) {
            problem(ctx, path, arn, `${what} in account ${accountId} (platform:account.id)`);
        } else if (regional && arnRegion(arn) !== undefined && arnRegion(arn) !== region) {
            problem(ctx, path, arn, `${what} in the stack's Region ${region} (aws:region)`);
        }
    };
    sameAccount(["platform:integration", "api", "vpcLink", "listenerArn"], config["platform:integration"].api.vpcLink.listenerArn,
        "a listener of the stack's own internal load balancer", true);
    sameAccount(["platform:operations", "costAnomaly", "monitorArn"], config["platform:operations"].costAnomaly.monitorArn,
        "the cost anomaly monitor of this account", false);
}
