package dev.rfmkit.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Streaming keeps memory bounded: five million generated order lines (2.5 million orders of 500,000
 * customers, order ids de-duplicated per customer) go through the CSV reader and ingestion in a JVM
 * with a 256 MB heap. Set {@code -Drfm.memory.lines=50000000} (and {@code -Drfm.memory.heap=2g}) for
 * the long run.
 */
final class BoundedMemoryTest {
    @Test
    void fiveMillionLines_inA256MegabyteHeap() throws IOException, InterruptedException {
        long lines = Long.getLong("rfm.memory.lines", 5_000_000L);
        String heap = System.getProperty("rfm.memory.heap", "256m");
        int customers = 500_000;
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), GeneratedOrders.class.getName(),
                Long.toString(lines), Integer.toString(customers)))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "did not finish");
        assertEquals(0, p.exitValue(), out);
        String[] counts = out.strip().split(" ");
        assertEquals(lines, Long.parseLong(counts[0]), out);
        assertEquals(lines / 2, Long.parseLong(counts[1]), out);
        assertEquals(customers, Integer.parseInt(counts[2]), out);
    }
}
