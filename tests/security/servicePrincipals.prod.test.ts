import { runStack } from "../support/stackRun";
import { describeServicePrincipalContracts } from "./servicePrincipalAssertions";

// The callers this stack wires that the issue named: CloudTrail (Decrypt), the EventBridge bus and archive, queue producers, node volumes.
describeServicePrincipalContracts("prod", () => runStack("prod"), [
    "cloudtrail.amazonaws.com",
    "events.amazonaws.com (bus)",
    "events.amazonaws.com (archive)",
    "events.amazonaws.com (target",
    "AWSServiceRoleForAutoScaling",
    "sns.amazonaws.com (subscription",
    "cloudwatch.amazonaws.com (",
    "budgets.amazonaws.com (",
    "costalerts.amazonaws.com (",
    "config.amazonaws.com",
]);
