package io.iamscope.policytest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs cases on a few threads and hands their results on in the order of the cases, as they are ready: the
 * output of a run on many threads is the output of the same run on one, and a failure is the first case's in
 * order that fails. Cases go to the threads in batches (a case takes microseconds, a hand-over about as long),
 * and only a few batches run ahead of the one being handed on, so memory stays bounded whatever the number of
 * cases.
 */
public final class InOrderRuns {
    static final int BATCH = 32;

    private InOrderRuns() {
    }

    /** Runs every case with {@code runner} on {@code threads} threads, results to {@code onResult} in order. */
    public static void run(List<CaseFileReader.Found> cases, CaseRunner runner, int threads,
                           Consumer<CaseResult> onResult) {
        map(cases, c -> runner.run(c.raw()), threads, onResult);
    }

    /**
     * Checks that every case is well-formed JSON ({@link CaseFileReader.Found#check}), on {@code threads} threads;
     * the first malformed case in order is refused, as a reader going through them one by one would.
     */
    public static void check(List<CaseFileReader.Found> cases, int threads) {
        map(cases, c -> {
            c.check();
            return c;
        }, threads, c -> { });
    }

    private static <T, R> void map(List<T> items, Function<T, R> work, int threads, Consumer<R> onResult) {
        if (threads <= 1 || items.size() <= BATCH) {
            for (T item : items) {
                onResult.accept(work.apply(item));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "iamscope-test");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<List<R>>> ahead = new ArrayDeque<>();
            int maxAhead = 4 * threads;
            for (int from = 0; from < items.size(); from += BATCH) {
                List<T> batch = items.subList(from, Math.min(items.size(), from + BATCH));
                ahead.add(pool.submit(() -> {
                    List<R> out = new ArrayList<>(batch.size());
                    for (T item : batch) {
                        out.add(work.apply(item));
                    }
                    return out;
                }));
                if (ahead.size() >= maxAhead) {
                    handOn(ahead.poll(), onResult);
                }
            }
            while (!ahead.isEmpty()) {
                handOn(ahead.poll(), onResult);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> void handOn(Future<List<R>> batch, Consumer<R> onResult) {
        List<R> results;
        try {
            results = batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running cases", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
        results.forEach(onResult);
    }
}
