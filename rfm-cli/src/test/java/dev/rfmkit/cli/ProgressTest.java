package dev.rfmkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class ProgressTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(captured, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong();

    @Test
    void showsProgressAfterTwoSeconds_atMostTwiceASecond_thenClearsTheLine() throws IOException {
        AtomicLong lines = new AtomicLong();
        Progress progress = new Progress(err, "orders.csv", 2_000_000, clock::get, lines::get);
        try (InputStream in = progress.wrap(new ByteArrayInputStream(new byte[2_000_000]))) {
            clock.addAndGet(1_900_000_000L);
            readOnce(in, 500_000);
            assertEquals("", text(), "nothing in the first two seconds");
            clock.addAndGet(600_000_000L);
            lines.set(12_345);
            readOnce(in, 500_000);
            assertEquals("\rreading orders.csv: 50% (1.0 of 2.0 MB, 12,345 lines, 0.4 MB/s)\u001b[K", text());
            clock.addAndGet(100_000_000L);
            readOnce(in, 500_000);
            assertEquals("\rreading orders.csv: 50% (1.0 of 2.0 MB, 12,345 lines, 0.4 MB/s)\u001b[K", text(),
                    "not again within 0.5 s");
        }
        assertTrue(text().endsWith("\r\u001b[K"), "the line is cleared on close");
    }

    @Test
    void unknownSize_showsMegabytes() {
        new Progress(err, "stdin", 0, clock::get, null).show(3_500_000, 1_000_000_000L);
        assertEquals("\rreading stdin: (3.5 MB, 3.5 MB/s)\u001b[K", text());
    }

    @Test
    void nothingShown_nothingCleared() throws IOException {
        Progress progress = new Progress(err, "orders.csv", 10, clock::get, null);
        try (InputStream in = progress.wrap(new ByteArrayInputStream(new byte[10]))) {
            in.readAllBytes();
        }
        assertEquals("", text());
    }

    @Test
    void notATerminalUnderTests() {
        // surefire pipes stderr, so the command stays quiet there
        assertEquals(false, Progress.stderrIsTerminal());
    }

    private static void readOnce(InputStream in, int length) throws IOException {
        assertEquals(length, in.read(new byte[length], 0, length));
    }

    private String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }
}
