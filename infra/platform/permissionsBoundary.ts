import * as pulumi from "@pulumi/pulumi";
import { AccountContext } from "./accountContext";

/**
 * Puts the account's deploy permissions boundary on every IAM role the program registers. The
 * GitHub deploy role may create and change roles only when they carry this boundary
 * (iam:PermissionsBoundary, infra/components/delivery/deployPermissions.ts), so a role without it
 * would fail at CreateRole. One transformation on every top-level component (Pulumi applies a
 * resource's transformations to all its children) keeps that in one place for every component,
 * including the next one someone writes; tests/delivery/deployRole.test.ts checks every recorded role.
 * Only when the GitHub roles are on: without a deploy role nothing depends on the boundary, and the
 * account need not have it.
 */
export function roleBoundaryTransformations(account: AccountContext, boundaryName: string | undefined): pulumi.ResourceTransformation[] {
    if (boundaryName === undefined) {
        return [];
    }
    const boundaryArn: pulumi.Output<string> = pulumi.interpolate`arn:${account.partition}:iam::${account.accountId}:policy/${boundaryName}`;
    return [(args: pulumi.ResourceTransformationArgs): pulumi.ResourceTransformationResult | undefined =>
        args.type === "aws:iam/role:Role" && args.props.permissionsBoundary === undefined
            ? { props: { ...args.props, permissionsBoundary: boundaryArn }, opts: args.opts }
            : undefined];
}
