import type { PreviewResult } from "../preview/preview";
import { applyAcknowledgements } from "./acknowledgements";
import { Comparison, comparePreviews } from "./compare";
import { Acknowledgement, Danger, EXIT_DANGEROUS, EXIT_OK, Review } from "./model";

/** The whole review: comparison, then acknowledgements; exit 1 when a danger is not acknowledged. */
export function reviewPreviews(base: PreviewResult, head: PreviewResult, options: { baseLabel: string; headLabel: string; acknowledgements: readonly Acknowledgement[] }): Review {
    const comparison: Comparison = comparePreviews(base, head, options.baseLabel, options.headLabel);
    const { dangers, stale } = applyAcknowledgements(comparison.dangers, options.acknowledgements, comparison.stack);
    return {
        project: comparison.project,
        stack: comparison.stack,
        base: options.baseLabel,
        head: options.headLabel,
        counts: comparison.counts,
        changes: comparison.changes,
        affected: comparison.affected,
        dangers,
        cost: comparison.cost,
        staleAcknowledgements: stale,
        exitCode: dangers.some((d: Danger) => d.acknowledged === undefined) ? EXIT_DANGEROUS : EXIT_OK,
    };
}

/** What the offline comparison cannot know; printed with every report. */
export const LIMITATIONS: readonly string[] = [
    "Offline: the program ran under mocks with fake-cloud ids. Provider-side diffs (defaults, normalisation, the provider's own replace decisions), drift and changes made outside the program (console, other stacks) need the real `pulumi preview`.",
    "Replacement comes from CloudFormation's create-only properties (@pulumi/aws-native) mapped to @pulumi/aws inputs; types without that data say so.",
    "Ids and ARNs that derive from a replaced resource stay the same offline; resources that hold them are listed as possibly affected, not diffed.",
    "Secret values are compared as opaque placeholders: a change inside a secret does not show.",
];
