package io.iamscope.analysis.blast.enumerate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers already found for one action of each {@link ActionClasses class} (and resource list), as
 * ranges of the output, copied to the other actions of the class instead of deciding them again.
 */
final class Replays {
    private record Range(int from, int to) {
    }

    private final Map<Integer, Map<Object, Range>> byClass = new HashMap<>();
    /** Null: every action is decided. */
    private final ActionClasses actionClasses;

    Replays(ActionClasses actionClasses) {
        this.actionClasses = actionClasses;
    }

    /** Copies the answer of an action of the same class on the same resources; false if there is none. */
    boolean copy(int id, Object resources, List<Allowed> out) {
        if (actionClasses == null) {
            return false;
        }
        Map<Object, Range> known = byClass.get(actionClasses.of(id));
        Range r = known == null ? null : known.get(key(resources));
        if (r == null) {
            return false;
        }
        for (int i = r.from; i < r.to; i++) {
            out.add(out.get(i).forAction(id));
        }
        return true;
    }

    void record(int id, Object resources, int from, int to) {
        if (actionClasses != null) {
            byClass.computeIfAbsent(actionClasses.of(id), k -> new HashMap<>()).put(key(resources),
                    new Range(from, to));
        }
    }

    /** Resource lists are shared by identity ({@link ResourcePool#forAction}); a lone ARN is itself. */
    private Object key(Object resources) {
        return resources instanceof List<?> l ? new Identity(l) : resources == null ? "" : resources;
    }

    /** A key comparing a shared list by identity: hashing ten thousand ARNs per action would cost more. */
    private record Identity(Object of) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && i.of == of;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(of);
        }
    }
}
