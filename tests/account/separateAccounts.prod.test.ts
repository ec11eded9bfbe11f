import { describeOwnAccount } from "./separateAccounts";

// Prod in an account of its own (222222222222), owning that account's baseline.
describeOwnAccount("prod", "222222222222");
