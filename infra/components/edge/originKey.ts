import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { nameTagFor, physicalName } from "../../platform/naming";
import { KeyPolicyContext } from "../security/keyPolicies";
import { EdgeContext, retained } from "./edgeContext";
import { originKeyPolicy } from "./edgePolicies";

/**
 * The static-assets key, in the bucket's (the stack's) region. Its own key rather than the
 * baseline's data key: its policy names the distribution (CloudFront must decrypt what it serves),
 * which exists only after the data key, and the data key should never trust CloudFront.
 * Created after the distribution, so the policy can pin aws:SourceArn to it.
 */
export function createOriginKey(ctx: EdgeContext, distributionArn: pulumi.Output<string>): aws.kms.Key {
    const key = new aws.kms.Key("static-assets", {
        description: `${physicalName(ctx.naming, "static-assets")}: static assets served by CloudFront`,
        keyUsage: "ENCRYPT_DECRYPT",
        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        enableKeyRotation: true,
        deletionWindowInDays: ctx.kmsDeletionWindowInDays,
        policy: pulumi.all([ctx.account, distributionArn]).apply(([account, arn]: [Omit<KeyPolicyContext, "region">, string]) =>
            JSON.stringify(originKeyPolicy({ ...account, region: ctx.region }, arn))),
        tags: nameTagFor(ctx.naming, "static-assets"),
    }, retained(ctx));
    new aws.kms.Alias("static-assets", {
        name: `alias/${physicalName(ctx.naming, "static-assets")}`,
        targetKeyId: key.keyId,
    }, { parent: ctx.parent });
    return key;
}
