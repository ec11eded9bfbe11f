import { RESOURCE_TYPE_ACTIONS, WORKFLOW_ACTIONS } from "../../../infra/components/delivery/resourceTypeActions";
import { PREVIEW_EXCLUDED_READS } from "../../../infra/components/delivery/deployPermissions";
import { str } from "../documents";
import type { RecordedResource } from "../../offline/mockEngine";
import { actionDetails, serviceResourceTypes } from "../../../policy/lib/iamCatalogue";
import { resourceMatchesFormat } from "../arnMatch";
import { allow, deny } from "./common";
import type { AccessContract, ContractInputs } from "./types";
import { RunIndex, role, service } from "./wiring";

/** @pulumi/aws module -> IAM service prefix, where they differ (by type where one module spans several services). */
const PREFIX_BY_TYPE: Readonly<Record<string, string>> = {
    "aws:cloudwatch/logGroup:LogGroup": "logs", "aws:cloudwatch/eventBus:EventBus": "events", "aws:cloudwatch/eventRule:EventRule": "events",
    "aws:cloudwatch/eventArchive:EventArchive": "events", "aws:cloudwatch/metricAlarm:MetricAlarm": "cloudwatch", "aws:cloudwatch/dashboard:Dashboard": "cloudwatch",
};
const PREFIX_BY_MODULE: Readonly<Record<string, string>> = {
    cfg: "config", efs: "elasticfilesystem", cognito: "cognito-idp", sfn: "states", costexplorer: "ce", amp: "aps", apigatewayv2: "apigateway",
    appautoscaling: "application-autoscaling", lb: "elasticloadbalancing", alb: "elasticloadbalancing", opensearch: "es", vpc: "ec2", ebs: "ec2",
};

/** The IAM prefix and the type's own name (aws:sqs/queue:Queue -> sqs, Queue). */
function typeParts(type: string): { prefix: string; name: string } {
    const [, modulePath, name] = type.split(":");
    const module: string = (modulePath ?? "").split("/")[0];
    return { prefix: PREFIX_BY_TYPE[type] ?? PREFIX_BY_MODULE[module] ?? module, name: name ?? "" };
}

/** The first candidate that exists in the Service Authorization Reference and has a resource type the ARN is of. */
function firstAction(prefix: string, candidates: readonly string[], arn: string, needed: ReadonlySet<string>): string | undefined {
    return candidates.map((c: string) => `${prefix}:${c}`).filter((a: string) => needed.has(a)).find((a: string) => (actionDetails(a)?.resourceTypes ?? []).some((t) => {
        const format: string | undefined = serviceResourceTypes(prefix).get(t.name.toLowerCase())?.arn;
        return format !== undefined && resourceMatchesFormat(arn, format);
    }));
}

/**
 * Delivery layer: the GitHub deploy role can create, update and delete each resource type the
 * stack declares, and the preview role can read them and write none of them (issue 17 §3). The
 * actions are the type's row of the deploy-permissions table (resourceTypeActions.ts: what the
 * provider calls to create, read, update and delete it), the ones that act on the resource's own
 * ARN (checked against the Service Authorization Reference); a role's changes carry the boundary
 * the role is created with (iam:PermissionsBoundary), as the deploy role's guard requires.
 * An image function's repository admits Lambda's pull (Lambda Developer Guide, "Amazon ECR permissions").
 */
export function deliveryContracts(inputs: ContractInputs, index: RunIndex, prefix: string): AccessContract[] {
    const out: AccessContract[] = [];
    const roles: RecordedResource[] = index.of("aws:iam/role:Role");
    const deployRole: RecordedResource | undefined = roles.find((r) => r.outputs.name === `${prefix}-github-deploy`);
    const previewRole: RecordedResource | undefined = roles.find((r) => r.outputs.name === `${prefix}-github-preview`);
    const seen = new Set<string>();
    for (const r of inputs.resources) {
        const arn: unknown = r.outputs.arn;
        if (!r.custom || typeof arn !== "string" || seen.has(r.type)) {
            continue;
        }
        // The GitHub roles' own policies and attachments: the deploy role is denied changing them on
        // purpose (DenyOwnPolicyChanges, deployPermissions.ts), so a change takes an owner's pulumi up.
        if (r.name.startsWith("github-")) {
            continue;
        }
        const { prefix: service_, name } = typeParts(r.type);
        if (arn.split(":")[2] !== service_) {
            continue; // the fake cloud has no ARN of this type's real format
        }
        const row = RESOURCE_TYPE_ACTIONS[r.type];
        if (!row) {
            continue; // tests/delivery/deployRole.test.ts fails for a registered type without a row
        }
        const needed = new Set<string>([...row.create, ...row.read, ...row.update, ...row.delete]);
        const create: string | undefined = firstAction(service_, [`Create${name}`, `Put${name}`], arn, needed);
        const remove: string | undefined = firstAction(service_, [`Delete${name}`], arn, needed);
        const update: string | undefined = firstAction(service_, [`Update${name}`, `Modify${name}`, `Set${name}Attributes`, `Update${name}Configuration`, `Modify${name}Attribute`, `Update${name}Options`], arn, needed);
        const read: string | undefined = firstAction(service_, [`Describe${name}`, `Get${name}`, `Describe${name}s`, `Get${name}Attributes`], arn, needed);
        const boundary: unknown = r.type === "aws:iam/role:Role" ? r.inputs.permissionsBoundary : undefined;
        const context: Record<string, string> | undefined = typeof boundary === "string" ? { "iam:PermissionsBoundary": boundary } : undefined;
        if (!create && !update && !remove && !read) {
            continue;
        }
        seen.add(r.type);
        const source = `${r.type} ${r.name}`;
        if (deployRole) {
            for (const action of [create, update, remove, read].filter((a): a is string => a !== undefined)) {
                out.push(allow("delivery", `deploy-role-manages/${r.type}/${action}`, `the deploy role can ${action} a ${name}`, role(String(deployRole.outputs.arn)), action, arn, source, context));
            }
        }
        if (previewRole) {
            // Reads that return secret or data content are withheld from pull-request runs on purpose.
            if (read && !PREVIEW_EXCLUDED_READS.includes(read)) {
                out.push(allow("delivery", `preview-role-reads/${r.type}/${read}`, `the preview role can ${read} a ${name}`, role(String(previewRole.outputs.arn)), read, arn, source));
            }
            for (const action of [create, update, remove].filter((a): a is string => a !== undefined)) {
                out.push(deny("delivery", `preview-role-cannot-write/${r.type}/${action}`, `the preview role cannot ${action} a ${name}`, role(String(previewRole.outputs.arn)), action, arn, source));
            }
        }
    }
    if (previewRole) {
        // The pull-request workflow's price-table check (npm run rates:check) reads AWS's price list.
        for (const [what, workflow] of Object.entries(WORKFLOW_ACTIONS)) {
            for (const action of workflow.actions) {
                out.push(allow("delivery", `preview-role-workflow/${action}`, `the preview role can ${action} for ${what}`, role(String(previewRole.outputs.arn)), action, "*", workflow.source));
            }
        }
    }
    const repositories: RecordedResource[] = index.of("aws:ecr/repository:Repository");
    for (const fn of index.of("aws:lambda/function:Function")) {
        const image: unknown = fn.inputs.imageUri;
        const repository: RecordedResource | undefined = typeof image === "string" ? repositories.find((repo) => image.startsWith(String(repo.outputs.repositoryUrl))) : undefined;
        if (!repository) {
            continue;
        }
        for (const action of ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]) {
            out.push(allow("delivery", `lambda-pulls-image/${str(fn.outputs.name)}/${action}`, "Lambda pulls the function's image from the stack's repository", service("lambda.amazonaws.com"), action, String(repository.outputs.arn), `${fn.type} ${fn.name}`,
                { "aws:SourceArn": String(fn.outputs.arn), "aws:SourceAccount": inputs.account }));
        }
    }
    return out;
}
