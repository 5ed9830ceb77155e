package io.iamscope.eval.condition;

import io.iamscope.eval.RequestContext;
import io.iamscope.eval.Truth;
import io.iamscope.policy.BaseOperator;
import java.util.List;

/**
 * The Date family, comparing instants (see {@link Dates} for the accepted formats). "Wildcards are not
 * permitted for date condition operators" and "You can not use a policy variable with the Date condition
 * operator" (IAM JSON policy elements: Condition operators, Date condition operators), so policy values are
 * parsed once, here. A request value that is not a date matches no policy value.
 */
final class DateMatcher implements ValueMatcher {
    private final Ordering comparison;
    private final long[] instants;

    private DateMatcher(Ordering comparison, long[] instants) {
        this.comparison = comparison;
        this.instants = instants;
    }

    static DateMatcher compile(BaseOperator op, List<String> values) throws InvalidConditionValue {
        long[] instants = new long[values.size()];
        for (int i = 0; i < instants.length; i++) {
            instants[i] = Dates.parse(values.get(i));
            if (instants[i] == Dates.INVALID) {
                throw new InvalidConditionValue("`" + values.get(i) + "` is not an iso 8601 date or epoch seconds");
            }
        }
        return new DateMatcher(Ordering.of(op), instants);
    }

    @Override
    public Truth matchesAny(String requestValue, RequestContext context) {
        long request = Dates.parse(requestValue);
        if (request == Dates.INVALID) {
            return Truth.FALSE;
        }
        for (long policy : instants) {
            if (comparison.test(Long.compare(request, policy))) {
                return Truth.TRUE;
            }
        }
        return Truth.FALSE;
    }
}
