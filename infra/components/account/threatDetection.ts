import * as aws from "@pulumi/aws";
import { GuardDutyFeaturesConfig, PlatformConfig } from "../../config/platformConfig";
import { nameTag } from "../../platform/naming";
import { OwnerScope, singletonOptions } from "./ownerOptions";

export type FeatureStatus = "ENABLED" | "DISABLED";

interface GuardDutyFeatureDefinition {
    /** Logical name of the DetectorFeature resource. */
    readonly slug: string;
    /** The GuardDuty API feature name. */
    readonly name: string;
    readonly switch: keyof GuardDutyFeaturesConfig;
    /** Sub-features that follow the feature's status. */
    readonly additionalConfigurations: readonly string[];
}

export const GUARDDUTY_FEATURES: readonly GuardDutyFeatureDefinition[] = [
    { slug: "s3-data-events", name: "S3_DATA_EVENTS", switch: "s3DataEvents", additionalConfigurations: [] },
    { slug: "eks-audit-logs", name: "EKS_AUDIT_LOGS", switch: "eksAuditLogs", additionalConfigurations: [] },
    // GuardDuty installs and updates the EKS runtime agent add-on itself; without it the feature sees nothing.
    { slug: "runtime-monitoring", name: "RUNTIME_MONITORING", switch: "runtimeMonitoring", additionalConfigurations: ["EKS_ADDON_MANAGEMENT"] },
    { slug: "rds-login-events", name: "RDS_LOGIN_EVENTS", switch: "rdsLoginEvents", additionalConfigurations: [] },
    { slug: "ebs-malware-protection", name: "EBS_MALWARE_PROTECTION", switch: "malwareProtection", additionalConfigurations: [] },
];

export interface ThreatDetection {
    readonly detector: aws.guardduty.Detector;
    readonly features: readonly aws.guardduty.DetectorFeature[];
}

/**
 * GuardDuty with every protection plan declared. A feature switched off in config is written as
 * status DISABLED rather than left out: deleting a DetectorFeature only forgets it (the provider does
 * not turn it off), and GuardDuty turns some plans on by itself for new detectors, so omitting a
 * feature would leave it running, and billing, with nothing in the program saying so.
 */
export function createThreatDetection(config: PlatformConfig, scope: OwnerScope): ThreatDetection {
    const detector = new aws.guardduty.Detector("main", {
        enable: true,
        // Findings reach Security Hub / EventBridge within 15 minutes instead of the 6-hour default.
        findingPublishingFrequency: "FIFTEEN_MINUTES",
        tags: nameTag(config, "guardduty"),
    }, singletonOptions(scope, "aws:guardduty/detector:Detector"));

    const features: aws.guardduty.DetectorFeature[] = GUARDDUTY_FEATURES.map((feature: GuardDutyFeatureDefinition) => {
        const status: FeatureStatus = config.security.guardDuty.features[feature.switch] ? "ENABLED" : "DISABLED";
        return new aws.guardduty.DetectorFeature(feature.slug, {
            detectorId: detector.id,
            name: feature.name,
            status,
            additionalConfigurations: feature.additionalConfigurations.length > 0
                ? feature.additionalConfigurations.map((name: string) => ({ name, status }))
                : undefined,
        }, singletonOptions(scope, "aws:guardduty/detectorFeature:DetectorFeature"));
    });
    return { detector, features };
}
