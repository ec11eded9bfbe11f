import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
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
 * A security group that admits one TCP port from the workload clients' group and nothing else.
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
        description: `TCP ${args.port} from the workload clients' security group only`,
        ipProtocol: "tcp",
        fromPort: args.port,
        toPort: args.port,
        referencedSecurityGroupId: args.clientSecurityGroupId,
    }, { parent: ctx.parent });
    return group;
}
