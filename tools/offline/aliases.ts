/**
 * Alias URNs the way the engine computes them from a RegisterResourceRequest, so an offline
 * comparison can tell a safe rename (the new URN names the old one as an alias) from a delete and
 * create. Follows @pulumi/pulumi's resource.js (collapseAliasToUrn, inheritedChildAlias, allAliases),
 * which the SDK uses when the monitor has no alias specs and the engine mirrors for specs
 * (pkg/resource/deploy/step_generator.go, generateAliases): a resource's own aliases, then one alias
 * per alias of its parent, since a child's URN carries its parent's type.
 */

/** One entry of RegisterResourceRequest.aliases: a full URN or a spec with defaults left empty. */
export interface AliasRequest {
    readonly urn?: string;
    readonly spec?: {
        readonly name: string;
        readonly type: string;
        readonly stack: string;
        readonly project: string;
        readonly parentUrn?: string;
        readonly noParent: boolean;
    };
}

export interface AliasedResource {
    readonly name: string;
    readonly type: string;
    readonly parent?: string;
}

/** The resource's URN: the parent's qualified type chain, then type and name (createUrn in the SDK). */
export function createUrn(stack: string, project: string, parentUrn: string | undefined, type: string, name: string): string {
    const prefix: string = parentUrn ? `${parentUrn.slice(0, parentUrn.lastIndexOf("::"))}$` : `urn:pulumi:${stack}::${project}::`;
    return `${prefix}${type}::${name}`;
}

/** The logical name at the end of a URN. */
export function urnName(urn: string): string {
    return urn.slice(urn.lastIndexOf("::") + 2);
}

/** The resource type of a URN (the last segment of its qualified type). */
export function urnType(urn: string): string {
    const qualified: string = urn.slice(0, urn.lastIndexOf("::")).split("::").pop() ?? "";
    return qualified.split("$").pop() ?? qualified;
}

/** An alias spec with its empty fields defaulted from the resource (collapseAliasToUrn). */
export function collapseAlias(alias: AliasRequest, resource: AliasedResource, stack: string, project: string): string {
    if (alias.urn) {
        return alias.urn;
    }
    const spec = alias.spec!;
    const parent: string | undefined = spec.noParent ? undefined : spec.parentUrn || resource.parent;
    return createUrn(spec.stack || stack, spec.project || project, parent, spec.type || resource.type, spec.name || resource.name);
}

/**
 * The alias a child inherits from one alias of its parent: same child type under the aliased
 * parent; a child named after its parent ("<parent>-x") takes the parent's old name as prefix.
 */
export function inheritedChildAlias(childName: string, childType: string, parentName: string, parentAlias: string): string {
    const aliasName: string = childName.startsWith(parentName) ? urnName(parentAlias) + childName.slice(parentName.length) : childName;
    return createUrn("", "", parentAlias, childType, aliasName);
}

/** Every alias URN of a resource: its own, and those multiplied out from its parent's aliases. */
export function aliasUrns(
    own: readonly AliasRequest[],
    resource: AliasedResource,
    parent: { readonly name: string; readonly aliases: readonly string[] } | undefined,
    stack: string,
    project: string,
): string[] {
    const result = new Set<string>(own.map((alias: AliasRequest) => collapseAlias(alias, resource, stack, project)));
    for (const parentAlias of parent?.aliases ?? []) {
        result.add(inheritedChildAlias(resource.name, resource.type, parent!.name, parentAlias));
        for (const alias of own) {
            const childAlias: string = collapseAlias(alias, resource, stack, project);
            result.add(inheritedChildAlias(urnName(childAlias), urnType(childAlias), parent!.name, parentAlias));
        }
    }
    return [...result];
}
