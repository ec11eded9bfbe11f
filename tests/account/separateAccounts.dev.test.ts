import { describeOwnAccount } from "./separateAccounts";

// Dev in an account of its own (111111111111), owning that account's baseline.
describeOwnAccount("dev", "111111111111");
