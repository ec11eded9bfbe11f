/**
 * The subset of the IAM policy grammar our key, bucket and role policies use. Typed so a builder
 * cannot misspell Effect or Condition, and serialised with JSON.stringify (never an invoke: under
 * mocks an invoke returns whatever the mock says, so the document itself would go untested).
 */
export type PolicyEffect = "Allow" | "Deny";

export type PolicyPrincipal = "*" | { readonly AWS?: string | readonly string[]; readonly Service?: string | readonly string[]; readonly Federated?: string };

/** operator (StringEquals, ArnLike, Bool, ...) -> condition key -> value(s). */
export type PolicyConditions = Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;

export interface PolicyStatement {
    readonly Sid: string;
    readonly Effect: PolicyEffect;
    readonly Principal?: PolicyPrincipal;
    readonly Action: string | readonly string[];
    /** Absent only in trust policies, where the resource is the role itself. */
    readonly Resource?: string | readonly string[];
    readonly Condition?: PolicyConditions;
}

export interface PolicyDocument {
    readonly Version: "2012-10-17";
    readonly Statement: readonly PolicyStatement[];
}

export function policyDocument(statements: readonly PolicyStatement[]): PolicyDocument {
    return { Version: "2012-10-17", Statement: statements };
}

/**
 * Refuses every request for `action` on `resource` that does not use TLS. A Deny on everyone is the
 * point: no principal, however privileged, reaches the resource over plain HTTP.
 */
export function denyInsecureTransport(action: string, resource: string | readonly string[], principal: PolicyPrincipal = "*"): PolicyStatement {
    return {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: principal,
        Action: action,
        Resource: resource,
        Condition: { Bool: { "aws:SecureTransport": "false" } },
    };
}

/** The TLS-only statement of a bucket policy: bucket-level calls and its objects alike. */
export function denyInsecureBucketTransport(bucketArn: string): PolicyStatement {
    return denyInsecureTransport("s3:*", [bucketArn, `${bucketArn}/*`]);
}
