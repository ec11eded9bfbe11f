import { describeProgram } from "./programAssertions";

describeProgram("prod", "prod");
