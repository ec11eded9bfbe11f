import { PolicyDocument, PolicyStatement, denyInsecureTransport, policyDocument } from "../security/policyDocument";
import { WiringEdge, callersOf } from "./callers";

/**
 * Pure builders for the queue and topic policies. Each policy denies plain-HTTP requests and lets
 * only the named producers send: IAM roles by aws:PrincipalArn, services (EventBridge rules, SNS
 * topics) by aws:SourceArn. A same-account principal with sqs:SendMessage in its own IAM policy
 * would otherwise be able to send too, so "only" is enforced by an explicit Deny as well.
 */
export interface Producers {
    readonly roleArns: readonly string[];
    /** Rules (events.amazonaws.com) allowed to send. */
    readonly ruleArns: readonly string[];
    /** Topics (sns.amazonaws.com) allowed to send. */
    readonly topicArns: readonly string[];
}

export const NO_PRODUCERS: Producers = { roleArns: [], ruleArns: [], topicArns: [] };

/**
 * The producers of one queue or topic, read from the layer's table of who calls whom (callers.ts):
 * every edge into `resourceArn` that carries `action`. Nothing is listed by hand here, so a caller
 * the table knows is always admitted, and one it does not know is always denied.
 */
export function producersFrom(edges: readonly WiringEdge[], resourceArn: string, action: string): Producers {
    const roleArns = new Set<string>();
    const ruleArns = new Set<string>();
    const topicArns = new Set<string>();
    for (const edge of callersOf(edges, resourceArn, action)) {
        const { caller } = edge;
        if (caller.kind === "role") {
            roleArns.add(caller.arn);
        } else if (caller.service === "events.amazonaws.com") {
            ruleArns.add(caller.sourceArn);
        } else {
            topicArns.add(caller.sourceArn);
        }
    }
    return { roleArns: [...roleArns], ruleArns: [...ruleArns], topicArns: [...topicArns] };
}

function allowStatements(action: string, resource: string, producers: Producers, accountId: string): PolicyStatement[] {
    const statements: PolicyStatement[] = [];
    if (producers.roleArns.length > 0) {
        statements.push({ Sid: "AllowNamedRoles", Effect: "Allow", Principal: { AWS: [...producers.roleArns] }, Action: action, Resource: resource });
    }
    if (producers.ruleArns.length > 0) {
        statements.push({
            Sid: "AllowEventBridgeRules",
            Effect: "Allow",
            Principal: { Service: "events.amazonaws.com" },
            Action: action,
            Resource: resource,
            Condition: { StringEquals: { "aws:SourceAccount": accountId }, ArnEquals: { "aws:SourceArn": [...producers.ruleArns] } },
        });
    }
    if (producers.topicArns.length > 0) {
        statements.push({
            Sid: "AllowSnsTopics",
            Effect: "Allow",
            Principal: { Service: "sns.amazonaws.com" },
            Action: action,
            Resource: resource,
            Condition: { StringEquals: { "aws:SourceAccount": accountId }, ArnEquals: { "aws:SourceArn": [...producers.topicArns] } },
        });
    }
    return statements;
}

/**
 * Denies `action` to everyone who is neither a named role nor a named service source. Both keys
 * use IfExists: a role session carries no aws:SourceArn and a service call no aws:PrincipalArn,
 * so each producer kind is let through by the key it has. With no producers at all, nobody sends.
 */
function denyOthers(action: string, resource: string, producers: Producers): PolicyStatement {
    const sources: string[] = [...producers.ruleArns, ...producers.topicArns];
    const notNamed: Record<string, readonly string[]> = {};
    if (producers.roleArns.length > 0) {
        notNamed["aws:PrincipalArn"] = [...producers.roleArns];
    }
    if (sources.length > 0) {
        notNamed["aws:SourceArn"] = sources;
    }
    // Keys under one operator are ANDed: denied only when the caller matches neither kind of producer.
    const named: boolean = Object.keys(notNamed).length > 0;
    return {
        Sid: "DenyUnnamedProducers",
        Effect: "Deny",
        Principal: "*",
        Action: action,
        Resource: resource,
        ...(named ? { Condition: { ArnNotEqualsIfExists: notNamed } } : {}),
    };
}

export function queuePolicy(queueArn: string, accountId: string, producers: Producers): PolicyDocument {
    return policyDocument([
        denyInsecureTransport("sqs:*", queueArn),
        ...allowStatements("sqs:SendMessage", queueArn, producers, accountId),
        denyOthers("sqs:SendMessage", queueArn, producers),
    ]);
}

export function topicPolicy(topicArn: string, accountId: string, producers: Producers): PolicyDocument {
    return policyDocument([
        denyInsecureTransport("sns:Publish", topicArn),
        ...allowStatements("sns:Publish", topicArn, producers, accountId),
        denyOthers("sns:Publish", topicArn, producers),
    ]);
}
