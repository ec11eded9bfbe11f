import { describeProgramCompliance } from "./programCompliance";

describeProgramCompliance("prod");
