// The policy pack entry point: `pulumi preview --policy-pack policy` starts this file.
// Constructing a PolicyPack starts the analyzer server, so nothing else lives here; tests and the
// offline preview import ./policies instead.
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

new PolicyPack("platform-guardrails", { policies });
