package io.iamscope.graph.technique;

import io.iamscope.access.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of one technique use, in order; every one must allow (definitely or conditionally). The
 * resulting edge is conditional when any step is: the AND of the steps' conditions.
 */
public final class Steps {
    private final List<Evidence> done;

    public Steps() {
        this.done = new ArrayList<>(4);
    }

    private Steps(List<Evidence> done) {
        this.done = new ArrayList<>(done);
    }

    /** Records the check; true when it allows. */
    public boolean allow(Evidence e) {
        if (!e.allows()) {
            return false;
        }
        done.add(e);
        return true;
    }

    /**
     * Records a check that must not be explicitly denied (an implicit deny is fine: a later step changes what
     * decides it, as a rewritten trust policy does).
     */
    public boolean notDenied(Evidence e) {
        if (e.outcome() == io.iamscope.eval.Outcome.EXPLICIT_DENY && !e.conditional()) {
            return false;
        }
        done.add(e);
        return true;
    }

    /** Steps that continue after checks already made (each allowed, or not explicitly denied, when it was made). */
    public static Steps after(List<Evidence> done) {
        return new Steps(done);
    }

    /** Appends the checks of another use of steps (one way of several, chosen after trying them apart). */
    public void append(Steps more) {
        done.addAll(more.done);
    }

    /** Whether any check so far is conditional. */
    public boolean conditional() {
        return done.stream().anyMatch(Evidence::conditional);
    }

    /** A copy to continue with one target. */
    public Steps fork() {
        return new Steps(done);
    }

    public List<Evidence> evidence() {
        return done;
    }

    public Escalation to(String technique, String target, boolean yieldsAdmin) {
        return new Escalation(technique, target, done, yieldsAdmin);
    }
}
