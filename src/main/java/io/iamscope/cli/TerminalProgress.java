package io.iamscope.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressState;

/**
 * A progress line on a terminal (me.tongfei:progressbar, which redraws it from its own thread and knows the
 * terminal's width): the phase, where in it, and the time since the command started. It appears only after the
 * first second (a command answered sooner shows nothing) and is cleared when closed.
 */
final class TerminalProgress implements ProgressDisplay {
    private static final Duration SHOWN_AFTER = Duration.ofSeconds(1);
    /** The displays not closed yet: an error's line must not be drawn over one (see {@link #closeAll}). */
    private static final java.util.Set<TerminalProgress> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final PrintStream err;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "iamscope-progress");
        thread.setDaemon(true);
        return thread;
    });
    private String phase = "";
    private String detail = "";
    private ProgressBar bar;
    private boolean closed;

    TerminalProgress(PrintStream err) {
        this(err, SHOWN_AFTER);
    }

    TerminalProgress(PrintStream err, Duration shownAfter) {
        this.err = err;
        OPEN.add(this);
        timer.schedule(this::show, shownAfter.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void phase(String name) {
        phase = name;
        detail = "";
        update();
    }

    @Override
    public synchronized void at(String where) {
        detail = where;
        update();
    }

    private synchronized void show() {
        if (closed) {
            return;
        }
        bar = new ProgressBarBuilder()
                .setTaskName("iamscope")
                .setInitialMax(-1)
                .setRenderer(TerminalProgress::render)
                .setConsumer(new LineConsumer(err))
                .setUpdateIntervalMillis(250)
                .startsFrom(0, Duration.ofNanos(System.nanoTime() - started))
                .continuousUpdate()
                .hideEta()
                .clearDisplayOnFinish()
                .build();
        update();
    }

    private void update() {
        if (bar != null) {
            bar.setExtraMessage(detail.isEmpty() ? phase : phase + ": " + detail);
            bar.refresh();
        }
    }

    /** Clears every display still shown: before an error's line, whatever command failed and where. */
    static void closeAll() {
        java.util.List.copyOf(OPEN).forEach(TerminalProgress::close);
    }

    @Override
    public synchronized void aside(Runnable print) {
        boolean shown = bar != null;
        if (shown) {
            bar.close();
            bar = null;
        }
        print.run();
        if (shown) {
            show();
        }
    }

    /**
     * {@code iamscope | building graph (assume)  0:12}: the library's indefinite bar counts steps of which there
     * are none here, so the line shows the phase, a turning mark and the time since the command started.
     */
    static String render(ProgressState state, int width) {
        long seconds = state.getTotalElapsed().toSeconds();
        String turning = String.valueOf("|/-\\".charAt((int) (state.getTotalElapsed().toMillis() / 250 % 4)));
        String line = "iamscope " + turning + " " + state.getExtraMessage() + "  "
                + String.format("%d:%02d", seconds / 60, seconds % 60);
        return line.length() <= width ? line : line.substring(0, Math.max(0, width - 1)) + "~";
    }

    /**
     * The library's console line, but closed without the newline it ends with: cleared, the line is left empty
     * for what follows (a blank line before the answer otherwise).
     */
    private static final class LineConsumer extends ConsoleProgressBarConsumer {
        private final PrintStream err;

        LineConsumer(PrintStream err) {
            super(err);
            this.err = err;
        }

        @Override
        public void close() {
            err.flush();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        OPEN.remove(this);
        timer.shutdownNow();
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
