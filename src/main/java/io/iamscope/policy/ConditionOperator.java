package io.iamscope.policy;

import java.util.Locale;

/**
 * A condition operator as written in a policy, decomposed: {@code ForAllValues:StringLikeIfExists} is
 * qualifier FOR_ALL_VALUES, base STRING_LIKE, ifExists true. {@code base} is null when the name is not an
 * IAM operator; {@link #recognized()} tells.
 */
public record ConditionOperator(String written, SetQualifier qualifier, BaseOperator base, boolean ifExists) {

    private static final String FOR_ALL = "forallvalues:";
    private static final String FOR_ANY = "foranyvalue:";
    private static final String IF_EXISTS = "ifexists";

    public static ConditionOperator parse(String written) {
        String rest = written;
        String lower = written.toLowerCase(Locale.ROOT);
        SetQualifier qualifier = SetQualifier.NONE;
        if (lower.startsWith(FOR_ALL)) {
            qualifier = SetQualifier.FOR_ALL_VALUES;
            rest = rest.substring(FOR_ALL.length());
        } else if (lower.startsWith(FOR_ANY)) {
            qualifier = SetQualifier.FOR_ANY_VALUE;
            rest = rest.substring(FOR_ANY.length());
        }
        BaseOperator base = BaseOperator.lookup(rest);
        boolean ifExists = false;
        if (base == null && rest.toLowerCase(Locale.ROOT).endsWith(IF_EXISTS)) {
            BaseOperator candidate = BaseOperator.lookup(rest.substring(0, rest.length() - IF_EXISTS.length()));
            // "Null" has no IfExists form: NullIfExists is not an IAM operator.
            if (candidate != null && candidate != BaseOperator.NULL) {
                base = candidate;
                ifExists = true;
            }
        }
        return new ConditionOperator(written, qualifier, base, ifExists);
    }

    public boolean recognized() {
        return base != null;
    }

    public OperatorFamily family() {
        return base == null ? OperatorFamily.UNRECOGNIZED : base.family();
    }
}
