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

    public ArnList(List<String> arns) {
        this.arns = List.copyOf(arns);
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
            BitSet out = new BitSet(arns.size());
            for (int i = 0; i < arns.size(); i++) {
                if (ArnMatch.matches(g, arns.get(i))) {
                    out.set(i);
                }
            }
            return out;
        });
    }
}
