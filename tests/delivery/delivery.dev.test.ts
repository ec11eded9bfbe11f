import { describeDelivery } from "./deliveryAssertions";

// Values from Pulumi.dev.yaml.
describeDelivery({
    stack: "dev",
    prefix: "platform-dev",
    ownsGithubProvider: false,
    protect: false,
    repositories: [{ slug: "ecr-orders-api", name: "orders/api", keep: 10, untaggedDays: 3 }],
    deploySubject: "repo:acme/platform-infra:environment:dev",
    previewSubject: "repo:acme/platform-infra:pull_request",
    secretsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/0d7c3c1e-5b7a-4f1e-9a43-2f6c1d8e9b10",
});
