import { describeDelivery } from "./deliveryAssertions";

// Values from Pulumi.prod.yaml.
describeDelivery({
    stack: "prod",
    prefix: "platform-prod",
    ownsGithubProvider: true,
    protect: true,
    repositories: [
        { slug: "ecr-orders-api", name: "orders/api", keep: 30, untaggedDays: 7 },
        { slug: "ecr-payments-processor", name: "payments/processor", keep: 50, untaggedDays: 7, lambdaPullers: ["platform-prod-payment-processor"] },
    ],
    deploySubject: "repo:acme/platform-infra:environment:prod",
    previewSubject: "repo:acme/platform-infra:pull_request",
    secretsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/5e2b7f7a-91c4-4d0e-8c1b-7a3d2e4f6a81",
    argoCd: { namespace: "argocd", idcInstanceArn: "arn:aws:sso:::instance/ssoins-7223a3f1c9b2d4e5", roles: ["ADMIN", "VIEWER"], retentionDays: 365 },
});
