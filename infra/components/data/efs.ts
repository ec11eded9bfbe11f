import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EfsAccessPointConfig, EfsConfig } from "../../config/dataConfig";
import { PolicyDocument, denyInsecureTransport, policyDocument } from "../security/policyDocument";
import { DataContext, DataNetwork, nameTag, statefulOptions } from "./context";
import { createClientOnlyGroup } from "./securityGroups";

export const NFS_PORT = 2049;

export interface EfsArgs {
    readonly efs: EfsConfig;
    readonly network: DataNetwork;
    readonly clientSecurityGroupId: pulumi.Input<string>;
}

export interface SharedFileSystem {
    readonly fileSystem: aws.efs.FileSystem;
    readonly securityGroup: aws.ec2.SecurityGroup;
    readonly accessPoints: Readonly<Record<string, aws.efs.AccessPoint>>;
}

/**
 * Deny every request that does not use TLS; allow NFS mount and write only through a mount target
 * (so only clients that reach the VPC security group can mount), never root access by default.
 */
export function fileSystemPolicy(fileSystemArn: string): PolicyDocument {
    return policyDocument([
        denyInsecureTransport("*", fileSystemArn, { AWS: "*" }),
        {
            Sid: "AllowMountThroughMountTargets",
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
            Resource: fileSystemArn,
            Condition: { Bool: { "elasticfilesystem:AccessedViaMountTarget": "true" } },
        },
    ]);
}

/** EFS for workloads that share files: data key, mount targets in the private subnets, TLS-only policy, backups on. */
export function createSharedFileSystem(ctx: DataContext, args: EfsArgs): SharedFileSystem {
    const { efs, network } = args;
    const { naming, keys, parent } = ctx;

    const securityGroup = createClientOnlyGroup(ctx, {
        name: "efs",
        description: "EFS: NFS 2049 from the workload clients only",
        vpcId: network.vpcId,
        port: NFS_PORT,
        clientSecurityGroupId: args.clientSecurityGroupId,
    });

    const fileSystem = new aws.efs.FileSystem("shared", {
        creationToken: `${naming.prefix}-shared`,
        encrypted: true,
        kmsKeyId: keys.data.arn,
        performanceMode: "generalPurpose",
        throughputMode: "elastic",
        lifecyclePolicies: [
            { transitionToIa: efs.transitionToInfrequentAccess },
            // A file read again goes back to Standard, so hot files never pay IA access charges twice.
            { transitionToPrimaryStorageClass: "AFTER_1_ACCESS" },
        ],
        tags: nameTag(naming, "shared"),
    }, statefulOptions(ctx));

    network.privateSubnetIds.forEach((subnetId: pulumi.Input<string>, index: number) => {
        new aws.efs.MountTarget(`shared-${network.availabilityZones[index]}`, {
            fileSystemId: fileSystem.id,
            subnetId,
            securityGroups: [securityGroup.id],
        }, { parent });
    });

    new aws.efs.BackupPolicy("shared", {
        fileSystemId: fileSystem.id,
        backupPolicy: { status: "ENABLED" },
    }, { parent });

    new aws.efs.FileSystemPolicy("shared", {
        fileSystemId: fileSystem.id,
        policy: fileSystem.arn.apply((arn: string) => JSON.stringify(fileSystemPolicy(arn))),
    }, { parent });

    const accessPoints: Record<string, aws.efs.AccessPoint> = {};
    for (const point of efs.accessPoints) {
        accessPoints[point.name] = createAccessPoint(ctx, fileSystem, point);
    }
    return { fileSystem, securityGroup, accessPoints };
}

function createAccessPoint(ctx: DataContext, fileSystem: aws.efs.FileSystem, point: EfsAccessPointConfig): aws.efs.AccessPoint {
    return new aws.efs.AccessPoint(`shared-${point.name}`, {
        fileSystemId: fileSystem.id,
        // Every request through the access point runs as this user, whatever the client claims.
        posixUser: { uid: point.uid, gid: point.gid },
        rootDirectory: {
            path: point.path,
            creationInfo: { ownerUid: point.uid, ownerGid: point.gid, permissions: point.permissions },
        },
        tags: nameTag(ctx.naming, `shared-${point.name}`),
    }, { parent: ctx.parent });
}
