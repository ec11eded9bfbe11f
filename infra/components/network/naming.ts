import { PlatformConfig } from "../../config/platformConfig";

/** Name tag for a network resource: <project>-<stack>-<what>, so the console reads like the code. */
export function nameTag(config: PlatformConfig, what: string): Record<string, string> {
    return { Name: `${config.tags.project ?? config.project}-${config.stack}-${what}` };
}
