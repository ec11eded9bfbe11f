/**
 * The EKS release calendar for the Kubernetes minor versions this program may pin, with the date
 * each leaves standard support and extended support. A minor version gets 14 months of standard
 * support, then 12 months of extended support at $0.60 instead of $0.10 per cluster-hour; at the
 * end of standard support EKS upgrades a cluster whose upgradePolicy is STANDARD by itself, and
 * the next `pulumi up` would then try (and fail) to downgrade it. The config check therefore
 * rejects a pinned version that is past its end of standard support on the day of the preview
 * (computeSchema.ts, checkKubernetesVersionSupport), whatever the upgrade policy.
 *
 * Source, checked on KUBERNETES_VERSIONS_CHECKED_ON: EKS User Guide, "Understand the Kubernetes
 * version lifecycle on EKS" (docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html:
 * 14 months standard + 12 months extended support, "Amazon EKS Kubernetes release calendar"),
 * cross-checked with endoflife.date/amazon-eks and the AWS sample "EKS Version Support Calendar"
 * (aws-samples.github.io/sample-apex-skills, verified 2026-04-24): 1.33 ends 2026-07-29/2027-07-29,
 * 1.34 ends 2026-12-02/2027-12-02, 1.35 ends 2027-03-27/2028-03-27. 1.36's calendar entry was not
 * in the sources checked: its dates are estimated (release + 14 and + 26 months) and marked so.
 * When AWS publishes a date or a new minor version, update this table (and the date below).
 */
export interface KubernetesVersionSupport {
    readonly version: string;
    /** Last day of standard support (ISO date). */
    readonly endOfStandardSupport: string;
    /** Last day of extended support (ISO date); after it EKS upgrades the cluster whatever the policy. */
    readonly endOfExtendedSupport: string;
    /** True where AWS had not published the date when this table was checked. */
    readonly estimated?: boolean;
}

export const KUBERNETES_VERSIONS_CHECKED_ON = "2026-12-07";

export const EKS_VERSION_CALENDAR: readonly KubernetesVersionSupport[] = [
    { version: "1.33", endOfStandardSupport: "2026-07-29", endOfExtendedSupport: "2027-07-29" },
    { version: "1.34", endOfStandardSupport: "2026-12-02", endOfExtendedSupport: "2027-12-02" },
    { version: "1.35", endOfStandardSupport: "2027-03-27", endOfExtendedSupport: "2028-03-27" },
    { version: "1.36", endOfStandardSupport: "2027-07-31", endOfExtendedSupport: "2028-07-31", estimated: true },
];

/** Every version of the calendar: what the schema accepts as a value before the date check. */
export const SUPPORTED_KUBERNETES_VERSIONS: readonly [string, ...string[]] = EKS_VERSION_CALENDAR.map(
    (entry: KubernetesVersionSupport) => entry.version,
) as [string, ...string[]];

export function versionSupport(version: string): KubernetesVersionSupport | undefined {
    return EKS_VERSION_CALENDAR.find((entry: KubernetesVersionSupport) => entry.version === version);
}

/** True when `today` (ISO date, UTC) is after the version's last day of standard support. */
export function pastStandardSupport(entry: KubernetesVersionSupport, today: string): boolean {
    return today > entry.endOfStandardSupport;
}

/** The versions still in standard support on `today`, for "allowed: ..." messages. */
export function versionsInStandardSupport(today: string): KubernetesVersionSupport[] {
    return EKS_VERSION_CALENDAR.filter((entry: KubernetesVersionSupport) => !pastStandardSupport(entry, today));
}
