package io.iamscope.eval.match;

import io.iamscope.eval.ResourceList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed list of resource ARNs, with the subset that each variable-free pattern matches computed once and
 * kept: graph building tests the same few patterns ({@code *}, {@code arn:aws:iam::111122223333:role/app-*})
 * against the same users and roles for every principal. Thread-safe; the bit sets it returns are shared and
 * must not be modified.
 */
public final class ArnList implements ResourceList {
    private final List<String> arns;
    private final Map<Glob, BitSet> matching = new ConcurrentHashMap<>();
    private final ArnList universe;
    /** Per position, the ARN's position in the universe, or -1. */
    private final int[] inUniverse;
    /** Each ARN's first position, built when the list serves as a universe. */
    private volatile Map<String, Integer> positions;
    /** The positions in the order of their ARNs, built when a large list is first matched without a universe. */
    private volatile int[] sorted;
    /**
     * The universe positions this list holds, sorted, and beside each the list's position holding it: built on
     * first use (null without a universe). Proportional to the list, not to the universe: an organization's
     * snapshot holds hundreds of thousands of ARNs and thousands of lists.
     */
    private volatile UniverseIndex byUniverse;

    private record UniverseIndex(int[] universe, int[] list) {
    }

    /** Lists this long find a pattern's candidates in their sorted order rather than by a pass. */
    private static final int SORTED_MIN = 64;

    public ArnList(List<String> arns) {
        this(arns, null);
    }

    /**
     * A list whose matches are read from a larger list holding the same ARNs (every user, role and resource
     * of a snapshot): each pattern is then matched once per ARN of the snapshot, not once per list.
     */
    public ArnList(List<String> arns, ArnList universe) {
        this.arns = List.copyOf(arns);
        this.universe = universe;
        this.inUniverse = new int[this.arns.size()];
        java.util.Arrays.fill(inUniverse, -1);
        if (universe != null) {
            Map<String, Integer> positions = universe.positions();
            for (int i = 0; i < inUniverse.length; i++) {
                inUniverse[i] = positions.getOrDefault(this.arns.get(i), -1);
            }
        }
    }

    /** Whether the ARN is listed (as written): a lookup, not a pass over the list. */
    @Override
    public boolean contains(String arn) {
        if (universe == null) {
            return positions().containsKey(arn);
        }
        Integer u = universe.positions().get(arn);
        if (u != null) {
            return java.util.Arrays.binarySearch(byUniverse().universe(), u) >= 0;
        }
        // Not in the universe: only a pass can tell (a list built with a universe normally holds none such).
        for (int i = 0; i < inUniverse.length; i++) {
            if (inUniverse[i] < 0 && arns.get(i).equals(arn)) {
                return true;
            }
        }
        return false;
    }

    private Map<String, Integer> positions() {
        Map<String, Integer> p = positions;
        if (p == null) {
            p = new java.util.HashMap<>(arns.size() * 2);
            for (int i = 0; i < arns.size(); i++) {
                p.putIfAbsent(arns.get(i), i);
            }
            positions = p;
        }
        return p;
    }

    /** Whether no ARN is listed twice, so that one ARN has at most one position. */
    private boolean distinct() {
        return positions().size() == arns.size();
    }

    @Override
    public int size() {
        return arns.size();
    }

    @Override
    public String get(int i) {
        return arns.get(i);
    }

    /** The positions of the ARNs the pattern matches ({@link ArnMatch}). */
    BitSet matching(Glob pattern) {
        return matching.computeIfAbsent(pattern, g -> {
            if (universe == null && !g.hasWildcards() && !g.ignoreCase() && distinct()) {
                // A pattern without wildcards matches its own text only (ArnMatch): one lookup, not a pass over
                // the snapshot's tens of thousands of ARNs for each ARN a policy names.
                BitSet out = new BitSet(arns.size());
                Integer at = positions().get(g.text());
                if (at != null) {
                    out.set(at);
                }
                return out;
            }
            return universe == null ? scan(g) : readThrough(g, universe.matching(g));
        });
    }

    /**
     * The positions the pattern matches, found without a universe. A case-sensitive pattern only matches ARNs
     * that start with its literal prefix ({@link ArnMatch}): in a long list those are a range of its sorted
     * order, found by binary search, and only they are tested. Graph building matches thousands of patterns
     * (`arn:aws:s3:::bucket-17/*`, `arn:aws:iam::111122223333:role/app-*`) against the snapshot's ARNs.
     */
    private BitSet scan(Glob g) {
        BitSet out = new BitSet(arns.size());
        if (g.matchesEverything()) {
            out.set(0, arns.size());
            return out;
        }
        String prefix = g.ignoreCase() || arns.size() < SORTED_MIN ? "" : g.literalPrefix();
        if (prefix.isEmpty()) {
            for (int i = 0; i < arns.size(); i++) {
                if (ArnMatch.matches(g, arns.get(i))) {
                    out.set(i);
                }
            }
            return out;
        }
        int[] order = sorted();
        for (int k = firstAtLeast(order, prefix); k < order.length && arns.get(order[k]).startsWith(prefix); k++) {
            if (ArnMatch.matches(g, arns.get(order[k]))) {
                out.set(order[k]);
            }
        }
        return out;
    }

    private int[] sorted() {
        int[] s = sorted;
        if (s == null) {
            s = java.util.stream.IntStream.range(0, arns.size()).boxed()
                    .sorted(java.util.Comparator.comparing(arns::get)).mapToInt(Integer::intValue).toArray();
            sorted = s;
        }
        return s;
    }

    /** The first index of {@code order} whose ARN is not before {@code key}. */
    private int firstAtLeast(int[] order, String key) {
        int lo = 0;
        int hi = order.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (arns.get(order[mid]).compareTo(key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * This list's positions among the universe's matches ({@code all}). Most patterns match a few of tens of
     * thousands of ARNs: each match is then looked up among the universe positions this list holds, instead of
     * a pass over the list. ARNs outside the universe are matched here.
     */
    private BitSet readThrough(Glob g, BitSet all) {
        BitSet out = new BitSet(arns.size());
        int matches = all.cardinality();
        if (matches * 8L < arns.size()) {
            UniverseIndex index = byUniverse();
            for (int u = all.nextSetBit(0); u >= 0; u = all.nextSetBit(u + 1)) {
                int at = java.util.Arrays.binarySearch(index.universe(), u);
                if (at >= 0) {
                    // A list may hold an ARN twice: its positions sit side by side in the sorted index.
                    while (at > 0 && index.universe()[at - 1] == u) {
                        at--;
                    }
                    for (; at < index.universe().length && index.universe()[at] == u; at++) {
                        out.set(index.list()[at]);
                    }
                }
            }
        } else {
            for (int i = 0; i < arns.size(); i++) {
                if (inUniverse[i] >= 0 && all.get(inUniverse[i])) {
                    out.set(i);
                }
            }
        }
        for (int i = 0; i < arns.size(); i++) {
            if (inUniverse[i] < 0 && ArnMatch.matches(g, arns.get(i))) {
                out.set(i);
            }
        }
        return out;
    }

    private UniverseIndex byUniverse() {
        UniverseIndex index = byUniverse;
        if (index == null) {
            int[] list = java.util.stream.IntStream.range(0, arns.size()).filter(i -> inUniverse[i] >= 0).boxed()
                    .sorted(java.util.Comparator.comparingInt(i -> inUniverse[i])).mapToInt(Integer::intValue)
                    .toArray();
            int[] keys = new int[list.length];
            for (int k = 0; k < list.length; k++) {
                keys[k] = inUniverse[list[k]];
            }
            index = new UniverseIndex(keys, list);
            byUniverse = index;
        }
        return index;
    }
}
