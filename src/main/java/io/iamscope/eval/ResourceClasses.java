package io.iamscope.eval;

import java.util.BitSet;
import java.util.List;

/**
 * The resources of a list split into classes that one policy set cannot tell apart for one action: every
 * candidate statement (every layer) matches all or none of a class. Two requests that differ only in a
 * resource of the same class, with the same context, get the same decision, so one engine call decides the
 * whole class (graph building asks the same question of thousands of users and roles).
 *
 * <p>What else of the resource the engine reads is the caller's to keep uniform: its account, its kind (service
 * and resource type), its resource policy, and, when {@link #readsResourceKeys}, the context keys AWS derives
 * from it (tags, region).
 *
 * @param classes           disjoint, non-empty classes of positions in the list
 * @param individual        positions whose match is UNKNOWN (a policy variable the context does not know), to
 *                          be decided one by one; in no class
 * @param readsResourceKeys whether a condition, or a variable in one, reads a key derived from the resource
 *                          ({@code aws:ResourceTag/*}, {@code aws:ResourceAccount}, {@code aws:RequestedRegion},
 *                          ...): then only resources that also agree on those keys share a decision
 */
public record ResourceClasses(List<BitSet> classes, BitSet individual, boolean readsResourceKeys) {

    /** Every resource of a list of {@code size} on its own: what an engine without classes answers. */
    public static ResourceClasses none(int size) {
        BitSet all = new BitSet(size);
        all.set(0, size);
        return new ResourceClasses(List.of(), all, false);
    }
}
