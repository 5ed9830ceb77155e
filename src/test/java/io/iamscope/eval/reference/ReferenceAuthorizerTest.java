package io.iamscope.eval.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Caller;
import io.iamscope.eval.Decision;
import io.iamscope.eval.Outcome;
import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;
import io.iamscope.eval.RequestContext;
import io.iamscope.policy.parse.PolicyParser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reference evaluator on the situations the IAM User Guide spells out, so that it is grounded in the docs
 * and not only in agreeing with the local engine.
 */
class ReferenceAuthorizerTest {
    private static final String ACCOUNT = "111111111111";
    private static final Caller ALICE = Caller.user("arn:aws:iam::" + ACCOUNT + ":user/alice");
    private static final Caller SESSION = Caller.roleSession("arn:aws:sts::" + ACCOUNT + ":assumed-role/app/s1",
            "arn:aws:iam::" + ACCOUNT + ":role/app");
    private static final String BUCKET_OBJECT = "arn:aws:s3:::bucket/key";
    private static final String ALLOW_ALL = "{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}";

    private final ReferenceAuthorizer reference = new ReferenceAuthorizer();

    private static AttachedPolicy policy(String... statements) {
        return AttachedPolicy.of("p", PolicyParser.parse("{\"Version\": \"2012-10-17\", \"Statement\": ["
                + String.join(",", statements) + "]}", "test"));
    }

    private static String resourceAllow(String principalArn) {
        return "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"" + principalArn + "\"}, \"Action\": \"s3:GetObject\","
                + " \"Resource\": \"" + BUCKET_OBJECT + "\"}";
    }

    private Decision decide(Caller caller, String resourceAccount, PolicySet set) {
        return reference.authorize(new Request(caller, "s3:GetObject", BUCKET_OBJECT, resourceAccount, null), set);
    }

    @Test
    void nothingAllowsMeansImplicitDeny() {
        assertEquals(Outcome.IMPLICIT_DENY, decide(ALICE, null, PolicySet.builder().build()).outcome());
    }

    @Test
    void explicitDenyOverridesAllow() {
        PolicySet set = PolicySet.builder().identity(policy(ALLOW_ALL,
                "{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\"}")).build();
        assertEquals(Outcome.EXPLICIT_DENY, decide(ALICE, null, set).outcome());
    }

    @Test
    void sameAccountResourcePolicyNamingTheUserGrantsDespiteBoundary() {
        // "either the identity-based policy or the resource-based policy within the same account allows"; a
        // grant to the user ARN is not limited by an implicit deny in the boundary.
        PolicySet set = PolicySet.builder().boundary(policy("{\"Effect\": \"Allow\", \"Action\": \"ec2:*\","
                + " \"Resource\": \"*\"}")).resourcePolicy(policy(resourceAllow(ALICE.arn()))).build();
        assertTrue(decide(ALICE, ACCOUNT, set).isAllowed());
    }

    @Test
    void resourcePolicyNamingTheRoleIsLimitedBySessionPolicy() {
        AttachedPolicy grant = policy(resourceAllow(SESSION.parentArn()));
        PolicySet open = PolicySet.builder().resourcePolicy(grant).build();
        assertTrue(decide(SESSION, ACCOUNT, open).isAllowed());
        PolicySet limited = PolicySet.builder().resourcePolicy(grant)
                .session(policy("{\"Effect\": \"Allow\", \"Action\": \"ec2:*\", \"Resource\": \"*\"}")).build();
        assertEquals(Outcome.IMPLICIT_DENY, decide(SESSION, ACCOUNT, limited).outcome());
        PolicySet direct = PolicySet.builder().resourcePolicy(policy(resourceAllow(SESSION.arn())))
                .session(policy("{\"Effect\": \"Allow\", \"Action\": \"ec2:*\", \"Resource\": \"*\"}")).build();
        assertTrue(decide(SESSION, ACCOUNT, direct).isAllowed());
    }

    @Test
    void crossAccountNeedsBothSides() {
        String other = "222222222222";
        PolicySet identityOnly = PolicySet.builder().identity(policy(ALLOW_ALL)).build();
        assertEquals(Outcome.IMPLICIT_DENY, decide(ALICE, other, identityOnly).outcome());
        PolicySet resourceOnly = PolicySet.builder().resourcePolicy(policy(resourceAllow(ACCOUNT))).build();
        assertEquals(Outcome.IMPLICIT_DENY, decide(ALICE, other, resourceOnly).outcome());
        PolicySet both = PolicySet.builder().identity(policy(ALLOW_ALL))
                .resourcePolicy(policy(resourceAllow(ACCOUNT))).build();
        assertTrue(decide(ALICE, other, both).isAllowed());
    }

    @Test
    void everyScpLevelMustAllow() {
        AttachedPolicy full = policy(ALLOW_ALL);
        AttachedPolicy ec2Only = policy("{\"Effect\": \"Allow\", \"Action\": \"ec2:*\", \"Resource\": \"*\"}");
        PolicySet set = PolicySet.builder().identity(full).scps(List.of(List.of(full), List.of(ec2Only))).build();
        assertEquals(Outcome.IMPLICIT_DENY, decide(ALICE, null, set).outcome());
        PolicySet allowed = PolicySet.builder().identity(full).scps(List.of(List.of(full), List.of(full))).build();
        assertTrue(decide(ALICE, null, allowed).isAllowed());
    }

    @Test
    void kmsKeyPolicyMustAllowItself() {
        String key = "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/k1";
        Request decrypt = new Request(ALICE, "kms:Decrypt", key, ACCOUNT, null);
        PolicySet identityOnly = PolicySet.builder().identity(policy(ALLOW_ALL)).build();
        assertEquals(Outcome.IMPLICIT_DENY, reference.authorize(decrypt, identityOnly).outcome());
        PolicySet delegated = PolicySet.builder().identity(policy(ALLOW_ALL)).resourcePolicy(policy(
                "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::" + ACCOUNT + ":root\"},"
                        + " \"Action\": \"kms:*\", \"Resource\": \"*\"}")).build();
        assertTrue(reference.authorize(decrypt, delegated).isAllowed());
    }

    @Test
    void unknownKeyMakesTheDecisionConditionalAndNamesTheKey() {
        PolicySet set = PolicySet.builder().identity(policy("{\"Effect\": \"Allow\", \"Action\": \"s3:*\","
                + " \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"aws:PrincipalTag/team\": \"red\"}}}",
                "{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\","
                        + " \"Condition\": {\"StringEquals\": {\"aws:RequestedRegion\": \"eu-west-1\"}}}")).build();
        RequestContext context = RequestContext.builder().unknown("aws:PrincipalTag/team")
                .put("aws:RequestedRegion", "us-east-1").build();
        Decision d = reference.authorize(new Request(ALICE, "s3:GetObject", BUCKET_OBJECT, null, context), set);
        assertEquals(Outcome.ALLOW, d.outcome());
        assertEquals(Set.of("aws:PrincipalTag/team"), d.conditionalKeys());
        assertEquals(Outcome.IMPLICIT_DENY, d.otherwise());
        assertFalse(d.isAllowed());
    }
}
