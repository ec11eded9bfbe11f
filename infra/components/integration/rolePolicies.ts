import { IdentityStatementConfig } from "../../config/integrationConfig";
import { PolicyDocument, PolicyStatement, policyDocument } from "../security/policyDocument";
import { documentedValues, serviceTrustPolicy } from "../security/servicePrincipalStatements";
import { LayerIdentity, arns } from "./integrationContext";

/**
 * Pure builders for the layer's role documents. Resource "*" appears only for actions that have no
 * resource-level permissions (X-Ray segments, EC2 Describe*, the CloudWatch Logs vended-delivery
 * actions), each with the AWS documentation that requires it.
 */

/**
 * Trust for a service role, pinned to this account and the source ARN only where the service documents
 * them for assuming its role (SERVICE_PRINCIPALS): Step Functions and EventBridge do; Lambda documents
 * no condition for its execution role, so its trust names the principal alone.
 */
export function serviceTrust(service: string, id: LayerIdentity, sourceArns?: readonly string[]): PolicyDocument {
    const principal = `${service}.amazonaws.com`;
    const available = {
        "aws:SourceAccount": id.accountId,
        ...(sourceArns && sourceArns.length > 0 ? { "aws:SourceArn": [...sourceArns] } : {}),
    };
    return serviceTrustPolicy("AllowServiceAssumeRole", principal, documentedValues(principal, "trust", available));
}

/** X-Ray trace upload: PutTraceSegments/PutTelemetryRecords support no resource ARNs (AWSXRayDaemonWriteAccess uses "*"). */
function xrayStatement(): PolicyStatement {
    return {
        Sid: "XRayTraces",
        Effect: "Allow",
        Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
        Resource: "*",
    };
}

function keyStatement(keyArn: string, actions: readonly string[]): PolicyStatement {
    return { Sid: "UseIntegrationKey", Effect: "Allow", Action: [...actions], Resource: keyArn };
}

function configuredStatements(statements: readonly IdentityStatementConfig[]): PolicyStatement[] {
    return statements.map((statement: IdentityStatementConfig, i: number) => ({
        Sid: `Configured${i}`,
        Effect: "Allow",
        Action: [...statement.actions],
        Resource: [...statement.resources],
    }));
}

export interface FunctionPolicyInputs {
    readonly functionName: string;
    readonly logGroupName: string;
    readonly keyArn: string;
    readonly deadLetterQueueArn: string;
    /** Present when the function runs in the VPC. */
    readonly vpc?: { readonly subnetIds: readonly string[]; readonly securityGroupId: string };
    readonly consumesQueueArns: readonly string[];
    readonly sendsToQueueArns: readonly string[];
    readonly publishesToTopicArns: readonly string[];
    readonly statements: readonly IdentityStatementConfig[];
}

/**
 * The execution role's only permissions: write its own pre-created log group (no CreateLogGroup),
 * X-Ray, the VPC ENI actions scoped to its subnets and security group (AWSLambdaVPCAccessExecutionRole's
 * actions, narrowed), its dead-letter queue, the queues and topics the layer wires it to, the
 * integration key for those and for its environment, and the statements the config names.
 */
export function functionPolicy(id: LayerIdentity, inputs: FunctionPolicyInputs): PolicyDocument {
    const group: string = arns.logGroup(id, inputs.logGroupName);
    const ec2 = (resource: string): string => `arn:${id.partition}:ec2:${id.region}:${id.accountId}:${resource}`;
    const statements: PolicyStatement[] = [
        { Sid: "WriteOwnLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${group}:log-stream:*` },
        xrayStatement(),
        { Sid: "DeadLetterQueue", Effect: "Allow", Action: "sqs:SendMessage", Resource: inputs.deadLetterQueueArn },
    ];
    if (inputs.vpc) {
        statements.push(
            {
                Sid: "CreateFunctionEnis",
                Effect: "Allow",
                Action: "ec2:CreateNetworkInterface",
                Resource: [
                    ec2("network-interface/*"),
                    ...inputs.vpc.subnetIds.map((subnet: string) => ec2(`subnet/${subnet}`)),
                    ec2(`security-group/${inputs.vpc.securityGroupId}`),
                ],
            },
            {
                Sid: "ManageFunctionEnis",
                Effect: "Allow",
                Action: ["ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"],
                Resource: ec2("network-interface/*"),
            },
            // Describe calls have no resource-level permissions.
            { Sid: "DescribeNetwork", Effect: "Allow", Action: ["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups"], Resource: "*" },
        );
    }
    if (inputs.consumesQueueArns.length > 0) {
        statements.push({
            Sid: "ConsumeQueues",
            Effect: "Allow",
            Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"],
            Resource: [...inputs.consumesQueueArns],
        });
    }
    if (inputs.sendsToQueueArns.length > 0) {
        statements.push({ Sid: "SendToQueues", Effect: "Allow", Action: "sqs:SendMessage", Resource: [...inputs.sendsToQueueArns] });
    }
    if (inputs.publishesToTopicArns.length > 0) {
        statements.push({ Sid: "PublishToTopics", Effect: "Allow", Action: "sns:Publish", Resource: [...inputs.publishesToTopicArns] });
    }
    statements.push(keyStatement(inputs.keyArn, ["kms:Decrypt", "kms:GenerateDataKey"]));
    statements.push(...configuredStatements(inputs.statements));
    return policyDocument(statements);
}

export interface StateMachinePolicyInputs {
    readonly keyArn: string;
    readonly functionArns: readonly string[];
    readonly queueArns: readonly string[];
    readonly topicArns: readonly string[];
}

/**
 * A state machine may call exactly the functions, queues and topics its definition names, use the
 * integration key (its own encryption and the encrypted queues/topics), send traces and deliver its
 * logs. The log-delivery actions take no resource ARNs: the Step Functions developer guide
 * ("Logging using CloudWatch Logs", IAM policy for logging) prescribes them on Resource "*".
 */
export function stateMachinePolicy(inputs: StateMachinePolicyInputs): PolicyDocument {
    const statements: PolicyStatement[] = [];
    if (inputs.functionArns.length > 0) {
        statements.push({
            Sid: "InvokeDefinitionFunctions",
            Effect: "Allow",
            Action: "lambda:InvokeFunction",
            // Qualified ARNs (versions, aliases) of the same functions too.
            Resource: inputs.functionArns.flatMap((arn: string) => [arn, `${arn}:*`]),
        });
    }
    if (inputs.queueArns.length > 0) {
        statements.push({ Sid: "SendToDefinitionQueues", Effect: "Allow", Action: "sqs:SendMessage", Resource: [...inputs.queueArns] });
    }
    if (inputs.topicArns.length > 0) {
        statements.push({ Sid: "PublishToDefinitionTopics", Effect: "Allow", Action: "sns:Publish", Resource: [...inputs.topicArns] });
    }
    statements.push(
        keyStatement(inputs.keyArn, ["kms:Decrypt", "kms:GenerateDataKey"]),
        xrayStatement(),
        {
            Sid: "DeliverLogs",
            Effect: "Allow",
            Action: [
                "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries",
                "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
            ],
            Resource: "*",
        },
    );
    return policyDocument(statements);
}

/** EventBridge starting executions of the state machines its rules target (and nothing else). */
export function eventsToStateMachinesPolicy(stateMachineArns: readonly string[]): PolicyDocument {
    return policyDocument([{ Sid: "StartTargetExecutions", Effect: "Allow", Action: "states:StartExecution", Resource: [...stateMachineArns] }]);
}
