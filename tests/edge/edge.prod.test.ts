import { describeEdge } from "./edgeAssertions";

// Values from Pulumi.prod.yaml, written out so a change there is made on purpose here too.
describeEdge({
    stack: "prod",
    prefix: "platform-prod",
    aliases: ["assets.example.com"],
    hostedZoneId: "Z0123456789ABCDEFGHIJ",
    priceClass: "PriceClass_All",
    originShieldRegion: "us-east-1",
    rateLimit: 2000,
    rateLimitWindowSeconds: 300,
    regionalWebAcl: true,
    botControl: true,
    wafLogRetentionDays: 365,
    accessLogRetentionDays: 365,
    noncurrentVersionExpirationDays: 30,
    protect: true,
    retainOnDelete: true,
    kmsDeletionWindowInDays: 30,
});
