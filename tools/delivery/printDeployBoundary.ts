// Prints the account's deploy permissions boundary (deployPermissions.ts deployBoundaryDocument) for the
// account owner to create once per account, before the first `pulumi up` of a stack with GitHub roles:
//   npx tsx tools/delivery/printDeployBoundary.ts <account-id> [partition] [policy-name] > boundary.json
//   aws iam create-policy --policy-name platform-deploy-boundary --policy-document file://boundary.json
import { deployBoundaryDocument } from "../../infra/components/delivery/deployPermissions";

const [accountId, partition = "aws", name = "platform-deploy-boundary"] = process.argv.slice(2);
if (!accountId || !/^\d{12}$/.test(accountId)) {
    console.error("usage: printDeployBoundary.ts <12-digit account id> [partition] [policy name]");
    process.exit(2);
}
console.log(JSON.stringify(deployBoundaryDocument({ accountId, partition }, name), null, 2));
