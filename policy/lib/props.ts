/** Small value predicates shared by rules. Unknown-safe reads and presence checks live in values.ts. */

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
