package io.iamscope.simulator;

/**
 * A token bucket of one call per {@code 1 / callsPerSecond} seconds with a burst of one: the {@code --rate}
 * limit, on top of the SDK's adaptive retry which only slows down after AWS has throttled. Thread-safe.
 */
final class RateLimiter {
    private final long intervalNanos;
    private long next;

    /** @param callsPerSecond calls allowed per second; zero or less means no limit */
    RateLimiter(double callsPerSecond) {
        this.intervalNanos = callsPerSecond <= 0 ? 0 : (long) (1_000_000_000L / callsPerSecond);
        this.next = System.nanoTime();
    }

    void acquire() {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, next);
            next = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SimulatorException("SIMULATOR_INTERRUPTED", "interrupted while waiting for `--rate`", e);
            }
        }
    }
}
