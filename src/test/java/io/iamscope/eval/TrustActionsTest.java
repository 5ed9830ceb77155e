package io.iamscope.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The actions authorized against a role's trust policy (IAM User Guide: "Policy evaluation logic"; "Passing
 * session tags in AWS STS"), in any case, as IAM action names are case-insensitive; nothing else.
 */
class TrustActionsTest {
    @ParameterizedTest
    @CsvSource({
            "sts:AssumeRole, true",
            "STS:ASSUMEROLE, true",
            "sts:assumerolewithsaml, true",
            "sts:AssumeRoleWithWebIdentity, true",
            "sts:TagSession, true",
            "sts:SetSourceIdentity, true",
            "sts:setcontext, true",
            "sts:AssumeRoleX, false",
            "sts:Assume, false",
            "sts:AssumeRoot, false",
            "sts:GetCallerIdentity, false",
            "iam:AssumeRole, false",
            "sts:, false",
            "'', false"})
    void trustActions(String action, boolean trust) {
        assertEquals(trust, TrustActions.contains(action), action);
    }
}
