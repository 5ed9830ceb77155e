package io.iamscope.graph.rules;

import io.iamscope.access.Evidence;
import io.iamscope.eval.Constraint;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.Steps;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Passes on, of the many uses of a technique that all make the attacker an administrator of its own account
 * (a policy written onto any of thousands of users or roles it can act as), the first conditional one and the
 * first definite one. Each use leads to the same account node, so more edges would say nothing more about what
 * the attacker reaches, and the graph would grow with actors × targets. The condition kept is one under which the
 * attacker is an administrator, not every such condition: the verdict stays "possible, under these conditions",
 * never dropped.
 */
final class UntilDefinite {
    private final Consumer<Escalation> out;
    private final Set<List<Constraint>> offered = new HashSet<>();
    private boolean conditionalSent;
    private boolean definiteSent;

    UntilDefinite(Consumer<Escalation> out) {
        this.out = out;
    }

    /**
     * Offers a use that yields admin, whose first steps held under {@code alike} ({@link #offeredAlike}); whether
     * to go on looking (false once a definite one is passed on).
     */
    boolean offer(Steps steps, String technique, String target, Constraint... alike) {
        offered.add(List.of(alike));
        if (definiteSent) {
            return false;
        }
        Escalation e = steps.to(technique, target, true);
        if (e.evidence().stream().noneMatch(Evidence::conditional)) {
            out.accept(e);
            definiteSent = true;
            return false;
        }
        if (!conditionalSent) {
            out.accept(e);
            conditionalSent = true;
        }
        return true;
    }

    /**
     * Whether a use was passed on already whose first steps held under these conditions: targets decided alike
     * (one class of the engine's) share their conditions, so another such target would add an edge with the same
     * condition, and its remaining checks can be spared. Only uses passed on count: a target whose later check
     * failed says nothing of the others.
     */
    boolean offeredAlike(Constraint... conditions) {
        return offered.contains(List.of(conditions));
    }

    /** Whether a definite use was passed on: nothing more to look for. */
    boolean done() {
        return definiteSent;
    }
}
