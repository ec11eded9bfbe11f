import { describeAnalyzerProtocol } from "./analyzerProtocol";

describeAnalyzerProtocol("dev", true);
