import { PlatformConfig } from "../config/platformConfig";

/** <project>-<stack>: the prefix of every physical name and Name tag the program sets. */
export function namePrefix(config: PlatformConfig): string {
    return `${config.tags.project ?? config.project}-${config.stack}`;
}

/** Name tag <project>-<stack>-<what>, so the console reads like the code. */
export function nameTag(config: PlatformConfig, what: string): Record<string, string> {
    return { Name: `${namePrefix(config)}-${what}` };
}
