/**
 * The command-line grammar the offline preview and the offline review share: `--name value` or
 * `--name=value` for flags that take a value, an optional value (absent or "-" means stdout) for
 * output flags, bare switches, and short aliases. Returns the values by long name, or the first
 * problem as a message.
 */
export interface FlagSpec {
    readonly takesValue: ReadonlySet<string>;
    readonly optionalValue: ReadonlySet<string>;
    readonly switches: ReadonlySet<string>;
    readonly aliases: Readonly<Record<string, string>>;
}

export type ParsedFlags = { readonly values: Record<string, string | true> } | { readonly error: string };

export function parseFlags(argv: readonly string[], spec: FlagSpec): ParsedFlags {
    const values: Record<string, string | true> = {};
    for (let i = 0; i < argv.length; i++) {
        let arg: string = argv[i];
        let inline: string | undefined;
        const eq: number = arg.indexOf("=");
        if (arg.startsWith("--") && eq > 0) {
            inline = arg.slice(eq + 1);
            arg = arg.slice(0, eq);
        }
        arg = spec.aliases[arg] ?? arg;
        if (spec.takesValue.has(arg)) {
            const value: string | undefined = inline ?? argv[++i];
            if (value === undefined || value.startsWith("--")) {
                return { error: `${arg} needs a value` };
            }
            values[arg] = value;
        } else if (spec.optionalValue.has(arg)) {
            const next: string | undefined = argv[i + 1];
            values[arg] = inline ?? (next !== undefined && (!next.startsWith("-") || next === "-") ? argv[++i] : "-");
        } else if (spec.switches.has(arg)) {
            values[arg] = true;
        } else {
            return { error: `unknown argument ${arg}` };
        }
    }
    return { values };
}
