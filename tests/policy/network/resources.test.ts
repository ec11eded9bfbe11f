import { resourcePolicy } from "../../../policy/lib/rule";
import { eksNodegroupSsh, eksPrivateEndpoint, eksPublicEndpoint, instanceNoPublicIp, launchTemplateNoPublicIp, noDefaultVpc, subnetNoAutoPublicIp } from "../../../policy/rules/network/compute";
import { elasticacheInVpc, rdsNotPublic } from "../../../policy/rules/network/data";
import { cfS3Oac, cfWaf, lbDesync, lbDropInvalidHeaders, wafRules } from "../../../policy/rules/network/edge";
import {
    eventBusPolicy, kmsPolicyNoPublic, s3AccountBpa, s3NoPublicAcl, s3PolicyNoPublic, secretPolicyNoPublic, snsPolicyNoPublic, sqsPolicyNoPublic,
} from "../../../policy/rules/network/resourcePolicies";
import { UNKNOWN_ARRAY, UNKNOWN_BOOLEAN, UNKNOWN_OBJECT, UNKNOWN_STRING } from "../support/policyHarness";
import { describeResourcePolicy } from "./cases";

type P = Record<string, any>;  

const EKS = "aws:eks/cluster:Cluster";
describeResourcePolicy({
    policy: resourcePolicy(eksPublicEndpoint), severity: "high", types: [EKS],
    baseline: { vpcConfig: { subnetIds: ["subnet-1"], endpointPublicAccess: false, endpointPrivateAccess: true } },
    compliant: [
        { name: "public with a restricted CIDR list", mutate: (p: P) => { p.vpcConfig.endpointPublicAccess = true; p.vpcConfig.publicAccessCidrs = ["203.0.113.0/24"]; } },
        { name: "large CIDRs that leave a gap (0.0.0.0/1 + 128.0.0.0/2)", mutate: (p: P) => { p.vpcConfig.endpointPublicAccess = true; p.vpcConfig.publicAccessCidrs = ["0.0.0.0/1", "128.0.0.0/2"]; } },
        { name: "endpointPublicAccess string \"false\" with 0.0.0.0/0", mutate: (p: P) => { p.vpcConfig.endpointPublicAccess = "false"; p.vpcConfig.publicAccessCidrs = ["0.0.0.0/0"]; } },
    ],
    violations: [
        { name: "public endpoint with publicAccessCidrs omitted (AWS default 0.0.0.0/0)", mutate: (p: P) => { delete p.vpcConfig.endpointPublicAccess; }, property: "vpcConfig.publicAccessCidrs" },
        { name: "public endpoint open to 0.0.0.0/0", mutate: (p: P) => { p.vpcConfig.endpointPublicAccess = true; p.vpcConfig.publicAccessCidrs = ["0.0.0.0/0"]; }, property: "vpcConfig.publicAccessCidrs[0]" },
        {
            name: "CIDRs whose union is the whole address space (0.0.0.0/1 + 128.0.0.0/1)",
            mutate: (p: P) => { p.vpcConfig.endpointPublicAccess = true; p.vpcConfig.publicAccessCidrs = ["203.0.113.0/24", "0.0.0.0/1", "128.0.0.0/1"]; },
            property: "vpcConfig.publicAccessCidrs[2]",
        },
        {
            name: "the union split four ways, host bits set, string \"true\"",
            mutate: (p: P) => { p.vpcConfig.endpointPublicAccess = "true"; p.vpcConfig.publicAccessCidrs = ["0.0.0.0/2", "64.1.2.3/2", "128.0.0.0/2", "192.0.0.0/2"]; },
            property: "0.0.0.0/2 + 64.1.2.3/2 + 128.0.0.0/2 + 192.0.0.0/2 together cover it",
        },
        { name: "IPv6 ::/1 + 8000::/1", mutate: (p: P) => { p.vpcConfig.endpointPublicAccess = true; p.vpcConfig.publicAccessCidrs = ["::/1", "8000::/1"]; }, property: "vpcConfig.publicAccessCidrs[1]" },
    ],
    unknowns: [
        { name: "endpointPublicAccess unknown", mutate: (p: P) => { p.vpcConfig.endpointPublicAccess = UNKNOWN_BOOLEAN; } },
        { name: "publicAccessCidrs unknown", mutate: (p: P) => { p.vpcConfig.endpointPublicAccess = true; p.vpcConfig.publicAccessCidrs = UNKNOWN_ARRAY; } },
        { name: "vpcConfig unknown", mutate: (p: P) => { p.vpcConfig = UNKNOWN_OBJECT; } },
    ],
});

describeResourcePolicy({
    policy: resourcePolicy(eksPrivateEndpoint), severity: "medium", types: [EKS],
    baseline: { vpcConfig: { subnetIds: ["subnet-1"], endpointPrivateAccess: true } },
    violations: [
        { name: "private endpoint omitted", mutate: (p: P) => { delete p.vpcConfig.endpointPrivateAccess; }, property: "vpcConfig.endpointPrivateAccess" },
        { name: "private endpoint false", mutate: (p: P) => { p.vpcConfig.endpointPrivateAccess = false; }, property: "vpcConfig.endpointPrivateAccess" },
    ],
    unknowns: [{ name: "endpointPrivateAccess unknown", mutate: (p: P) => { p.vpcConfig.endpointPrivateAccess = UNKNOWN_BOOLEAN; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(eksNodegroupSsh), severity: "high", types: ["aws:eks/nodeGroup:NodeGroup"],
    baseline: { clusterName: "c", nodeRoleArn: "arn:aws:iam::1:role/n", subnetIds: ["s-1"], scalingConfig: { minSize: 2, maxSize: 3, desiredSize: 2 } },
    compliant: [{ name: "ssh key with source security groups", mutate: (p: P) => { p.remoteAccess = { ec2SshKey: "k", sourceSecurityGroupIds: ["sg-bastion"] }; } }],
    violations: [{ name: "ssh key without source security groups", mutate: (p: P) => { p.remoteAccess = { ec2SshKey: "k" }; }, property: "remoteAccess.sourceSecurityGroupIds" }],
    unknowns: [{ name: "source security groups unknown", mutate: (p: P) => { p.remoteAccess = { ec2SshKey: "k", sourceSecurityGroupIds: UNKNOWN_ARRAY }; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(launchTemplateNoPublicIp), severity: "high", types: ["aws:ec2/launchTemplate:LaunchTemplate"],
    baseline: { networkInterfaces: [{ associatePublicIpAddress: "false", securityGroups: ["sg-1"] }] },
    violations: [
        { name: "string boolean \"true\"", mutate: (p: P) => { p.networkInterfaces[0].associatePublicIpAddress = "true"; }, property: "networkInterfaces[0].associatePublicIpAddress" },
        { name: "boolean true", mutate: (p: P) => { p.networkInterfaces[0].associatePublicIpAddress = true; }, property: "networkInterfaces[0].associatePublicIpAddress" },
    ],
    unknowns: [{ name: "networkInterfaces unknown", mutate: (p: P) => { p.networkInterfaces = UNKNOWN_ARRAY; } }, { name: "flag unknown", mutate: (p: P) => { p.networkInterfaces[0].associatePublicIpAddress = UNKNOWN_STRING; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(instanceNoPublicIp), severity: "high", types: ["aws:ec2/instance:Instance"],
    baseline: { ami: "ami-1", instanceType: "t3.micro", associatePublicIpAddress: false },
    violations: [{ name: "public IP", mutate: (p: P) => { p.associatePublicIpAddress = true; }, property: "associatePublicIpAddress" }],
    unknowns: [{ name: "flag unknown", mutate: (p: P) => { p.associatePublicIpAddress = UNKNOWN_BOOLEAN; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(subnetNoAutoPublicIp), severity: "medium", types: ["aws:ec2/subnet:Subnet"],
    baseline: { vpcId: "vpc-1", cidrBlock: "10.0.0.0/20", mapPublicIpOnLaunch: false },
    violations: [{ name: "private subnet auto-assigns public IPs", mutate: (p: P) => { p.mapPublicIpOnLaunch = true; }, property: "mapPublicIpOnLaunch" }],
    unknowns: [{ name: "flag unknown", mutate: (p: P) => { p.mapPublicIpOnLaunch = UNKNOWN_BOOLEAN; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(noDefaultVpc), severity: "low", types: ["aws:ec2/defaultVpc:DefaultVpc"],
    baseline: {},
    compliant: [],
    violations: [{ name: "default subnet adopted", type: "aws:ec2/defaultSubnet:DefaultSubnet", mutate: () => undefined, property: "(resource)" }],
    unknowns: [],
    config: { exemptions: [{ urnPattern: "defaultvpc", reason: "baseline adopts the default VPC only to empty it" }] },
});

describeResourcePolicy({
    policy: resourcePolicy(rdsNotPublic), severity: "high", types: ["aws:rds/clusterInstance:ClusterInstance", "aws:rds/instance:Instance"],
    baseline: { clusterIdentifier: "c", instanceClass: "db.r6g.large", engine: "aurora-postgresql", publiclyAccessible: false },
    violations: [{ name: "publicly accessible", mutate: (p: P) => { p.publiclyAccessible = true; }, property: "publiclyAccessible" }],
    unknowns: [{ name: "flag unknown", mutate: (p: P) => { p.publiclyAccessible = UNKNOWN_BOOLEAN; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(elasticacheInVpc), severity: "high", types: ["aws:elasticache/replicationGroup:ReplicationGroup", "aws:elasticache/cluster:Cluster"],
    baseline: { description: "redis", subnetGroupName: "cache-private", securityGroupIds: ["sg-cache"], subnetIds: ["s-1"] },
    violations: [
        { name: "default subnet group", mutate: (p: P) => { p.subnetGroupName = "default"; }, property: "subnetGroupName" },
        { name: "no subnet group", mutate: (p: P) => { delete p.subnetGroupName; }, property: "subnetGroupName" },
        { name: "no security groups", mutate: (p: P) => { delete p.securityGroupIds; }, property: "securityGroupIds" },
        { name: "serverless without subnets", type: "aws:elasticache/serverlessCache:ServerlessCache", mutate: (p: P) => { delete p.subnetIds; }, property: "subnetIds" },
    ],
    unknowns: [
        { name: "subnet group name unknown", mutate: (p: P) => { p.subnetGroupName = UNKNOWN_STRING; } },
        { name: "security groups unknown", mutate: (p: P) => { p.securityGroupIds = UNKNOWN_ARRAY; } },
        { name: "absent security groups still fire (not mandatory-masked)", mutate: (p: P) => { p.subnetGroupName = UNKNOWN_STRING; } },
    ],
});

const LB = "aws:lb/loadBalancer:LoadBalancer";
const ALB = "aws:alb/loadBalancer:LoadBalancer";
describeResourcePolicy({
    policy: resourcePolicy(lbDropInvalidHeaders), severity: "medium", types: [LB, ALB],
    baseline: { loadBalancerType: "application", internal: false, dropInvalidHeaderFields: true, subnets: ["a", "b"] },
    compliant: [{ name: "network LB is not applicable", mutate: (p: P) => { p.loadBalancerType = "network"; p.dropInvalidHeaderFields = false; } }],
    violations: [
        { name: "omitted (default false)", mutate: (p: P) => { delete p.dropInvalidHeaderFields; }, property: "dropInvalidHeaderFields" },
        { name: "false on the alb alias token", type: ALB, mutate: (p: P) => { p.dropInvalidHeaderFields = false; }, property: "dropInvalidHeaderFields" },
    ],
    unknowns: [{ name: "flag unknown", mutate: (p: P) => { p.dropInvalidHeaderFields = UNKNOWN_BOOLEAN; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(lbDesync), severity: "low", types: [LB, ALB],
    baseline: { loadBalancerType: "application", desyncMitigationMode: "defensive" },
    violations: [{ name: "monitor mode", mutate: (p: P) => { p.desyncMitigationMode = "monitor"; }, property: "desyncMitigationMode" }],
    unknowns: [{ name: "mode unknown", mutate: (p: P) => { p.desyncMitigationMode = UNKNOWN_STRING; } }],
});

const CF = "aws:cloudfront/distribution:Distribution";
const cfBaseline = {
    enabled: true,
    webAclId: "arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/abc",
    origins: [{ originId: "s3", domainName: "assets.s3.us-east-1.amazonaws.com", originAccessControlId: "E2OAC" }],
};
describeResourcePolicy({
    policy: resourcePolicy(cfWaf), severity: "high", types: [CF], baseline: cfBaseline,
    violations: [
        { name: "no web ACL", mutate: (p: P) => { delete p.webAclId; }, property: "webAclId" },
        { name: "WAF Classic id", mutate: (p: P) => { p.webAclId = "a1b2c3"; }, property: "webAclId" },
    ],
    unknowns: [{ name: "web ACL ARN unknown", mutate: (p: P) => { p.webAclId = UNKNOWN_STRING; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(cfS3Oac), severity: "high", types: [CF], baseline: cfBaseline,
    compliant: [{ name: "custom (ALB) origins need no OAC", mutate: (p: P) => { p.origins = [{ originId: "api", domainName: "api.example.com", customOriginConfig: {} }]; } }],
    violations: [
        { name: "S3 origin without OAC", mutate: (p: P) => { delete p.origins[0].originAccessControlId; }, property: "origins[0].originAccessControlId" },
        { name: "legacy OAI", mutate: (p: P) => { delete p.origins[0].originAccessControlId; p.origins[0].s3OriginConfig = { originAccessIdentity: "origin-access-identity/cloudfront/E1" }; }, property: "origins[0].s3OriginConfig.originAccessIdentity" },
    ],
    unknowns: [
        { name: "OAC id unknown", mutate: (p: P) => { p.origins[0].originAccessControlId = UNKNOWN_STRING; } },
        { name: "domain unknown", mutate: (p: P) => { p.origins[0].domainName = UNKNOWN_STRING; delete p.origins[0].originAccessControlId; } },
    ],
});

const managed = (name: string, priority: number) => ({ name, priority, overrideAction: { none: {} }, statement: { managedRuleGroupStatement: { name, vendorName: "AWS" } }, visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true } });
describeResourcePolicy({
    policy: resourcePolicy(wafRules), severity: "high", types: ["aws:wafv2/webAcl:WebAcl"],
    baseline: { scope: "REGIONAL", defaultAction: { allow: {} }, rules: [managed("AWSManagedRulesCommonRuleSet", 1), managed("AWSManagedRulesKnownBadInputsRuleSet", 2)] },
    compliant: [{ name: "rules as ruleJson", mutate: (p: P) => { p.ruleJson = JSON.stringify([{ Name: "c", Statement: { ManagedRuleGroupStatement: { Name: "AWSManagedRulesCommonRuleSet" } } }, { Name: "k", Statement: { ManagedRuleGroupStatement: { Name: "AWSManagedRulesKnownBadInputsRuleSet" } } }]); delete p.rules; } }],
    violations: [
        { name: "no rules", mutate: (p: P) => { p.rules = []; }, property: "rules" },
        { name: "missing Log4j group", mutate: (p: P) => { p.rules = [p.rules[0]]; }, property: "managedRuleGroupStatement.name" },
        { name: "managed group in count mode", mutate: (p: P) => { p.rules[1].overrideAction = { count: {} }; }, property: "rules[1].overrideAction" },
        { name: "ruleJson without the required groups", mutate: (p: P) => { delete p.rules; p.ruleJson = "[]"; }, property: "ruleJson" },
    ],
    unknowns: [{ name: "rules unknown", mutate: (p: P) => { p.rules = UNKNOWN_ARRAY; } }],
});

const tlsOnly = { Sid: "TlsOnly", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"], Condition: { Bool: { "aws:SecureTransport": "false" } } };
const cfGrant = { Sid: "Cf", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*", Condition: { StringEquals: { "AWS:SourceArn": "arn:aws:cloudfront::1:distribution/E1" } } };
describeResourcePolicy({
    policy: resourcePolicy(s3PolicyNoPublic), severity: "high", types: ["aws:s3/bucketPolicy:BucketPolicy"],
    baseline: { bucket: "b", policy: JSON.stringify({ Version: "2012-10-17", Statement: [tlsOnly, cfGrant] }) },
    compliant: [{ name: "object-form document", mutate: (p: P) => { p.policy = { Version: "2012-10-17", Statement: [tlsOnly, cfGrant] }; } }],
    violations: [
        { name: "Principal \"*\" string document", mutate: (p: P) => { p.policy = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }] }); }, property: "policy.Statement[0].Principal" },
        { name: "Principal {AWS: \"*\"} object document with an unknown resource ARN", mutate: (p: P) => { p.policy = { Statement: [tlsOnly, { Effect: "Allow", Principal: { AWS: ["*"] }, Action: ["s3:GetObject"], Resource: UNKNOWN_STRING }] }; }, property: "policy.Statement[1].Principal" },
        { name: "unparseable document", mutate: (p: P) => { p.policy = "{not json"; }, property: "policy" },
    ],
    unknowns: [{ name: "whole document unknown", mutate: (p: P) => { p.policy = UNKNOWN_STRING; } }, { name: "condition value unknown", mutate: (p: P) => { p.policy = { Statement: [{ ...cfGrant, Principal: "*", Condition: { StringEquals: { "aws:SourceArn": UNKNOWN_STRING } } }] }; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(s3NoPublicAcl), severity: "high", types: ["aws:s3/bucketAcl:BucketAcl", "aws:s3/bucketAclV2:BucketAclV2"],
    baseline: { bucket: "b", acl: "private" },
    violations: [
        { name: "public-read canned ACL", mutate: (p: P) => { p.acl = "public-read"; }, property: "acl" },
        { name: "AllUsers grantee", mutate: (p: P) => { delete p.acl; p.accessControlPolicy = { owner: { id: "o" }, grants: [{ permission: "READ", grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" } }] }; }, property: "accessControlPolicy.grants[0].grantee.uri" },
        { name: "deprecated inline acl on the bucket", type: "aws:s3/bucket:Bucket", mutate: (p: P) => { p.acl = "public-read-write"; }, property: "acl" },
    ],
    unknowns: [{ name: "acl unknown", mutate: (p: P) => { p.acl = UNKNOWN_STRING; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(s3AccountBpa), severity: "high", types: ["aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock"],
    baseline: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
    violations: ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"].map((key) => ({ name: `${key} false`, mutate: (p: P) => { p[key] = false; }, property: key })),
    unknowns: [{ name: "setting unknown", mutate: (p: P) => { p.blockPublicAcls = UNKNOWN_BOOLEAN; } }],
});

const publicStatement = (action: string) => ({ Effect: "Allow", Principal: "*", Action: action, Resource: "*" });
describeResourcePolicy({
    policy: resourcePolicy(sqsPolicyNoPublic), severity: "high", types: ["aws:sqs/queuePolicy:QueuePolicy", "aws:sqs/queue:Queue"],
    baseline: { queueUrl: "https://sqs/q", policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: "*", Condition: { ArnEquals: { "aws:SourceArn": "arn:aws:sns:us-east-1:1:t" } } }] }) },
    violations: [
        { name: "public principal", mutate: (p: P) => { p.policy = JSON.stringify({ Statement: [publicStatement("sqs:SendMessage")] }); }, property: "policy.Statement[0].Principal" },
        { name: "sqs:* to a named principal", mutate: (p: P) => { p.policy = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::2:root" }, Action: "sqs:*", Resource: "*" }] }); }, property: "policy.Statement[0].Action" },
    ],
    unknowns: [{ name: "policy unknown", mutate: (p: P) => { p.policy = UNKNOWN_STRING; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(snsPolicyNoPublic), severity: "high", types: ["aws:sns/topicPolicy:TopicPolicy", "aws:sns/topic:Topic"],
    baseline: { arn: "arn:aws:sns:us-east-1:1:t", policy: { Statement: [{ Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "sns:Publish", Resource: "*" }, { Effect: "Allow", Principal: "*", Action: "sns:Publish", Resource: "*", Condition: { StringEquals: { "aws:SourceAccount": "1" } } }] } },
    violations: [{ name: "public principal without condition", mutate: (p: P) => { p.policy = { Statement: [publicStatement("sns:Publish")] }; }, property: "policy.Statement[0].Principal" }],
    unknowns: [{ name: "policy unknown", mutate: (p: P) => { p.policy = UNKNOWN_STRING; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(kmsPolicyNoPublic), severity: "high", types: ["aws:kms/key:Key", "aws:kms/keyPolicy:KeyPolicy"],
    baseline: { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::1:root" }, Action: "kms:*", Resource: "*" }, { Effect: "Allow", Principal: { AWS: "*" }, Action: ["kms:Decrypt"], Resource: "*", Condition: { StringEquals: { "kms:CallerAccount": "1", "kms:ViaService": "s3.us-east-1.amazonaws.com" } } }] }) },
    violations: [
        { name: "Principal \"*\" without condition", mutate: (p: P) => { p.policy = JSON.stringify({ Statement: [publicStatement("kms:Decrypt")] }); }, property: "policy.Statement[0].Principal" },
        { name: "Principal \"*\" with an unrelated condition", mutate: (p: P) => { p.policy = JSON.stringify({ Statement: [{ ...publicStatement("kms:Decrypt"), Condition: { Bool: { "aws:SecureTransport": "true" } } }] }); }, property: "policy.Statement[0].Principal" },
    ],
    unknowns: [{ name: "policy unknown", mutate: (p: P) => { p.policy = UNKNOWN_STRING; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(secretPolicyNoPublic), severity: "medium", types: ["aws:secretsmanager/secretPolicy:SecretPolicy"],
    baseline: { secretArn: "arn:s", blockPublicPolicy: true, policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::1:role/app" }, Action: "secretsmanager:GetSecretValue", Resource: "*" }] }) },
    violations: [
        { name: "blockPublicPolicy omitted", mutate: (p: P) => { delete p.blockPublicPolicy; }, property: "blockPublicPolicy" },
        { name: "public principal even with a condition", mutate: (p: P) => { p.policy = JSON.stringify({ Statement: [{ ...publicStatement("secretsmanager:GetSecretValue"), Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } } }] }); }, property: "policy.Statement[0].Principal" },
    ],
    unknowns: [{ name: "policy unknown", mutate: (p: P) => { p.policy = UNKNOWN_STRING; } }, { name: "blockPublicPolicy unknown", mutate: (p: P) => { p.blockPublicPolicy = UNKNOWN_BOOLEAN; } }],
});

describeResourcePolicy({
    policy: resourcePolicy(eventBusPolicy), severity: "medium", types: ["aws:cloudwatch/eventBusPolicy:EventBusPolicy"],
    baseline: { eventBusName: "bus", policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "events:PutEvents", Resource: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } } }] }) },
    violations: [{ name: "public without org condition", mutate: (p: P) => { p.policy = JSON.stringify({ Statement: [{ ...publicStatement("events:PutEvents"), Condition: { StringEquals: { "aws:SourceAccount": "1" } } }] }); }, property: "policy.Statement[0].Principal" }],
    unknowns: [{ name: "policy unknown", mutate: (p: P) => { p.policy = UNKNOWN_STRING; } }],
});
