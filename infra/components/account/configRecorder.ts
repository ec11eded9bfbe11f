import * as aws from "@pulumi/aws";
import { PlatformConfig } from "../../config/platformConfig";
import { nameRule } from "../../platform/awsNameRules";
import { nameTag, ruleFittedName } from "../../platform/naming";
import { CONFIG_KEY_PREFIX } from "../security/auditPolicies";
import { OwnerScope, singletonOptions } from "./ownerOptions";

export interface ConfigRecorderArgs {
    readonly config: PlatformConfig;
    /** The audit bucket and its policy (which already grants AWS Config delivery under CONFIG_KEY_PREFIX). */
    readonly bucket: aws.s3.Bucket;
    readonly bucketPolicy: aws.s3.BucketPolicy;
    /** The logs key, whose policy lets AWS Config encrypt its deliveries. */
    readonly logsKey: aws.kms.Key;
    readonly scope: OwnerScope;
}

export interface ConfigRecorder {
    readonly serviceLinkedRole: aws.iam.ServiceLinkedRole;
    readonly recorder: aws.cfg.Recorder;
    readonly deliveryChannel: aws.cfg.DeliveryChannel;
    readonly status: aws.cfg.RecorderStatus;
}

/** How often AWS Config writes a full snapshot to the bucket (history files are written as changes happen). */
export const CONFIG_SNAPSHOT_FREQUENCY = "TwentyFour_Hours";

/**
 * AWS Config recording every supported resource type continuously, the evidence Security Hub's
 * FSBP and CIS controls are evaluated on. One recorder and one delivery channel exist per account
 * and Region. Global resource types (IAM users, roles, policies) are the same in every Region, so
 * only the recorder in `globalResourcesRegion` records them; recording them everywhere would bill
 * each change once per Region. The recorder runs as AWS Config's service-linked role
 * (AWSServiceRoleForConfig), whose permissions AWS maintains. That role is account-wide (IAM has no
 * Regions): an owner of a second Region of the same account must not create it again; the baseline
 * owner of the account's globalResourcesRegion creates it.
 */
export function createConfigRecorder(args: ConfigRecorderArgs): ConfigRecorder {
    const { config, bucket, bucketPolicy, logsKey, scope } = args;
    const name: string = ruleFittedName(config, "config", nameRule("aws:cfg/recorder:Recorder", "name"));

    const serviceLinkedRole = new aws.iam.ServiceLinkedRole("config", {
        awsServiceName: "config.amazonaws.com",
        description: "AWS Config records the account's resource configuration",
        tags: nameTag(config, "config"),
    }, singletonOptions(scope, "aws:iam/serviceLinkedRole:ServiceLinkedRole"));

    const recorder = new aws.cfg.Recorder("config", {
        name,
        roleArn: serviceLinkedRole.arn,
        recordingGroup: {
            allSupported: true,
            includeGlobalResourceTypes: config.region === config.security.config.globalResourcesRegion,
        },
        recordingMode: { recordingFrequency: "CONTINUOUS" },
    }, singletonOptions(scope, "aws:cfg/recorder:Recorder"));

    const deliveryChannel = new aws.cfg.DeliveryChannel("config", {
        name,
        s3BucketName: bucket.bucket,
        s3KeyPrefix: CONFIG_KEY_PREFIX,
        s3KmsKeyArn: logsKey.arn,
        snapshotDeliveryProperties: { deliveryFrequency: CONFIG_SNAPSHOT_FREQUENCY },
    }, singletonOptions(scope, "aws:cfg/deliveryChannel:DeliveryChannel", {
        // PutDeliveryChannel needs the recorder and checks the bucket permissions when it runs.
        dependsOn: [recorder, bucketPolicy],
    }));

    const status = new aws.cfg.RecorderStatus("config", {
        name: recorder.name,
        isEnabled: true,
    }, singletonOptions(scope, "aws:cfg/recorderStatus:RecorderStatus", {
        // Recording can start only once it has somewhere to deliver.
        dependsOn: [deliveryChannel],
    }));

    return { serviceLinkedRole, recorder, deliveryChannel, status };
}
