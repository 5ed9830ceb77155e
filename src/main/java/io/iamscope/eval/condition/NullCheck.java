package io.iamscope.eval.condition;

import io.iamscope.eval.RequestContext;
import io.iamscope.eval.Truth;
import java.util.List;

/**
 * The {@code Null} operator: policy value {@code true} means "the key doesn't exist — it is null", {@code false}
 * means "the key exists and its value is not null" (IAM JSON policy elements: Condition operators, Condition
 * operator to check existence of condition keys). Several policy values are ORed, so {@code ["true","false"]}
 * is always true. A present key with an empty value list has no non-null value, so we count it as null.
 * A key the caller declared unknown gives UNKNOWN, unless it is known to be present with a value that cannot be
 * known ({@link RequestContext#isPresentUnknown}): existence is all this operator asks. Set qualifiers have no
 * meaning here and are ignored.
 */
final class NullCheck implements ConditionCheck {
    private final RequestContext.Key key;
    private final boolean acceptsAbsent;
    private final boolean acceptsPresent;

    NullCheck(String key, boolean acceptsAbsent, boolean acceptsPresent) {
        this.key = RequestContext.Key.of(key);
        this.acceptsAbsent = acceptsAbsent;
        this.acceptsPresent = acceptsPresent;
    }

    @Override
    public Truth evaluate(RequestContext context) {
        if (context.isUnknown(key)) {
            return context.isPresentUnknown(key) ? Truth.of(acceptsPresent) : Truth.UNKNOWN;
        }
        List<String> values = context.values(key);
        boolean isNull = values == null || values.isEmpty();
        return Truth.of(isNull ? acceptsAbsent : acceptsPresent);
    }
}
