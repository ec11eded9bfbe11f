import { Policies } from "@pulumi/policy";

/**
 * Every policy in the pack, one module per pillar or service. Tests, the offline preview and the
 * benchmark import this list directly (no analyzer server).
 */
export const policies: Policies = [
];
