import { runStack } from "../support/stackRun";
import { describeServicePrincipalContracts } from "./servicePrincipalAssertions";

// The callers this stack wires that the issue named: the EventBridge bus and archive, queue producers, node volumes.
// Dev uses the account baseline prod owns (platform:account.baseline consumer): the trail, AWS Config
// and the anomaly monitor's alerts are prod's, and the prod suite walks their key callers.
describeServicePrincipalContracts("dev", () => runStack("dev"), [
    "events.amazonaws.com (bus)",
    "events.amazonaws.com (archive)",
    "events.amazonaws.com (target",
    "AWSServiceRoleForAutoScaling",
    "sns.amazonaws.com (subscription",
    "cloudwatch.amazonaws.com (",
    "budgets.amazonaws.com (",
]);
