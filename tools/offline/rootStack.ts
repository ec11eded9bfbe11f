import { RecordedResource } from "./mockEngine";

/**
 * The root stack resource the engine registers before the program's first resource
 * (`pulumi:pulumi:Stack`, named `<project>-<stack>`), which the mock runtime does not: the program
 * runs directly, not inside `runInPulumiStack`, so that its URNs stay the engine's. Analyzers see it
 * like any other resource: resource policies are called for it, stack policies find it in the list,
 * and every top-level resource names it as its parent (its URN still omits the root's type, as the
 * engine writes it).
 */
export function rootStackUrn(project: string, stack: string): string {
    return `urn:pulumi:${stack}::${project}::pulumi:pulumi:Stack::${project}-${stack}`;
}

export function withRootStack(resources: readonly RecordedResource[], project: string, stack: string, outputs: Record<string, unknown>): RecordedResource[] {
    const urn: string = rootStackUrn(project, stack);
    const root: RecordedResource = {
        urn, type: "pulumi:pulumi:Stack", name: `${project}-${stack}`, custom: false, protect: false, retainOnDelete: false,
        dependencies: [], ignoreChanges: [], propertyDependencies: {}, inputs: {}, outputs, secretInputs: [],
    };
    return [root, ...resources.map((r: RecordedResource) => (r.parent ? r : { ...r, parent: urn }))];
}
