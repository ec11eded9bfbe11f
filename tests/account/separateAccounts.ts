import { beforeAll, describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { StackRunResult, runStack } from "../support/stackRun";
import { DECLARED_SINGLETON_TYPES, baselineOf, inAccount, singletonsOf } from "./accountAssertions";

/**
 * The separate-accounts layout (README): the committed stack file moved to its own account (the
 * account id and every ARN naming it replaced) with baseline: owner. Each stack then declares the
 * whole set in its own account, protected, and every provider is pinned to that account.
 */
export function describeOwnAccount(stack: "dev" | "prod", accountId: string): void {
    describe(`${stack} as the baseline owner of its own account ${accountId}`, () => {
        let result: StackRunResult;
        beforeAll(async () => {
            result = await runStack(stack, { overrides: inAccount(stack, accountId, "owner"), accountId });
        });

        it("declares every account singleton type, each inside its AccountBaseline, protected", () => {
            const baseline: RecordedResource = baselineOf(result.resources);
            const singletons: RecordedResource[] = singletonsOf(result.resources);
            expect([...new Set(singletons.map((r: RecordedResource) => r.type))].sort()).toEqual([...DECLARED_SINGLETON_TYPES].sort());
            for (const resource of singletons) {
                expect(resource.parent, resource.urn).toBe(baseline.urn);
                expect(resource.protect, resource.urn).toBe(true);
            }
        });

        it("its providers may deploy only to that account, and every ARN the program builds names it", () => {
            const providers: RecordedResource[] = result.ofType("pulumi:providers:aws");
            expect(providers.length).toBeGreaterThan(1);
            for (const provider of providers) {
                expect(JSON.parse(String(provider.inputs.allowedAccountIds)), provider.urn).toEqual([accountId]);
            }
            const foreign: string[] = result.resources.flatMap((r: RecordedResource) => {
                const text: string = JSON.stringify(r.inputs);
                return [...text.matchAll(/arn:aws:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):/g)].map((m: RegExpMatchArray) => m[1])
                    .filter((id: string) => id !== accountId).map((id: string) => `${r.urn}: ${id}`);
            });
            expect(foreign).toEqual([]);
        });

        it("the EBS default key is this stack's data key; the trail and AWS Config deliver to this stack's audit bucket", () => {
            expect(result.get("aws:ebs/defaultKmsKey:DefaultKmsKey", "account").inputs.keyArn).toBe(result.get("aws:kms/key:Key", "data").outputs.arn);
            expect(result.get("aws:cfg/deliveryChannel:DeliveryChannel", "config").inputs.s3BucketName).toBe(result.get("aws:s3/bucket:Bucket", "cloudtrail").outputs.bucket);
        });
    });
}
