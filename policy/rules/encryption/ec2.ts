import { ABSENT, resourcePolicy } from "../../lib/rule";
import { isTrue } from "../../lib/props";
import { list, read, UNKNOWN } from "../../lib/values";
import { requireCmk } from "../../lib/checks";
import { ResourceRuleContext } from "../../lib/rule";

function prefixed(ctx: ResourceRuleContext<object>, prefix: string): ResourceRuleContext<object> {
    return { ...ctx, report: (v) => ctx.report({ ...v, property: `${prefix}.${v.property}` }) };
}

export const launchTemplateEbs = resourcePolicy({
    id: "enc-launch-template-ebs",
    description: "Launch templates (incl. EKS node templates) encrypt every EBS block device with a customer-managed KMS key. v7 types ebs.encrypted as a string (\"true\").",
    severity: "high",
    resourceTypes: ["aws:ec2/launchTemplate:LaunchTemplate"],
    remediation: "Set blockDeviceMappings[].ebs.encrypted: \"true\" and ebs.kmsKeyId to a customer-managed KMS key ARN.",
    check(props, ctx) {
        const mappings = list(props, "blockDeviceMappings");
        if (mappings === UNKNOWN) {
            return;
        }
        mappings.forEach((mapping: unknown, i: number) => {
            const ebs: unknown = mapping === UNKNOWN ? UNKNOWN : read(mapping, "ebs");
            if (ebs === UNKNOWN || ebs === undefined || ebs === null) {
                return; // instance-store (virtualName) mappings have no EBS volume
            }
            const encrypted: unknown = read(ebs, "encrypted");
            if (encrypted !== UNKNOWN && !isTrue(encrypted)) {
                ctx.report({ property: `blockDeviceMappings[${i}].ebs.encrypted`, value: encrypted ?? ABSENT, expected: "\"true\"" });
            }
            requireCmk(ebs as Record<string, unknown>, prefixed(ctx, `blockDeviceMappings[${i}].ebs`), "kmsKeyId");
        });
    },
});

export const instanceEbs = resourcePolicy({
    id: "enc-instance-ebs",
    description: "EC2 instances encrypt the root and every attached EBS block device with a customer-managed KMS key.",
    severity: "high",
    resourceTypes: ["aws:ec2/instance:Instance"],
    remediation: "Set rootBlockDevice: { encrypted: true, kmsKeyId: <CMK ARN> } and the same on every ebsBlockDevices[] entry.",
    check(props, ctx) {
        const devices: { path: string; device: unknown }[] = [{ path: "rootBlockDevice", device: read(props, "rootBlockDevice") }];
        const extra = list(props, "ebsBlockDevices");
        if (extra !== UNKNOWN) {
            extra.forEach((device: unknown, i: number) => devices.push({ path: `ebsBlockDevices[${i}]`, device }));
        }
        for (const { path, device } of devices) {
            if (device === UNKNOWN) {
                continue;
            }
            const encrypted: unknown = read(device, "encrypted");
            if (encrypted === UNKNOWN) {
                continue;
            }
            if (!isTrue(encrypted)) {
                ctx.report({ property: `${path}.encrypted`, value: encrypted ?? ABSENT, expected: "true" });
                continue;
            }
            requireCmk((device ?? {}) as Record<string, unknown>, prefixed(ctx, path), "kmsKeyId");
        }
    },
});

export const ec2EncryptionPolicies = [launchTemplateEbs, instanceEbs];
