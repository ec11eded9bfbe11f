import { DEFINITION_TOKEN } from "../../config/integrationSchema";

/** What a state machine definition calls, from its ${kind:name} references. */
export interface DefinitionReferences {
    readonly functions: readonly string[];
    readonly queues: readonly string[];
    readonly topics: readonly string[];
}

export function definitionReferences(definition: Readonly<Record<string, unknown>>): DefinitionReferences {
    const found: Record<string, Set<string>> = { function: new Set(), queueUrl: new Set(), topic: new Set() };
    for (const [, kind, name] of JSON.stringify(definition).matchAll(DEFINITION_TOKEN)) {
        found[kind].add(name);
    }
    return { functions: [...found.function].sort(), queues: [...found.queueUrl].sort(), topics: [...found.topic].sort() };
}
