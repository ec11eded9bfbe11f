import { describeEdge } from "./edgeAssertions";

// Values from Pulumi.dev.yaml, written out so a change there is made on purpose here too.
describeEdge({
    stack: "dev",
    prefix: "platform-dev",
    aliases: ["assets.dev.example.com"],
    hostedZoneId: "Z0DEV456789ABCDEFGHIJ",
    priceClass: "PriceClass_100",
    originShieldRegion: undefined,
    rateLimit: 1000,
    rateLimitWindowSeconds: 300,
    regionalWebAcl: false,
    botControl: false,
    wafLogRetentionDays: 30,
    accessLogRetentionDays: 30,
    noncurrentVersionExpirationDays: 30,
    protect: false,
    retainOnDelete: false,
    kmsDeletionWindowInDays: 7,
});
