package io.iamscope.eval;

import io.iamscope.policy.Diagnostic;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * An authorization decision with its explanation. Never thrown, always returned (as Cedar's authorizer does).
 *
 * <p>A decision is definite when {@code condition} is {@link Constraint#TRUE}. Otherwise {@code outcome}
 * holds when the condition holds, and {@code otherwise} when it does not; the outcome is always the most
 * permissive possibility (Allow if Allow is possible at all), so that a blast radius never under-counts.
 *
 * @param statements the statements that applied (allows and denies, every layer)
 * @param layers     each layer's verdict, in AWS's order, for explanations
 * @param errors     problems met while evaluating (a statement that could not be evaluated is reported here
 *                   and treated as unknown, never silently dropped)
 * @param rule       the rule a service applies outside the policies that decided the request, or that the
 *                   condition depends on ({@link ServiceRule}); null when the policies alone decided. The
 *                   statements and layers are still those the policies gave, for the explanation
 */
public record Decision(Outcome outcome, Constraint condition, Outcome otherwise, List<MatchedStatement> statements,
                       List<LayerVerdict> layers, List<Diagnostic> errors, ServiceRule rule) {

    /** Read-only views, not copies: engines hand over lists they never touch again (a copy per decision was
     * a measurable share of the engine's time). */
    public Decision {
        statements = Collections.unmodifiableList(statements);
        layers = Collections.unmodifiableList(layers);
        errors = Collections.unmodifiableList(errors);
    }

    /** A decision of the policies alone (no {@link ServiceRule}). */
    public Decision(Outcome outcome, Constraint condition, Outcome otherwise, List<MatchedStatement> statements,
                    List<LayerVerdict> layers, List<Diagnostic> errors) {
        this(outcome, condition, otherwise, statements, layers, errors, null);
    }

    /** The same decision, naming the rule that decided or constrains it. */
    public Decision withRule(ServiceRule by) {
        return new Decision(outcome, condition, otherwise, statements, layers, errors, by);
    }

    /** The same explanation with another outcome, decided (or constrained) by {@code by}. */
    public Decision ruledBy(ServiceRule by, Outcome newOutcome, Constraint newCondition, Outcome newOtherwise) {
        return new Decision(newOutcome, newCondition, newOtherwise, statements, layers, errors, by);
    }

    public boolean isConditional() {
        return condition != Constraint.TRUE;
    }

    public boolean isAllowed() {
        return outcome == Outcome.ALLOW && !isConditional();
    }

    /** Allowed now or under some values of the unknown keys. */
    public boolean isPossiblyAllowed() {
        return outcome == Outcome.ALLOW;
    }

    /** The unknown keys the decision depends on; empty when definite. */
    public Set<String> conditionalKeys() {
        return condition.keys();
    }

    /** The statements of the given effect that applied. */
    public List<MatchedStatement> statements(io.iamscope.policy.Effect effect) {
        return statements.stream().filter(s -> s.ref().effect() == effect).toList();
    }
}
