package io.iamscope.analysis.blast.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.catalog.ActionSet;
import io.iamscope.catalog.Catalog;
import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.PolicySet;
import io.iamscope.policy.parse.PolicyParser;
import org.junit.jupiter.api.Test;

/**
 * What an administrator stands for is only what its own policies allow everywhere, unconditionally, with no
 * Deny of its own naming it: anything narrower could refuse another principal's request it does not see.
 */
class UnrestrictedTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final String ALLOW_ALL = """
            {"Effect": "Allow", "Action": "*", "Resource": "*"}""";

    private static AttachedPolicy policy(String statements) {
        return AttachedPolicy.of("p", PolicyParser.parse("{\"Version\": \"2012-10-17\", \"Statement\": ["
                + statements + "]}", "test policy"));
    }

    private static ActionSet of(PolicySet.Builder b) {
        return Unrestricted.of(b.build(), CATALOG);
    }

    private static boolean has(ActionSet set, String action) {
        return set.contains(CATALOG.action(action).orElseThrow().id());
    }

    @Test
    void allowAllWithoutDeniesCoversEveryAction() {
        assertEquals(CATALOG.size(), of(PolicySet.builder().identity(policy(ALLOW_ALL))).size());
    }

    @Test
    void aDenyOfItsOwnLeavesItsActionsOutWhateverItsResourceOrCondition() {
        ActionSet s = of(PolicySet.builder().identity(policy(ALLOW_ALL + """
                , {"Effect": "Deny", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::secret/*",
                   "Condition": {"Bool": {"aws:SecureTransport": "false"}}}""")));
        assertFalse(has(s, "s3:GetObject"));
        assertTrue(has(s, "s3:PutObject"));
    }

    @Test
    void conditionalNarrowOrNotResourceAllowsCoverNothing() {
        ActionSet s = of(PolicySet.builder().identity(policy("""
                {"Effect": "Allow", "Action": "iam:*", "Resource": "*",
                 "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}},
                {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::*"},
                {"Effect": "Allow", "Action": "kms:*", "NotResource": "arn:aws:kms:*:*:key/x"},
                {"Effect": "Allow", "NotAction": ["iam:*", "s3:*", "kms:*"], "Resource": "*"}""")));
        assertFalse(has(s, "iam:GetRole"));
        assertFalse(has(s, "s3:GetObject"));
        assertFalse(has(s, "kms:Decrypt"));
        assertTrue(has(s, "ec2:RunInstances"));
    }

    @Test
    void aBoundaryKeepsOnlyWhatItAlsoAllowsEverywhere() {
        ActionSet s = of(PolicySet.builder()
                .identity(policy(ALLOW_ALL))
                .boundary(policy("""
                        {"Effect": "Allow", "Action": ["s3:*", "ec2:*"], "Resource": "*"},
                        {"Effect": "Deny", "Action": "ec2:TerminateInstances", "Resource": "*"}""")));
        assertTrue(has(s, "s3:GetObject"));
        assertTrue(has(s, "ec2:RunInstances"));
        assertFalse(has(s, "ec2:TerminateInstances"));
        assertFalse(has(s, "iam:CreateUser"));
    }
}
