import { describeTableBackup } from "./tableBackupAssertions";

describeTableBackup("prod");
