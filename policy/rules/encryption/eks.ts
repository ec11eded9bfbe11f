import { resourcePolicy } from "../../lib/rule";
import { ABSENT } from "../../lib/rule";
import { list, read, UNKNOWN } from "../../lib/values";
import { requireCmk } from "../../lib/checks";

export const eksSecretsEncryption = resourcePolicy({
    id: "enc-eks-secrets",
    description: "EKS clusters encrypt Kubernetes secrets with a customer-managed KMS key (envelope encryption).",
    severity: "high",
    resourceTypes: ["aws:eks/cluster:Cluster"],
    remediation: "Set encryptionConfig: { resources: [\"secrets\"], provider: { keyArn: <CMK ARN> } } (with @pulumi/eks: encryptionConfigKeyArn).",
    check(props, ctx) {
        const config: unknown = read(props, "encryptionConfig");
        if (config === UNKNOWN) {
            return;
        }
        if (config === undefined || config === null) {
            ctx.report({ property: "encryptionConfig", value: ABSENT, expected: "{ resources: [\"secrets\"], provider: { keyArn: <customer-managed KMS key ARN> } }" });
            return;
        }
        const resources = list(props, "encryptionConfig.resources");
        if (resources !== UNKNOWN && !resources.includes("secrets") && !resources.includes(UNKNOWN)) {
            ctx.report({ property: "encryptionConfig.resources", value: resources, expected: "a list containing \"secrets\"" });
        }
        requireCmk(props, ctx, "encryptionConfig.provider.keyArn");
    },
});

export const eksEncryptionPolicies = [eksSecretsEncryption];
