package io.iamscope.catalog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Condition keys that real policies use and lint must know (shapes from AWS managed policies and from trust
 * policies of GitHub Actions, EKS, Google, Cognito and SAML federation), and near misses it must still flag.
 */
class ConditionKeyLookupTest {
    private final Catalog catalog = Catalog.bundled();

    /**
     * Service tag keys the package writes with a literal placeholder ({@code secretsmanager:ResourceTag/tag-key})
     * or none ({@code glacier:ResourceTag/}): the converter writes them as templates.
     */
    @ParameterizedTest
    @ValueSource(strings = {"secretsmanager:ResourceTag/Name", "secretsmanager:resourcetag/aws:cloudformation:stack-id",
            "glacier:ResourceTag/Team", "sagemaker:ResourceTag/project", "elasticloadbalancing:ResourceTag/env",
            "ssm:resourceTag/Owner", "aws:RequestTag/CostCenter", "s3:ExistingObjectTag/classification"})
    void serviceTagKeysAreTemplates(String key) {
        assertTrue(catalog.isKnownConditionKey(key), key);
    }

    /** "Available keys for AWS web identity federation" and SAML federation (IAM User Guide). */
    @ParameterizedTest
    @ValueSource(strings = {"token.actions.githubusercontent.com:sub", "token.actions.githubusercontent.com:aud",
            "token.actions.githubusercontent.com:job_workflow_ref", "accounts.google.com:aud",
            "accounts.google.com:oaud", "cognito-identity.amazonaws.com:amr", "cognito-identity.amazonaws.com:aud",
            "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub",
            "auth-dev.example.auth0.com/:aud", "www.amazon.com:user_id", "graph.facebook.com:app_id", "SAML:aud",
            "saml:sub_type", "SAML:namequalifier"})
    void identityProviderKeysAreKnown(String key) {
        assertTrue(catalog.isKnownConditionKey(key), key);
    }

    /** Undocumented keys AWS's own managed policies test: known, and not yet in the reference (else drop them). */
    @org.junit.jupiter.api.Test
    void undocumentedKeysAwsUsesAreKnownUntilDocumented() {
        for (String key : Catalog.UNDOCUMENTED_KEYS_AWS_USES.keySet()) {
            assertTrue(catalog.isKnownConditionKey(key), key);
            assertFalse(catalog.conditionKey(key).isPresent(), key + " is documented now: drop it from the list");
        }
        assertTrue(catalog.isKnownConditionKey("aws:PrincipalOrgMasterAccountId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"secretsmanager:ResourceTags/Name", "s3:NoSuchKey", "aws:SourceIps", "sub", ":aud",
            "token.actions.githubusercontent.com:subject", "s3:aud", "aws:aud", "example.com :sub"})
    void nearMissesStayUnknown(String key) {
        assertFalse(catalog.isKnownConditionKey(key), key);
    }
}
