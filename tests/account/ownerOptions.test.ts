import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { singletonOptions } from "../../infra/components/account/ownerOptions";

describe("owner options of an account singleton", () => {
    const parent = {} as pulumi.Resource;
    const formerParent = "urn:pulumi:prod::platform::platform:security:Baseline::security";

    it("protect always; retainOnDelete from the table; alias to the component the resource was declared in before", () => {
        expect(singletonOptions({ parent, formerParent }, "aws:guardduty/detector:Detector")).toEqual({
            parent, aliases: [{ parent: formerParent }], protect: true, retainOnDelete: true,
        });
        expect(singletonOptions({ parent }, "aws:ebs/defaultKmsKey:DefaultKmsKey")).toMatchObject({ protect: true, retainOnDelete: false });
    });

    it("extra options never weaken protection", () => {
        expect(singletonOptions({ parent }, "aws:cfg/recorder:Recorder", { protect: false, retainOnDelete: false })).toMatchObject({ protect: true, retainOnDelete: true });
    });

    it("refuses a type the singleton table does not know", () => {
        expect(() => singletonOptions({ parent }, "aws:s3/bucket:Bucket")).toThrow(/not in ACCOUNT_SINGLETONS/);
    });
});
