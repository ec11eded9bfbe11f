/**
 * IPv4 CIDR arithmetic. Pure functions, no Pulumi: the subnet plan and the configuration
 * validator both need it before any resource exists.
 */
export interface Ipv4Cidr {
    /** Network address as an unsigned 32-bit integer. */
    readonly network: number;
    readonly prefixLength: number;
}

const CIDR_PATTERN: RegExp = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses "a.b.c.d/n"; returns undefined when the text is not a canonical IPv4 CIDR block. */
export function parseCidr(text: string): Ipv4Cidr | undefined {
    const match: RegExpExecArray | null = CIDR_PATTERN.exec(text.trim());
    if (!match) {
        return undefined;
    }
    const octets: number[] = match.slice(1, 5).map(Number);
    const prefixLength: number = Number(match[5]);
    if (octets.some((o: number) => o > 255) || prefixLength > 32) {
        return undefined;
    }
    const address: number = ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
    const network: number = (address & prefixMask(prefixLength)) >>> 0;
    // Host bits set ("10.0.0.1/16") is almost always a typo; AWS would silently normalise it.
    if (network !== address) {
        return undefined;
    }
    return { network, prefixLength };
}

export function formatCidr(cidr: Ipv4Cidr): string {
    const n: number = cidr.network;
    return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}/${cidr.prefixLength}`;
}

export function cidrSize(cidr: Ipv4Cidr): number {
    return 2 ** (32 - cidr.prefixLength);
}

export function contains(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
    return inner.prefixLength >= outer.prefixLength
        && inner.network >= outer.network
        && inner.network + cidrSize(inner) <= outer.network + cidrSize(outer);
}

export function overlaps(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
    return a.network < b.network + cidrSize(b) && b.network < a.network + cidrSize(a);
}

/** The index-th block of prefix (outer.prefixLength + newBits) inside outer, starting at byte offset. */
export function subnetAt(outer: Ipv4Cidr, newBits: number, offsetAddresses: number, index: number): Ipv4Cidr {
    const prefixLength: number = outer.prefixLength + newBits;
    const size: number = 2 ** (32 - prefixLength);
    return { network: (outer.network + offsetAddresses + index * size) >>> 0, prefixLength };
}

function prefixMask(prefixLength: number): number {
    return prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
}
