package io.iamscope.eval.condition;

import io.iamscope.eval.RequestContext;
import io.iamscope.eval.Truth;
import io.iamscope.eval.match.Template;
import java.util.List;

/**
 * The {@code Bool} operator: compares a key to "true" or "false" (IAM JSON policy elements: Condition
 * operators, Boolean condition operators). We read both sides case-insensitively. Policy variables: the
 * Condition operators page says "You can use a policy variable with the Boolean condition operator", while
 * IAM policy elements: Variables and tags lists Boolean among the operators that can't use one. We follow the
 * operators page (the more specific one), so a value like {@code ${aws:PrincipalTag/admin}} is parsed per
 * request; a substituted value that is not a boolean matches nothing. A request value that is not a boolean
 * matches nothing either.
 */
final class BoolMatcher implements ValueMatcher {
    private static final byte FALSE = 0;
    private static final byte TRUE = 1;
    private static final byte INVALID = 2;

    /** Per policy value: the parsed constant, or null when it holds a variable. */
    private final Template[] templates;
    private final byte[] constants;

    private BoolMatcher(Template[] templates, byte[] constants) {
        this.templates = templates;
        this.constants = constants;
    }

    static BoolMatcher compile(List<String> values, boolean substitute) throws InvalidConditionValue {
        Template[] templates = new Template[values.size()];
        byte[] constants = new byte[values.size()];
        for (int i = 0; i < templates.length; i++) {
            Template t = Template.parse(values.get(i), substitute, false);
            if (t.hasVariables()) {
                templates[i] = t;
                constants[i] = INVALID;
            } else {
                constants[i] = parse(values.get(i));
                if (constants[i] == INVALID) {
                    throw new InvalidConditionValue("`" + values.get(i) + "` is not `true` or `false`");
                }
            }
        }
        return new BoolMatcher(templates, constants);
    }

    static byte parse(String s) {
        if ("true".equalsIgnoreCase(s)) {
            return TRUE;
        }
        return "false".equalsIgnoreCase(s) ? FALSE : INVALID;
    }

    @Override
    public Truth matchesAny(String requestValue, RequestContext context) {
        byte request = parse(requestValue);
        if (request == INVALID) {
            return Truth.FALSE;
        }
        Truth result = Truth.FALSE;
        for (int i = 0; i < constants.length; i++) {
            byte policy = constants[i];
            if (templates[i] != null) {
                Template.Resolution r = templates[i].resolve(context);
                if (r.status() == Template.Resolution.Status.UNKNOWN) {
                    result = Truth.UNKNOWN;
                    continue;
                }
                if (r.status() == Template.Resolution.Status.ABSENT) {
                    continue;
                }
                policy = parse(r.glob().text());
            }
            if (policy == request) {
                return Truth.TRUE;
            }
        }
        return result;
    }
}
