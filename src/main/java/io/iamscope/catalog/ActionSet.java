package io.iamscope.catalog;

import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

/**
 * An immutable set of action ids of one catalog, kept as a bitset over the catalog's {@code size} ids. Sets of
 * catalogs of different sizes do not mix.
 */
public final class ActionSet implements Iterable<Integer> {
    private final int universe;
    private final long[] words;
    private final int size;

    private ActionSet(int universe, long[] words) {
        this.universe = universe;
        this.words = words;
        int count = 0;
        for (long w : words) {
            count += Long.bitCount(w);
        }
        this.size = count;
    }

    /** The empty set over {@code universe} ids. */
    public static ActionSet empty(int universe) {
        return new ActionSet(universe, new long[wordsFor(universe)]);
    }

    /** The set of all {@code universe} ids. */
    public static ActionSet all(int universe) {
        return new Builder(universe).addRange(0, universe).build();
    }

    /** The set of the given ids. */
    public static ActionSet of(int universe, int... ids) {
        Builder b = new Builder(universe);
        for (int id : ids) {
            b.add(id);
        }
        return b.build();
    }

    private static int wordsFor(int universe) {
        return (universe + 63) >>> 6;
    }

    /** The number of ids the set is drawn from: the catalog's action count. */
    public int universe() {
        return universe;
    }

    /** How many actions are in the set. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public boolean contains(int id) {
        return id >= 0 && id < universe && (words[id >>> 6] & (1L << id)) != 0;
    }

    public ActionSet union(ActionSet other) {
        check(other);
        long[] w = words.clone();
        for (int i = 0; i < w.length; i++) {
            w[i] |= other.words[i];
        }
        return new ActionSet(universe, w);
    }

    public ActionSet intersect(ActionSet other) {
        check(other);
        long[] w = words.clone();
        for (int i = 0; i < w.length; i++) {
            w[i] &= other.words[i];
        }
        return new ActionSet(universe, w);
    }

    /** The actions of this set that are not in {@code other}. */
    public ActionSet minus(ActionSet other) {
        check(other);
        long[] w = words.clone();
        for (int i = 0; i < w.length; i++) {
            w[i] &= ~other.words[i];
        }
        return new ActionSet(universe, w);
    }

    /** Every action of the catalog that is not in this set: what a {@code NotAction} grants. */
    public ActionSet complement() {
        long[] w = new long[words.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = ~words[i];
        }
        int tail = universe & 63;
        if (tail != 0) {
            w[w.length - 1] &= (1L << tail) - 1;
        }
        return new ActionSet(universe, w);
    }

    /** Whether every action of {@code other} is in this set. */
    public boolean containsAll(ActionSet other) {
        check(other);
        for (int i = 0; i < words.length; i++) {
            if ((other.words[i] & ~words[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The ids in ascending order. */
    public IntStream ids() {
        return StreamSupport.intStream(
                Spliterators.spliterator(iterator(), size,
                        Spliterator.ORDERED | Spliterator.SORTED | Spliterator.DISTINCT | Spliterator.NONNULL),
                false);
    }

    @Override
    public PrimitiveIterator.OfInt iterator() {
        return new PrimitiveIterator.OfInt() {
            private int next = nextId(0);

            @Override
            public boolean hasNext() {
                return next >= 0;
            }

            @Override
            public int nextInt() {
                if (next < 0) {
                    throw new NoSuchElementException();
                }
                int id = next;
                next = nextId(id + 1);
                return id;
            }
        };
    }

    /** The smallest id at or after {@code from} in the set, or -1. */
    public int nextId(int from) {
        if (from >= universe) {
            return -1;
        }
        int i = from >>> 6;
        long w = words[i] & (-1L << from);
        while (true) {
            if (w != 0) {
                return (i << 6) + Long.numberOfTrailingZeros(w);
            }
            if (++i == words.length) {
                return -1;
            }
            w = words[i];
        }
    }

    private void check(ActionSet other) {
        if (other.universe != universe) {
            throw new IllegalArgumentException("action sets of catalogs of different sizes: " + universe
                    + " and " + other.universe);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActionSet other && other.universe == universe && Arrays.equals(other.words, words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return "ActionSet[" + size + " of " + universe + "]";
    }

    /** Collects ids into a new set; not thread-safe, used once. */
    public static final class Builder {
        private final int universe;
        private long[] words;

        public Builder(int universe) {
            this.universe = universe;
            this.words = new long[wordsFor(universe)];
        }

        public Builder add(int id) {
            if (id < 0 || id >= universe) {
                throw new IndexOutOfBoundsException("action id " + id + " outside 0.." + (universe - 1));
            }
            words[id >>> 6] |= 1L << id;
            return this;
        }

        /** Adds ids {@code from} (inclusive) to {@code to} (exclusive). */
        public Builder addRange(int from, int to) {
            for (int id = from; id < to; id++) {
                words[id >>> 6] |= 1L << id;
            }
            return this;
        }

        public Builder addAll(ActionSet set) {
            if (set.universe != universe) {
                throw new IllegalArgumentException("action sets of catalogs of different sizes: " + universe
                        + " and " + set.universe);
            }
            for (int i = 0; i < words.length; i++) {
                words[i] |= set.words[i];
            }
            return this;
        }

        public ActionSet build() {
            ActionSet set = new ActionSet(universe, words);
            words = null;
            return set;
        }
    }
}
