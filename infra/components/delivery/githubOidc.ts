import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { GithubConfig } from "../../config/deliveryConfig";
import { NamingContext, nameTagFor, physicalName } from "../../platform/naming";
import { PolicyDocument, policyDocument } from "../security/policyDocument";
import { DeliveryContext, DeliveryIdentity } from "./deliveryContext";
import { DeployScope, deployPolicies, previewPolicies } from "./deployPermissions";

export const GITHUB_ISSUER = "token.actions.githubusercontent.com";

/** Role names are explicit so the workflows can assume them by name (README, .github/workflows). */
export function deployRoleName(naming: NamingContext): string {
    return physicalName(naming, "github-deploy");
}

export function previewRoleName(naming: NamingContext): string {
    return physicalName(naming, "github-preview");
}

/** Web-identity trust for exactly one `sub` (StringEquals: no wildcard can widen it) and the STS audience. */
export function githubTrust(providerArn: string, subject: string): PolicyDocument {
    return policyDocument([{
        Sid: "AllowGithubActionsOidc",
        Effect: "Allow",
        Principal: { Federated: providerArn },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
            StringEquals: {
                [`${GITHUB_ISSUER}:aud`]: "sts.amazonaws.com",
                [`${GITHUB_ISSUER}:sub`]: subject,
            },
        },
    }]);
}

export interface GithubRoles {
    readonly providerArn: pulumi.Output<string>;
    readonly deployRole: aws.iam.Role;
    readonly previewRole: aws.iam.Role;
}

/**
 * Two roles trusting the account's GitHub OIDC provider: the deploy role for the configured GitHub
 * environment, and the read-only preview role for pull requests. The provider itself is one per
 * URL per account, so it belongs to the account baseline (infra/components/account): the owner's
 * stack creates it and every other stack of the account looks it up; `providerArn` is either.
 */
export function createGithubRoles(ctx: DeliveryContext, github: GithubConfig, providerArn: pulumi.Output<string>): GithubRoles {
    const { naming, parent } = ctx;
    const scope: pulumi.Output<DeployScope> = ctx.identity.apply((id: DeliveryIdentity): DeployScope => ({
        accountId: id.accountId,
        partition: id.partition,
        region: id.region,
        prefix: naming.prefix,
        stateBucket: github.stateBucket,
        secretsProviderKeyArn: github.secretsProviderKeyArn,
    }));
    const role = (slug: string, name: string, subject: string, description: string, documents: pulumi.Output<Record<string, PolicyDocument>>, groups: readonly string[]): aws.iam.Role => {
        const created = new aws.iam.Role(slug, {
            name,
            description,
            maxSessionDuration: github.maxSessionDurationSeconds,
            assumeRolePolicy: providerArn.apply((arn: string) => JSON.stringify(githubTrust(arn, subject))),
            tags: nameTagFor(naming, slug),
        }, { parent });
        for (const group of groups) {
            // Customer-managed policies: each group stays under IAM's 6,144-character policy limit.
            const policy = new aws.iam.Policy(`${slug}-${group}`, {
                name: `${name}-${group}`,
                description: `${description}: ${group}`,
                policy: documents.apply((docs: Record<string, PolicyDocument>) => JSON.stringify(docs[group])),
                tags: nameTagFor(naming, `${slug}-${group}`),
            }, { parent });
            new aws.iam.RolePolicyAttachment(`${slug}-${group}`, { role: created.name, policyArn: policy.arn }, { parent });
        }
        return created;
    };
    const deployDocuments = scope.apply(deployPolicies);
    const previewDocuments = scope.apply(previewPolicies);
    return {
        providerArn,
        deployRole: role("github-deploy", deployRoleName(naming), github.deploySubject,
            `pulumi up for ${naming.prefix} from ${github.repository} (GitHub environment only)`,
            deployDocuments, ["network", "compute", "identity", "security", "integration", "delivery", "account", "state"]),
        previewRole: role("github-preview", previewRoleName(naming), github.previewSubject,
            `Read-only pulumi preview for ${naming.prefix} from ${github.repository} pull requests`,
            previewDocuments, ["read", "state"]),
    };
}
