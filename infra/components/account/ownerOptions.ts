import * as pulumi from "@pulumi/pulumi";
import { AccountSingleton, singletonOf } from "./accountSingletons";

/**
 * How the baseline owner declares an account singleton: always protected (also in dev when dev
 * owns its account: `pulumi destroy` must never switch off GuardDuty or EBS default encryption for
 * the stacks next to it) and retained where deleting would weaken the account (ACCOUNT_SINGLETONS).
 * `formerParent` keeps the URN the resource had before it moved into the account baseline, so a
 * stack deployed with the old layout adopts it instead of replacing it.
 */
export interface OwnerScope {
    readonly parent: pulumi.Resource;
    /** URN of the component the resource was declared in before (security baseline, delivery, cost controls). */
    readonly formerParent?: pulumi.Input<string>;
}

export function singletonOptions(scope: OwnerScope, type: string, extra: pulumi.CustomResourceOptions = {}): pulumi.CustomResourceOptions {
    const row: AccountSingleton | undefined = singletonOf(type);
    if (!row) {
        throw new Error(`${type} is not in ACCOUNT_SINGLETONS (infra/components/account/accountSingletons.ts)`);
    }
    return { ...movedOptions(scope), ...extra, protect: true, retainOnDelete: row.retainOnDelete };
}

/** Parent plus the alias to the former parent, for resources of the baseline that are not singletons themselves. */
export function movedOptions(scope: OwnerScope): pulumi.CustomResourceOptions {
    return {
        parent: scope.parent,
        aliases: scope.formerParent ? [{ parent: scope.formerParent }] : undefined,
    };
}
