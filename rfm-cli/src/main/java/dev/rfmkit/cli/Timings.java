package dev.rfmkit.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * How long each step of a command took, for {@code --timings}: start-up (from the start of the JVM,
 * in milliseconds), then each step from the end of the one before. Does nothing unless enabled, so
 * that a command without {@code --timings} loads nothing for it. Not thread-safe.
 */
final class Timings {
    private final boolean enabled;
    private final StringBuilder steps = new StringBuilder();
    private long startNanos;
    private long lastNanos;

    Timings(boolean enabled) {
        this.enabled = enabled;
    }

    /** Ends the start-up: from the start of the JVM to now. */
    void started() {
        if (!enabled) {
            return;
        }
        lastNanos = System.nanoTime();
        long startup = ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        startNanos = lastNanos - startup;
        append("start-up", startup);
    }

    /** Ends a step that began where the last one ended. */
    void step(String name) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        append(name, now - lastNanos);
        lastNanos = now;
    }

    /** Writes the steps and the total on one line: {@code timings: start-up 0.34 s, reading 2.10 s, ...}. */
    void print(PrintStream err) {
        if (!enabled) {
            return;
        }
        err.println("timings: " + steps + ", total " + seconds(lastNanos - startNanos));
    }

    private void append(String name, long nanos) {
        steps.append(steps.length() == 0 ? "" : ", ").append(name).append(' ').append(seconds(nanos));
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
