package io.iamscope.analysis.verify;

import io.iamscope.eval.NotChecked;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.iamscope.eval.Authorizer;
import io.iamscope.eval.Caller;
import io.iamscope.eval.Constraint;
import io.iamscope.eval.Decision;
import io.iamscope.eval.Outcome;
import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;
import io.iamscope.policy.Diagnostic;
import io.iamscope.policy.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class DifferentialAuthorizerTest {
    static final Request REQUEST = new Request(Caller.user("arn:aws:iam::111122223333:user/alice"), "s3:GetObject",
            "arn:aws:s3:::b/k", null, null);

    static Decision definite(Outcome o) {
        return new Decision(o, Constraint.TRUE, o, List.of(), List.of(), List.of());
    }

    static Decision conditional(Outcome o, String key) {
        return new Decision(o, new Constraint.Atom("test " + key, List.of(key), null), Outcome.IMPLICIT_DENY,
                List.of(), List.of(), List.of());
    }

    static Agreement compare(Decision local, Decision simulator) {
        Authorizer l = (r, p) -> local;
        Authorizer s = (r, p) -> simulator;
        return new DifferentialAuthorizer(l, s).compare("c", REQUEST, PolicySet.builder().build()).agreement();
    }

    @Test
    void definiteDecisionsCompareOutcomes() {
        assertEquals(Agreement.AGREE, compare(definite(Outcome.ALLOW), definite(Outcome.ALLOW)));
        assertEquals(Agreement.DISAGREE, compare(definite(Outcome.ALLOW), definite(Outcome.IMPLICIT_DENY)));
    }

    @Test
    void conditionalDecisionsCompareKeys() {
        assertEquals(Agreement.AGREE, compare(conditional(Outcome.ALLOW, "aws:SourceIp"),
                conditional(Outcome.IMPLICIT_DENY, "AWS:SourceIP")));
        assertEquals(Agreement.DISAGREE, compare(conditional(Outcome.ALLOW, "aws:SourceIp"),
                conditional(Outcome.ALLOW, "aws:SourceVpc")));
        assertEquals(Agreement.DISAGREE, compare(conditional(Outcome.ALLOW, "aws:SourceIp"), definite(Outcome.ALLOW)));
    }

    @Test
    void notCheckedIsNotComparableAndLeftOutOfTheRate() {
        Decision flagged = new Decision(Outcome.IMPLICIT_DENY, Constraint.TRUE, Outcome.IMPLICIT_DENY, List.of(),
                List.of(), List.of(Diagnostic.error(NotChecked.CODE, "x", SourceLocation.of("t"))));
        assertEquals(Agreement.NOT_COMPARABLE, compare(definite(Outcome.ALLOW), flagged));

        VerifyReport report = new VerifyReport(List.of(
                new Comparison("a", REQUEST, definite(Outcome.ALLOW), definite(Outcome.ALLOW), Agreement.AGREE),
                new Comparison("b", REQUEST, definite(Outcome.ALLOW), definite(Outcome.ALLOW), Agreement.AGREE),
                new Comparison("c", REQUEST, definite(Outcome.ALLOW), definite(Outcome.ALLOW), Agreement.AGREE),
                new Comparison("d", REQUEST, definite(Outcome.ALLOW), flagged, Agreement.DISAGREE),
                new Comparison("e", REQUEST, definite(Outcome.ALLOW), flagged, Agreement.NOT_COMPARABLE)));
        assertEquals(0.75, report.agreementRate());
        assertEquals("d", report.disagreements().get(0).id());
    }
}
