/**
 * What a controller's IAM permission document is scoped to: one cluster, in one VPC, region and
 * account. Plain strings (resolved before the document is built, e.g. inside one pulumi.all), so the
 * builders stay pure functions that tests can call without the Pulumi runtime.
 */
export interface ControllerPolicyContext {
    readonly partition: string;
    readonly region: string;
    readonly accountId: string;
    readonly clusterName: string;
    readonly vpcId: string;
}

/** ARN of a regional resource in this account: arn:<partition>:<service>:<region>:<account>:<resource>. */
export function regionalArn(ctx: ControllerPolicyContext, service: string, resource: string): string {
    return `arn:${ctx.partition}:${service}:${ctx.region}:${ctx.accountId}:${resource}`;
}

/** ARN of a global (region-less) resource in this account, e.g. IAM or Shield. */
export function globalArn(ctx: ControllerPolicyContext, service: string, resource: string): string {
    return `arn:${ctx.partition}:${service}::${ctx.accountId}:${resource}`;
}

/** ARN of this cluster's VPC, the value of the ec2:Vpc condition key. */
export function vpcArn(ctx: ControllerPolicyContext): string {
    return regionalArn(ctx, "ec2", `vpc/${ctx.vpcId}`);
}
