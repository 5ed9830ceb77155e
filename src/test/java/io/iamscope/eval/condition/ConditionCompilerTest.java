package io.iamscope.eval.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.eval.RequestContext;
import io.iamscope.eval.Truth;
import io.iamscope.policy.Diagnostic;
import io.iamscope.policy.SourceLocation;
import io.iamscope.policy.BaseOperator;
import io.iamscope.policy.ConditionClause;
import io.iamscope.policy.ConditionOperator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Things the JSONL cases cannot express: message shape, and that every operator compiles. */
class ConditionCompilerTest {
    private static final SourceLocation AT = SourceLocation.of("policy.json").child("Statement").child(0)
            .child("Condition");

    private static ConditionClause clause(String op, String key, String... values) {
        return new ConditionClause(ConditionOperator.parse(op), key, List.of(values), AT.child(op).child(key));
    }

    @Test
    void invalidValueMessageFollowsTheHouseStyle() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        ConditionClause c = clause("NumericEquals", "s3:max-keys", "abc");
        ConditionCompiler.compile(c, true, diagnostics);
        assertEquals(1, diagnostics.size());
        Diagnostic d = diagnostics.get(0);
        assertEquals("INVALID_CONDITION_VALUE", d.code());
        assertEquals("invalid value for `NumericEquals` on `s3:max-keys`: `abc` is not a number", d.message());
        assertEquals(c.location(), d.location());
        assertFalse(d.message().contains("\n"));
        assertFalse(d.message().endsWith("."));
    }

    @Test
    void unknownOperatorMessage() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        ConditionCompiler.compile(clause("StringEqualz", "k", "v"), true, diagnostics);
        assertEquals("unknown condition operator `StringEqualz`", diagnostics.get(0).message());
        assertEquals(Diagnostic.Severity.ERROR, diagnostics.get(0).severity());
    }

    @Test
    void everyOperatorCompilesCleanlyWithItsFamilysValue() {
        for (BaseOperator op : BaseOperator.values()) {
            String value = switch (op.family()) {
                case STRING -> "x";
                case NUMERIC -> "1";
                case DATE -> "2020-01-01T00:00:00Z";
                case BOOL, NULL -> "true";
                case BINARY -> "QQ==";
                case IP_ADDRESS -> "192.0.2.0/24";
                case ARN -> "arn:aws:s3:::b";
                case UNRECOGNIZED -> throw new AssertionError();
            };
            List<Diagnostic> diagnostics = new ArrayList<>();
            ConditionCheck check = ConditionCompiler.compile(clause(op.json(), "k", value), true, diagnostics);
            assertEquals(List.of(), diagnostics, op.json());
            // The absent-key rule of the Condition operators page: Not forms true, others false, Null "true" true.
            Truth expected = Truth.of(op.negated() || op == BaseOperator.NULL);
            assertEquals(expected, check.evaluate(RequestContext.empty()), op.json());
            RequestContext unknown = RequestContext.builder().unknown("k").build();
            assertEquals(Truth.UNKNOWN, check.evaluate(unknown), op.json());
        }
    }

    @Test
    void diagnosticsListIsOnlyAppendedTo() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        diagnostics.add(Diagnostic.warning("EARLIER", "earlier", AT));
        ConditionCompiler.compile(clause("Bool", "aws:SecureTransport", "maybe"), true, diagnostics);
        assertEquals(2, diagnostics.size());
        assertTrue(diagnostics.get(1).message().contains("`maybe`"));
    }
}
