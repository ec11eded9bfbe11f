import { describe, expect, it } from "vitest";
import { KeyPolicyContext, backupKeyPolicy, clusterSecretsKeyPolicy, dataKeyPolicy, logsKeyPolicy, replicaDataKeyPolicy } from "../../infra/components/security/keyPolicies";
import { trailBucketPolicy, trailLogDeliveryPolicy, trailLogDeliveryTrustPolicy } from "../../infra/components/security/auditPolicies";
import { bySid, expectWildcardPrincipalsScoped, servicePrincipals, statementsOf } from "./securityAssertions";

/** The pure policy builders, outside the mock runtime: other partitions and edge cases. */
const CHINA: KeyPolicyContext = { accountId: "111122223333", partition: "aws-cn", region: "cn-north-1", dnsSuffix: "amazonaws.com.cn" };
const TRAIL = "arn:aws-cn:cloudtrail:cn-north-1:111122223333:trail/platform-cn-audit";

describe("key policy builders", () => {
    it("use the partition and DNS suffix for root, service principal and encryption context", () => {
        const policy = logsKeyPolicy(CHINA, { trailArn: TRAIL });
        expect(bySid(policy, "EnableAccountIamPolicies").Principal).toEqual({ AWS: "arn:aws-cn:iam::111122223333:root" });
        expect(servicePrincipals(policy)).toEqual(["cloudtrail.amazonaws.com", "logs.cn-north-1.amazonaws.com.cn"]);
        expect(bySid(policy, "AllowCloudWatchLogs").Condition).toEqual({
            ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws-cn:logs:cn-north-1:111122223333:log-group:*" },
        });
    });

    it("every Allow other than the root statement carries a condition", () => {
        const documents = [
            logsKeyPolicy(CHINA, { trailArn: TRAIL }),
            dataKeyPolicy(CHINA),
            clusterSecretsKeyPolicy(CHINA),
            backupKeyPolicy(CHINA),
            replicaDataKeyPolicy(CHINA),
        ];
        for (const document of documents) {
            expectWildcardPrincipalsScoped(document, CHINA.accountId);
            for (const statement of statementsOf(document).filter((s) => s.Sid !== "EnableAccountIamPolicies")) {
                expect(statement.Condition, String(statement.Sid)).toBeDefined();
                expect(statement.Action, String(statement.Sid)).not.toBe("kms:*");
            }
        }
    });

    it("data key lets EC2 use it (EKS node volumes and the EBS default key)", () => {
        const via: unknown = (bySid(dataKeyPolicy(CHINA), "AllowDataServicesUse").Condition as Record<string, Record<string, unknown>>)
            .StringEquals["kms:ViaService"];
        expect(via).toContain("ec2.cn-north-1.amazonaws.com.cn");
    });
});

describe("audit policy builders", () => {
    it("bucket policy and delivery role are pinned to the trail", () => {
        const bucket = trailBucketPolicy({ bucketArn: "arn:aws-cn:s3:::audit", trailArn: TRAIL, accountId: CHINA.accountId });
        expect(bySid(bucket, "AllowCloudTrailWrite").Resource).toBe("arn:aws-cn:s3:::audit/AWSLogs/111122223333/*");
        const trust = trailLogDeliveryTrustPolicy();
        expect(statementsOf(trust)[0].Resource).toBeUndefined();
        // CloudTrail documents confused-deputy conditions as not applicable to this role (InvalidCloudWatchLogsRoleArnException).
        expect(statementsOf(trust)[0].Condition).toBeUndefined();
        const delivery = trailLogDeliveryPolicy("arn:aws-cn:logs:cn-north-1:111122223333:log-group:/x");
        expect(statementsOf(delivery)[0].Resource).toBe("arn:aws-cn:logs:cn-north-1:111122223333:log-group:/x:log-stream:*");
    });
});
