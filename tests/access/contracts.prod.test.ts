import { describeAccessContracts } from "./accessSuite";

describeAccessContracts("prod");
