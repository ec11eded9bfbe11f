import { describeServicePrincipalContracts } from "./servicePrincipalAssertions";

describeServicePrincipalContracts("dev");
