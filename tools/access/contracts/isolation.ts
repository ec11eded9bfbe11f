import { str } from "../documents";
import type { RecordedResource } from "../../offline/mockEngine";
import { deny, layerOf } from "./common";
import type { AccessContract, ContractInputs, Layer } from "./types";

/** Another account's principal with an identity policy that allows everything: only the resource side can stop it. */
export const OUTSIDER = "arn:aws:iam::210987654321:role/outsider";

/** Per resource type: the request ARN (from the resource's ARN) and the actions an outsider would try. */
const PROBES: Readonly<Record<string, { readonly resource: (arn: string) => string; readonly actions: readonly string[] }>> = {
    "aws:s3/bucket:Bucket": { resource: (arn) => `${arn}/any-object`, actions: ["s3:GetObject", "s3:PutObject"] },
    "aws:sqs/queue:Queue": { resource: (arn) => arn, actions: ["sqs:SendMessage", "sqs:ReceiveMessage"] },
    "aws:sns/topic:Topic": { resource: (arn) => arn, actions: ["sns:Publish", "sns:Subscribe"] },
    "aws:kms/key:Key": { resource: (arn) => arn, actions: ["kms:Decrypt", "kms:GenerateDataKey"] },
    "aws:secretsmanager/secret:Secret": { resource: (arn) => arn, actions: ["secretsmanager:GetSecretValue"] },
    "aws:ecr/repository:Repository": { resource: (arn) => arn, actions: ["ecr:BatchGetImage", "ecr:PutImage"] },
    "aws:cloudwatch/eventBus:EventBus": { resource: (arn) => arn, actions: ["events:PutEvents"] },
    "aws:lambda/function:Function": { resource: (arn) => arn, actions: ["lambda:InvokeFunction"] },
    "aws:dynamodb/table:Table": { resource: (arn) => arn, actions: ["dynamodb:GetItem"] },
};

/**
 * Must-deny, generated for every bucket, queue, topic, key, secret, repository, event bus, function
 * and table in the run: no principal outside the account (another account's role with full
 * identity permissions, or an anonymous caller) reaches it.
 */
export function isolationContracts(inputs: ContractInputs): Map<Layer, AccessContract[]> {
    const byUrn = new Map<string, RecordedResource>(inputs.resources.map((r) => [r.urn, r]));
    const out = new Map<Layer, AccessContract[]>();
    for (const r of inputs.resources) {
        const probe = PROBES[r.type];
        const arn: unknown = r.outputs.arn;
        if (!probe || typeof arn !== "string") {
            continue;
        }
        const layer: Layer = layerOf(r, byUrn) ?? "security";
        const list: AccessContract[] = out.get(layer) ?? [];
        const subject: string = str(r.outputs.name, str(r.outputs.bucket, r.name));
        for (const action of probe.actions) {
            list.push(deny(layer, `outsider-denied/${r.type.split(":")[1]}/${subject}/${action}`, "no principal in another account reaches it", { kind: "external", arn: OUTSIDER }, action, probe.resource(arn), `${r.type} ${r.name}`));
        }
        list.push(deny(layer, `anonymous-denied/${r.type.split(":")[1]}/${subject}/${probe.actions[0]}`, "no anonymous caller reaches it", { kind: "anonymous" }, probe.actions[0], probe.resource(arn), `${r.type} ${r.name}`));
        out.set(layer, list);
    }
    return out;
}
