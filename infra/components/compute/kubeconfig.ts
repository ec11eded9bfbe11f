import * as pulumi from "@pulumi/pulumi";

/**
 * A kubeconfig that holds no credential: kubectl runs `aws eks get-token` for the caller's own
 * AWS identity, which an access entry must then admit. JSON is valid YAML, so kubectl reads it as is.
 */
export function kubeconfig(clusterName: string, region: string, endpoint: pulumi.Output<string>, certificateAuthorityData: pulumi.Output<string>): pulumi.Output<string> {
    return pulumi.all([endpoint, certificateAuthorityData]).apply(([server, caData]: [string, string]) => JSON.stringify({
        apiVersion: "v1",
        kind: "Config",
        clusters: [{ name: clusterName, cluster: { server, "certificate-authority-data": caData } }],
        contexts: [{ name: clusterName, context: { cluster: clusterName, user: clusterName } }],
        "current-context": clusterName,
        users: [{
            name: clusterName,
            user: {
                exec: {
                    apiVersion: "client.authentication.k8s.io/v1beta1",
                    command: "aws",
                    args: ["eks", "get-token", "--cluster-name", clusterName, "--region", region, "--output", "json"],
                    interactiveMode: "Never",
                },
            },
        }],
    }, null, 2));
}
