package io.iamscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@link SnapshotIndex#shared}: one helper per type, made once, and a helper whose making asks for another
 * (the blast radius's lists ask for the targets' facts cache) gets it. A {@code ConcurrentHashMap}'s
 * {@code computeIfAbsent} forbids that nesting: it failed with "Recursive update" when the two types happened
 * to share a bin, once in a few runs.
 */
class SnapshotIndexSharedTest {
    /** Distinct types, more than a small map has bins: Object[], Object[][], ... */
    private static final int TYPES = 40;

    private static SnapshotIndex empty() {
        return new SnapshotIndex(new Snapshot(1, null, Map.of(), null, List.of()));
    }

    private static Class<?> type(int i) {
        return Array.newInstance(Object.class, new int[i + 1]).getClass();
    }

    @Test
    void aHelperMadeWhileMakingAnotherIsKept() {
        SnapshotIndex index = empty();
        List<Object> made = chain(index);
        assertEquals(TYPES, made.size());
        for (int i = 0; i < TYPES; i++) {
            assertSame(made.get(i), share(index, i, null), type(i).getName());
        }
    }

    @Test
    void oneHelperPerTypeAcrossThreads() throws Exception {
        SnapshotIndex index = empty();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Object>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    chain(index);
                    List<Object> seen = new ArrayList<>();
                    for (int i = 0; i < TYPES; i++) {
                        seen.add(share(index, i, null));
                    }
                    return seen;
                }));
            }
            for (Future<List<Object>> r : runs) {
                List<Object> got = r.get();
                for (int i = 0; i < TYPES; i++) {
                    assertSame(share(index, i, null), got.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Every type's helper, each made while making the one before it (a chain of nested makes); a helper another
     * thread made first is not in the list.
     */
    private static List<Object> chain(SnapshotIndex index) {
        Object[] out = new Object[TYPES];
        out[0] = share(index, 0, out);
        return java.util.Arrays.asList(out);
    }

    /** The helper of type i; when made, it first makes (and records in {@code made}) the one of type i + 1. */
    @SuppressWarnings("unchecked")
    private static Object share(SnapshotIndex index, int i, Object[] made) {
        Class<Object> type = (Class<Object>) type(i);
        return index.shared(type, x -> {
            if (made != null && i + 1 < TYPES) {
                made[i + 1] = share(index, i + 1, made);
            }
            // A new instance per make: the same instance later means it was made once.
            return Array.newInstance(type.getComponentType(), 0);
        });
    }
}
