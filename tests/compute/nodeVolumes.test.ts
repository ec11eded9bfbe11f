import { describe, expect, it } from "vitest";
import { blockDevices } from "../../infra/components/compute/nodeGroups";

describe("node volumes per AMI family", () => {
    it("gives AL2023 one encrypted gp3 root volume of the configured size", () => {
        expect(blockDevices("AL2023_ARM_64_STANDARD", 80, "arn:key")).toEqual([
            { deviceName: "/dev/xvda", ebs: { volumeSize: 80, volumeType: "gp3", encrypted: "true", kmsKeyId: "arn:key", deleteOnTermination: "true" } },
        ]);
    });

    it("gives Bottlerocket a small OS volume and the configured size on its data volume, both encrypted", () => {
        const devices = blockDevices("BOTTLEROCKET_x86_64", 100, "arn:key");
        expect(devices.map((d) => [d.deviceName, (d.ebs as { volumeSize: number }).volumeSize])).toEqual([["/dev/xvda", 4], ["/dev/xvdb", 100]]);
        expect(devices.every((d) => (d.ebs as { encrypted: string; kmsKeyId: string }).encrypted === "true" && (d.ebs as { kmsKeyId: string }).kmsKeyId === "arn:key")).toBe(true);
    });
});
