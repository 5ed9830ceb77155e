package io.iamscope.eval.condition;

import io.iamscope.eval.RequestContext;
import io.iamscope.eval.Truth;
import io.iamscope.eval.match.Glob;
import io.iamscope.eval.match.Template;
import io.iamscope.policy.BaseOperator;
import java.util.List;

/**
 * The String family (IAM JSON policy elements: Condition operators, String condition operators):
 * {@code StringEquals} is exact and case-sensitive, {@code StringEqualsIgnoreCase} ignores case, and
 * {@code StringLike} is case-sensitive with {@code *} and {@code ?} wildcards "anywhere in the string". The Not
 * forms are negated by {@link ClauseCheck}. Policy variables are supported (same page: "You can use a policy
 * variable with the String condition operator"); substituted text is literal, and {@code ${*}} is a literal
 * star (IAM policy elements: Variables and tags, special characters). In the Equals forms every character is
 * literal, wildcards included.
 */
final class StringMatcher implements ValueMatcher {
    private enum Mode { EQUALS, EQUALS_IGNORE_CASE, LIKE }

    private final Mode mode;
    private final Template[] templates;

    private StringMatcher(Mode mode, Template[] templates) {
        this.mode = mode;
        this.templates = templates;
    }

    static StringMatcher compile(BaseOperator op, List<String> values, boolean substitute) {
        Mode mode = switch (op) {
            case STRING_EQUALS, STRING_NOT_EQUALS -> Mode.EQUALS;
            case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE -> Mode.EQUALS_IGNORE_CASE;
            case STRING_LIKE, STRING_NOT_LIKE -> Mode.LIKE;
            default -> throw new IllegalArgumentException("not a string operator: " + op);
        };
        Template[] templates = new Template[values.size()];
        for (int i = 0; i < templates.length; i++) {
            templates[i] = Template.parse(values.get(i), substitute, mode == Mode.EQUALS_IGNORE_CASE);
        }
        return new StringMatcher(mode, templates);
    }

    @Override
    public Truth matchesAny(String requestValue, RequestContext context) {
        Truth result = Truth.FALSE;
        for (Template template : templates) {
            Template.Resolution r = template.resolve(context);
            switch (r.status()) {
                case UNKNOWN -> result = Truth.UNKNOWN;
                case ABSENT -> {
                    // A variable whose key is "not present ... any attempt to match it fails" (IAM policy
                    // elements: Variables and tags, principal key values): this policy value matches nothing.
                }
                case RESOLVED -> {
                    if (matches(r.glob(), requestValue)) {
                        return Truth.TRUE;
                    }
                }
            }
        }
        return result;
    }

    private boolean matches(Glob glob, String requestValue) {
        return switch (mode) {
            case EQUALS -> glob.text().equals(requestValue);
            // The glob's text is already lower case (Locale.ROOT); equalsIgnoreCase avoids lowering the input.
            case EQUALS_IGNORE_CASE -> glob.text().equalsIgnoreCase(requestValue);
            case LIKE -> glob.matches(requestValue);
        };
    }
}
