// `npm run docs`: regenerates the README's generated sections (the policy reference from the pack,
// the cost table and the component graphs from the offline preview's goldens). tests/repository/readme.test.ts fails when the
// committed README differs from what they give now.
import * as fs from "fs";
import { withComponentGraphs } from "./componentGraphs";
import { renderCostTable, withCostTable } from "./costTable";
import { README, renderPolicyReference, withPolicySection } from "./policyReference";

export function generatedReadme(readme: string): string {
    return withComponentGraphs(withCostTable(withPolicySection(readme, renderPolicyReference()), renderCostTable()));
}

if (require.main === module) {
    fs.writeFileSync(README, generatedReadme(fs.readFileSync(README, "utf8")));
    console.log("README.md: policy reference and cost table regenerated");
}
