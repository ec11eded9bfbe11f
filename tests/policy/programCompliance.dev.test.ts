import { describeProgramCompliance } from "./programCompliance";

describeProgramCompliance("dev");
