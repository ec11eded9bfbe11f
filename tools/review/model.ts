/** What the change review reports: the comparison of two offline previews of one stack. */

export const CHANGE_KINDS = ["created", "deleted", "replaced", "renamed", "updated", "unchanged"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** What an acknowledgement can accept: one per kind of danger. */
export const DANGER_KINDS = [
    "delete",
    "replace",
    "unprotect",
    "retain-removed",
    "deletion-protection-removed",
    "policy-finding",
    "internet-ingress",
    "public-principal",
] as const;
export type DangerKind = (typeof DANGER_KINDS)[number];

export const EXIT_OK = 0;
export const EXIT_DANGEROUS = 1;
export const EXIT_CANNOT_COMPARE = 2;

/** One changed input, at a dotted path. Secret values are "[secret]" on both sides. */
export interface PropertyChange {
    readonly path: string;
    readonly before?: unknown;
    readonly after?: unknown;
    readonly secret?: boolean;
}

export interface ReplacementReason {
    readonly property: string;
    /** The aws-native create-only property it maps to, or the upstream resource it references. */
    readonly because: string;
}

export interface ResourceChange {
    readonly kind: ChangeKind;
    /** The head URN; for a deletion, the base URN. */
    readonly urn: string;
    /** The base URN when the resource was found through an alias. */
    readonly baseUrn?: string;
    readonly type: string;
    readonly name: string;
    readonly component: string;
    readonly changes: PropertyChange[];
    readonly replacement: ReplacementReason[];
    /**
     * "known": the type has create-only data; "none-listed": aws-native lists no create-only
     * property for it; "not-known-offline": the type is not in the replacement table.
     */
    readonly replacementData: "known" | "none-listed" | "not-known-offline";
    readonly notes: string[];
}

/** Unchanged offline, but depends on a replaced resource: the real preview may update or replace it too. */
export interface AffectedResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly because: string[];
}

export interface Danger {
    readonly kind: DangerKind;
    readonly urn: string;
    readonly type: string;
    readonly message: string;
    /** The acknowledgement's reason, when one accepts this danger. */
    readonly acknowledged?: string;
}

export interface CostDelta {
    readonly component: string;
    readonly baseUsd: number;
    readonly headUsd: number;
    readonly deltaUsd: number;
}

export interface Acknowledgement {
    readonly stack: string;
    /** An exact URN, or a pattern where * matches any characters. */
    readonly urn: string;
    readonly kind: DangerKind;
    readonly reason: string;
}

export interface Review {
    readonly project: string;
    readonly stack: string;
    readonly base: string;
    readonly head: string;
    readonly counts: Record<ChangeKind, number>;
    /** Every resource that is not unchanged, in URN order. */
    readonly changes: ResourceChange[];
    readonly affected: AffectedResource[];
    readonly dangers: Danger[];
    readonly cost: { readonly byComponent: CostDelta[]; readonly baseTotalUsd: number; readonly headTotalUsd: number; readonly deltaUsd: number };
    /** Acknowledgements for this stack that matched no danger: remove them. */
    readonly staleAcknowledgements: Acknowledgement[];
    readonly exitCode: number;
}
