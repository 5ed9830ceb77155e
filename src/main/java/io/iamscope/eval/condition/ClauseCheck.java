package io.iamscope.eval.condition;

import io.iamscope.eval.RequestContext;
import io.iamscope.eval.Truth;
import io.iamscope.policy.SetQualifier;
import java.util.List;

/**
 * A compiled clause of any family but Null: applies the key lookup, {@code IfExists}, the set qualifier and
 * negation around the family's {@link ValueMatcher}. Sources (all IAM User Guide):
 *
 * <ul>
 *   <li>Absent key, no {@code IfExists}: "If the key that you specify in a policy condition is not present in
 *   the request context, the values do not match and the condition is false. If the policy condition requires
 *   that the key is not matched, such as StringNotLike or ArnNotLike, and the right key is not present, the
 *   condition is true." (Condition operators, Important box).</li>
 *   <li>Several policy values: "If a single condition operator includes multiple values for a context key, those
 *   values are evaluated using a logical OR. If a single negated matching condition operator includes multiple
 *   values for a context key, those values are evaluated using a logical NOR" (Conditions with multiple context
 *   keys or values). So a Not form is the negation of the positive form over all values.</li>
 *   <li>{@code IfExists}: "If the key is not present, evaluate the condition element as true" (Condition
 *   operators, ...IfExists condition operators).</li>
 *   <li>{@code ForAllValues}: true iff every request value matches at least one policy value; "also returns
 *   true if there are no context keys in the request"; {@code ForAnyValue}: true iff some request value matches
 *   some policy value; an empty set makes ForAllValues true and ForAnyValue false ("Creating a condition with
 *   multiple context keys or values", set operators).</li>
 *   <li>Negated operators with a qualifier: the qualifier quantifies over request values, the operator is
 *   applied to each one: {@code ForAllValues:StringNotEquals} means no request value equals any policy value,
 *   {@code ForAnyValue:StringNotLike} means some request value matches no policy pattern.</li>
 * </ul>
 *
 * <p>Our choice for a plain (unqualified) operator on a key with several request values, which the docs warn
 * against but do not define: a positive operator is true iff some request value matches (like ForAnyValue);
 * a negated operator is true iff no request value matches any policy value (the negation of that). With one
 * request value both readings agree with AWS.
 *
 * <p>A key present with an empty value list counts as present for {@code IfExists} (it exists) but has no
 * value to match: positive forms are false, negated forms true, ForAllValues true, ForAnyValue false.
 */
final class ClauseCheck implements ConditionCheck {
    private final RequestContext.Key key;
    private final SetQualifier qualifier;
    private final boolean negated;
    private final boolean ifExists;
    private final ValueMatcher matcher;

    ClauseCheck(String key, SetQualifier qualifier, boolean negated, boolean ifExists, ValueMatcher matcher) {
        this.key = RequestContext.Key.of(key);
        this.qualifier = qualifier;
        this.negated = negated;
        this.ifExists = ifExists;
        this.matcher = matcher;
    }

    @Override
    public Truth evaluate(RequestContext context) {
        if (context.isUnknown(key)) {
            return Truth.UNKNOWN;
        }
        List<String> values = context.values(key);
        if (values == null) {
            if (ifExists) {
                return Truth.TRUE;
            }
            return switch (qualifier) {
                case FOR_ALL_VALUES -> Truth.TRUE;
                case FOR_ANY_VALUE -> Truth.FALSE;
                case NONE -> Truth.of(negated);
            };
        }
        return switch (qualifier) {
            case FOR_ALL_VALUES -> forAll(values, context);
            case FOR_ANY_VALUE -> forAny(values, context);
            case NONE -> {
                Truth any = anyMatches(values, context);
                yield negated ? any.not() : any;
            }
        };
    }

    /** Every request value satisfies the (possibly negated) operator; Kleene AND, stopping at FALSE. */
    private Truth forAll(List<String> values, RequestContext context) {
        Truth result = Truth.TRUE;
        for (int i = 0, n = values.size(); i < n; i++) {
            Truth t = matcher.matchesAny(values.get(i), context);
            if (negated) {
                t = t.not();
            }
            if (t == Truth.FALSE) {
                return Truth.FALSE;
            }
            result = result.and(t);
        }
        return result;
    }

    /** Some request value satisfies the (possibly negated) operator; Kleene OR, stopping at TRUE. */
    private Truth forAny(List<String> values, RequestContext context) {
        Truth result = Truth.FALSE;
        for (int i = 0, n = values.size(); i < n; i++) {
            Truth t = matcher.matchesAny(values.get(i), context);
            if (negated) {
                t = t.not();
            }
            if (t == Truth.TRUE) {
                return Truth.TRUE;
            }
            result = result.or(t);
        }
        return result;
    }

    /** Some request value matches some policy value (the positive form). */
    private Truth anyMatches(List<String> values, RequestContext context) {
        Truth result = Truth.FALSE;
        for (int i = 0, n = values.size(); i < n; i++) {
            Truth t = matcher.matchesAny(values.get(i), context);
            if (t == Truth.TRUE) {
                return Truth.TRUE;
            }
            result = result.or(t);
        }
        return result;
    }
}
