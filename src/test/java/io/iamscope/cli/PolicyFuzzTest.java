package io.iamscope.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Caller;
import io.iamscope.eval.Decision;
import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.eval.reference.ReferenceAuthorizer;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.PolicyGrammar;
import io.iamscope.policy.PolicyType;
import io.iamscope.policy.parse.PolicyParser;
import java.util.List;
import java.util.Objects;

/**
 * Any text as a policy document: refused with the source and pointer (exit 2), or read, checked against every
 * grammar, and evaluated as an identity and as a resource policy by both engines, which must answer. Seeds in
 * src/test/resources/io/iamscope/cli/PolicyFuzzTestInputs/policy/; fuzzing: {@code .ci/fuzz}.
 */
class PolicyFuzzTest {
    private static final String SOURCE = "fuzz-policy.json";
    private static final LocalAuthorizer ENGINE = new LocalAuthorizer();
    private static final ReferenceAuthorizer REFERENCE = new ReferenceAuthorizer();
    private static final Caller ALICE = Caller.user("arn:aws:iam::111122223333:user/alice");
    private static final List<Request> REQUESTS = List.of(
            new Request(ALICE, "s3:GetObject", "arn:aws:s3:::bucket/key", null, RequestContext.empty()),
            new Request(ALICE, "iam:PassRole", "arn:aws:iam::111122223333:role/r", null,
                    RequestContext.builder().unknown("aws:SourceIp").put("aws:PrincipalTag/team", "red").build()),
            new Request(ALICE, "sts:AssumeRole", "arn:aws:iam::444455556666:role/x", "444455556666", null));

    @FuzzTest(maxDuration = "15s")
    void policy(byte[] input) {
        InputInvariant.holds(SOURCE, () -> {
            PolicyDocument doc = PolicyParser.parse(InputInvariant.text(input), SOURCE);
            for (PolicyType type : PolicyType.values()) {
                Objects.requireNonNull(PolicyGrammar.validate(doc, type));
            }
            AttachedPolicy attached = new AttachedPolicy("Fuzz", "arn:aws:iam::111122223333:policy/Fuzz", doc);
            PolicySet identity = PolicySet.builder().identity(attached).build();
            PolicySet resource = PolicySet.builder().resourcePolicy(attached).build();
            for (Request r : REQUESTS) {
                for (PolicySet set : List.of(identity, resource)) {
                    Decision local = ENGINE.authorize(r, set);
                    Decision reference = REFERENCE.authorize(r, set);
                    Objects.requireNonNull(local.outcome());
                    Objects.requireNonNull(reference.outcome());
                }
            }
        });
    }
}
