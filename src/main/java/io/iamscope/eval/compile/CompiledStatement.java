package io.iamscope.eval.compile;

import io.iamscope.eval.Constraint;
import io.iamscope.eval.Request;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.StatementRef;
import io.iamscope.eval.Truth;
import io.iamscope.eval.condition.ConditionCheck;
import io.iamscope.eval.match.ActionMatcher;
import io.iamscope.eval.match.PrincipalMatch;
import io.iamscope.eval.match.PrincipalMatcher;
import io.iamscope.eval.match.ResourceMatcher;
import io.iamscope.policy.Effect;
import io.iamscope.policy.Statement;
import io.iamscope.policy.ConditionClause;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement compiled once into matchers. {@link #applies} answers "does this statement apply to the
 * request" as a constraint: TRUE, FALSE, or a conjunction of the tests that depend on unknown keys.
 */
public final class CompiledStatement {
    private final StatementRef ref;
    private final Statement source;
    private final ActionMatcher actions;
    private final ResourceMatcher resources;
    private final PrincipalMatcher principal;
    private final ConditionCheck[] conditions;
    private final boolean valid;

    CompiledStatement(StatementRef ref, Statement source, ActionMatcher actions, ResourceMatcher resources,
                      PrincipalMatcher principal, ConditionCheck[] conditions, boolean valid) {
        this.ref = ref;
        this.source = source;
        this.actions = actions;
        this.resources = resources;
        this.principal = principal;
        this.conditions = conditions;
        this.valid = valid;
    }

    public StatementRef ref() {
        return ref;
    }

    public Effect effect() {
        return ref.effect();
    }

    public Statement source() {
        return source;
    }

    public ActionMatcher actions() {
        return actions;
    }

    /** The compiled Resource/NotResource element. */
    public ResourceMatcher resources() {
        return resources;
    }

    /** False for a statement that cannot apply as written (a resource policy statement with no Principal). */
    public boolean valid() {
        return valid;
    }

    /** Whether the statement uses {@code NotPrincipal}. */
    public boolean notPrincipal() {
        return source.principal() != null && source.principal().negated();
    }

    /** How the statement's Principal covers the caller; EXACT when the statement has no Principal element. */
    public PrincipalMatch principalMatch(Request request) {
        return principal == null ? PrincipalMatch.EXACT : principal.match(request.caller());
    }

    /** Resource and conditions (the action was matched by the caller through the policy's index). */
    public Constraint applies(Request request) {
        RequestContext context = request.context();
        Truth resource = resources.matches(request.resource(), context);
        if (resource == Truth.FALSE) {
            return Constraint.FALSE;
        }
        Constraint result = Constraint.TRUE;
        if (resource == Truth.UNKNOWN) {
            result = new Constraint.Atom(resources + " matches `" + request.resource() + "`",
                    resources.unknownKeys(context), ref);
        }
        for (int i = 0; i < conditions.length; i++) {
            Truth t = conditions[i].evaluate(context);
            if (t == Truth.FALSE) {
                return Constraint.FALSE;
            }
            if (t == Truth.UNKNOWN) {
                ConditionClause clause = source.conditions().get(i);
                result = Constraint.and(result, Constraint.Atom.of(clause, ref, keysOf(clause, context)));
            }
        }
        return result;
    }

    private static List<String> keysOf(ConditionClause clause, RequestContext context) {
        List<String> keys = new ArrayList<>();
        keys.add(clause.key());
        for (String v : clause.values()) {
            int at = v.indexOf("${");
            while (at >= 0) {
                int end = v.indexOf('}', at);
                if (end < 0) {
                    break;
                }
                // `${key, 'default'}`: the key is what comes before the first comma (`${,,,}` names none: a
                // fuzzed value split into no parts at all, issue #22).
                String body = v.substring(at + 2, end);
                int comma = body.indexOf(',');
                String key = (comma < 0 ? body : body.substring(0, comma)).trim();
                if (context.isUnknown(key) && !keys.contains(key)) {
                    keys.add(key);
                }
                at = v.indexOf("${", end);
            }
        }
        return keys;
    }

    @Override
    public String toString() {
        return ref.describe();
    }
}
