import { expect } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { ACCOUNT_SINGLETONS, AccountSingleton, isAccountSingleton, singletonOf } from "../../infra/components/account/accountSingletons";
import { StackConfiguration } from "../../tools/offline/stackConfig";
import { stackConfiguration } from "../support/stackRun";

export const BASELINE_TYPE = "platform:account:AccountBaseline";

/** The singleton types the owner declares (the rest are listed only so that nobody declares them elsewhere). */
export const DECLARED_SINGLETON_TYPES: readonly string[] = ACCOUNT_SINGLETONS
    .filter((row: AccountSingleton) => row.declaredByBaseline)
    .map((row: AccountSingleton) => row.type);

/** Every resource of a run that is an account singleton (type in ACCOUNT_SINGLETONS, matching its predicate). */
export function singletonsOf(resources: readonly RecordedResource[]): RecordedResource[] {
    return resources.filter((r: RecordedResource) => r.custom && isAccountSingleton(r.type, r.inputs));
}

/** The AccountBaseline component of a run (exactly one). */
export function baselineOf(resources: readonly RecordedResource[]): RecordedResource {
    const found: RecordedResource[] = resources.filter((r: RecordedResource) => r.type === BASELINE_TYPE);
    expect(found.map((r: RecordedResource) => r.urn)).toHaveLength(1);
    return found[0];
}

/**
 * The resource's identity in its account: a singleton type with the same identity in two stacks
 * of one account is the same AWS object (per Region where the scope is regional). Its
 * discriminator is the feature/standard it stands for, never its logical or physical name.
 */
export function accountIdentity(resource: RecordedResource, region: string): string {
    const row: AccountSingleton = singletonOf(resource.type)!;
    const where: string = row.scope === "region" ? region : "global";
    const discriminator: unknown = resource.inputs.name ?? resource.inputs.standardsArn ?? resource.inputs.awsServiceName ?? resource.inputs.url ?? "";
    const byInstance: boolean = ["aws:guardduty/detectorFeature:DetectorFeature", "aws:securityhub/standardsSubscription:StandardsSubscription",
        "aws:iam/serviceLinkedRole:ServiceLinkedRole", "aws:iam/openIdConnectProvider:OpenIdConnectProvider"].includes(resource.type);
    return `${resource.type}@${where}${byInstance ? `#${String(discriminator)}` : ""}`;
}

/** A committed stack's configuration moved to another account: every ARN and the account id follow. */
export function inAccount(stack: string, accountId: string, baseline: string): Record<string, string> {
    const configuration: StackConfiguration = stackConfiguration(stack);
    const overrides: Record<string, string> = {};
    for (const [key, value] of Object.entries(configuration.config)) {
        if (value.includes("123456789012")) {
            overrides[key] = value.split("123456789012").join(accountId);
        }
    }
    overrides["platform:account"] = JSON.stringify({ id: accountId, baseline });
    return overrides;
}
