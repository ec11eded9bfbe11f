import { PlatformConfig } from "../config/platformConfig";

/** <project>-<stack>: the prefix of every physical name and Name tag the program sets. */
export function namePrefix(config: PlatformConfig): string {
    return `${config.tags.project ?? config.project}-${config.stack}`;
}

/** Name tag <project>-<stack>-<what>, so the console reads like the code. */
export function nameTag(config: PlatformConfig, what: string): Record<string, string> {
    return { Name: `${namePrefix(config)}-${what}` };
}

/**
 * What a component needs to name things, without the whole configuration: the <project>-<stack>
 * prefix. Components built after the foundation take this instead of PlatformConfig.
 */
export interface NamingContext {
    readonly prefix: string;
}

export function namingContext(config: PlatformConfig): NamingContext {
    return { prefix: namePrefix(config) };
}

/** <prefix>-<what>: a physical name. */
export function physicalName(naming: NamingContext, what: string): string {
    return `${naming.prefix}-${what}`;
}

/** Name tag <prefix>-<what>. */
export function nameTagFor(naming: NamingContext, what: string): Record<string, string> {
    return { Name: physicalName(naming, what) };
}
