import { z } from "zod";
import type { StackConfig } from "./schema";
import { retired } from "./accountSchema";
import { distinctList, flag, integerBetween, oneOf, oneOfNumbers, strictObject, textMatching } from "./fieldTypes";

const RETENTION_DAYS: readonly number[] = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/**
 * ECR's repository-name grammar (CreateRepository): lowercase path components of letters and
 * digits separated by single ., _ or -, joined by /. The stack prefix (<project>-<stack>/) is
 * added in front, so the configured part keeps to 200 of ECR's 256 characters.
 */
const ECR_NAME = /^(?=.{2,200}$)(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const ECR_NAME_ALLOWED = "an ECR repository name: 2 to 200 lowercase letters and digits, path components separated by /, words by a single . _ or - (such as orders/api)";
/** GitHub owner and repository names (the immutable form adds @<numeric id> to each). */
const GITHUB_REPOSITORY = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9_.-]{1,100}$/;
/** `sub` claim: repo:<owner>[@id]/<name>[@id]:<context>, no wildcard anywhere (the roles use StringEquals). */
const GITHUB_SUBJECT = /^repo:([A-Za-z0-9-]{1,39})(@\d+)?\/([A-Za-z0-9_.-]{1,100})(@\d+)?:([^*?\s]+)$/;
const SUBJECT_ALLOWED = "a GitHub OIDC subject repo:<owner>/<name>:<context> with no wildcard, such as repo:acme/platform:environment:prod";
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[0-9a-f-]{36}$/;
const IDC_INSTANCE_ARN = /^arn:aws[a-z-]*:sso:::instance\/(sso)?ins-[a-zA-Z0-9-.]{16}$/;
const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
const NAMESPACE = /^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const RETIRED_PROVIDER = "nothing: the GitHub OIDC provider (one per URL per account) follows platform:account.baseline: "
    + "the owner's stack creates it, consumer and organization stacks look it up by URL";

const repositorySchema = strictObject({
    name: textMatching(ECR_NAME, ECR_NAME_ALLOWED),
    lifecycle: strictObject({
        keepTaggedImages: integerBetween(1, 1000).default(30),
        untaggedExpireDays: integerBetween(1, 365).default(7),
    }).default({ keepTaggedImages: 30, untaggedExpireDays: 7 }),
});

const roleMappingSchema = strictObject({
    role: oneOf(["ADMIN", "EDITOR", "VIEWER"] as const),
    identities: z.array(strictObject({
        id: textMatching(/^[A-Za-z0-9-]{1,64}$/, "an IAM Identity Center user or group id"),
        type: oneOf(["SSO_USER", "SSO_GROUP"] as const),
    }), { error: "a list of identities { id, type }" }).min(1, { error: "at least one identity" }),
});

export const GITHUB_DEFAULTS = {
    enabled: false, repository: "acme/platform", deploySubject: "repo:acme/platform:environment:dev",
    previewSubject: "repo:acme/platform:pull_request", stateBucket: "acme-pulumi-state", maxSessionDurationSeconds: 3600,
    permissionsBoundaryName: "platform-deploy-boundary",
} as const;

/** IAM policy names: 1-128 of [A-Za-z0-9+=,.@_-] (IAM CreatePolicy). */
const IAM_POLICY_NAME = /^[A-Za-z0-9+=,.@_-]{1,128}$/;

export const deliverySchema = strictObject({
    ecr: strictObject({
        repositories: distinctList(repositorySchema, (r: { name: string }) => r.name, "a list of repositories { name, lifecycle }").default([]),
    }).default({ repositories: [] }),
    github: strictObject({
        enabled: flag().default(false),
        // The account's GitHub OIDC provider belongs to the baseline owner (infra/components/account); other stacks look it up.
        createProvider: retired(RETIRED_PROVIDER),
        existingProviderArn: retired(RETIRED_PROVIDER),
        repository: textMatching(GITHUB_REPOSITORY, "a GitHub repository <owner>/<name> such as acme/platform (no wildcard)").default(GITHUB_DEFAULTS.repository),
        deploySubject: textMatching(GITHUB_SUBJECT, SUBJECT_ALLOWED).default(GITHUB_DEFAULTS.deploySubject),
        previewSubject: textMatching(GITHUB_SUBJECT, SUBJECT_ALLOWED).default(GITHUB_DEFAULTS.previewSubject),
        stateBucket: textMatching(S3_BUCKET, "the S3 bucket of the Pulumi DIY backend").default(GITHUB_DEFAULTS.stateBucket),
        secretsProviderKeyArn: textMatching(KMS_KEY_ARN, "the KMS key ARN of the awskms:// secrets provider").optional(),
        maxSessionDurationSeconds: integerBetween(3600, 43200).default(3600),
        permissionsBoundaryName: textMatching(IAM_POLICY_NAME, "the name of the account's deploy permissions boundary policy (IAM policy name characters)")
            .default(GITHUB_DEFAULTS.permissionsBoundaryName),
    }).default(GITHUB_DEFAULTS),
    argoCd: strictObject({
        enabled: flag().default(false),
        identityCenterInstanceArn: textMatching(IDC_INSTANCE_ARN, "an IAM Identity Center instance ARN such as arn:aws:sso:::instance/ssoins-1234567890abcdef").optional(),
        identityCenterRegion: textMatching(REGION, "the Region of IAM Identity Center such as us-east-1").optional(),
        namespace: textMatching(NAMESPACE, "a Kubernetes namespace").default("argocd"),
        rbacRoleMappings: distinctList(roleMappingSchema, (m: { role: string }) => m.role, "a list of role mappings { role, identities }").default([]),
        logRetentionInDays: oneOfNumbers(RETENTION_DAYS).default(365),
    }).default({ enabled: false, namespace: "argocd", rbacRoleMappings: [], logRetentionInDays: 365 }),
});

type RefinementContext = z.RefinementCtx<StackConfig>;

function problem(ctx: RefinementContext, path: (string | number)[], input: unknown, allowed: string): void {
    ctx.addIssue({ code: "custom", path, input, message: allowed });
}

/** The owner/name a subject names (ids of the immutable form dropped), or undefined. */
export function subjectRepository(subject: string): string | undefined {
    const match = GITHUB_SUBJECT.exec(subject);
    return match ? `${match[1]}/${match[3]}` : undefined;
}

/**
 * Cross-field rules of platform:delivery: both subjects name the configured repository, the deploy
 * subject is a GitHub environment (so prod's required reviewers gate the credentials), the provider
 * is created or referenced, and Argo CD has its Identity Center instance.
 */
export function checkDelivery(config: StackConfig, ctx: RefinementContext): void {
    const delivery = config["platform:delivery"];
    const key = "platform:delivery";
    const github = delivery.github;
    if (github.enabled) {
        for (const field of ["deploySubject", "previewSubject"] as const) {
            const named: string | undefined = subjectRepository(github[field]);
            if (named !== undefined && named.toLowerCase() !== github.repository.toLowerCase()) {
                problem(ctx, [key, "github", field], github[field], `a subject of the configured repository: repo:${github.repository}:...`);
            }
        }
        if (!/:environment:[A-Za-z0-9_.-]+$/.test(github.deploySubject)) {
            problem(ctx, [key, "github", "deploySubject"], github.deploySubject, `repo:${github.repository}:environment:<name> (the deploy job runs in a GitHub environment, whose protection rules gate the role)`);
        }
        if (!github.previewSubject.endsWith(":pull_request")) {
            problem(ctx, [key, "github", "previewSubject"], github.previewSubject, `repo:${github.repository}:pull_request (the subject of pull-request jobs without an environment)`);
        }
        if (github.previewSubject === github.deploySubject) {
            problem(ctx, [key, "github", "previewSubject"], github.previewSubject, "a subject different from deploySubject (pull requests must never get the deploy role)");
        }
    }
    const argoCd = delivery.argoCd;
    if (argoCd.enabled && argoCd.identityCenterInstanceArn === undefined) {
        problem(ctx, [key, "argoCd", "identityCenterInstanceArn"], undefined, "an IAM Identity Center instance ARN when argoCd.enabled is true (the managed Argo CD signs users in through it)");
    }
}
