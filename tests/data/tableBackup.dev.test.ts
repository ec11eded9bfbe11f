import { describeTableBackup } from "./tableBackupAssertions";

describeTableBackup("dev");
