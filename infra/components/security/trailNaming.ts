import * as pulumi from "@pulumi/pulumi";
import { PlatformConfig } from "../../config/platformConfig";
import { AccountContext } from "../../platform/accountContext";
import { nameRule } from "../../platform/awsNameRules";
import { ruleFittedName } from "../../platform/naming";

/**
 * The trail gets an explicit name so its ARN is known before it exists: the logs key policy and the
 * bucket policy must name the trail (aws:SourceArn) and the trail in turn needs both, so deriving
 * the ARN from the trail resource would be a cycle.
 */
export function trailName(config: PlatformConfig): string {
    return ruleFittedName(config, "audit", nameRule("aws:cloudtrail/trail:Trail", "name"));
}

export function trailArn(config: PlatformConfig, account: AccountContext): pulumi.Output<string> {
    return pulumi.interpolate`arn:${account.partition}:cloudtrail:${account.region}:${account.accountId}:trail/${trailName(config)}`;
}
