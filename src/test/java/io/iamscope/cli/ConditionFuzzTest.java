package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Caller;
import io.iamscope.eval.Decision;
import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.eval.reference.ReferenceAuthorizer;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.parse.PolicyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The condition evaluator against the reference evaluator: one Allow and one Deny whose conditions the fuzzer
 * writes (operator with its set qualifier and IfExists, key, values) over a context it writes too (values,
 * absent or unknown keys). Whatever they are, both engines answer, and they agree on the outcome, whether it is
 * conditional and on which keys. A document the parser refuses is an input error (exit 2), as for any policy.
 * Seeds in src/test/resources/io/iamscope/cli/ConditionFuzzTestInputs/conditionAgainstReference/.
 */
class ConditionFuzzTest {
    private static final String SOURCE = "fuzz-condition.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalAuthorizer ENGINE = new LocalAuthorizer();
    private static final ReferenceAuthorizer REFERENCE = new ReferenceAuthorizer();
    private static final Caller ALICE = Caller.user("arn:aws:iam::111122223333:user/alice");
    private static final String[] OPERATORS = {"StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
        "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike", "NumericEquals", "NumericNotEquals",
        "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals",
        "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "Bool",
        "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null"};
    private static final String[] QUALIFIERS = {"", "", "ForAnyValue:", "ForAllValues:"};
    private static final String[] KEYS = {"aws:SourceIp", "aws:PrincipalTag/team", "aws:TagKeys",
        "aws:MultiFactorAuthPresent", "aws:CurrentTime", "aws:SourceArn", "s3:max-keys", "aws:username"};

    @FuzzTest(maxDuration = "15s")
    void conditionAgainstReference(FuzzedDataProvider data) {
        ObjectNode doc = JSON.createObjectNode().put("Version", "2012-10-17");
        ArrayNode statements = doc.putArray("Statement");
        for (String effect : List.of("Allow", "Deny")) {
            ObjectNode s = statements.addObject().put("Effect", effect).put("Action", "s3:GetObject")
                    .put("Resource", "*");
            int clauses = data.consumeInt(0, 2);
            ObjectNode condition = clauses == 0 ? null : s.putObject("Condition");
            for (int i = 0; i < clauses; i++) {
                String op = data.pickValue(QUALIFIERS) + data.pickValue(OPERATORS)
                        + (data.consumeBoolean() ? "IfExists" : "");
                ObjectNode byKey = condition.has(op) ? (ObjectNode) condition.get(op) : condition.putObject(op);
                ArrayNode values = byKey.putArray(data.pickValue(KEYS));
                for (int v = data.consumeInt(1, 3); v > 0; v--) {
                    values.add(data.consumeString(40));
                }
            }
        }
        RequestContext.Builder context = RequestContext.builder();
        for (String key : KEYS) {
            switch (data.consumeInt(0, 3)) {
                case 0 -> { }
                case 1 -> context.unknown(key);
                default -> {
                    List<String> values = new ArrayList<>();
                    for (int v = data.consumeInt(1, 2); v > 0; v--) {
                        values.add(data.consumeString(40));
                    }
                    context.put(key, values);
                }
            }
        }
        InputInvariant.holds(SOURCE, () -> {
            PolicyDocument parsed = PolicyParser.parse(doc.toString(), SOURCE);
            PolicySet set = PolicySet.builder()
                    .identity(new AttachedPolicy("Fuzz", "arn:aws:iam::111122223333:policy/Fuzz", parsed)).build();
            Request request = new Request(ALICE, "s3:GetObject", "arn:aws:s3:::bucket/key", null, context.build());
            Decision fast = ENGINE.authorize(request, set);
            Decision slow = REFERENCE.authorize(request, set);
            assertEquals(summary(slow), summary(fast), doc + " in " + request.context());
        });
    }

    private static String summary(Decision d) {
        Set<String> keys = d.conditionalKeys().stream().map(k -> k.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
        return d.outcome() + (d.isConditional() ? " if " + keys + " else " + d.otherwise() : "");
    }
}
