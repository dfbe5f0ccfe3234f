package dev.rfmkit.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long read on stderr, one line rewritten in place: the share of the file read, the
 * lines read and the rate. Shown only when stderr is a terminal, so that logs and pipes stay clean,
 * and only once the read has taken two seconds, so that short runs print nothing extra. It counts
 * the bytes of the file as stored (compressed for {@code .gz}), so the percentage is of the file's
 * size.
 */
final class Progress {
    private static final long INTERVAL_NANOS = 500_000_000L;
    private static final long FIRST_AFTER_NANOS = 2_000_000_000L;

    private final PrintStream err;
    private final String name;
    private final long size;
    private final LongSupplier nanoTime;
    private final LongSupplier lines;
    private final long start;
    private long lastShown;
    private boolean shown;

    Progress(PrintStream err, String name, long size, LongSupplier nanoTime, LongSupplier lines) {
        this.err = err;
        this.name = name;
        this.size = size;
        this.nanoTime = nanoTime;
        this.lines = lines;
        this.start = nanoTime.getAsLong();
        this.lastShown = start - INTERVAL_NANOS;
    }

    /** Whether stderr is a terminal: on Linux from its file descriptor, elsewhere from the console. */
    static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // fall through to the console check
        }
        return System.console() != null;
    }

    /**
     * Wraps a stream so that reading it reports progress, or returns it unchanged when stderr is not
     * a terminal.
     */
    static InputStream track(InputStream in, String name, long size, LongSupplier lines) {
        if (!stderrIsTerminal()) {
            return in;
        }
        return new Progress(System.err, name, size, System::nanoTime, lines).wrap(in);
    }

    InputStream wrap(InputStream in) {
        return new FilterInputStream(in) {
            private long bytes;

            @Override
            public int read() throws IOException {
                int b = super.read();
                advance(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                advance(Math.max(n, 0));
                return n;
            }

            @Override
            public void close() throws IOException {
                done();
                super.close();
            }

            private void advance(int n) {
                bytes += n;
                long now = nanoTime.getAsLong();
                if (now - start >= FIRST_AFTER_NANOS && now - lastShown >= INTERVAL_NANOS) {
                    lastShown = now;
                    show(bytes, now - start);
                }
            }
        };
    }

    void show(long bytes, long elapsedNanos) {
        StringBuilder line = new StringBuilder(size > 0
                ? String.format(Locale.ROOT, "reading %s: %d%% (%,.1f of %,.1f MB", name,
                        Math.min(100, bytes * 100 / size), bytes / 1e6, size / 1e6)
                : String.format(Locale.ROOT, "reading %s: (%,.1f MB", name, bytes / 1e6));
        if (lines != null) {
            line.append(String.format(Locale.ROOT, ", %,d lines", lines.getAsLong()));
        }
        double seconds = elapsedNanos / 1e9;
        if (seconds > 0) {
            line.append(String.format(Locale.ROOT, ", %,.1f MB/s", bytes / 1e6 / seconds));
        }
        line.append(')');
        err.print("\r" + line + "\u001b[K");
        err.flush();
        shown = true;
    }

    /** Clears the progress line, if one was shown, so the summary starts on a clean line. */
    void done() {
        if (shown) {
            err.print("\r\u001b[K");
            err.flush();
            shown = false;
        }
    }
}
