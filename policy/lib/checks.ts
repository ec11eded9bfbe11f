import { isCustomerManagedKey, isTrue } from "./props";
import { ABSENT, Props, ResourceRuleContext } from "./rule";
import { UNKNOWN, read } from "./values";

/** Checks many rules share: a customer-managed key, a flag that must be true. Unknown values pass; absent values fail. */
export const CMK_EXPECTED = "a customer-managed KMS key ARN (not an alias/aws/* AWS-managed key)";

/** Report unless the value at path is a customer-managed key (unknown passes; absent fails). */
export function requireCmk(props: Props, ctx: ResourceRuleContext<object>, path: string, fix?: string, expected: string = CMK_EXPECTED): void {
    const value: unknown = read(props, path);
    if (value === UNKNOWN) {
        return;
    }
    if (value === undefined || value === null || value === "") {
        ctx.report({ property: path, value: ABSENT, expected, fix });
    } else if (!isCustomerManagedKey(value)) {
        ctx.report({ property: path, value, expected, fix });
    }
}

/** Report unless the value at path is true or "true" (unknown passes; absent fails). */
// A names the resource's v7 Args type (requireTrue<aws.lb.LoadBalancerArgs>(...)) so the property name is checked at compile time.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function requireTrue<A = any>(props: Props, ctx: ResourceRuleContext<object>, path: keyof A & string, fix?: string, expected = "true"): void {
    const value: unknown = read(props, path);
    if (value === UNKNOWN || isTrue(value)) {
        return;
    }
    ctx.report({ property: path, value: value ?? ABSENT, expected, fix });
}
