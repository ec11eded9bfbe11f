import { BaseSequencer, TestSpecification } from "vitest/node";

/**
 * Files that start child processes (the policy pack's analyzer server, the offline-preview CLI) or
 * run the program several times: the suite's long poles. Vitest orders files by the durations it
 * cached on earlier runs, and a clean clone (CI) has none, so these could start last and leave one
 * worker running them alone at the end. They start first, in this order, whatever the cache says.
 */
export const LONG_POLES: readonly string[] = [
    "tests/policy/analyzerProtocol.prod.test.ts",
    "tests/policy/analyzerProtocol.dev.test.ts",
    "tests/preview/failures.test.ts",
    "tests/integration/everythingOn.test.ts",
    "tests/data/stableNames.test.ts",
];

export default class LongPolesFirst extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
        const sorted: TestSpecification[] = await super.sort(files);
        const rank = (file: TestSpecification): number => {
            const index: number = LONG_POLES.findIndex((pole: string) => file.moduleId.endsWith(pole));
            return index === -1 ? LONG_POLES.length : index;
        };
        // Array.prototype.sort is stable: everything else keeps the base order.
        return sorted.sort((a: TestSpecification, b: TestSpecification) => rank(a) - rank(b));
    }
}
