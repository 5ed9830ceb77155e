package io.iamscope.cli;

import java.util.Optional;

/**
 * A run that ran out of memory or stack: never a finding, never a bug report, but one line saying what ran out
 * and how to give more, and its own exit code ({@link ExitCodes#RESOURCE_EXHAUSTED}). Java throws these as
 * {@link VirtualMachineError}s, which no command catches; they may also arrive wrapped by a thread pool.
 */
final class Exhaustion {
    private Exhaustion() {
    }

    /** The resource error behind {@code t} (itself or one of its causes), if any. */
    static Optional<VirtualMachineError> of(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError || c instanceof StackOverflowError) {
                return Optional.of((VirtualMachineError) c);
            }
        }
        return Optional.empty();
    }

    /** The one line for {@code e}. */
    static String line(VirtualMachineError e) {
        if (e instanceof StackOverflowError) {
            return "iamscope: out of stack space (a deeply nested input or a very long path): give each thread more"
                    + " with IAMSCOPE_JAVA_OPTS=\"-Xss16m\" (it replaces the default options; README, \"Exit codes\")";
        }
        long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        String what = e.getMessage() == null || e.getMessage().isBlank() ? "memory" : e.getMessage();
        return "iamscope: out of memory (" + what + ", at most " + mb + " MB): give it more with"
                + " IAMSCOPE_JAVA_OPTS=\"-Xmx" + Math.max(1, mb * 4 / 1024 + 1) + "g\" (it replaces the default"
                + " options; README, \"Exit codes\")";
    }
}
