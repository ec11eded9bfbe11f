import * as pulumi from "@pulumi/pulumi";
import { UNKNOWN_SENTINEL } from "../offline/mockEngine";

/**
 * A value the engine does not know yet (--dry-run): the SDK's unknown marker as the mock monitor
 * deserializes it ({ __pulumiUnknown: true }), or the mock engine's unknown sentinel string.
 */
export function isUnknownValue(value: unknown): boolean {
    return value === UNKNOWN_SENTINEL || pulumi.isUnknown(value);
}
