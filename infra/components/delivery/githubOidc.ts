import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { GithubConfig } from "../../config/deliveryConfig";
import { NamingContext, nameTagFor, physicalName } from "../../platform/naming";
import { PolicyDocument, policyDocument } from "../security/policyDocument";
import { DeliveryContext, DeliveryIdentity } from "./deliveryContext";
import { DeployIdentity, DeployScope, deployPolicies, previewPolicies, render } from "./deployPermissions";

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
export function createGithubRoles(ctx: DeliveryContext, github: GithubConfig, providerArn: pulumi.Output<string>, regions: readonly string[]): GithubRoles {
    const { naming, parent } = ctx;
    // Laid out now (how many policies), filled with the account once it is known: no resource is created in apply().
    const scope: DeployScope = {
        prefix: naming.prefix,
        regions,
        stateBucket: github.stateBucket,
        secretsProviderKeyArn: github.secretsProviderKeyArn,
        permissionsBoundaryName: github.permissionsBoundaryName,
    };
    const account: pulumi.Output<DeployIdentity> = ctx.identity.apply((id: DeliveryIdentity): DeployIdentity => ({ accountId: id.accountId, partition: id.partition }));
    const role = (slug: string, name: string, subject: string, description: string, documents: Record<string, PolicyDocument>): aws.iam.Role => {
        const created = new aws.iam.Role(slug, {
            name,
            description,
            maxSessionDuration: github.maxSessionDurationSeconds,
            assumeRolePolicy: providerArn.apply((arn: string) => JSON.stringify(githubTrust(arn, subject))),
            tags: nameTagFor(naming, slug),
        }, { parent });
        for (const [group, document] of Object.entries(documents)) {
            // Customer-managed policies: each stays under IAM's 6,144-character policy limit (deployPermissions.ts packs them).
            const policy = new aws.iam.Policy(`${slug}-${group}`, {
                name: `${name}-${group}`,
                description: `${description}: ${group}`,
                policy: account.apply((id: DeployIdentity) => render(document, id)),
                tags: nameTagFor(naming, `${slug}-${group}`),
            }, { parent });
            new aws.iam.RolePolicyAttachment(`${slug}-${group}`, { role: created.name, policyArn: policy.arn }, { parent });
        }
        return created;
    };
    return {
        providerArn,
        deployRole: role("github-deploy", deployRoleName(naming), github.deploySubject,
            `pulumi up for ${naming.prefix} from ${github.repository} (GitHub environment only)`,
            deployPolicies(scope)),
        previewRole: role("github-preview", previewRoleName(naming), github.previewSubject,
            `Read-only pulumi preview for ${naming.prefix} from ${github.repository} pull requests`,
            previewPolicies(scope)),
    };
}
