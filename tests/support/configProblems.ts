import { expect } from "vitest";
import { ConfigValidationError } from "../../infra/config/errors";
import { parsePlatformConfig } from "../../infra/config/load";

/** The problem lines of a rejected configuration; fails when the configuration is accepted. */
export function problemsOf(raw: Record<string, string>, stack = "dev"): string[] {
    try {
        parsePlatformConfig(raw, "platform", stack);
    } catch (error) {
        expect(error).toBeInstanceOf(ConfigValidationError);
        return (error as Error).message.split("\n").slice(1).map((line: string) => line.replace(/^ {2}- /, ""));
    }
    throw new Error("configuration was accepted but should have been rejected");
}
