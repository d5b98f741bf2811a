package nl.transfertafel.simulator.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** A progress bar on stderr, redrawn a few times a second from its own thread. */
final class ProgressBar {

    private static final int WIDTH = 40;

    private final PrintStream err;
    private final long total;
    private final AtomicLong done;
    private final String what;
    private final long started = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;

    private ProgressBar(PrintStream err, long total, AtomicLong done, String what) {
        this.err = err;
        this.total = Math.max(1, total);
        this.done = done;
        this.what = what;
        this.thread = new Thread(this::loop, "progress");
        this.thread.setDaemon(true);
    }

    static ProgressBar start(PrintStream err, long total, AtomicLong done, String what) {
        ProgressBar bar = new ProgressBar(err, total, done, what);
        bar.thread.start();
        return bar;
    }

    private void loop() {
        while (running) {
            draw();
            try {
                Thread.sleep(250); // a redraw interval, not a wait for a result
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void draw() {
        double share = Math.min(1, (double) done.get() / total);
        int filled = (int) Math.round(share * WIDTH);
        double seconds = (System.nanoTime() - started) / 1e9;
        String eta = share > 0.02 ? String.format(Locale.ROOT, ", ~%.0f s left", seconds / share - seconds) : "";
        err.print(String.format(Locale.ROOT, "\r[%s%s] %3.0f%%  %s  %.0f s%s   ", "#".repeat(filled),
                ".".repeat(WIDTH - filled), share * 100, what, seconds, eta));
        err.flush();
    }

    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        draw();
        err.println();
    }
}
