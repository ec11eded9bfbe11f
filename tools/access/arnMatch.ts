/**
 * Can a policy Resource pattern (IAM `*` and `?` wildcards, ${policy:variables}) name an ARN of a
 * resource type whose format is a Service Authorization Reference template
 * (arn:${Partition}:s3:::${BucketName}/${ObjectName})? Both sides have wildcards, so this is the
 * intersection of two glob patterns, decided by a small dynamic programme.
 *
 * Template variables match any text, except that ${Partition}, ${Region} and ${Account} never span
 * a colon and ${BucketName} never spans a slash: that is what tells a bucket ARN from an object
 * ARN, and an ARN of one service's type from another's.
 */

type Token =
    | { readonly t: "lit"; readonly c: string }
    | { readonly t: "one" }
    | { readonly t: "star"; readonly excluded?: string };

const NO_SPAN: Readonly<Record<string, string>> = { Partition: ":", Region: ":", Account: ":", BucketName: "/" };

function patternTokens(pattern: string): Token[] {
    const tokens: Token[] = [];
    for (let i = 0; i < pattern.length; i++) {
        const c: string = pattern[i];
        if (c === "$" && pattern[i + 1] === "{") {
            const end: number = pattern.indexOf("}", i);
            if (end > 0) {
                tokens.push({ t: "star" });
                i = end;
                continue;
            }
        }
        tokens.push(c === "*" ? { t: "star" } : c === "?" ? { t: "one" } : { t: "lit", c });
    }
    return tokens;
}

function formatTokens(format: string): Token[] {
    const tokens: Token[] = [];
    for (let i = 0; i < format.length; i++) {
        const c: string = format[i];
        if (c === "$" && format[i + 1] === "{") {
            const end: number = format.indexOf("}", i);
            const name: string = format.slice(i + 2, end);
            tokens.push({ t: "star", excluded: NO_SPAN[name] });
            i = end;
            continue;
        }
        if (c === "<") {
            const end: number = format.indexOf(">", i);
            if (end > 0) {
                tokens.push({ t: "star" });
                i = end;
                continue;
            }
        }
        tokens.push({ t: "lit", c });
    }
    return tokens;
}

const cache = new Map<string, boolean>();

/** True when some concrete ARN matches both the Resource pattern and the resource type's ARN format. */
export function resourceMatchesFormat(pattern: string, format: string): boolean {
    const key = `${pattern}\u0000${format}`;
    const cached: boolean | undefined = cache.get(key);
    if (cached !== undefined) {
        return cached;
    }
    const p: Token[] = patternTokens(pattern);
    const f: Token[] = formatTokens(format);
    const memo = new Map<number, boolean>();
    const width: number = f.length + 1;
    const match = (i: number, j: number): boolean => {
        const k: number = i * width + j;
        const known: boolean | undefined = memo.get(k);
        if (known !== undefined) {
            return known;
        }
        let result: boolean;
        if (i === p.length && j === f.length) {
            result = true;
        } else if (i < p.length && p[i].t === "star") {
            // The pattern's * matches nothing more, or also whatever the format's next token stands for.
            result = match(i + 1, j) || (j < f.length && match(i, j + 1));
        } else if (j < f.length && f[j].t === "star") {
            const star = f[j] as { t: "star"; excluded?: string };
            const pi: Token | undefined = p[i];
            const consumable: boolean = pi !== undefined && !(pi.t === "lit" && star.excluded !== undefined && pi.c === star.excluded);
            result = match(i, j + 1) || (consumable && match(i + 1, j));
        } else if (i < p.length && j < f.length) {
            const pi: Token = p[i];
            const fj = f[j] as { t: "lit"; c: string };
            result = (pi.t === "one" || (pi.t === "lit" && pi.c === fj.c)) && match(i + 1, j + 1);
        } else {
            result = false;
        }
        memo.set(k, result);
        return result;
    };
    const answer: boolean = match(0, 0);
    cache.set(key, answer);
    return answer;
}
