import { describe, expect, it } from "vitest";
import { RecordedResource } from "../../tools/offline/mockEngine";
import { StackRunResult, runStack } from "../support/stackRun";

const USER = "aws:elasticache/user:User";
const USER_GROUP = "aws:elasticache/userGroup:UserGroup";
const REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";

/**
 * The user's authentication type. A secret authenticationMode is recorded as "[secret]" whole: only
 * the password mode carries anything secret (its passwords), so that reads as "password".
 */
function authenticationType(user: RecordedResource): string | undefined {
    const mode = user.inputs.authenticationMode as { type?: string } | string | undefined;
    return mode === "[secret]" ? "password" : typeof mode === "object" ? mode.type : undefined;
}

/**
 * ElastiCache RBAC (issue 18 §4). "A user group configured for the VALKEY engine can only contain
 * users who are using an authentication mechanism (either password or IAM)"
 * (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.RBAC.html): CreateUserGroup fails
 * otherwise. Every user group of both stacks, every member: an authentication mechanism when the group
 * is Valkey, a "default" user that is switched off, passwords only as secrets, IAM users named as their id.
 */
for (const stack of ["dev", "prod"] as const) {
    describe(`ElastiCache users and groups (${stack})`, () => {
        let result: StackRunResult;
        const usersOf = (group: RecordedResource): RecordedResource[] => (group.inputs.userIds as string[]).map((id: string) => {
            const user: RecordedResource | undefined = result.ofType(USER).find((u) => u.inputs.userId === id);
            if (!user) {
                throw new Error(`user group ${String(group.inputs.userGroupId)} names user ${id}, which this stack does not create`);
            }
            return user;
        });

        it("has a user group on every replication group", async () => {
            result = await runStack(stack);
            for (const group of result.all(REPLICATION_GROUP)) {
                expect(group.inputs.userGroupIds, group.name).toHaveLength(1);
            }
            expect(result.all(USER_GROUP).length).toBeGreaterThan(0);
        });

        it("a Valkey group holds only users with a password or IAM (no no-password-required user)", () => {
            for (const group of result.all(USER_GROUP)) {
                for (const user of usersOf(group)) {
                    const mode: string | undefined = authenticationType(user);
                    if (group.inputs.engine === "valkey") {
                        expect(["password", "iam"], `${user.name} in ${String(group.inputs.userGroupId)}`).toContain(mode);
                    }
                    expect(user.inputs.noPasswordRequired, user.name).not.toBe(true);
                }
            }
        });

        it("every group has one user named default, switched off and allowed no command", () => {
            for (const group of result.all(USER_GROUP)) {
                const defaults: RecordedResource[] = usersOf(group).filter((u) => u.inputs.userName === "default");
                expect(defaults, String(group.inputs.userGroupId)).toHaveLength(1);
                const access = String(defaults[0].inputs.accessString).split(/\s+/);
                expect(access).toContain("off");
                expect(access).toContain("-@all");
                expect(access).not.toContain("on");
                // The account's built-in user has the id "default"; a group's own default user needs another id.
                expect(defaults[0].inputs.userId).not.toBe("default");
            }
        });

        it("passwords exist only as secrets (never in plain text in inputs or state)", () => {
            for (const user of result.all(USER)) {
                if (authenticationType(user) === "password") {
                    expect(user.secretInputs, user.name).toContain("authenticationMode");
                }
                expect(user.inputs.passwords, user.name).toBeUndefined();
            }
            for (const password of result.ofType("random:index/randomPassword:RandomPassword")) {
                expect(password.inputs.special, password.name).toBe(false);
                expect(Number(password.inputs.length), password.name).toBeGreaterThanOrEqual(16);
            }
        });

        it("IAM users are named as their id (ElastiCache's rule for IAM authentication)", () => {
            for (const user of result.all(USER)) {
                if (authenticationType(user) === "iam") {
                    expect(user.inputs.userName, user.name).toBe(user.inputs.userId);
                }
            }
        });
    });
}
