import { concurrencyNeed } from "./lambdaConcurrency";
import { PlatformConfig } from "./platformConfig";

/**
 * What a stack's configuration names but the program does not create: each must exist (or be
 * decided) before the `pulumi up` that reads it, and nothing in a mocked run can show it is missing.
 * The offline preview lists them per stack and the README's pre-deployment checklist follows the
 * same order. Shapes are validated by the schema; existence only the account can tell, so each entry
 * carries the command that checks it.
 */
export interface ExternalReference {
    /** The configuration key path, as `pulumi config set --path` spells it. */
    readonly key: string;
    readonly value: string;
    /** What kind of thing the value names. */
    readonly what: string;
    /**
     * `before-first-up`: the first `pulumi up` fails without it. `after-first-up`: it can only exist
     * once the platform runs (a load balancer the cluster creates), so it belongs to a later update.
     */
    readonly needed: "before-first-up" | "after-first-up";
    /** An AWS CLI command that succeeds only when the reference exists. */
    readonly check: string;
}

/** Every external reference of a validated configuration, in checklist order. */
export function externalReferences(config: PlatformConfig): ExternalReference[] {
    return [
        ...stateBackend(config),
        ...accountBaseline(config),
        ...deployBoundary(config),
        ...administrators(config),
        ...hostedZone(config),
        ...network(config),
        ...functionArtifacts(config),
        ...serviceQuotas(config),
        ...externalRoles(config),
        ...delivery(config),
        ...loadBalancers(config),
    ];
}

function stateBackend(config: PlatformConfig): ExternalReference[] {
    const github = config.delivery.github;
    if (!github.enabled) {
        return [];
    }
    const refs: ExternalReference[] = [{
        key: "platform:delivery.github.stateBucket",
        value: github.stateBucket,
        what: "S3 bucket of the Pulumi state backend (the CI roles read and write it)",
        needed: "before-first-up",
        check: `aws s3api head-bucket --bucket ${github.stateBucket}`,
    }];
    if (github.secretsProviderKeyArn) {
        refs.push({
            key: "platform:delivery.github.secretsProviderKeyArn",
            value: github.secretsProviderKeyArn,
            what: "KMS key of the awskms:// secrets provider",
            needed: "before-first-up",
            check: `aws kms describe-key --key-id ${github.secretsProviderKeyArn}`,
        });
    }
    return refs;
}

/** A stack that does not own the account baseline relies on the owner's (deployed first) or the organisation's. */
function accountBaseline(config: PlatformConfig): ExternalReference[] {
    const monitor: string | undefined = config.operations.costAnomaly.monitorArn;
    return monitor ? [{
        key: "platform:operations.costAnomaly.monitorArn",
        value: monitor,
        what: "the account's cost anomaly monitor (the baseline owner's stack output account.costAnomalyMonitorArn)",
        needed: "before-first-up",
        check: `aws ce get-anomaly-monitors --monitor-arn-list ${monitor}`,
    }] : [];
}

/**
 * The deploy role may change roles only when they carry the account's deploy permissions boundary,
 * and every role of the program carries it: CreateRole fails until the account owner creates it.
 */
function deployBoundary(config: PlatformConfig): ExternalReference[] {
    const github = config.delivery.github;
    if (!github.enabled) {
        return [];
    }
    const arn = `arn:aws:iam::${config.account.id}:policy/${github.permissionsBoundaryName}`;
    return [{
        key: "platform:delivery.github.permissionsBoundaryName",
        value: arn,
        what: `the account's deploy permissions boundary (print it with npx tsx tools/delivery/printDeployBoundary.ts ${config.account.id}, create it with aws iam create-policy)`,
        needed: "before-first-up",
        check: `aws iam get-policy --policy-arn ${arn}`,
    }];
}

/** A stack that reserves Lambda concurrency needs a regional quota of its reservations plus the 100 Lambda keeps unreserved. */
function serviceQuotas(config: PlatformConfig): ExternalReference[] {
    const need = concurrencyNeed(config.integration.functions);
    return need.requiredAccountQuota > 0 ? [{
        key: "platform:integration.functions[].reservedConcurrency",
        value: `${need.reserved} reserved: Lambda concurrent executions quota of at least ${need.requiredAccountQuota}`,
        what: "the account's Lambda concurrency quota in the stack's Region (Service Quotas L-B99A9384; raise it with aws service-quotas request-service-quota-increase)",
        needed: "before-first-up",
        check: `aws service-quotas get-service-quota --service-code lambda --quota-code L-B99A9384 --region ${config.region}`,
    }] : [];
}

/** Access entries name principals that must exist: CreateAccessEntry fails for an unknown ARN. */
function administrators(config: PlatformConfig): ExternalReference[] {
    const access = config.compute.access;
    const entries: [string, readonly string[]][] = Object.entries(access)
        .filter((entry: [string, unknown]): entry is [string, readonly string[]] => Array.isArray(entry[1]));
    return entries.flatMap(([field, arns]: [string, readonly string[]]) => arns.map((arn: string, index: number) => iamPrincipal(
        `platform:compute.access.${field}[${index}]`, arn, "IAM principal given an EKS access entry")));
}

function hostedZone(config: PlatformConfig): ExternalReference[] {
    const zone: string | undefined = config.edge.enabled ? config.edge.domain.hostedZoneId : undefined;
    return zone ? [{
        key: "platform:edge.domain.hostedZoneId",
        value: zone,
        what: `public Route 53 hosted zone for ${config.edge.domain.aliases.join(", ")}, delegated from the parent domain (ACM validates the certificate through it)`,
        needed: "before-first-up",
        check: `aws route53 get-hosted-zone --id ${zone}`,
    }] : [];
}

function network(config: PlatformConfig): ExternalReference[] {
    const transit = config.network.transitGateway;
    return transit.enabled && transit.transitGatewayId ? [{
        key: "platform:network.transitGateway.transitGatewayId",
        value: transit.transitGatewayId,
        what: "transit gateway shared with this account (AWS RAM), with auto-accept or an accepted attachment",
        needed: "before-first-up",
        check: `aws ec2 describe-transit-gateways --transit-gateway-ids ${transit.transitGatewayId}`,
    }] : [];
}

/** Lambda reads its code at CreateFunction: the object (or image) must be there first. */
function functionArtifacts(config: PlatformConfig): ExternalReference[] {
    return config.integration.functions.map((fn, index: number): ExternalReference => {
        const key = `platform:integration.functions[${index}].code`;
        if ("s3Bucket" in fn.code) {
            const code = fn.code;
            return {
                key,
                value: `s3://${code.s3Bucket}/${code.s3Key}`,
                what: `deployment package of function ${fn.name}`,
                needed: "before-first-up",
                check: `aws s3api head-object --bucket ${code.s3Bucket} --key ${code.s3Key}${code.s3ObjectVersion ? ` --version-id ${code.s3ObjectVersion}` : ""}`,
            };
        }
        if ("imageRepository" in fn.code) {
            // The stack creates the repository; the image can be pushed only after the first up.
            const repository: string = fn.code.imageRepository;
            return {
                key,
                value: `imageRepository ${repository}`,
                what: `function ${fn.name} waits for its first image: push it to the stack's repository ${repository}, then set code.imageUri to its digest`,
                needed: "after-first-up",
                // The repository's physical name carries the stack prefix: the stack output delivery.repositoryUrls has it.
                check: `aws ecr describe-images --repository-name "$(pulumi stack output delivery --json | jq -r '.repositoryUrls["${repository}"]' | cut -d/ -f2-)"`,
            };
        }
        const image: string = fn.code.imageUri;
        const [repositoryPath, reference] = splitImage(image);
        return {
            key,
            value: image,
            what: `container image of function ${fn.name}`,
            needed: "before-first-up",
            check: `aws ecr describe-images --repository-name ${repositoryPath} --image-ids ${reference}`,
        };
    });
}

function splitImage(uri: string): [string, string] {
    const path: string = uri.slice(uri.indexOf("/") + 1);
    const at: number = path.indexOf("@");
    if (at >= 0) {
        return [path.slice(0, at), `imageDigest=${path.slice(at + 1)}`];
    }
    const colon: number = path.lastIndexOf(":");
    return colon >= 0 ? [path.slice(0, colon), `imageTag=${path.slice(colon + 1)}`] : [path, "imageTag=latest"];
}

/** Producers and publishers outside the platform: resource policies name them, and IAM rejects a policy naming a principal that does not exist. */
function externalRoles(config: PlatformConfig): ExternalReference[] {
    const queues = config.integration.queues.flatMap((queue, q: number) => queue.producerRoleArns.map((arn: string, i: number) =>
        iamPrincipal(`platform:integration.queues[${q}].producerRoleArns[${i}]`, arn, `IAM role that sends to queue ${queue.name}`)));
    const topics = config.integration.topics.flatMap((topic, t: number) => topic.publisherRoleArns.map((arn: string, i: number) =>
        iamPrincipal(`platform:integration.topics[${t}].publisherRoleArns[${i}]`, arn, `IAM role that publishes to topic ${topic.name}`)));
    return [...queues, ...topics];
}

function delivery(config: PlatformConfig): ExternalReference[] {
    const refs: ExternalReference[] = [];
    const github = config.delivery.github;
    if (github.enabled && config.account.baseline !== "owner") {
        // One provider per URL per account: the baseline owner declares it, this stack looks it up.
        const arn = `arn:aws:iam::${config.account.id}:oidc-provider/token.actions.githubusercontent.com`;
        refs.push({
            key: "platform:account.baseline",
            value: `${config.account.baseline}: ${arn}`,
            what: "the account's GitHub Actions OIDC identity provider (the baseline owner's stack or the organisation creates it)",
            needed: "before-first-up",
            check: `aws iam get-open-id-connect-provider --open-id-connect-provider-arn ${arn}`,
        });
    }
    const argo = config.delivery.argoCd;
    if (argo.enabled && argo.identityCenterInstanceArn) {
        refs.push({
            key: "platform:delivery.argoCd.identityCenterInstanceArn",
            value: argo.identityCenterInstanceArn,
            what: "IAM Identity Center instance Argo CD signs users in through",
            needed: "before-first-up",
            check: `aws sso-admin describe-instance --instance-arn ${argo.identityCenterInstanceArn}${argo.identityCenterRegion ? ` --region ${argo.identityCenterRegion}` : ""}`,
        });
    }
    return refs;
}

/**
 * The load balancers the AWS Load Balancer Controller creates inside the cluster exist only after
 * the first `pulumi up` and the controller's installation: configure them in a second update.
 */
function loadBalancers(config: PlatformConfig): ExternalReference[] {
    const refs: ExternalReference[] = [];
    const origin = config.edge.apiOrigin;
    if (config.edge.enabled && origin.enabled && origin.loadBalancerArn) {
        refs.push({
            key: "platform:edge.apiOrigin.loadBalancerArn",
            value: origin.loadBalancerArn,
            what: "the API's application load balancer (created by the Load Balancer Controller)",
            needed: "after-first-up",
            check: `aws elbv2 describe-load-balancers --load-balancer-arns ${origin.loadBalancerArn}`,
        });
    }
    const listener: string | undefined = config.integration.api.enabled ? config.integration.api.vpcLink.listenerArn : undefined;
    if (listener) {
        refs.push({
            key: "platform:integration.api.vpcLink.listenerArn",
            value: listener,
            what: "listener of the internal load balancer behind the HTTP API's private integration (created by the Load Balancer Controller)",
            needed: "after-first-up",
            check: `aws elbv2 describe-listeners --listener-arns ${listener}`,
        });
    }
    return refs;
}

function iamPrincipal(key: string, arn: string, what: string): ExternalReference {
    const match: RegExpMatchArray | null = /:(role|user)\/(?:.*\/)?([^/]+)$/.exec(arn);
    const kind: string = match?.[1] ?? "role";
    const name: string = match?.[2] ?? arn;
    return {
        key,
        value: arn,
        what,
        needed: "before-first-up",
        check: kind === "user" ? `aws iam get-user --user-name ${name}` : `aws iam get-role --role-name ${name}`,
    };
}
