import { Props } from "./rule";

/**
 * Unknown-safe property access. During preview the engine wraps props in a proxy that throws on
 * reading an unknown value; `in` and Object.keys are not trapped. Presence checks use has() so a
 * mandatory rule still fires when a value is absent and passes when it is merely unknown.
 */
export function has(props: Props | undefined, key: string): boolean {
    if (props === undefined || props === null || typeof props !== "object" || !(key in props)) {
        return false;
    }
    try {
        const value: unknown = (props as Record<string, unknown>)[key];
        return value !== undefined && value !== null;
    } catch {
        // Reading an unknown (preview) value throws: it is present, just not known yet.
        return true;
    }
}

/** true / "true" (launch templates carry booleans as strings in v7). */
export function isTrue(value: unknown): boolean {
    return value === true || value === "true";
}

export function isFalse(value: unknown): boolean {
    return value === false || value === "false";
}

/** Scalar-or-array to array (policy documents, CIDR lists). */
export function toArray<T>(value: T | readonly T[] | undefined | null): T[] {
    if (value === undefined || value === null) {
        return [];
    }
    return Array.isArray(value) ? [...value] as T[] : [value as T];
}

/** Customer-managed KMS key reference: a key ARN/id or a non-AWS alias (alias/aws/* are AWS-managed). */
export function isCustomerManagedKey(value: unknown): boolean {
    if (typeof value !== "string" || value.length === 0) {
        return false;
    }
    return !/(^|:)alias\/aws\//.test(value);
}
