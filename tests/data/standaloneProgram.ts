import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DataTier } from "../../infra/components/data/dataTier";
import { DataConfig } from "../../infra/config/dataConfig";

/** A standalone program: just the data tier, with a fake workload role, under the mock runtime. */
export function dataTierProgram(data: DataConfig, workloadRoleNames: Record<string, string>, eks?: { clusterName: string; clusterArn: string }): () => unknown {
    return () => {
        const provider = new aws.Provider("regional", { region: "us-east-1" });
        const key = (name: string): aws.kms.Key => new aws.kms.Key(name, { enableKeyRotation: true }, { provider });
        const tier = new DataTier("data", {
            data,
            protection: { protectStatefulResources: false, deletionProtection: false, finalSnapshots: false, retainOnDelete: false },
            naming: { prefix: "platform-test" },
            account: { accountId: pulumi.output("123456789012"), partition: pulumi.output("aws"), region: "us-east-1", dnsSuffix: pulumi.output("amazonaws.com") },
            network: {
                vpcId: "vpc-0123", availabilityZones: ["use1-az1", "use1-az2"], availabilityZoneNames: ["us-east-1c", "us-east-1d"], privateSubnetIds: ["subnet-a", "subnet-b"],
                databaseSubnetIds: ["subnet-c", "subnet-d"], rdsSubnetGroupName: "database", elastiCacheSubnetGroupName: "cache",
            },
            keys: { data: key("data"), logs: key("logs"), backup: key("backup") },
            clientSecurityGroupId: "sg-clients",
            workloadRoleNames,
            keyDeletionWindowInDays: 7,
            eks,
        }, { providers: [provider] });
        return { secrets: tier.connectionSecretArns };
    };
}

