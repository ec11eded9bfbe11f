import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/**
 * Who and where the stack runs: needed for ARNs in key policies and confused-deputy conditions
 * (aws:SourceAccount, aws:SourceArn). Looked up once through the regional provider.
 */
export interface AccountContext {
    readonly accountId: pulumi.Output<string>;
    readonly partition: pulumi.Output<string>;
    readonly region: string;
    /** DNS suffix for service principals (amazonaws.com in the commercial partition). */
    readonly dnsSuffix: pulumi.Output<string>;
}

export function lookupAccountContext(region: string, provider: aws.Provider): AccountContext {
    const identity = aws.getCallerIdentityOutput({}, { provider });
    const partition = aws.getPartitionOutput({}, { provider });
    return {
        accountId: identity.accountId,
        partition: partition.partition,
        region,
        dnsSuffix: partition.dnsSuffix,
    };
}
