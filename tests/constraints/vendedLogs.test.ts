import { describe, expect, it } from "vitest";
import { StackRunResult, runStack } from "../support/stackRun";
import { LOG_WRITERS, LogGroupReference, LogWriterKind, logGroupReferences } from "./logDeliveries";

/**
 * Vended logs (issue 18 §4): a log group an AWS service delivers into through the account's
 * CloudWatch Logs resource policy grows that policy (5,120 characters, account-wide) unless its name
 * starts with /aws/vendedlogs/ (WAF: aws-waf-logs-, its own required prefix). Walks every log group
 * of both stacks and every resource that names one.
 */
for (const stack of ["dev", "prod"] as const) {
    describe(`log deliveries (${stack})`, () => {
        let references: LogGroupReference[] = [];
        let result: StackRunResult;

        it("finds the stack's log groups and what names them", async () => {
            result = await runStack(stack);
            references = logGroupReferences(result.resources);
            expect(result.all("aws:cloudwatch/logGroup:LogGroup").length).toBeGreaterThan(5);
            // The walk sees the deliveries this issue is about, so the rules below cannot pass vacuously.
            const writerTypes = new Set(references.map((r) => r.referencedBy.type));
            for (const type of ["aws:elasticache/replicationGroup:ReplicationGroup", "aws:sfn/stateMachine:StateMachine", "aws:apigatewayv2/stage:Stage", "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration"]) {
                expect(writerTypes, type).toContain(type);
            }
        });

        it("every resource that names a log group is of a classified type (a new writer must be looked up)", () => {
            const unclassified: string[] = references
                .filter((r) => LOG_WRITERS[r.referencedBy.type] === undefined)
                .map((r) => `${r.referencedBy.type} ${r.referencedBy.name} -> ${r.name}`);
            expect(unclassified).toEqual([]);
        });

        it("every vended-log destination carries its service's prefix", () => {
            const wrong: string[] = references.flatMap((r) => {
                const writer: LogWriterKind | undefined = LOG_WRITERS[r.referencedBy.type];
                return writer?.kind === "vended" && !r.name.startsWith(writer.prefix)
                    ? [`${r.name} (written by ${r.referencedBy.type} ${r.referencedBy.name}) must start with ${writer.prefix}`]
                    : [];
            });
            expect(wrong).toEqual([]);
        });
    });
}
