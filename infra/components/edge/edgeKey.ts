import * as aws from "@pulumi/aws";
import { GLOBAL_EDGE_REGION } from "../../platform/providers";
import { nameTagFor, physicalName } from "../../platform/naming";
import { KeyPolicyContext } from "../security/keyPolicies";
import { EdgeContext, atGlobalEdge, retained } from "./edgeContext";
import { edgeKeyPolicy } from "./edgePolicies";

/**
 * The edge's own customer-managed key in us-east-1. The WAF (CLOUDFRONT scope) and CloudFront log
 * groups must live in us-east-1, and CloudWatch Logs only encrypts with a key of its own region,
 * while the baseline's keys live in the stack's region. The key is created always, not only when
 * the stack runs elsewhere, so moving a stack to another region never re-encrypts or replaces the
 * edge log groups (USD 1 per month).
 */
export function createEdgeKey(ctx: EdgeContext): aws.kms.Key {
    const key = new aws.kms.Key("edge", {
        description: `${physicalName(ctx.naming, "edge")}: CloudFront and WAF log groups in ${GLOBAL_EDGE_REGION}`,
        keyUsage: "ENCRYPT_DECRYPT",
        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        enableKeyRotation: true,
        deletionWindowInDays: ctx.kmsDeletionWindowInDays,
        policy: ctx.account.apply((account: Omit<KeyPolicyContext, "region">) => JSON.stringify(edgeKeyPolicy({ ...account, region: GLOBAL_EDGE_REGION }))),
        tags: nameTagFor(ctx.naming, "edge"),
    }, { ...retained(ctx), provider: ctx.globalEdgeProvider });
    new aws.kms.Alias("edge", {
        name: `alias/${physicalName(ctx.naming, "edge")}`,
        targetKeyId: key.keyId,
    }, atGlobalEdge(ctx));
    return key;
}

