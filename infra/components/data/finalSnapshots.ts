import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { DataContext } from "./context";

/**
 * The identifier of the snapshot a store takes when it is deleted, or undefined when the stack
 * takes none (platform:protection.finalSnapshots false, as in dev).
 *
 * A final snapshot outlives the store: with a fixed identifier (`<store>-final`) the second deletion
 * of a recreated store fails, because RDS (DBClusterSnapshotAlreadyExistsFault) and ElastiCache
 * (SnapshotAlreadyExistsFault) refuse a snapshot name that exists. The suffix is a RandomId created
 * with the store: it stays the same for the store's whole life (no diff on update) and is new when
 * the store is created again, so every deletion writes a snapshot of its own.
 */
export function finalSnapshotIdentifier(ctx: DataContext, slug: string, storeIdentifier: string): pulumi.Output<string> | undefined {
    if (!ctx.protection.finalSnapshots) {
        return undefined;
    }
    const suffix = new random.RandomId(`${slug}-final-snapshot`, {
        byteLength: 4,
        // A new store identifier is a new store: it gets a new suffix too.
        keepers: { storeIdentifier },
    }, { parent: ctx.parent });
    return pulumi.interpolate`${storeIdentifier}-final-${suffix.hex}`;
}
