import { Policies } from "@pulumi/policy";
import { documentPolicies } from "./documents";
import { managedPolicyPolicies } from "./managedPolicies";
import { servicePolicies, stackIamPolicies } from "./services";
import { cognitoPolicies } from "./cognito";
import { githubOidcPolicies } from "./githubOidc";
import { podIdentityPolicies } from "./podIdentity";
import { kmsKeyPolicyPolicies } from "./kmsKeyPolicy";
import { rdsAdminPolicies } from "./rdsAdmin";

/** Least privilege / IAM (catalogue pillar "Least privilege / IAM"). */
export const iamPolicies: Policies = [
    ...documentPolicies,
    ...managedPolicyPolicies,
    ...servicePolicies,
    ...stackIamPolicies,
    ...cognitoPolicies,
    ...githubOidcPolicies,
    ...podIdentityPolicies,
    ...kmsKeyPolicyPolicies,
    ...rdsAdminPolicies,
];
