package io.iamscope.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.policy.Effect;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.SourceLocation;
import io.iamscope.policy.parse.PolicyParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a report names as granting an allowed request: an identity-based or resource-based Allow, not the SCP
 * (FullAWSAccess) or boundary Allow that only leaves room for it (IAM User Guide: Policy evaluation logic).
 */
class StatementRefTest {
    private static StatementRef ref(Layer layer, String policy) {
        return new StatementRef(layer, policy, null, 0, Effect.ALLOW, layer == Layer.SCP ? 0 : -1);
    }

    @Test
    void grantingSkipsGuardrailsAndLimits() {
        StatementRef scp = ref(Layer.SCP, "FullAWSAccess");
        StatementRef boundary = ref(Layer.BOUNDARY, "tight");
        StatementRef identity = ref(Layer.IDENTITY, "ReadOnly");
        StatementRef resource = ref(Layer.RESOURCE, "bucket policy");
        assertEquals(identity, StatementRef.granting(List.of(scp, boundary, identity, resource)));
        assertEquals(resource, StatementRef.granting(List.of(scp, resource)));
        assertEquals(scp, StatementRef.granting(List.of(scp, boundary)));
        assertNull(StatementRef.granting(List.of()));
    }

    /**
     * A decision names where each statement was written: the parser's location (file and JSON pointer), and the
     * statement's pointer inside its document, whether {@code Statement} is a list or one object.
     */
    @Test
    void decisionsCarryWhereEachStatementWasWritten() {
        PolicyDocument listed = PolicyParser.parse(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .textNode("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:Put*\","
                        + "\"Resource\":\"*\"},{\"Sid\":\"Read\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                        + "\"Resource\":\"*\"}]}"), new SourceLocation("snap.json", "/accounts/0/policy"));
        Decision d = new LocalAuthorizer().authorize(new Request(Caller.user("arn:aws:iam::111111111111:user/a"),
                "s3:GetObject", "arn:aws:s3:::b/k", "111111111111", null),
                PolicySet.builder().identity(List.of(AttachedPolicy.of("inline", listed))).build());
        StatementRef granted = d.statements(Effect.ALLOW).get(0).ref();
        assertEquals("Read", granted.sid());
        assertEquals("/Statement/1", granted.documentPointer());
        assertEquals("snap.json at /accounts/0/policy", granted.location().source());

        PolicyDocument single = PolicyParser.parse("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\","
                + "\"Resource\":\"*\"}}", "p.json");
        Decision one = new LocalAuthorizer().authorize(new Request(Caller.user("arn:aws:iam::111111111111:user/a"),
                "s3:GetObject", "arn:aws:s3:::b/k", "111111111111", null),
                PolicySet.builder().identity(List.of(AttachedPolicy.of("p", single))).build());
        assertEquals("/Statement", one.statements(Effect.ALLOW).get(0).ref().documentPointer());
        assertNull(ref(Layer.IDENTITY, "simulated").documentPointer());
    }
}
