package io.iamscope.eval.condition;

import io.iamscope.eval.RequestContext;
import io.iamscope.eval.Truth;
import io.iamscope.eval.match.ArnMatch;
import io.iamscope.eval.match.Template;
import java.util.List;

/**
 * The ARN family. "ArnEquals, ArnLike: Case-sensitive matching of the ARN. Each of the six colon-delimited
 * components of the ARN is checked separately and each can include multi-character match wildcards (*) or
 * single-character match wildcards (?). The ArnEquals and ArnLike condition operators behave identically"; the
 * Not forms likewise (IAM JSON policy elements: Condition operators, ARN condition operators). So all four
 * compile to the same matcher; {@link ClauseCheck} negates the Not forms. Policy variables are supported (same
 * section).
 */
final class ArnMatcher implements ValueMatcher {
    private final Template[] templates;

    private ArnMatcher(Template[] templates) {
        this.templates = templates;
    }

    static ArnMatcher compile(List<String> values, boolean substitute) {
        Template[] templates = new Template[values.size()];
        for (int i = 0; i < templates.length; i++) {
            templates[i] = Template.parse(values.get(i), substitute, false);
        }
        return new ArnMatcher(templates);
    }

    @Override
    public Truth matchesAny(String requestValue, RequestContext context) {
        Truth result = Truth.FALSE;
        for (Template template : templates) {
            Template.Resolution r = template.resolve(context);
            switch (r.status()) {
                case UNKNOWN -> result = Truth.UNKNOWN;
                case ABSENT -> {
                    // A variable with no value and no default: this policy value matches nothing.
                }
                case RESOLVED -> {
                    if (ArnMatch.matches(r.glob(), requestValue)) {
                        return Truth.TRUE;
                    }
                }
            }
        }
        return result;
    }
}
