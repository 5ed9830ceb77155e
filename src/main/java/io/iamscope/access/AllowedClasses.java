package io.iamscope.access;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The targets of one list on which an action is allowed to a principal, as classes the engine decided alike
 * (a class of one where a target was decided on its own): each class's positions in the list and its
 * representative's evidence. Lets a caller combine two steps over thousands of targets by intersecting classes
 * instead of checking every target ({@link AccessChecker#allowedClasses}).
 */
public final class AllowedClasses {
    private final List<BitSet> classes = new ArrayList<>();
    private final List<Evidence> evidence = new ArrayList<>();
    private final BitSet any = new BitSet();

    void add(BitSet positions, Evidence e) {
        classes.add(positions);
        evidence.add(e);
        any.or(positions);
    }

    public int size() {
        return classes.size();
    }

    /** The positions of the {@code i}th class (shared: not to be changed). */
    public BitSet positions(int i) {
        return classes.get(i);
    }

    /** The evidence of the {@code i}th class's representative. */
    public Evidence evidence(int i) {
        return evidence.get(i);
    }

    /**
     * The {@code i}th class's evidence for one of its targets: the representative's decision, naming the target
     * (the members of a class are decided alike; not for role trust actions, whose evidence names each role's
     * own trust policy).
     */
    public Evidence evidenceFor(int i, String arn) {
        Evidence e = evidence.get(i);
        return e.resource().equals(arn) ? e : new Evidence(e.action(), arn, e.outcome(), e.condition(), e.grantedBy());
    }

    /** The class holding the position, or -1. */
    public int classOf(int position) {
        for (int i = 0; i < classes.size(); i++) {
            if (classes.get(i).get(position)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the action is allowed on the target at the position. */
    public boolean allows(int position) {
        return any.get(position);
    }

    public boolean isEmpty() {
        return classes.isEmpty();
    }
}
