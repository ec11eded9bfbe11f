import { describeServicePrincipalContracts } from "./servicePrincipalAssertions";

describeServicePrincipalContracts("prod");
