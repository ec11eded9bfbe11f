/**
 * Contracts that fail on today's program because of defects other work is fixing (issues 17 and
 * 18), per stack: contract id -> the issue that owns the fix. tests/access/contracts.*.test.ts
 * expects exactly these to fail: a contract not listed here that fails is a regression, and a
 * listed one that passes fails the test too, so the list shrinks as fixes land (delete the entry).
 * Never add a contract here to make a new failure pass: fix the program. Regenerate the candidate
 * list with `npx tsx tools/access/listFailing.ts <stack>` (it marks unowned failures).
 */
export const KNOWN_DEFECTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    // Emptied when the fixes of issues 17 and 18 landed (trust and key policies, caller tables, deploy role).
    dev: {},
    prod: {},
};
