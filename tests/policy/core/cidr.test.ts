import { describe, expect, it } from "vitest";
import { coversAddressSpace, isWholeAddressSpace, parseCidr, unionIsWorld, worldCover } from "../../../policy/lib/cidr";

describe("lib/cidr", () => {
    it("parses IPv4 and IPv6 CIDRs (compressed, full, embedded IPv4) and ignores host bits", () => {
        expect(parseCidr("10.1.2.3/8")).toEqual({ family: "ipv4", start: 10n << 24n, end: (11n << 24n) - 1n });
        expect(parseCidr("0.0.0.0/0")).toEqual({ family: "ipv4", start: 0n, end: 0xffffffffn });
        expect(parseCidr("::/0")?.end).toBe((1n << 128n) - 1n);
        expect(parseCidr("8000::/1")?.start).toBe(1n << 127n);
        expect(parseCidr("2001:db8:0:0:0:0:0:0/32")).toEqual(parseCidr("2001:db8::/32"));
        expect(parseCidr("::ffff:10.0.0.0/104")?.start).toBe((0xffffn << 32n) | (10n << 24n));
        expect(parseCidr(" 192.168.0.0/16 ")?.family).toBe("ipv4");
    });
    it("rejects what is not a CIDR", () => {
        for (const text of ["", "10.0.0.0", "10.0.0.0/33", "256.0.0.0/8", "::/129", "1:2:3:4:5:6:7:8:9/64", "1::2::3/64", "pl-123", "sg-1/0x", "g::/1"]) {
            expect(parseCidr(text), text).toBeUndefined();
        }
    });
    it("a single CIDR is the whole space only with prefix 0", () => {
        for (const cidr of ["0.0.0.0/0", "10.0.0.0/0", "::/0", "0::/0", "0:0:0:0:0:0:0:0/0", "2001:db8::/0"]) {
            expect(isWholeAddressSpace(cidr), cidr).toBe(true);
        }
        for (const cidr of ["0.0.0.0/1", "::/1", "10.0.0.0/8", "nonsense/0"]) {
            expect(isWholeAddressSpace(cidr), cidr).toBe(false);
        }
    });
    it("unions: halves, quarters, overlapping and unsorted sets cover; gaps and mixed families do not", () => {
        expect(unionIsWorld(["0.0.0.0/1", "128.0.0.0/1"])).toBe(true);
        expect(unionIsWorld(["192.0.0.0/2", "0.0.0.0/2", "128.0.0.0/2", "64.0.0.0/2"])).toBe(true);
        expect(unionIsWorld(["0.0.0.0/1", "100.0.0.0/6", "128.0.0.0/1"])).toBe(true);
        expect(unionIsWorld(["::/1", "8000::/1"])).toBe(true);
        expect(unionIsWorld(["::/2", "4000::/2", "8000::/1"])).toBe(true);
        expect(unionIsWorld(["0.0.0.0/1", "128.0.0.0/2"])).toBe(false);
        expect(unionIsWorld(["0.0.0.0/1", "8000::/1"])).toBe(false);
        expect(unionIsWorld(["0.0.0.0/1", "128.0.0.0/1"].map((c) => c.replace("/1", "/2")))).toBe(false);
        expect(unionIsWorld([])).toBe(false);
        // The last address matters: everything but 255.255.255.255 is not the whole space.
        expect(unionIsWorld(["0.0.0.0/1", "128.0.0.0/2", "192.0.0.0/3", "224.0.0.0/4", "240.0.0.0/5", "248.0.0.0/6", "252.0.0.0/7", "254.0.0.0/8",
            "255.0.0.0/9", "255.128.0.0/10", "255.192.0.0/11", "255.224.0.0/12", "255.240.0.0/13", "255.248.0.0/14", "255.252.0.0/15", "255.254.0.0/16",
            "255.255.0.0/17", "255.255.128.0/18", "255.255.192.0/19", "255.255.224.0/20", "255.255.240.0/21", "255.255.248.0/22", "255.255.252.0/23",
            "255.255.254.0/24", "255.255.255.0/25", "255.255.255.128/26", "255.255.255.192/27", "255.255.255.224/28", "255.255.255.240/29",
            "255.255.255.248/30", "255.255.255.252/31", "255.255.255.254/32"])).toBe(false);
        expect(coversAddressSpace([parseCidr("0.0.0.0/1")!, parseCidr("128.0.0.0/1")!], "ipv6")).toBe(false);
    });
    it("worldCover returns a minimal covering subset: a literal /0 alone, else without redundant narrow CIDRs", () => {
        expect(worldCover(["10.0.0.0/8", "0.0.0.0/0", "0.0.0.0/1", "128.0.0.0/1"])).toEqual([1]);
        expect(worldCover(["10.0.0.0/8", "0.0.0.0/1", "pl-1", "128.0.0.0/1"])).toEqual([1, 3]);
        expect(worldCover(["0.0.0.0/1", "128.0.0.0/1", "::/0"])).toEqual([0, 1, 2]);
        expect(worldCover(["0.0.0.0/1", "128.0.0.0/2"])).toEqual([]);
    });
});
