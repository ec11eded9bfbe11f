/**
 * Kubernetes minor versions EKS offers in standard support, with the date each leaves it. Creating
 * or keeping a cluster past that date moves it to extended support at $0.60 instead of $0.10 per
 * cluster-hour, so only versions with standard support left are accepted.
 *
 * Checked 2026-12-01 against the EKS user guide ("Understand the Kubernetes version lifecycle on
 * EKS", docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html: 14 months of standard
 * support per minor version, 1.36 the newest minor) and the EKS release calendar as mirrored by
 * endoflife.date/amazon-eks (1.34 ends 2026-12-02, 1.35 ends 2027-03-27). 1.34 is left out: its
 * standard support ends the day after this list was checked.
 */
export interface KubernetesVersionSupport {
    readonly version: string;
    /** Last day of standard support (ISO date); estimated where AWS has not yet published it. */
    readonly endOfStandardSupport: string;
    readonly estimated?: boolean;
}

export const KUBERNETES_VERSIONS_CHECKED_ON = "2026-12-01";

export const EKS_STANDARD_SUPPORT: readonly KubernetesVersionSupport[] = [
    { version: "1.35", endOfStandardSupport: "2027-03-27" },
    // Release date + 14 months; the calendar entry was not yet in the sources checked.
    { version: "1.36", endOfStandardSupport: "2027-07-31", estimated: true },
];

export const SUPPORTED_KUBERNETES_VERSIONS: readonly [string, ...string[]] = EKS_STANDARD_SUPPORT.map(
    (entry: KubernetesVersionSupport) => entry.version,
) as [string, ...string[]];
