package io.iamscope.eval.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Caller;
import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;
import io.iamscope.eval.RequestContext;
import io.iamscope.policy.parse.PolicyParser;
import org.junit.jupiter.api.Test;

/**
 * The shortcut that skips a decision when a role's trust policy (or a KMS key policy) has no Allow naming the
 * caller: the policy must itself allow such requests (IAM User Guide, "Policy evaluation logic"; AWS KMS
 * Developer Guide, "Key policies"), so the answer is a deny. Each case also asks the engine: whenever the
 * shortcut says no, the decision must not allow.
 */
class ResourcePolicyMayAllowTest {
    private static final String ACCOUNT = "111122223333";
    private static final Caller ALICE = Caller.user("arn:aws:iam::" + ACCOUNT + ":user/alice");
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/target";
    private static final String KEY = "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/1234";
    private final LocalAuthorizer engine = new LocalAuthorizer();

    private static AttachedPolicy policy(String statement) {
        return AttachedPolicy.of("p", PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statement
                + "]}", "test"));
    }

    private boolean mayAllow(String action, String resource, String resourcePolicy) {
        PolicySet set = PolicySet.builder()
                .identity(policy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}"))
                .resourcePolicy(policy(resourcePolicy)).build();
        Request r = new Request(ALICE, action, resource, ACCOUNT, RequestContext.empty());
        boolean may = engine.resourcePolicyMayAllow(r, set);
        if (!may) {
            assertFalse(engine.authorize(r, set).isPossiblyAllowed(), "the shortcut denied what the engine allows");
        }
        return may;
    }

    @Test
    void aTrustPolicyNamingSomeoneElseCannotAllow() {
        assertEquals(false, mayAllow("sts:AssumeRole", ROLE, """
                {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":"sts:AssumeRole"}"""));
        // A Deny naming the caller is no way to allow either.
        assertEquals(false, mayAllow("sts:AssumeRole", ROLE, """
                {"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"sts:AssumeRole"}"""));
        // An Allow for another action only.
        assertEquals(false, mayAllow("sts:TagSession", ROLE, """
                {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"sts:AssumeRole"}"""));
    }

    @Test
    void aTrustPolicyNamingTheCallerItsAccountOrNotPrincipalIsDecidedByTheEngine() {
        assertEquals(true, mayAllow("sts:AssumeRole", ROLE, """
                {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}"""));
        assertEquals(true, mayAllow("sts:AssumeRole", ROLE, """
                {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"sts:AssumeRole"}"""));
        assertEquals(true, mayAllow("sts:AssumeRole", ROLE, """
                {"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":"sts:AssumeRole"}"""));
    }

    @Test
    void keyPoliciesTooButNotOrdinaryResourcePolicies() {
        assertEquals(false, mayAllow("kms:Decrypt", KEY, """
                {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"kms:*","Resource":"*"}"""));
        // An S3 bucket policy naming someone else: the caller's own identity policy may still allow.
        assertEquals(true, mayAllow("s3:GetObject", "arn:aws:s3:::bucket/key", """
                {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"s3:*","Resource":"*"}"""));
        // IAM's own actions on a role do not read its trust policy.
        assertEquals(true, mayAllow("iam:GetRole", ROLE, """
                {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":"sts:AssumeRole"}"""));
    }
}
