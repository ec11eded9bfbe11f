/**
 * CIDR arithmetic for "open to the internet". The internet is the whole address space of a family,
 * and a set of CIDRs opens a port to it whenever their union is that whole space: 0.0.0.0/0, but
 * equally 0.0.0.0/1 + 128.0.0.0/1, or ::/1 + 8000::/1. Rules ask worldCover() for the CIDRs of a
 * set that together make the world (a minimal subset, so unrelated narrow CIDRs are not blamed).
 *
 * Host bits are ignored (1.2.3.4/0 is 0.0.0.0/0), as the address-space test must be: a CIDR with
 * host bits is either rejected by AWS or normalised to its network, and both read the same here.
 */
export type Family = "ipv4" | "ipv6";

export interface CidrRange {
    readonly family: Family;
    readonly start: bigint;
    /** Inclusive. */
    readonly end: bigint;
}

const BITS: Record<Family, number> = { ipv4: 32, ipv6: 128 };

function parseIpv4(text: string): bigint | undefined {
    const parts: string[] = text.split(".");
    if (parts.length !== 4 || parts.some((p: string) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) {
        return undefined;
    }
    return parts.reduce((acc: bigint, p: string) => (acc << 8n) | BigInt(Number(p)), 0n);
}

function parseIpv6(text: string): bigint | undefined {
    let body: string = text.toLowerCase();
    // An embedded IPv4 tail (::ffff:10.0.0.1) counts as two groups.
    const v4Tail: RegExpMatchArray | null = body.match(/^(.*:)(\d+\.\d+\.\d+\.\d+)$/);
    let tail: bigint[] = [];
    if (v4Tail) {
        const v4: bigint | undefined = parseIpv4(v4Tail[2]);
        if (v4 === undefined) {
            return undefined;
        }
        tail = [(v4 >> 16n) & 0xffffn, v4 & 0xffffn];
        body = v4Tail[1].endsWith("::") ? v4Tail[1] : v4Tail[1].slice(0, -1);
    }
    const halves: string[] = body.split("::");
    if (halves.length > 2) {
        return undefined;
    }
    const groups = (part: string): bigint[] | undefined => {
        if (part === "") {
            return [];
        }
        const items: string[] = part.split(":");
        if (items.some((g: string) => !/^[0-9a-f]{1,4}$/.test(g))) {
            return undefined;
        }
        return items.map((g: string) => BigInt(parseInt(g, 16)));
    };
    const head: bigint[] | undefined = groups(halves[0]);
    const rest: bigint[] | undefined = halves.length === 2 ? groups(halves[1]) : [];
    if (head === undefined || rest === undefined) {
        return undefined;
    }
    const written: number = head.length + rest.length + tail.length;
    if (halves.length === 1 ? written !== 8 : written > 7) {
        return undefined;
    }
    const all: bigint[] = [...head, ...Array<bigint>(8 - written).fill(0n), ...rest, ...tail];
    return all.reduce((acc: bigint, g: bigint) => (acc << 16n) | g, 0n);
}

// Stacks repeat the same few CIDRs across many rules; parsing with BigInt is the expensive part.
const parsedCache = new Map<string, CidrRange | undefined>();
const PARSED_CACHE_LIMIT = 10_000;

/** The address range of a CIDR, or undefined when the text is not a CIDR (an unknown value, a prefix-list id...). */
export function parseCidr(text: string): CidrRange | undefined {
    if (parsedCache.has(text)) {
        return parsedCache.get(text);
    }
    const range: CidrRange | undefined = parseCidrUncached(text);
    if (parsedCache.size >= PARSED_CACHE_LIMIT) {
        parsedCache.clear();
    }
    parsedCache.set(text, range);
    return range;
}

function parseCidrUncached(text: string): CidrRange | undefined {
    const match: RegExpMatchArray | null = text.trim().match(/^([^/]+)\/(\d{1,3})$/);
    if (!match) {
        return undefined;
    }
    const family: Family = match[1].includes(":") ? "ipv6" : "ipv4";
    const address: bigint | undefined = family === "ipv4" ? parseIpv4(match[1]) : parseIpv6(match[1]);
    const prefix: number = Number(match[2]);
    const bits: number = BITS[family];
    if (address === undefined || prefix > bits) {
        return undefined;
    }
    const hostBits = BigInt(bits - prefix);
    const start: bigint = (address >> hostBits) << hostBits;
    return { family, start, end: start + (1n << hostBits) - 1n };
}

/** Does the union of the ranges cover the whole address space of the family? */
export function coversAddressSpace(ranges: readonly CidrRange[], family: Family): boolean {
    const sorted: CidrRange[] = ranges.filter((r: CidrRange) => r.family === family).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    const last: bigint = (1n << BigInt(BITS[family])) - 1n;
    let next = 0n; // first address not yet covered
    for (const range of sorted) {
        if (range.start > next) {
            return false;
        }
        if (range.end >= next) {
            next = range.end + 1n;
        }
        if (next > last) {
            return true;
        }
    }
    return false;
}

/** Is this single CIDR the whole address space (0.0.0.0/0, ::/0, 0::/0...)? */
export function isWholeAddressSpace(cidr: string): boolean {
    const range: CidrRange | undefined = parseCidr(cidr);
    return range !== undefined && coversAddressSpace([range], range.family);
}

/** Do these CIDRs together cover all of IPv4 or all of IPv6? */
export function unionIsWorld(cidrs: readonly string[]): boolean {
    return worldCover(cidrs).length > 0;
}

/**
 * A minimal subset of the CIDRs (indices into the input) whose union is the whole IPv4 or IPv6
 * space; [] when neither family is covered. A CIDR that is the whole space on its own is returned
 * alone; otherwise the most specific CIDRs are dropped first while the rest still covers, so
 * 10.0.0.0/8 next to 0.0.0.0/1 + 128.0.0.0/1 is not blamed. Both families are reported when both are open.
 */
export function worldCover(cidrs: readonly string[]): number[] {
    const parsed: { index: number; range: CidrRange }[] = [];
    cidrs.forEach((cidr: string, index: number) => {
        const range: CidrRange | undefined = typeof cidr === "string" ? parseCidr(cidr) : undefined;
        if (range) {
            parsed.push({ index, range });
        }
    });
    const result: number[] = [];
    for (const family of ["ipv4", "ipv6"] as const) {
        const members = parsed.filter((p) => p.range.family === family);
        if (!coversAddressSpace(members.map((m) => m.range), family)) {
            continue;
        }
        const whole = members.find((m) => coversAddressSpace([m.range], family));
        if (whole) {
            result.push(...members.filter((m) => coversAddressSpace([m.range], family)).map((m) => m.index));
            continue;
        }
        // Smallest ranges first: drop each one the others already cover.
        let kept = [...members].sort((a, b) => (a.range.end - a.range.start < b.range.end - b.range.start ? -1 : 1));
        for (const candidate of [...kept]) {
            const without = kept.filter((k) => k !== candidate);
            if (coversAddressSpace(without.map((k) => k.range), family)) {
                kept = without;
            }
        }
        result.push(...kept.map((k) => k.index).sort((a, b) => a - b));
    }
    return result;
}
