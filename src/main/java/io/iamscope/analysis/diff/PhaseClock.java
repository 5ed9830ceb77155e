package io.iamscope.analysis.diff;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Wall and process CPU time of each phase of a comparison, for {@code -Diamscope.timings=true}
 * (docs/performance.md): on a shared machine the CPU time is the steadier figure.
 */
public final class PhaseClock {
    private final List<String> lines = new ArrayList<>();
    private long wall = System.nanoTime();
    private long cpu = cpuNanos();

    /** Ends the phase that started at the last call (or at construction). */
    public void done(String phase) {
        long w = System.nanoTime();
        long c = cpuNanos();
        lines.add(String.format(Locale.ROOT, "%s: %.2f s wall, %.2f s cpu", phase, (w - wall) / 1e9, (c - cpu) / 1e9));
        wall = w;
        cpu = c;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
