import { describe, expect, it } from "vitest";
import { clusterRoleTrust, fargatePodExecutionTrust, nodeRoleTrust, podIdentityTrust, podIdentityTrustFor } from "../../infra/components/compute/trustPolicies";
import { trailLogDeliveryTrustPolicy } from "../../infra/components/security/auditPolicies";
import { KeyPolicyContext, keyPolicyFor, logsKeyPolicy } from "../../infra/components/security/keyPolicies";
import { KEY_USERS, KeyName, KeyUser } from "../../infra/components/security/keyUsers";
import { serviceStatement, serviceTrustPolicy } from "../../infra/components/security/servicePrincipalStatements";
import { SERVICE_PRINCIPALS, ServicePrincipalUse, documentedUses, principalMatches } from "../../infra/components/security/servicePrincipals";
import { integrationKeyPolicy } from "../../infra/components/integration/integrationKey";
import { serviceTrust } from "../../infra/components/integration/rolePolicies";
import { undocumentedConditions } from "./servicePrincipalAssertions";
import { bySid, statementsOf } from "./securityAssertions";

const CTX: KeyPolicyContext = { accountId: "111122223333", partition: "aws", region: "eu-west-1", dnsSuffix: "amazonaws.com" };
const IDENTITY = { accountId: "111122223333", partition: "aws", region: "eu-west-1", clusterName: "platform-prod-eks", vpcId: "vpc-1" };
const CLUSTER = "arn:aws:eks:eu-west-1:111122223333:cluster/platform-prod-eks";
const TRAIL = "arn:aws:cloudtrail:eu-west-1:111122223333:trail/platform-prod-audit";

describe("SERVICE_PRINCIPALS", () => {
    it("every row names its source and lists actions; rows that document nothing say why in the source or a note", () => {
        for (const row of SERVICE_PRINCIPALS) {
            expect(row.source.length, row.principal).toBeGreaterThan(20);
            expect(row.actions.length, row.principal).toBeGreaterThan(0);
        }
    });

    it("matches regional and China-partition principals", () => {
        expect(principalMatches("logs.{region}.amazonaws.com", "logs.eu-west-1.amazonaws.com")).toBe(true);
        expect(principalMatches("logs.{region}.amazonaws.com", "logs.cn-north-1.amazonaws.com.cn")).toBe(true);
        expect(principalMatches("logs.{region}.amazonaws.com", "logs.amazonaws.com")).toBe(false);
        expect(principalMatches("events.amazonaws.com", "xevents.amazonaws.com")).toBe(false);
    });

    it("records the decisions: no condition for the CloudTrail delivery role, Lambda, EKS and Backup roles; session tags for Pod Identity", () => {
        const trust = (principal: string): ServicePrincipalUse => documentedUses(principal, "trust", ["sts:AssumeRole"])[0];
        for (const principal of ["cloudtrail.amazonaws.com", "lambda.amazonaws.com", "eks.amazonaws.com", "backup.amazonaws.com", "ec2.amazonaws.com", "capabilities.eks.amazonaws.com"]) {
            expect(trust(principal).conditions, principal).toEqual([]);
        }
        const pods = trust("pods.eks.amazonaws.com");
        expect(pods.actions).toEqual(["sts:AssumeRole", "sts:TagSession"]);
        expect(pods.conditions.map((c) => c.key)).toEqual(expect.arrayContaining(["aws:RequestTag/eks-cluster-arn", "aws:RequestTag/kubernetes-namespace", "aws:RequestTag/kubernetes-service-account"]));
        expect(pods.conditions.map((c) => c.key)).not.toContain("aws:SourceArn");
        expect(trust("eks-fargate-pods.amazonaws.com").conditions.map((c) => c.key)).toEqual(["aws:SourceArn"]);
    });
});

describe("statement builders", () => {
    it("refuse a condition the table does not document for that principal and action", () => {
        expect(() => serviceTrustPolicy("X", "cloudtrail.amazonaws.com", { "aws:SourceArn": TRAIL })).toThrow(/aws:SourceArn is not documented/);
        expect(() => serviceTrustPolicy("X", "pods.eks.amazonaws.com", { "aws:SourceArn": CLUSTER })).toThrow(/not documented/);
        expect(() => serviceStatement({ sid: "X", principal: "events.amazonaws.com", context: "key", use: "EventBridge delivers to an SSE-KMS queue (rule targets, target dead-letter queues)", actions: ["kms:Decrypt"], values: { "aws:SourceArn": "arn:aws:events:eu-west-1:111122223333:rule/x" } }))
            .toThrow(/not documented/);
    });

    it("refuse a principal or action without a row", () => {
        expect(() => serviceTrustPolicy("X", "glue.amazonaws.com")).toThrow(/no row in SERVICE_PRINCIPALS/);
        expect(() => serviceStatement({ sid: "X", principal: "cloudtrail.amazonaws.com", context: "key", actions: ["kms:CreateGrant"], values: {} })).toThrow(/no row/);
    });

    it("write each documented key with the operator the table records", () => {
        const statement = serviceStatement({ sid: "S", principal: "vpc-flow-logs.amazonaws.com", context: "trust", values: { "aws:SourceAccount": "111122223333", "aws:SourceArn": "arn:aws:ec2:eu-west-1:111122223333:vpc-flow-log/*" } });
        expect(statement.Condition).toEqual({ StringEquals: { "aws:SourceAccount": "111122223333" }, ArnLike: { "aws:SourceArn": "arn:aws:ec2:eu-west-1:111122223333:vpc-flow-log/*" } });
    });
});

describe("trust policy builders", () => {
    it("Pod Identity: principal, both actions, cluster/namespace/service-account session tags, nothing else", () => {
        const expected = {
            Sid: "EksPodIdentity",
            Effect: "Allow",
            Principal: { Service: "pods.eks.amazonaws.com" },
            Action: ["sts:AssumeRole", "sts:TagSession"],
            Condition: { StringEquals: { "aws:RequestTag/eks-cluster-arn": CLUSTER, "aws:RequestTag/kubernetes-namespace": "orders", "aws:RequestTag/kubernetes-service-account": "orders-api" } },
        };
        expect(statementsOf(podIdentityTrust(IDENTITY, { namespace: "orders", serviceAccount: "orders-api" }))).toEqual([expected]);
        expect(statementsOf(podIdentityTrustFor(CLUSTER, { namespace: "orders", serviceAccount: "orders-api" }))).toEqual([expected]);
    });

    it("EKS cluster, nodes and the CloudTrail delivery role name their principal without conditions; Fargate by profile ARN only", () => {
        expect(statementsOf(clusterRoleTrust())[0].Condition).toBeUndefined();
        expect(statementsOf(nodeRoleTrust())[0].Condition).toBeUndefined();
        expect(statementsOf(trailLogDeliveryTrustPolicy())[0]).toEqual({ Sid: "AllowCloudTrailAssume", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "sts:AssumeRole" });
        expect(statementsOf(fargatePodExecutionTrust(IDENTITY))[0].Condition).toEqual({ ArnLike: { "aws:SourceArn": "arn:aws:eks:eu-west-1:111122223333:fargateprofile/platform-prod-eks/*" } });
    });

    it("the integration layer's generic trust keeps only documented keys: Step Functions and EventBridge pinned, Lambda not", () => {
        const id = { accountId: "111122223333", partition: "aws", region: "eu-west-1", prefix: "platform-prod" } as Parameters<typeof serviceTrust>[1];
        expect(statementsOf(serviceTrust("lambda", id, ["arn:aws:lambda:eu-west-1:111122223333:function:f"]))[0].Condition).toBeUndefined();
        expect(statementsOf(serviceTrust("states", id, ["arn:aws:states:eu-west-1:111122223333:stateMachine:m"]))[0].Condition).toEqual({
            StringEquals: { "aws:SourceAccount": "111122223333" },
            ArnLike: { "aws:SourceArn": ["arn:aws:states:eu-west-1:111122223333:stateMachine:m"] },
        });
    });
});

describe("the class check itself", () => {
    it("flags the previous program's documents (CloudTrail delivery role and Pod Identity with aws:SourceArn)", () => {
        const oldTrail = { Version: "2012-10-17", Statement: [{ Sid: "AllowCloudTrailAssume", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceArn": TRAIL, "aws:SourceAccount": "111122223333" } } }] };
        const oldPods = { Version: "2012-10-17", Statement: [{ Sid: "EksPodIdentity", Effect: "Allow", Principal: { Service: "pods.eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"], Condition: { StringEquals: { "aws:SourceAccount": "111122223333" }, ArnEquals: { "aws:SourceArn": CLUSTER } } }] };
        expect(undocumentedConditions(oldTrail, "trust", "old").map((f) => f.problem)).toEqual([
            expect.stringContaining("aws:SourceArn is not documented"),
            expect.stringContaining("aws:SourceAccount is not documented"),
        ]);
        expect(undocumentedConditions(oldPods, "trust", "old")).toHaveLength(2);
        expect(undocumentedConditions(JSON.stringify(podIdentityTrustFor(CLUSTER, { namespace: "a", serviceAccount: "b" })), "trust", "new")).toEqual([]);
    });
});

describe("KEY_USERS and keyPolicyFor", () => {
    it("every row names a source, and every key's policy builds (service rows checked against SERVICE_PRINCIPALS)", () => {
        const slots = {
            trailArn: TRAIL, configDelivery: true, busArn: "arn:aws:events:eu-west-1:111122223333:event-bus/b", ruleArns: ["r"], topicArns: ["arn:aws:sns:eu-west-1:111122223333:t"],
            integrationQueues: "q", integrationTopics: "t", integrationFunctions: "f", integrationStateMachines: "s", interruptionQueues: ["q"], distributionArn: "d",
        };
        for (const key of [...new Set(KEY_USERS.map((user: KeyUser) => user.key))] as KeyName[]) {
            const policy = keyPolicyFor(key, CTX, slots);
            expect(statementsOf(policy).map((s) => s.Sid), key).toEqual(["EnableAccountIamPolicies", ...KEY_USERS.filter((u) => u.key === key).map((u) => u.sid)]);
            expect(undocumentedConditions(policy, "key", key)).toEqual([]);
        }
        for (const user of KEY_USERS) {
            expect(user.source.length, user.sid).toBeGreaterThan(20);
        }
    });

    it("logs key: CloudTrail may encrypt, describe and decrypt (S3 Bucket Key) for our trail only; no CloudTrail statement without a trail", () => {
        const policy = logsKeyPolicy(CTX, { trailArn: TRAIL, configDelivery: true });
        expect(bySid(policy, "AllowCloudTrailDecrypt")).toEqual({
            Sid: "AllowCloudTrailDecrypt", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "kms:Decrypt", Resource: "*",
            Condition: { StringEquals: { "aws:SourceArn": TRAIL } },
        });
        expect(bySid(policy, "AllowCloudTrailEncrypt").Condition).toEqual({ StringEquals: { "aws:SourceArn": TRAIL }, StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": TRAIL } });
        expect(statementsOf(logsKeyPolicy(CTX, {})).map((s) => s.Sid)).toEqual(["EnableAccountIamPolicies", "AllowCloudWatchLogs"]);
    });

    it("integration key: EventBridge DescribeKey and bus/archive data keys by the bus encryption context; no EventBridge statements without a bus", () => {
        const id = { accountId: "111122223333", partition: "aws", region: "eu-west-1", prefix: "platform-prod" } as Parameters<typeof integrationKeyPolicy>[0];
        const bus = "arn:aws:events:eu-west-1:111122223333:event-bus/platform-prod-events";
        const policy = integrationKeyPolicy(id, { busArns: [bus], ruleArns: ["arn:aws:events:eu-west-1:111122223333:rule/platform-prod-events/r"], topicArns: [] });
        expect(bySid(policy, "AllowEventBridgeDescribeKey")).toMatchObject({ Principal: { Service: "events.amazonaws.com" }, Action: "kms:DescribeKey" });
        expect(bySid(policy, "AllowEventBridgeBus")).toMatchObject({
            Action: ["kms:GenerateDataKey", "kms:Decrypt", "kms:ReEncrypt*"],
            Condition: { StringEquals: { "kms:EncryptionContext:aws:events:event-bus:arn": bus } },
        });
        expect(bySid(policy, "AllowEventBridgeRulesIntoQueues").Condition).toEqual({ ArnLike: { "kms:EncryptionContext:aws:sqs:arn": "arn:aws:sqs:eu-west-1:111122223333:platform-prod-*" } });
        const sids = statementsOf(integrationKeyPolicy(id, { busArns: [], ruleArns: [], topicArns: [] })).map((s) => s.Sid);
        expect(sids.filter((sid) => String(sid).startsWith("AllowEventBridge") || sid === "AllowSnsIntoQueues")).toEqual([]);
    });
});
