import { beforeAll, describe, expect, it } from "vitest";
import { policies } from "../../policy/policies";
import { PolicyReport, evaluatePack } from "../../tools/preview/policy";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { FAKE_ACCOUNT_ID } from "../../tools/offline/fakeCloud";
import { StackRunResult, policyDocument, runStack } from "../support/stackRun";
import { expectOnlyPendingLogDeliveryFindings } from "../support/pendingPolicy";

const A = FAKE_ACCOUNT_ID;
const code = (key: string) => ({ s3Bucket: "acme-artifacts", s3Key: key });
/** Dev is a consumer of the account baseline: its roles trust the owner's provider, looked up by URL. */
const PROVIDER_ARN = `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`;

/** Dev with every integration and delivery feature switched on, each option in its less common form. */
const integration = {
    logRetentionInDays: 90,
    eventBus: {
        enabled: true,
        archiveRetentionDays: 30,
        rules: [
            { name: "fanout", eventPattern: { source: ["acme.test"] }, targets: [
                { kind: "queue", name: "jobs" }, { kind: "queue", name: "ledger.fifo" }, { kind: "function", name: "worker" }, { kind: "stateMachine", name: "flow" },
            ] },
            { name: "every-five", scheduleExpression: "rate(5 minutes)", targets: [{ kind: "function", name: "worker", maximumRetryAttempts: 0, maximumEventAgeSeconds: 60 }] },
        ],
    },
    queues: [
        { name: "jobs", visibilityTimeoutSeconds: 900, consumers: ["worker"], producerFunctions: ["api"], producerRoleArns: [`arn:aws:iam::${A}:role/partner-producer`] },
        { name: "ledger.fifo", fifo: true, contentBasedDeduplication: true, maxReceiveCount: 1000, visibilityTimeoutSeconds: 120, consumers: ["image-fn"] },
    ],
    topics: [{
        name: "events", publisherFunctions: ["worker"], publisherRoleArns: [`arn:aws:iam::${A}:role/partner-publisher`],
        subscriptions: [
            { name: "to-jobs", protocol: "sqs", queue: "jobs", filterPolicy: { kind: ["job"] } },
            { name: "hook", protocol: "https", endpoint: "https://hooks.example.com/x" },
            { name: "mail", protocol: "email", endpoint: "ops@example.com" },
        ],
    }],
    functions: [
        { name: "api", runtime: "nodejs24.x", handler: "index.handler", code: code("api.zip"), reachesDataTier: true, timeoutSeconds: 5 },
        { name: "worker", runtime: "python3.14", handler: "app.run", code: code("worker.zip"), timeoutSeconds: 900, architecture: "x86_64",
            statements: [{ actions: ["s3:GetObject"], resources: ["arn:aws:s3:::acme-input/*"] }] },
        { name: "image-fn", code: { imageUri: `${A}.dkr.ecr.us-east-1.amazonaws.com/platform-dev/img@sha256:${"a".repeat(64)}` }, timeoutSeconds: 60, reservedConcurrency: 0 },
    ],
    stateMachines: [{
        name: "flow", type: "EXPRESS",
        definition: { StartAt: "A", States: {
            A: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "${function:worker}" }, Next: "B" },
            B: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage", Parameters: { QueueUrl: "${queueUrl:ledger.fifo}", MessageGroupId: "g" }, Next: "C" },
            C: { Type: "Task", Resource: "arn:aws:states:::sns:publish", Parameters: { TopicArn: "${topic:events}" }, End: true },
        } },
    }],
    api: {
        enabled: true,
        corsAllowOrigins: ["https://app.example.com"],
        userPool: { mfa: "ON", featurePlan: "PLUS", threatProtection: "AUDIT" },
        vpcLink: { listenerArn: `arn:aws:elasticloadbalancing:us-east-1:${A}:listener/net/internal/0123456789abcdef/0123456789abcdef`, port: 8443 },
        routes: [
            { routeKey: "$default", target: { privateIntegration: true } },
            { routeKey: "GET /items", target: { function: "api" }, authorizationScopes: ["items/read"] },
        ],
    },
};

const delivery = {
    ecr: { repositories: [{ name: "team.a/svc_one-x" }] },
    github: {
        enabled: true, repository: "acme/infra",
        deploySubject: "repo:acme@42/infra@7:environment:dev", previewSubject: "repo:acme/infra:pull_request", stateBucket: "acme-state", maxSessionDurationSeconds: 7200,
    },
    argoCd: { enabled: true, identityCenterInstanceArn: "arn:aws:sso:::instance/ssoins-1234567890abcdef", namespace: "gitops" },
};

describe("every integration and delivery option on (dev)", () => {
    let result: StackRunResult;
    let report: PolicyReport;
    beforeAll(async () => {
        result = await runStack("dev", { overrides: { "platform:integration": JSON.stringify(integration), "platform:delivery": JSON.stringify(delivery) } });
        report = await evaluatePack(policies, result.resources, new Map(result.resources.map((r: RecordedResource) => [r.urn, r])), {});
    });
    const get = (type: string, name: string): RecordedResource => result.get(type, name);

    it("sends every kind of target, with a message group for the FIFO queue and the events role for the state machine", () => {
        expect(get("aws:cloudwatch/eventTarget:EventTarget", "rule-fanout-queue-ledger").inputs.sqsTarget).toEqual({ messageGroupId: "fanout" });
        expect(get("aws:cloudwatch/eventTarget:EventTarget", "rule-fanout-stateMachine-flow").inputs.roleArn).toBe(get("aws:iam/role:Role", "events-targets").outputs.arn);
        expect(get("aws:cloudwatch/eventTarget:EventTarget", "rule-every-five-function-worker").inputs).toMatchObject({ retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeInSeconds: 60 } });
        expect(get("aws:cloudwatch/eventRule:EventRule", "rule-every-five").inputs.scheduleExpression).toBe("rate(5 minutes)");
        expect(get("aws:cloudwatch/eventRule:EventRule", "rule-every-five").inputs.eventBusName, "scheduled rules run on the default bus").toBeUndefined();
        const trust = policyDocument(get("aws:iam/role:Role", "events-targets").inputs.assumeRolePolicy).Statement[0];
        expect((trust.Condition as Record<string, Record<string, unknown>>).ArnLike["aws:SourceArn"]).toEqual([`arn:aws:events:us-east-1:${A}:rule/platform-dev-events/platform-dev-fanout`]);
    });

    it("gives the FIFO queue a FIFO DLQ and lets the partner role produce to the standard queue", () => {
        expect(get("aws:sqs/queue:Queue", "ledger").inputs).toMatchObject({ name: "platform-dev-ledger.fifo", fifoQueue: true, contentBasedDeduplication: true });
        expect(get("aws:sqs/queue:Queue", "ledger-dlq").inputs).toMatchObject({ name: "platform-dev-ledger-dlq.fifo", fifoQueue: true });
        expect(JSON.parse(String(get("aws:sqs/queue:Queue", "ledger").inputs.redrivePolicy)).maxReceiveCount).toBe(1000);
        const allow = policyDocument(get("aws:sqs/queuePolicy:QueuePolicy", "jobs").inputs.policy).Statement.find((s) => s.Sid === "AllowNamedRoles")!;
        expect(allow.Principal).toEqual({ AWS: [get("aws:iam/role:Role", "fn-api").outputs.arn, `arn:aws:iam::${A}:role/partner-producer`] });
    });

    it("renders the state machine definition with the FIFO queue URL and limits its role to those three resources", () => {
        const definition = JSON.parse(String(get("aws:sfn/stateMachine:StateMachine", "sfn-flow").inputs.definition));
        expect(definition.States.B.Parameters.QueueUrl).toBe(`https://sqs.us-east-1.amazonaws.com/${A}/platform-dev-ledger.fifo`);
        expect(get("aws:sfn/stateMachine:StateMachine", "sfn-flow").inputs.type).toBe("EXPRESS");
        const policy = policyDocument(get("aws:iam/rolePolicy:RolePolicy", "sfn-flow").inputs.policy).Statement;
        expect(policy.find((s) => s.Sid === "SendToDefinitionQueues")?.Resource).toEqual([`arn:aws:sqs:us-east-1:${A}:platform-dev-ledger.fifo`]);
    });

    it("keeps a reserved concurrency of 0 (a paused function) and the configured statement on the worker", () => {
        expect(get("aws:lambda/function:Function", "fn-image-fn").inputs.reservedConcurrentExecutions).toBe(0);
        expect(get("aws:lambda/function:Function", "fn-worker").inputs.architectures).toEqual(["x86_64"]);
        const worker = policyDocument(get("aws:iam/rolePolicy:RolePolicy", "fn-worker").inputs.policy).Statement;
        expect(worker.find((s) => s.Sid === "Configured0")).toEqual({ Sid: "Configured0", Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::acme-input/*"] });
    });

    it("routes $default privately through the VPC link on the listener port, with scopes on the Lambda route", () => {
        expect(get("aws:apigatewayv2/route:Route", "api-route-default").inputs.target).toBe(`integrations/${get("aws:apigatewayv2/integration:Integration", "api-private").outputs.id as string}`);
        expect(get("aws:apigatewayv2/route:Route", "api-route-get-items").inputs.authorizationScopes).toEqual(["items/read"]);
        expect(get("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "api-vpc-link-egress").inputs).toMatchObject({ fromPort: 8443, toPort: 8443 });
        expect(get("aws:cognito/userPool:UserPool", "api-users").inputs.userPoolAddOns).toEqual({ advancedSecurityMode: "AUDIT" });
        expect((get("aws:apigatewayv2/api:Api", "api").inputs.corsConfiguration as Record<string, unknown>).allowOrigins).toEqual(["https://app.example.com"]);
    });

    it("uses the account's existing GitHub provider instead of creating one, and the immutable subject form", () => {
        // Only the cluster's own provider for IRSA (platform:compute) remains: no GitHub provider is created.
        expect(result.ofType("aws:iam/openIdConnectProvider:OpenIdConnectProvider").map((p) => p.name)).toEqual(["eks-oidc"]);
        const trust = policyDocument(get("aws:iam/role:Role", "github-deploy").inputs.assumeRolePolicy).Statement[0];
        expect(trust.Principal).toEqual({ Federated: PROVIDER_ARN });
        expect((trust.Condition as Record<string, Record<string, unknown>>).StringEquals["token.actions.githubusercontent.com:sub"]).toBe("repo:acme@42/infra@7:environment:dev");
        expect(get("aws:iam/role:Role", "github-deploy").inputs.maxSessionDuration).toBe(7200);
        expect(policyDocument(get("aws:iam/policy:Policy", "github-deploy-state").inputs.policy).Statement.find((s) => s.Sid === "SecretsProvider")).toBeUndefined();
    });

    it("runs Argo CD in the configured namespace and names repositories with dots and underscores", () => {
        expect((get("aws:eks/capability:Capability", "argocd").inputs.configuration as { argoCd: { namespace: string } }).argoCd.namespace).toBe("gitops");
        expect(get("aws:ecr/repository:Repository", "ecr-team-a-svc-one-x").inputs.name).toBe("platform-dev/team.a/svc_one-x");
    });

    it("still passes the pack: only the pending log-delivery findings are mandatory", () => {
        expectOnlyPendingLogDeliveryFindings(report.violations.filter((v) => v.enforcementLevel === "mandatory" && !v.message.includes("aws-load-balancer-controller")));
    });
});
