package io.iamscope.eval.condition;

import io.iamscope.eval.RequestContext;
import io.iamscope.eval.Truth;
import io.iamscope.policy.condition.BaseOperator;
import java.time.Instant;
import java.util.List;

/**
 * The Date family, comparing instants (see {@link Dates} for the accepted formats). "Wildcards are not
 * permitted for date condition operators" and "You can not use a policy variable with the Date condition
 * operator" (IAM JSON policy elements: Condition operators, Date condition operators), so policy values are
 * parsed once, here. A request value that is not a date matches no policy value.
 */
final class DateMatcher implements ValueMatcher {
    private final Comparison comparison;
    private final Instant[] instants;

    private DateMatcher(Comparison comparison, Instant[] instants) {
        this.comparison = comparison;
        this.instants = instants;
    }

    static DateMatcher compile(BaseOperator op, List<String> values) throws InvalidConditionValue {
        Instant[] instants = new Instant[values.size()];
        for (int i = 0; i < instants.length; i++) {
            instants[i] = Dates.parse(values.get(i));
            if (instants[i] == null) {
                throw new InvalidConditionValue("`" + values.get(i) + "` is not an iso 8601 date or epoch seconds");
            }
        }
        return new DateMatcher(Comparison.of(op), instants);
    }

    @Override
    public Truth matchesAny(String requestValue, RequestContext context) {
        Instant request = Dates.parse(requestValue);
        if (request == null) {
            return Truth.FALSE;
        }
        for (Instant policy : instants) {
            if (comparison.test(request.compareTo(policy))) {
                return Truth.TRUE;
            }
        }
        return Truth.FALSE;
    }
}
