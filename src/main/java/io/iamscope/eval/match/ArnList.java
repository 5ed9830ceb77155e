package io.iamscope.eval.match;

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
public final class ArnList {
    private final List<String> arns;
    private final Map<Glob, BitSet> matching = new ConcurrentHashMap<>();
    private final ArnList universe;
    /** Per position, the ARN's position in the universe, or -1. */
    private final int[] inUniverse;
    /** The universe's positions this list holds (null without a universe). */
    private final BitSet universePositions;
    /** Each ARN's first position, built when the list serves as a universe. */
    private volatile Map<String, Integer> positions;

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
        this.universePositions = universe == null ? null : new BitSet(universe.size());
        if (universe != null) {
            Map<String, Integer> positions = universe.positions();
            for (int i = 0; i < inUniverse.length; i++) {
                inUniverse[i] = positions.getOrDefault(this.arns.get(i), -1);
                if (inUniverse[i] >= 0) {
                    universePositions.set(inUniverse[i]);
                }
            }
        }
    }

    /** Whether the ARN is listed (as written): a lookup, not a pass over the list. */
    public boolean contains(String arn) {
        if (universe == null) {
            return positions().containsKey(arn);
        }
        Integer u = universe.positions().get(arn);
        if (u != null) {
            return universePositions.get(u);
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

    public int size() {
        return arns.size();
    }

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
            BitSet all = universe == null ? null : universe.matching(g);
            BitSet out = new BitSet(arns.size());
            for (int i = 0; i < arns.size(); i++) {
                int u = inUniverse[i];
                if (u >= 0 ? all.get(u) : ArnMatch.matches(g, arns.get(i))) {
                    out.set(i);
                }
            }
            return out;
        });
    }
}
