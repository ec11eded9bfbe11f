import { z } from "zod";
import { parseCidr } from "./cidr";
import { didYouMean } from "./suggest";

/**
 * Schema building blocks. Every block's error message is the description of what is allowed,
 * so a failed parse can always say "key: got X; allowed: Y" without a per-field lookup table.
 */
export function integerBetween(min: number, max: number) {
    const allowed = `an integer from ${min} to ${max}`;
    return z.int({ error: allowed }).min(min, { error: allowed }).max(max, { error: allowed });
}

/** One of a fixed set of strings; a near miss names the closest allowed spelling. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, allowed: string = `one of ${values.join(", ")}`) {
    return z.enum(values, { error: (issue) => `${allowed}${didYouMean(issue.input, values)}` });
}

export function oneOfNumbers(values: readonly number[]) {
    const allowed = `one of ${values.join(", ")}`;
    return z.number({ error: allowed }).refine((v: number) => values.includes(v), { error: allowed });
}

export function flag() {
    return z.boolean({ error: "true or false" });
}

export function textMatching(pattern: RegExp, allowed: string) {
    return z.string({ error: allowed }).regex(pattern, { error: allowed });
}

export function cidrBlock(minPrefix: number, maxPrefix: number) {
    const allowed = `an IPv4 CIDR block with prefix /${minPrefix} to /${maxPrefix} and no host bits set (for example 10.0.0.0/${minPrefix})`;
    return z.string({ error: allowed }).refine((text: string) => {
        const parsed = parseCidr(text);
        return parsed !== undefined && parsed.prefixLength >= minPrefix && parsed.prefixLength <= maxPrefix;
    }, { error: allowed });
}

/** An object that rejects unknown keys, naming the keys it does know. */
export function strictObject<T extends z.core.$ZodLooseShape>(shape: T) {
    const known: string = Object.keys(shape).join(", ");
    return z.strictObject(shape, {
        error: (issue) => issue.code === "unrecognized_keys"
            ? `only the keys ${known}`
            : `an object with the keys ${known}`,
    });
}

/**
 * A list whose entries become resources. Two entries with one name would register one URN twice
 * (a `pulumi preview` failure), so a repeated name is reported at the repeated entry, naming it.
 * `nameOf` returns the entry's resource name (the entry itself for plain string lists).
 */
export function distinctList<T extends z.ZodType>(item: T, nameOf: (entry: z.output<T>) => string, allowedList: string) {
    return z.array(item, { error: allowedList }).superRefine((entries: z.output<T>[], ctx: z.RefinementCtx<z.output<T>[]>) => {
        const seen = new Set<string>();
        entries.forEach((entry: z.output<T>, index: number) => {
            const name: string = nameOf(entry);
            if (seen.has(name)) {
                ctx.addIssue({ code: "custom", path: [index], input: entry, message: `distinct entries ("${name}" appears more than once)` });
            }
            seen.add(name);
        });
    });
}
