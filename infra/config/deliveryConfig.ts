/**
 * The validated `platform:delivery` slice: container registries, the GitHub Actions deploy identity
 * and Argo CD. Built by infra/config/deliverySchema.ts. Everything is off or empty by default.
 */
export interface RepositoryLifecycleConfig {
    /** Tagged images kept (the newest); older ones expire. */
    readonly keepTaggedImages: number;
    readonly untaggedExpireDays: number;
}

export interface RepositoryConfig {
    /** Physical name <project>-<stack>/<name> (ECR's repository-name grammar). */
    readonly name: string;
    readonly lifecycle: RepositoryLifecycleConfig;
}

export interface EcrConfig {
    readonly repositories: readonly RepositoryConfig[];
}

export interface GithubConfig {
    readonly enabled: boolean;
    /** owner/name of the repository whose workflows deploy this stack. */
    readonly repository: string;
    /** `sub` of the deploy job: repo:<owner>/<name>:environment:<env>. */
    readonly deploySubject: string;
    /** `sub` of the pull-request preview job: repo:<owner>/<name>:pull_request. */
    readonly previewSubject: string;
    /** The DIY backend's state bucket and the awskms:// secrets-provider key the roles need. */
    readonly stateBucket: string;
    readonly secretsProviderKeyArn?: string;
    readonly maxSessionDurationSeconds: number;
    /**
     * The account's deploy permissions boundary (created by the account owner before the first
     * `pulumi up`, README "Deploy and preview roles"): every role of the stack carries it.
     */
    readonly permissionsBoundaryName: string;
}

export type ArgoCdRole = "ADMIN" | "EDITOR" | "VIEWER";
export type IdentityType = "SSO_USER" | "SSO_GROUP";

export interface ArgoCdRoleMappingConfig {
    readonly role: ArgoCdRole;
    readonly identities: readonly { readonly id: string; readonly type: IdentityType }[];
}

export interface ArgoCdConfig {
    readonly enabled: boolean;
    /** Argo CD's managed capability signs users in through IAM Identity Center. */
    readonly identityCenterInstanceArn?: string;
    readonly identityCenterRegion?: string;
    readonly namespace: string;
    readonly rbacRoleMappings: readonly ArgoCdRoleMappingConfig[];
    readonly logRetentionInDays: number;
}

export interface DeliveryConfig {
    readonly ecr: EcrConfig;
    readonly github: GithubConfig;
    readonly argoCd: ArgoCdConfig;
}

export function deliveryInUse(config: DeliveryConfig): boolean {
    return config.ecr.repositories.length > 0 || config.github.enabled || config.argoCd.enabled;
}
