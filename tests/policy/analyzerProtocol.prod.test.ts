import { describeAnalyzerProtocol } from "./analyzerProtocol";

describeAnalyzerProtocol("prod", false);
