import { Policies } from "@pulumi/policy";
import { cloudfrontTransitPolicies } from "./cloudfront";
import { dynamodbEncryptionPolicies } from "./dynamodb";
import { dynamodbReplicaEncryptionPolicies } from "./dynamodbReplicas";
import { ec2EncryptionPolicies } from "./ec2";
import { eksEncryptionPolicies } from "./eks";
import { elasticacheEncryptionPolicies } from "./elasticache";
import { kmsEncryptionPolicies } from "./kms";
import { lbTransitPolicies } from "./loadBalancer";
import { loggingEncryptionPolicies } from "./logging";
import { messagingEncryptionPolicies } from "./messaging";
import { rdsEncryptionPolicies } from "./rds";
import { s3EncryptionPolicies } from "./s3";
import { transitPolicies } from "./transit";
import { efsEncryptionPolicies, efsTransitStackPolicies } from "./efs";
import { lambdaEncryptionPolicies } from "./lambda";
import { stepFunctionsEncryptionPolicies } from "./stepFunctions";
import { ecrEncryptionPolicies } from "./ecr";
import { snsSubscriptionTransitPolicies } from "./snsSubscriptions";
import { eventArchiveEncryptionPolicies } from "./eventArchive";
import { rdsSnapshotGlobalPolicies } from "./snapshotsGlobal";
import { lbTargetPolicies } from "./lbTargets";

/** Encryption at rest and in transit (catalogue pillars "Encryption at rest" and "Encryption in transit"). */
export const encryptionPolicies: Policies = [
    ...eksEncryptionPolicies,
    ...rdsEncryptionPolicies,
    ...dynamodbEncryptionPolicies,
    ...dynamodbReplicaEncryptionPolicies,
    ...elasticacheEncryptionPolicies,
    ...s3EncryptionPolicies,
    ...messagingEncryptionPolicies,
    ...loggingEncryptionPolicies,
    ...kmsEncryptionPolicies,
    ...ec2EncryptionPolicies,
    ...cloudfrontTransitPolicies,
    ...lbTransitPolicies,
    ...transitPolicies,
    ...efsEncryptionPolicies,
    ...efsTransitStackPolicies,
    ...lambdaEncryptionPolicies,
    ...stepFunctionsEncryptionPolicies,
    ...ecrEncryptionPolicies,
    ...snsSubscriptionTransitPolicies,
    ...eventArchiveEncryptionPolicies,
    ...rdsSnapshotGlobalPolicies,
    ...lbTargetPolicies,
];
