package io.iamscope.eval.reference;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Constraint;
import io.iamscope.eval.Layer;
import io.iamscope.eval.Request;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.StatementRef;
import io.iamscope.eval.Truth;
import io.iamscope.eval.condition.ConditionCompiler;
import io.iamscope.eval.match.ArnMatch;
import io.iamscope.eval.match.Glob;
import io.iamscope.eval.match.PrincipalMatch;
import io.iamscope.eval.match.PrincipalMatcher;
import io.iamscope.eval.match.Template;
import io.iamscope.policy.Diagnostic;
import io.iamscope.policy.Effect;
import io.iamscope.policy.PatternList;
import io.iamscope.policy.Statement;
import io.iamscope.policy.ConditionClause;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one statement against one request, element by element, with no index and no cache. Every test that
 * depends on a key the request declares unknown becomes a numbered {@link Constraint.Atom}.
 */
final class StatementReader {
    private final Request request;
    private final List<Constraint.Atom> atoms;
    private final List<Diagnostic> errors;
    private final boolean boundaryAttached;

    StatementReader(Request request, boolean boundaryAttached, List<Constraint.Atom> atoms, List<Diagnostic> errors) {
        this.request = request;
        this.boundaryAttached = boundaryAttached;
        this.atoms = atoms;
        this.errors = errors;
    }

    /** The statement as a candidate, or null when it cannot apply to the request whatever the unknowns are. */
    Candidate read(AttachedPolicy policy, Statement s, Layer layer, int level) {
        boolean substitute = policy.document().substitutesVariables();
        String name = policy.arn() != null ? policy.arn() : policy.name();
        StatementRef ref = new StatementRef(layer, name, s.sid(), s.index(), s.effect(),
                layer == Layer.SCP || layer == Layer.RCP ? level : -1, s.location());

        // "You must use the Principal element in resource-based policies" (IAM JSON policy elements:
        // Principal); in identity-side policies the principal is the identity the policy is attached to.
        PrincipalMatch principal = PrincipalMatch.EXACT;
        if (layer == Layer.RESOURCE || layer == Layer.RCP) {
            if (s.principal() == null) {
                return null;
            }
            principal = PrincipalMatcher.compile(s.principal()).match(request.caller());
            // "The NotPrincipal element with a Deny effect will always deny any IAM principal that has a
            // permissions boundary policy attached, regardless of the values specified in the NotPrincipal
            // element" (IAM User Guide: Permissions boundaries for IAM entities; also NotPrincipal).
            if (layer == Layer.RESOURCE && boundaryAttached && s.principal().negated()
                    && s.effect() == Effect.DENY) {
                principal = PrincipalMatch.EXACT;
            }
            if (principal == PrincipalMatch.NONE) {
                return null;
            }
        }
        if (!actionMatches(s.action())) {
            return null;
        }
        List<Integer> mine = new ArrayList<>();
        Truth resource = resourceTruth(s.resource(), substitute);
        if (resource == Truth.FALSE) {
            return null;
        }
        if (resource == Truth.UNKNOWN) {
            mine.add(atom(new Constraint.Atom(s.resource() + " matches `" + request.resource() + "`",
                    unknownVariables(s.resource().patterns(), substitute), ref)));
        }
        // "If there are multiple condition operators, or if there are multiple keys attached to a single
        // condition operator, the conditions are evaluated using a logical AND" (IAM JSON policy elements:
        // Condition).
        for (ConditionClause clause : s.conditions()) {
            Truth t = ConditionCompiler.compile(clause, substitute, errors).evaluate(request.context());
            if (t == Truth.FALSE) {
                return null;
            }
            if (t == Truth.UNKNOWN) {
                List<String> keys = new ArrayList<>();
                keys.add(clause.key());
                unknownVariables(clause.values(), true).stream().filter(k -> !keys.contains(k)).forEach(keys::add);
                mine.add(atom(Constraint.Atom.of(clause, ref, keys)));
            }
        }
        return new Candidate(layer, level, s.effect(), principal,
                mine.stream().mapToInt(Integer::intValue).toArray(), ref);
    }

    /**
     * Action/NotAction: "the prefix and the action name are case insensitive", wildcards allowed; NotAction
     * "matches everything except the specified list of actions" (IAM JSON policy elements: Action, NotAction).
     */
    private boolean actionMatches(PatternList actions) {
        if (actions == null) {
            return false;
        }
        boolean listed = false;
        for (String p : actions.patterns()) {
            listed |= Glob.of(p, true).matches(request.action());
        }
        return listed != actions.negated();
    }

    /**
     * Resource/NotResource: ARNs compared component by component, case-sensitively (IAM JSON policy elements:
     * Resource). A policy variable whose key is unknown makes the comparison unknown; one whose key is absent
     * makes that entry match nothing ("Variables and tags": "the element doesn't match"). No Resource element
     * at all (role trust policies) means any resource.
     */
    private Truth resourceTruth(PatternList resources, boolean substitute) {
        if (resources == null) {
            return Truth.TRUE;
        }
        Truth listed = Truth.FALSE;
        for (String p : resources.patterns()) {
            Template.Resolution r = Template.parse(p, substitute, false).resolve(request.context());
            switch (r.status()) {
                case RESOLVED -> listed = listed.or(Truth.of(ArnMatch.matches(r.glob(), request.resource())));
                case UNKNOWN -> listed = listed.or(Truth.UNKNOWN);
                case ABSENT -> { }
            }
        }
        return resources.negated() ? listed.not() : listed;
    }

    private List<String> unknownVariables(List<String> texts, boolean substitute) {
        RequestContext context = request.context();
        List<String> keys = new ArrayList<>();
        for (String text : texts) {
            for (String k : Template.parse(text, substitute, false).variableKeys()) {
                if (context.isUnknown(k) && !keys.contains(k)) {
                    keys.add(k);
                }
            }
        }
        return keys;
    }

    private int atom(Constraint.Atom atom) {
        atoms.add(atom);
        return atoms.size() - 1;
    }
}
