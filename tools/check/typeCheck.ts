import * as path from "path";
import * as ts from "typescript";

/** The TypeScript program `tsc --noEmit -p <tsconfig>` builds: the same root files and options. */
export function programFor(tsconfigPath: string): ts.Program {
    const host: ts.ParseConfigFileHost = {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic: ts.Diagnostic): void => {
            throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
        },
    };
    const parsed: ts.ParsedCommandLine | undefined = ts.getParsedCommandLineOfConfigFile(path.resolve(tsconfigPath), {}, host);
    if (!parsed) {
        throw new Error(`cannot read ${tsconfigPath}`);
    }
    if (parsed.errors.length > 0) {
        throw new Error(ts.formatDiagnostics(parsed.errors, formatHost()));
    }
    return ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, projectReferences: parsed.projectReferences });
}

/** Every error `tsc --noEmit` reports for the program, formatted as tsc prints them. */
export function typeErrors(program: ts.Program): { readonly count: number; readonly text: string } {
    const diagnostics: readonly ts.Diagnostic[] = ts.getPreEmitDiagnostics(program);
    return { count: diagnostics.length, text: diagnostics.length > 0 ? ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost()) : "" };
}

function formatHost(): ts.FormatDiagnosticsHost {
    return {
        getCanonicalFileName: (fileName: string): string => fileName,
        getCurrentDirectory: (): string => process.cwd(),
        getNewLine: (): string => "\n",
    };
}
