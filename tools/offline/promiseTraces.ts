/**
 * The SDK wraps every internal promise (several per resource: each output, each RPC) in
 * `debuggablePromise`, which captures `new Error().stack` so that a promise still pending when the
 * process exits can be reported with where it was created. Capturing and formatting those stacks is
 * most of what a mocked run costs (about 80% of a 432-resource prod run: 3.2 s against 0.6 s).
 * The mock engine never reports leaks (it waits for outstanding RPCs itself and then returns), so it
 * swaps the wrapper for one that keeps the promise's behaviour (same value, same rejection) and
 * skips the trace. Real `pulumi preview` and `pulumi up` runs never load this module.
 */
interface DebuggableModule {
    debuggablePromise: <T>(promise: Promise<T>, context: unknown) => Promise<T>;
}

let installed = false;

export function skipPromiseLeakTraces(): void {
    if (installed) {
        return;
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const debuggable = require("@pulumi/pulumi/runtime/debuggable") as DebuggableModule;
    // Callers reach the function through the module object (debuggable_1.debuggablePromise) at call time.
    debuggable.debuggablePromise = <T>(promise: Promise<T>): Promise<T> => promise;
    installed = true;
}
