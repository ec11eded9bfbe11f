/**
 * How the repository's command-line tools exit (the offline preview, the rate check).
 *
 * Exits once stdout and stderr have handed every byte to the OS. process.exit() right after a large
 * write drops what is still queued when the stream is a pipe (`| jq`, `| tee`: the reader gets the
 * first 64 KiB), so the exit waits for an empty write on each stream, which completes only after
 * every write before it. A reader that closes early (`| head`) is not an error of the command.
 */
export function exitWhenFlushed(code: number): void {
    process.exitCode = code;
    const streams: NodeJS.WriteStream[] = [process.stdout, process.stderr];
    let pending: number = streams.length;
    for (const stream of streams) {
        stream.on("error", (error: NodeJS.ErrnoException) => {
            if (error.code === "EPIPE") {
                process.exit(code);
            }
        });
        stream.write("", () => {
            pending -= 1;
            if (pending === 0) {
                // A runtime (Pulumi's) may keep timers alive after the run: exit explicitly, now that nothing is queued.
                process.exit(code);
            }
        });
    }
}
