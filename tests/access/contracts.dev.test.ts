import { describeAccessContracts } from "./accessSuite";

describeAccessContracts("dev");
