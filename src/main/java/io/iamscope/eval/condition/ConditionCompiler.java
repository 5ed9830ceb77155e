package io.iamscope.eval.condition;

import io.iamscope.eval.Truth;
import io.iamscope.policy.Diagnostic;
import io.iamscope.policy.BaseOperator;
import io.iamscope.policy.ConditionClause;
import io.iamscope.policy.ConditionOperator;
import java.util.List;
import java.util.Locale;

/**
 * Compiles one condition clause into a {@link ConditionCheck}, once: numbers, dates, ranges, booleans and base64
 * in the policy are parsed here, and strings with policy variables become templates resolved per request.
 *
 * <p>A clause that cannot be evaluated — an operator IAM does not define, or a policy value of the wrong type
 * for its operator — yields an ERROR diagnostic ({@code UNKNOWN_CONDITION_OPERATOR},
 * {@code INVALID_CONDITION_VALUE}) and a test that is always {@link Truth#UNKNOWN}: the whole clause, not just
 * the bad value, because we cannot say what AWS does with it (it rejects such policies on write, so a stored
 * one came from elsewhere) and UNKNOWN is never silently true or false.
 *
 * <p>Policy variables are substituted only for the families the AWS docs say support them — String, Bool and
 * ARN; for Numeric, Date, Binary, IP address and Null "You can not use a policy variable" (IAM JSON policy
 * elements: Condition operators), so there {@code ${...}} text is an invalid value.
 */
public final class ConditionCompiler {
    public static final String UNKNOWN_CONDITION_OPERATOR = "UNKNOWN_CONDITION_OPERATOR";
    public static final String INVALID_CONDITION_VALUE = "INVALID_CONDITION_VALUE";

    private static final ConditionCheck ALWAYS_UNKNOWN = context -> Truth.UNKNOWN;

    private ConditionCompiler() {
    }

    /**
     * @param substituteVariables whether policy variables are recognised (Version 2012-10-17; under 2008-10-17
     *                            {@code ${...}} is literal text, IAM policy elements: Variables and tags)
     * @param diagnostics         receives any problem found; may be appended to, never cleared
     */
    public static ConditionCheck compile(ConditionClause clause, boolean substituteVariables,
                                        List<Diagnostic> diagnostics) {
        ConditionOperator operator = clause.operator();
        if (!operator.recognized()) {
            diagnostics.add(Diagnostic.error(UNKNOWN_CONDITION_OPERATOR,
                    "unknown condition operator `" + operator.written() + "`", clause.location()));
            return ALWAYS_UNKNOWN;
        }
        BaseOperator base = operator.base();
        try {
            if (base == BaseOperator.NULL) {
                return compileNull(clause);
            }
            ValueMatcher matcher = matcher(base, clause.values(), substituteVariables);
            return new ClauseCheck(clause.key(), operator.qualifier(), base.negated(), operator.ifExists(), matcher);
        } catch (InvalidConditionValue e) {
            diagnostics.add(Diagnostic.error(INVALID_CONDITION_VALUE,
                    "invalid value for `" + operator.written() + "` on `" + clause.key() + "`: " + e.getMessage(),
                    clause.location()));
            return ALWAYS_UNKNOWN;
        }
    }

    private static ValueMatcher matcher(BaseOperator base, List<String> values, boolean substitute)
            throws InvalidConditionValue {
        return switch (base.family()) {
            case STRING -> StringMatcher.compile(base, values, substitute);
            case NUMERIC -> NumericMatcher.compile(base, values);
            case DATE -> DateMatcher.compile(base, values);
            case BOOL -> BoolMatcher.compile(values, substitute);
            case BINARY -> BinaryMatcher.compile(values);
            case IP_ADDRESS -> IpMatcher.compile(values);
            case ARN -> ArnMatcher.compile(values, substitute);
            case NULL, UNRECOGNIZED -> throw new IllegalStateException("no matcher for " + base);
        };
    }

    private static ConditionCheck compileNull(ConditionClause clause) throws InvalidConditionValue {
        boolean acceptsAbsent = false;
        boolean acceptsPresent = false;
        for (String v : clause.values()) {
            switch (v.toLowerCase(Locale.ROOT)) {
                case "true" -> acceptsAbsent = true;
                case "false" -> acceptsPresent = true;
                default -> throw new InvalidConditionValue("`" + v + "` is not `true` or `false`");
            }
        }
        return new NullCheck(clause.key(), acceptsAbsent, acceptsPresent);
    }
}
