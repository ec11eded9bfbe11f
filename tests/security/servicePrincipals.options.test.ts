import { devObject } from "../config/configFixtures";
import { runStack } from "../support/stackRun";
import { describeServicePrincipalContracts } from "./servicePrincipalAssertions";

/**
 * The same class tests with the optional callers switched on that neither committed stack uses:
 * Karpenter (EventBridge into its SSE-KMS interruption queue and dead-letter queue) and the
 * CloudWatch agent's Pod Identity role.
 */
const compute: Record<string, unknown> = {
    ...devObject("platform:compute"),
    addons: { cloudWatchObservability: true },
    karpenter: { enabled: true },
};

describeServicePrincipalContracts("dev, Karpenter and Container Insights on", () => runStack("dev", { overrides: { "platform:compute": JSON.stringify(compute) } }),
    ["events.amazonaws.com (target karpenter-spot-interruption)", "AWSServiceRoleForAutoScaling"]);
