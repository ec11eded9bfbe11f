import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { isTrue } from "../../lib/props";
import { ABSENT, StackRule, stackPolicy } from "../../lib/rule";
import { UNKNOWN, ofType, peek, peekArray, peekPath } from "../../lib/stackJoins";

/** Amazon ECR: image vulnerability scanning, per repository or through the registry configuration. */

const REPOSITORY = "aws:ecr/repository:Repository";
const REGISTRY_SCANNING = "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration";

/** Frequencies that scan new images: BASIC supports only SCAN_ON_PUSH; ENHANCED also CONTINUOUS_SCAN. */
const SCANNING_FREQUENCIES: Readonly<Record<string, readonly string[]>> = {
    ENHANCED: ["SCAN_ON_PUSH", "CONTINUOUS_SCAN"],
    BASIC: ["SCAN_ON_PUSH"],
};

/** ECR repository filters are WILDCARD patterns where "*" matches any characters. */
function wildcardMatches(filter: string, name: string): boolean {
    return new RegExp(`^${filter.replace(/[.+^${}()|[\]\\?]/g, "\\$&").replace(/\*/g, ".*")}$`).test(name);
}

/** true: a registry rule scans this repository; "unknown": cannot tell yet; false: no rule covers it. */
function registryCovers(configuration: PolicyResource, repositoryName: unknown): boolean | "unknown" {
    const scanType: unknown = peek(configuration.props, "scanType");
    if (scanType === UNKNOWN) {
        return "unknown";
    }
    const frequencies: readonly string[] = SCANNING_FREQUENCIES[String(scanType)] ?? [];
    const rules = peekArray(peek(configuration.props, "rules"));
    if (rules === UNKNOWN) {
        return "unknown";
    }
    let undecided = false;
    for (const rule of rules) {
        const frequency: unknown = peek(rule, "scanFrequency");
        if (frequency === UNKNOWN) {
            undecided = true;
            continue;
        }
        if (typeof frequency !== "string" || !frequencies.includes(frequency)) {
            continue;
        }
        const filters = peekArray(peek(rule, "repositoryFilters"));
        if (filters === UNKNOWN) {
            undecided = true;
            continue;
        }
        for (const filter of filters) {
            const pattern: unknown = peek(filter, "filter");
            if (pattern === "*") {
                return true;
            }
            if (typeof pattern !== "string" || repositoryName === UNKNOWN || typeof repositoryName !== "string") {
                undecided = true;
                continue;
            }
            if (wildcardMatches(pattern, repositoryName)) {
                return true;
            }
        }
    }
    return undecided ? "unknown" : false;
}

export const ecrScanning: StackRule = {
    id: "log-ecr-scanning",
    description: "ECR repositories scan images: imageScanningConfiguration.scanOnPush true, or a registry scanning configuration (ENHANCED, or BASIC on push) with a rule whose filter covers the repository.",
    severity: "medium",
    remediation: "Set imageScanningConfiguration: { scanOnPush: true }, or (account-wide) aws.ecr.RegistryScanningConfiguration { scanType: \"ENHANCED\", rules: [{ scanFrequency: \"CONTINUOUS_SCAN\", repositoryFilters: [{ filter: \"*\", filterType: \"WILDCARD\" }] }] }.",
    check(resources, ctx) {
        const registryConfigurations: PolicyResource[] = ofType(resources, [REGISTRY_SCANNING]);
        for (const repository of ofType(resources, [REPOSITORY])) {
            const scanOnPush: unknown = peekPath(repository.props, "imageScanningConfiguration.scanOnPush");
            if (scanOnPush === UNKNOWN || isTrue(scanOnPush)) {
                continue;
            }
            const name: unknown = peek(repository.props, "name");
            if (registryConfigurations.some((c: PolicyResource) => registryCovers(c, name) !== false)) {
                continue;
            }
            ctx.report(repository, {
                property: "imageScanningConfiguration.scanOnPush",
                value: scanOnPush ?? ABSENT,
                expected: "true, or a registry scanning configuration rule covering this repository",
            });
        }
    },
};

export const ecrLoggingStackPolicies: StackValidationPolicy[] = [stackPolicy(ecrScanning)];
