package io.iamscope.eval.condition;

import io.iamscope.eval.RequestContext;
import io.iamscope.eval.Truth;
import io.iamscope.policy.BaseOperator;
import java.math.BigDecimal;
import java.util.List;

/**
 * The Numeric family: compares a key to "an integer or decimal value" (IAM JSON policy elements: Condition
 * operators, Numeric condition operators). "You can not use a policy variable with the Numeric condition
 * operator" (same section), so policy values are parsed once, here; {@code ${...}} text is an invalid value.
 * A request value that is not a number matches no policy value.
 */
final class NumericMatcher implements ValueMatcher {
    private final Ordering comparison;
    /** Per policy value: its long value, or {@link Decimal#NOT_LONG} when only {@link #decimals} holds it. */
    private final long[] longs;
    private final BigDecimal[] decimals;

    private NumericMatcher(Ordering comparison, long[] longs, BigDecimal[] decimals) {
        this.comparison = comparison;
        this.longs = longs;
        this.decimals = decimals;
    }

    static NumericMatcher compile(BaseOperator op, List<String> values) throws InvalidConditionValue {
        long[] longs = new long[values.size()];
        BigDecimal[] decimals = new BigDecimal[values.size()];
        for (int i = 0; i < longs.length; i++) {
            String v = values.get(i);
            BigDecimal d = Decimal.parse(v);
            if (d == null) {
                throw new InvalidConditionValue("`" + v + "` is not a number");
            }
            decimals[i] = d;
            longs[i] = Decimal.parseLong(v);
        }
        return new NumericMatcher(Ordering.of(op), longs, decimals);
    }

    @Override
    public Truth matchesAny(String requestValue, RequestContext context) {
        long requestLong = Decimal.parseLong(requestValue);
        BigDecimal requestDecimal = null;
        if (requestLong == Decimal.NOT_LONG) {
            requestDecimal = Decimal.parse(requestValue);
            if (requestDecimal == null) {
                return Truth.FALSE;
            }
        }
        for (int i = 0; i < longs.length; i++) {
            int cmp;
            if (requestDecimal == null && longs[i] != Decimal.NOT_LONG) {
                cmp = Long.compare(requestLong, longs[i]);
            } else {
                BigDecimal r = requestDecimal != null ? requestDecimal : BigDecimal.valueOf(requestLong);
                cmp = r.compareTo(decimals[i]);
            }
            if (comparison.test(cmp)) {
                return Truth.TRUE;
            }
        }
        return Truth.FALSE;
    }
}
