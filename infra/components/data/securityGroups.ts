import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DATA_STORE_PORTS, DataStore } from "../../platform/networkDependencies";
import { DataContext, nameTag } from "./context";

export interface ClientOnlyGroupArgs {
    readonly name: string;
    readonly description: string;
    readonly vpcId: pulumi.Input<string>;
    readonly port: number;
    /** The security group EKS nodes and pods carry: the only source allowed in. */
    readonly clientSecurityGroupId: pulumi.Input<string>;
}

/**
 * A security group that admits one TCP port from the workload clients' group (and, through
 * admitClient, from each further group that declares a dependency on the store), nothing else.
 * No egress rules: the data services answer on the established connection, they never dial out.
 */
export function createClientOnlyGroup(ctx: DataContext, args: ClientOnlyGroupArgs): aws.ec2.SecurityGroup {
    const group = new aws.ec2.SecurityGroup(args.name, {
        vpcId: args.vpcId,
        description: args.description,
        tags: nameTag(ctx.naming, args.name),
    }, { parent: ctx.parent });
    new aws.vpc.SecurityGroupIngressRule(`${args.name}-from-clients`, {
        securityGroupId: group.id,
        description: `TCP ${args.port} from the workload clients' security group (EKS nodes and pods)`,
        ipProtocol: "tcp",
        fromPort: args.port,
        toPort: args.port,
        referencedSecurityGroupId: args.clientSecurityGroupId,
    }, { parent: ctx.parent });
    return group;
}

/** Another security group the data tier admits besides the workload clients' (platform/networkDependencies.ts). */
export interface AdditionalClient {
    /** Logical name of the client's group (rules are named <store>-from-<name> and <name>-to-<store>). */
    readonly name: string;
    readonly securityGroupId: pulumi.Input<string>;
    /** The stores its workloads connect to. */
    readonly stores: readonly DataStore[];
}

/**
 * Opens one declared dependency on both ends, by security-group reference: ingress on the store's
 * group from the client's group, and egress on the client's group to the store's group, on the
 * store's port only. The node group's egress is the cluster's (it already sends anywhere in the VPC).
 */
export function admitClient(ctx: DataContext, store: { readonly name: DataStore; readonly group: aws.ec2.SecurityGroup }, client: AdditionalClient): void {
    const port: number = DATA_STORE_PORTS[store.name];
    new aws.vpc.SecurityGroupIngressRule(`${store.name}-from-${client.name}`, {
        securityGroupId: store.group.id,
        description: `TCP ${port} from the ${client.name} security group`,
        ipProtocol: "tcp",
        fromPort: port,
        toPort: port,
        referencedSecurityGroupId: client.securityGroupId,
        tags: nameTag(ctx.naming, `${store.name}-from-${client.name}`),
    }, { parent: ctx.parent });
    new aws.vpc.SecurityGroupEgressRule(`${client.name}-to-${store.name}`, {
        securityGroupId: client.securityGroupId,
        description: `TCP ${port} to the ${store.name} security group`,
        ipProtocol: "tcp",
        fromPort: port,
        toPort: port,
        referencedSecurityGroupId: store.group.id,
        tags: nameTag(ctx.naming, `${client.name}-to-${store.name}`),
    }, { parent: ctx.parent });
}
