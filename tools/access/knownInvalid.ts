/**
 * Validation findings on the program that belong to other work, keyed
 * "<logical resource name> <bad value>" -> the issue that owns the fix. The deploy and preview roles
 * (infra/components/delivery/deployPermissions.ts, issue 17 §3) expand Describe, Get, Put, Tag and Update wildcards
 * for every service, and some of those patterns match no action of the service (they grant nothing,
 * harmlessly); apigateway:TagResource/UntagResource are not API Gateway actions at all: API Gateway
 * authorises tagging as apigateway:PUT/DELETE on arn:aws:apigateway:<region>::/tags/..., so those two
 * grant nothing and the deploy role cannot tag the HTTP API (Service Authorization Reference,
 * Amazon API Gateway Management). tests/access/validate.test.ts expects exactly these, in either stack,
 * and fails when one disappears so the list shrinks as the deploy-role work lands. Empty since the
 * deploy and preview roles are derived from the resource-type table (every action checked against
 * iam-data): a new entry needs an issue that owns its fix.
 */

export const KNOWN_INVALID: Readonly<Record<string, string>> = {};
