// Pulumi entry point (Pulumi.yaml `main`). The exported object becomes the stack outputs.
import { runPlatform } from "./program";

export = runPlatform();
