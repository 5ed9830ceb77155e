package io.iamscope.eval.compile;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One layer's candidate statements for an action, indexed by the literal prefixes of their Resource patterns, so
 * that a request looks only at the statements whose Resource could match its resource, in document order.
 *
 * <p>Without it, every request walks every statement that names its action: a principal holding one policy of
 * 50,000 statements, each on its own bucket, made a blast radius check 50,000 resources against 50,000
 * statements (issue #22, item 12). A resource ARN is looked up once per distinct prefix length, so the cost of
 * a request no longer grows with the statements that cannot apply to it.
 */
final class ResourcePrefixIndex {
    /** Layers smaller than this are walked whole: the lookups would cost more than they save. */
    static final int MIN_STATEMENTS = 64;

    private final CompiledStatement[] statements;
    /** Positions of the statements that may apply to any resource (NotResource, {@code *}, variables). */
    private final int[] always;
    private final Map<String, int[]> byPrefix;
    /** The distinct prefix lengths, ascending. */
    private final int[] lengths;

    private ResourcePrefixIndex(CompiledStatement[] statements, int[] always, Map<String, int[]> byPrefix,
                                int[] lengths) {
        this.statements = statements;
        this.always = always;
        this.byPrefix = byPrefix;
        this.lengths = lengths;
    }

    /** The index of a layer's statements, or null when the layer is small or nothing in it can be indexed. */
    static ResourcePrefixIndex of(CompiledStatement[] statements) {
        if (statements == null || statements.length < MIN_STATEMENTS) {
            return null;
        }
        Map<String, IntList> index = new HashMap<>();
        IntList always = new IntList();
        TreeSet<Integer> lengths = new TreeSet<>();
        for (int i = 0; i < statements.length; i++) {
            List<String> prefixes = statements[i].resources().literalPrefixes();
            if (prefixes == null) {
                always.add(i);
                continue;
            }
            for (String prefix : prefixes) {
                IntList at = index.computeIfAbsent(prefix, k -> new IntList());
                // A statement naming two patterns of one prefix is listed once.
                if (at.size == 0 || at.last() != i) {
                    at.add(i);
                }
                lengths.add(prefix.length());
            }
        }
        if (index.isEmpty()) {
            return null;
        }
        Map<String, int[]> frozen = new HashMap<>(index.size() * 2);
        index.forEach((k, v) -> frozen.put(k, v.toArray()));
        return new ResourcePrefixIndex(statements, always.toArray(), frozen,
                lengths.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The statements whose Resource may match {@code resource}, in document order. */
    CompiledStatement[] select(String resource) {
        IntList hits = new IntList();
        for (int p : always) {
            hits.add(p);
        }
        for (int length : lengths) {
            if (length > resource.length()) {
                break;
            }
            int[] at = byPrefix.get(resource.substring(0, length));
            if (at != null) {
                for (int p : at) {
                    hits.add(p);
                }
            }
        }
        int[] positions = hits.toArray();
        Arrays.sort(positions);
        CompiledStatement[] out = new CompiledStatement[positions.length];
        int n = 0;
        for (int i = 0; i < positions.length; i++) {
            // A statement with patterns of two prefixes that both match is found twice.
            if (i == 0 || positions[i] != positions[i - 1]) {
                out[n++] = statements[positions[i]];
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** A growable list of ints, without boxing. */
    private static final class IntList {
        private int[] values = new int[4];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int last() {
            return values[size - 1];
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
