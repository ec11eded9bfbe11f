import { beforeAll, describe, expect, it } from "vitest";
import { PolicyDocument, PolicyStatement, StackDocuments, ExtractedDocument } from "../../tools/access/documents";
import { parsedConfig, StackAccess, verifyStackAccess } from "../../tools/access/index";
import { AccessEvaluator, AccessDecision } from "../../tools/access/simulate";
import { LAYERS } from "../../tools/access/contracts/index";
import { KNOWN_DEFECTS } from "../../tools/access/contracts/knownDefects";
import { runStack, stackConfiguration } from "../support/stackRun";

/** Documents with the given statements removed (document id -> statement indexes). */
export function withoutStatements(stack: StackDocuments, removed: ReadonlyMap<string, ReadonlySet<number>>): StackDocuments {
    return {
        ...stack,
        documents: stack.documents.map((d: ExtractedDocument) => {
            const drop: ReadonlySet<number> | undefined = removed.get(d.id);
            if (!drop || !d.document) {
                return d;
            }
            const document: PolicyDocument = { ...d.document, Statement: d.document.Statement.filter((_: PolicyStatement, i: number) => !drop.has(i)) };
            return { ...d, document };
        }),
    };
}

/**
 * The access contracts of a committed stack, simulated: one table per layer, each must-allow and
 * must-deny contract holds except the KNOWN_DEFECTS of that stack, which must still fail.
 */
export function describeAccessContracts(stack: string): void {
    describe(`access contracts (${stack})`, () => {
        let access: StackAccess;
        beforeAll(async () => {
            const run = await runStack(stack);
            access = await verifyStackAccess(stack, run.resources, parsedConfig(stackConfiguration(stack).config));
            const s = access.summary;
            console.log(`access ${stack}: iam-data ${s.dataVersion}; ${s.documents.validated} documents, ${s.contracts.checked} contracts (${JSON.stringify(s.contracts.perLayer)}); validation ${s.milliseconds.validation} ms, simulation ${s.milliseconds.simulation} ms`);
        });

        it("has a must-allow and a must-deny table for every layer", () => {
            for (const layer of LAYERS) {
                const outcomes = access.tables.get(layer) ?? [];
                expect(outcomes.filter((o) => o.contract.expect === "allow").length, `${layer} must-allow`).toBeGreaterThan(0);
                expect(outcomes.filter((o) => o.contract.expect === "deny").length, `${layer} must-deny`).toBeGreaterThan(0);
            }
            const ids: string[] = access.outcomes.map((o) => o.contract.id);
            expect(new Set(ids).size, "contract ids are unique").toBe(ids.length);
        });

        it("every contract holds, except the known defects of issues 17 and 18", () => {
            const known: Readonly<Record<string, string>> = KNOWN_DEFECTS[stack] ?? {};
            const failing: string[] = access.outcomes.filter((o) => !o.holds && !(o.contract.id in known)).map((o) => o.message);
            expect(failing).toEqual([]);
        });

        it("every known defect still fails (delete it from KNOWN_DEFECTS when its fix lands)", () => {
            const known: Readonly<Record<string, string>> = KNOWN_DEFECTS[stack] ?? {};
            const ids = new Set<string>(access.outcomes.map((o) => o.contract.id));
            expect(Object.keys(known).filter((id: string) => !ids.has(id)), "known defects name existing contracts").toEqual([]);
            const nowHolding: string[] = access.outcomes.filter((o) => o.holds && o.contract.id in known).map((o) => `${o.contract.id} (${known[o.contract.id]})`);
            expect(nowHolding).toEqual([]);
            for (const issue of Object.values(known)) {
                expect(issue).toMatch(/^#1[78] §\d/);
            }
        });

        it("a failing contract names the contract and the statement that decided", () => {
            // Decided by an explicit deny (a must-deny that holds, such as a TLS-only or own-role deny).
            const explicit = access.outcomes.find((o) => o.decision.result === "ExplicitlyDenied");
            expect(explicit, "a contract decided by an explicit deny").toBeDefined();
            expect(explicit!.message).toContain(explicit!.contract.id);
            expect(explicit!.message).toMatch(/Deny Statement\[\d+\]( \([^)]+\))? of urn:pulumi:[^ ]+#policy \(/);
            const implicit = access.outcomes.find((o) => o.decision.result === "ImplicitlyDenied");
            expect(implicit!.message).toMatch(/no statement allows it \(identity: .*; resource policy: /);
            for (const o of access.outcomes.filter((x) => x.holds && x.contract.expect === "allow")) {
                expect(o.decision.deciding.length, o.message).toBeGreaterThan(0);
            }
        });

        it("removing the statements a must-allow contract relies on fails it, naming the contract", async () => {
            let checked = 0;
            for (const outcome of access.outcomes.filter((o) => o.holds && o.contract.expect === "allow")) {
                const removed = new Map<string, Set<number>>();
                for (const d of outcome.decision.deciding) {
                    const index = Number(/^Statement\[(\d+)\]/.exec(d.statement)?.[1]);
                    removed.set(d.document, new Set([...(removed.get(d.document) ?? []), index]));
                }
                const decision: AccessDecision = await new AccessEvaluator(withoutStatements(access.documents, removed)).evaluate(outcome.contract.request);
                expect(decision.result, `${outcome.contract.id}: still allowed without ${outcome.decision.summary}`).not.toBe("Allowed");
                checked++;
            }
            expect(checked).toBeGreaterThan(50);
        });

        it("generates must-deny isolation contracts for every bucket, queue, topic, key and secret", async () => {
            const outsiderTargets = new Set(access.outcomes.filter((o) => o.contract.id.includes("/outsider-denied/")).map((o) => o.contract.request.resource.replace(/\/any-object$/, "")));
            const anonymousTargets = new Set(access.outcomes.filter((o) => o.contract.id.includes("/anonymous-denied/")).map((o) => o.contract.request.resource.replace(/\/any-object$/, "")));
            const types = ["aws:s3/bucket:Bucket", "aws:sqs/queue:Queue", "aws:sns/topic:Topic", "aws:kms/key:Key", "aws:secretsmanager/secret:Secret"];
            const arns: string[] = (await runStack(stack)).resources.filter((r) => types.includes(r.type)).map((r) => String(r.outputs.arn));
            expect(arns.length).toBeGreaterThan(20);
            expect(arns.filter((arn) => !outsiderTargets.has(arn))).toEqual([]);
            expect(arns.filter((arn) => !anonymousTargets.has(arn))).toEqual([]);
        });
    });
}
