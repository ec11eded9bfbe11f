import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { StackRule, stackPolicy } from "../../lib/rule";
import { SecurityGroupIndex, attachedSecurityGroups, coversPort, describeRule, indexSecurityGroups, ingressRuleHolders, ingressRules, worldCidrs } from "../../lib/securityGroups";
import { ofType } from "../../lib/stackJoins";

/** Amazon EFS mount targets: NFS is never reachable from the internet. */

const MOUNT_TARGET = "aws:efs/mountTarget:MountTarget";
const NFS_PORT = 2049;

export const efsMountTargetSg: StackRule = {
    id: "net-efs-mount-target-sg",
    description: "Security groups attached to EFS mount targets admit no world ingress (0.0.0.0/0, ::/0) on NFS port 2049, in inline or standalone rules.",
    severity: "high",
    remediation: "Allow TCP 2049 only from the clients' security groups (sourceSecurityGroupId / referencedSecurityGroupId), never from a world CIDR.",
    check(resources, ctx) {
        const mountTargets: PolicyResource[] = ofType(resources, [MOUNT_TARGET]);
        if (mountTargets.length === 0) {
            return;
        }
        const index: SecurityGroupIndex = indexSecurityGroups(resources);
        const reported = new Set<string>();
        for (const target of mountTargets) {
            for (const group of attachedSecurityGroups(index, target, "securityGroups")) {
                for (const holder of ingressRuleHolders(index, group)) {
                    for (const rule of ingressRules(holder.type, holder.props)) {
                        if (!coversPort(rule, NFS_PORT)) {
                            continue;
                        }
                        for (const cidr of worldCidrs(rule)) {
                            const key = `${holder.urn}|${cidr.property}`;
                            if (!reported.has(key)) {
                                reported.add(key);
                                ctx.report(holder, { property: cidr.property, value: cidr.value, expected: `no world ingress on NFS ${NFS_PORT} (${describeRule(rule)}) on a security group of EFS mount target "${target.name}"` });
                            }
                        }
                    }
                }
            }
        }
    },
};

export const efsNetworkStackPolicies: StackValidationPolicy[] = [stackPolicy(efsMountTargetSg)];
