import { beforeAll, describe, expect, it } from "vitest";
import { DOCUMENT_LOCATIONS, documentProperties, ExtractedDocument, extractDocuments, parseDocument, StackDocuments } from "../../tools/access/documents";
import type { RecordedResource } from "../../tools/offline/mockEngine";
import { runStack } from "../support/stackRun";

function resource(type: string, name: string, inputs: Record<string, unknown>, outputs: Record<string, unknown> = {}): RecordedResource {
    return {
        urn: `urn:pulumi:test::platform::${type}::${name}`, type, name, custom: true, protect: false, retainOnDelete: false, dependencies: [], ignoreChanges: [],
        propertyDependencies: {}, inputs, outputs: { ...inputs, ...outputs }, secretInputs: [],
    };
}

const DOC = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sqs:SendMessage", Resource: "*" }] };

describe.each(["dev", "prod"])("policy documents of the %s stack", (stack: string) => {
    let resources: readonly RecordedResource[];
    let extracted: StackDocuments;
    beforeAll(async () => {
        resources = (await runStack(stack)).resources;
        extracted = extractDocuments(resources);
    });

    it("extracts every recorded input property whose value parses as an IAM document, each classified", () => {
        const ids = new Set<string>(extracted.documents.map((d: ExtractedDocument) => d.id));
        let found = 0;
        for (const r of resources) {
            for (const { property } of documentProperties(r.inputs)) {
                found++;
                expect(ids.has(`${r.urn}#${property}`), `${r.urn} ${property}`).toBe(true);
            }
        }
        expect(found).toBeGreaterThan(50);
        expect(extracted.documents.filter((d) => d.kind === "unclassified").map((d) => d.id), "add the location to DOCUMENT_LOCATIONS").toEqual([]);
    });

    it("every property named *policy* that holds a document is a known location", () => {
        for (const r of resources) {
            for (const [key, value] of Object.entries(r.inputs)) {
                if (/polic/i.test(key) && parseDocument(value) !== undefined) {
                    expect(DOCUMENT_LOCATIONS[r.type]?.[key], `${r.type} ${key}`).toBeDefined();
                }
            }
        }
    });

    it("names the owner of every document: the role, the managed policy or the resource it protects", () => {
        for (const d of extracted.documents) {
            if (d.kind === "trust" || d.kind === "identity") {
                expect(d.roleArn, d.id).toMatch(/^arn:aws:iam::\d{12}:role\//);
            } else if (d.kind === "managed") {
                expect(d.policyArn, d.id).toMatch(/^arn:aws:iam::\d{12}:policy\//);
            } else if (d.kind === "resource" || d.kind === "key") {
                expect(d.resourceArn, d.id).toMatch(/^arn:aws:/);
            }
        }
        const kinds = new Set(extracted.documents.map((d) => d.label));
        for (const label of ["role trust policy", "role policy", "managed policy", "key policy", "bucket policy", "queue policy", "topic policy", "repository policy", "file system policy", "event bus policy", "function policy statement", "CloudWatch Logs resource policy"]) {
            expect(kinds.has(label), label).toBe(true);
        }
        expect(extracted.unknownCount).toBe(0);
        // AWS-managed attachments are noted (not simulated: their content is not in the program).
        expect(extracted.attachments.filter((a) => a.awsManaged).length).toBeGreaterThan(3);
    });
});

describe("extraction", () => {
    it("reads documents as JSON strings or objects, at any depth (Role inlinePolicies)", () => {
        const role = resource("aws:iam/role:Role", "r", { assumeRolePolicy: JSON.stringify(DOC), inlinePolicies: [{ name: "a", policy: DOC }] }, { arn: "arn:aws:iam::123456789012:role/r", name: "r" });
        const docs = extractDocuments([role]).documents;
        expect(docs.map((d) => [d.property, d.kind])).toEqual([["assumeRolePolicy", "trust"], ["inlinePolicies[0].policy", "identity"]]);
    });
    it("skips unknown and secret documents and counts them", () => {
        const unknown = resource("aws:sqs/queuePolicy:QueuePolicy", "q", { queueUrl: "u", policy: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" });
        const secret = resource("aws:iam/rolePolicy:RolePolicy", "s", { role: "r", policy: "[secret]" });
        const partly = resource("aws:sns/topicPolicy:TopicPolicy", "t", { arn: "arn:aws:sns:us-east-1:123456789012:t", policy: JSON.stringify({ Statement: [{ Effect: "Allow", Resource: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" }] }) });
        const result = extractDocuments([unknown, secret, partly]);
        expect(result.unknownCount).toBe(3);
        expect(result.documents.every((d) => d.unknown && d.document === undefined)).toBe(true);
    });
    it("extracts a document at a location it does not know as unclassified (so the completeness test fails on a new kind)", () => {
        const novel = resource("aws:sesv2/emailIdentityPolicy:EmailIdentityPolicy", "x", { policy: JSON.stringify(DOC) });
        expect(extractDocuments([novel]).documents.map((d) => d.kind)).toEqual(["unclassified"]);
    });
    it("turns a Lambda permission into the resource-policy statement Lambda writes", () => {
        const fn = resource("aws:lambda/function:Function", "fn", { name: "f" }, { arn: "arn:aws:lambda:us-east-1:123456789012:function:f", name: "f" });
        const permission = resource("aws:lambda/permission:Permission", "p", { action: "lambda:InvokeFunction", function: "f", principal: "events.amazonaws.com", sourceArn: "arn:aws:events:us-east-1:123456789012:rule/r", sourceAccount: "123456789012" });
        const [doc] = extractDocuments([fn, permission]).documents;
        expect(doc.resourceArn).toBe("arn:aws:lambda:us-east-1:123456789012:function:f");
        expect(doc.document!.Statement[0]).toEqual({
            Sid: "p", Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "lambda:InvokeFunction", Resource: "arn:aws:lambda:us-east-1:123456789012:function:f",
            Condition: { ArnLike: { "aws:SourceArn": "arn:aws:events:us-east-1:123456789012:rule/r" }, StringEquals: { "aws:SourceAccount": "123456789012" } },
        });
    });
});
