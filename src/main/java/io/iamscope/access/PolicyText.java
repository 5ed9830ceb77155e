package io.iamscope.access;

import io.iamscope.policy.PatternList;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.Statement;
import io.iamscope.policy.ConditionClause;

/**
 * A policy document's content as one string, without where it was read from: two documents with equal texts
 * decide every request alike. Many roles of an account share one trust policy word for word (trusting the
 * account, a CI provider, a service), which lets {@link AccessChecker#forEachAllowed} decide them together.
 */
final class PolicyText {
    private PolicyText() {
    }

    static String of(PolicyDocument d) {
        StringBuilder sb = new StringBuilder(256).append(d.version()).append('\n');
        for (Statement s : d.statements()) {
            sb.append(s.index()).append('|').append(s.sid()).append('|').append(s.effect()).append('|');
            if (s.principal() != null) {
                sb.append(s.principal().negated()).append(s.principal().anyone()).append(s.principal().values());
            }
            sb.append('|');
            patterns(sb, s.action());
            patterns(sb, s.resource());
            for (ConditionClause c : s.conditions()) {
                sb.append(c.operator().written()).append(' ').append(c.key()).append(' ').append(c.values()).append(';');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void patterns(StringBuilder sb, PatternList list) {
        if (list != null) {
            sb.append(list.negated() ? "not" : "").append(list.patterns());
        }
        sb.append('|');
    }
}
