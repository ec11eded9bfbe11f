// The README embeds each stack's component graph (docs/preview/<stack>.mmd, kept current by the
// preview suites): the Mermaid block whose comment line names `<project>-<stack>` is replaced whole.
import * as fs from "fs";
import * as path from "path";

const STACKS: readonly string[] = ["dev", "prod"];

function graphFile(stack: string): string {
    return fs.readFileSync(path.resolve(__dirname, "..", "..", "docs", "preview", `${stack}.mmd`), "utf8").trimEnd();
}

/** The README with every stack's Mermaid block replaced by its current graph. */
export function withComponentGraphs(readme: string): string {
    let result: string = readme;
    for (const stack of STACKS) {
        const graph: string = graphFile(stack);
        const marker: string = graph.split("\n")[1]?.trim() ?? "";
        const at: number = result.indexOf(marker);
        const start: number = result.lastIndexOf("```mermaid\n", at);
        const end: number = result.indexOf("\n```", at);
        if (!marker || at < 0 || start < 0 || end < 0) {
            throw new Error(`README.md has no Mermaid block for ${stack} (a block holding "${marker}")`);
        }
        result = `${result.slice(0, start)}\`\`\`mermaid\n${graph}${result.slice(end)}`;
    }
    return result;
}
