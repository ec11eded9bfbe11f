import { ClusterIdentity } from "./clusterContext";
import { loadBalancerControllerPolicy } from "./controllerPolicies/loadBalancerController";
import { PodIdentityContext, PodIdentityRole, createPodIdentityRole } from "./podIdentity";

/** The service account the AWS Load Balancer Controller's Helm chart creates by default. */
export const LOAD_BALANCER_CONTROLLER_SERVICE_ACCOUNT = "aws-load-balancer-controller";

/**
 * The controller itself is installed with Helm by the platform team (it needs the Kubernetes API,
 * which a private endpoint keeps away from CI). Its AWS permissions come from here, scoped to this
 * cluster's tags and VPC, so the chart needs no IRSA annotation.
 */
export function createLoadBalancerControllerIdentity(ctx: PodIdentityContext): PodIdentityRole {
    return createPodIdentityRole(ctx, {
        slug: "aws-load-balancer-controller",
        description: "AWS Load Balancer Controller: load balancers for this cluster's Services and Ingresses",
        namespace: "kube-system",
        serviceAccount: LOAD_BALANCER_CONTROLLER_SERVICE_ACCOUNT,
        permissions: (identity: ClusterIdentity) => loadBalancerControllerPolicy(identity),
    });
}
