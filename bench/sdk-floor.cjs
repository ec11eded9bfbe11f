// The floor of bench:preview: what a user cannot go below. Plain `node` (no TypeScript loader)
// loads @pulumi/pulumi and @pulumi/aws and registers N AWS resources under mocks of the same shape
// as tools/offline (an id and the inputs as state), with source maps off as the preview runs and
// the SDK's per-promise leak traces skipped as the mock engine skips them (tools/offline/promiseTraces.ts).
// Usage: node bench/sdk-floor.cjs <resource count>
"use strict";
const pulumi = require("@pulumi/pulumi");

async function main() {
    const count = Number(process.argv[2] || "1");
    process.setSourceMapsEnabled(false);
    require("@pulumi/pulumi/runtime/debuggable").debuggablePromise = (promise) => promise;
    pulumi.runtime.setAllConfig({ "aws:region": "us-east-1" }, []);
    await pulumi.runtime.setMocks({
        newResource: (args) => ({ id: `${args.name}-id`, state: { ...args.inputs } }),
        call: (args) => args.inputs,
    }, "platform", "floor", false);
    const aws = require("@pulumi/aws");
    const buckets = [];
    for (let i = 0; i < count; i++) {
        buckets.push(new aws.s3.Bucket(`bucket-${i}`, { tags: { Name: `bucket-${i}` } }));
    }
    await new Promise((resolve) => pulumi.all(buckets.map((b) => b.bucket)).apply(resolve));
    await require("@pulumi/pulumi/runtime/settings").waitForRPCs();
}

main().then(() => process.exit(0), (error) => {
    console.error(error);
    process.exit(1);
});
