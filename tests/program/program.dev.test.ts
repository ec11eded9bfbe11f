import { describeProgram } from "./programAssertions";

describeProgram("dev", "dev");
