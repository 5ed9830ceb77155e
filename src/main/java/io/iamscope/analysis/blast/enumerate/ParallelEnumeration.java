package io.iamscope.analysis.blast.enumerate;

import io.iamscope.analysis.blast.enumerate.Subject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Enumerates the access of several principals at once: they are independent, and the gatherer and the
 * authorizer are thread-safe. Results keep the subjects' order, so reports do not depend on scheduling.
 */
public final class ParallelEnumeration {
    private ParallelEnumeration() {
    }

    public static Map<String, List<Allowed>> run(AccessEnumerator enumerator, Map<String, Subject> subjects, int threads) {
        return run(subjects, s -> enumerator.enumerate(s.ref()), threads);
    }

    /** Runs {@code work} for every subject, keyed and ordered as the subjects. */
    public static Map<String, List<Allowed>> run(Map<String, Subject> subjects,
                                          java.util.function.Function<Subject, List<Allowed>> work, int threads) {
        Map<String, List<Allowed>> out = new LinkedHashMap<>();
        if (threads <= 1 || subjects.size() <= 1) {
            subjects.forEach((arn, s) -> out.put(arn, work.apply(s)));
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, subjects.size()), r -> {
            Thread t = new Thread(r, "iamscope-blast");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<List<Allowed>>> futures = new LinkedHashMap<>();
            subjects.forEach((arn, s) -> futures.put(arn, pool.submit(() -> work.apply(s))));
            for (Map.Entry<String, Future<List<Allowed>>> e : futures.entrySet()) {
                out.put(e.getKey(), new ArrayList<>(e.getValue().get()));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while enumerating access", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
