package dev.rfmkit.order;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchCounterTest {

    /** Many small batches, counted in the background with any number of them in flight: as on the caller's thread. */
    @ParameterizedTest(name = "seed={0}")
    @ValueSource(longs = {1, 2, 3})
    void count_inBackground_sameAsOnCallersThread(long seed) {
        for (int parts = 1; parts <= 3; parts++) {
            Customers.Kept[] expected = countAll(seed, new BatchCounter(parts, false, 1, true));
            for (int inFlight : new int[] {1, 2, 16}) {
                Customers.Kept[] got = countAll(seed, new BatchCounter(parts, true, inFlight, true));
                assertSameKept(expected, got, parts + " parts, " + inFlight + " in flight");
            }
        }
    }

    /** What a counting thread throws comes out of a later call on the caller's thread, at the latest finish. */
    @Test
    void count_failureInBackground_rethrownToCaller() {
        BatchCounter counter = new BatchCounter(1, true, 4, true);
        IncludedLines batch = new IncludedLines();
        batch.add("c1", "o1", 100, Long.MAX_VALUE);
        batch.add("c1", "o2", 100, Long.MAX_VALUE); // the customer's amount overflows when counted
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> {
            IncludedLines b = counter.count(batch);
            for (int i = 0; i < 20; i++) {
                b.add("c2", "o" + i, 100, 1);
                b = counter.count(b);
            }
            counter.finish(b);
        });
        assertTrue(e.getMessage().contains("overflow"), e.getMessage());
    }

    /** With no thread to count on, every call says so, and none waits for batches nobody counts. */
    @Test
    void count_noThreadToCountOn_everyCallThrowsNoneHangs() {
        ExecutorService none = Executors.newSingleThreadExecutor();
        none.shutdown();
        BatchCounter counter = new BatchCounter(2, true, 2, true, none);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 5; i++) {
                IncludedLines b = new IncludedLines();
                b.add("c" + i, "o" + i, 100, 1);
                assertThrows(RejectedExecutionException.class, () -> counter.count(b), "call " + i);
            }
            assertThrows(RejectedExecutionException.class, () -> counter.finish(new IncludedLines()));
        });
    }

    /** An interrupt does not cut the counting short; the caller's interrupt status is kept. */
    @Test
    void finish_interrupted_countsEverythingAndKeepsTheInterrupt() {
        Customers.Kept[] expected = countAll(7, new BatchCounter(2, false, 1, true));
        BatchCounter counter = new BatchCounter(2, true, 3, true);
        Thread.currentThread().interrupt();
        try {
            Customers.Kept[] got = countAll(7, counter);
            assertTrue(Thread.currentThread().isInterrupted(), "interrupt status kept");
            assertSameKept(expected, got, "interrupted");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void constructor_rejectsNoPartsOrNoBatchInFlight() {
        assertThrows(IllegalArgumentException.class, () -> new BatchCounter(0, true, 1, true));
        assertThrows(IllegalArgumentException.class, () -> new BatchCounter(1, true, 0, true));
    }

    /**
     * Counts seeded lines in batches of 1 to 300 lines: customer ids that pack, that do not, and not
     * ASCII; order ids mostly increasing per customer, sometimes smaller (every order id then looked
     * up), sometimes none; purchases and returns.
     */
    private static Customers.Kept[] countAll(long seed, BatchCounter counter) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int customers = 2_000;
        int[] nextOrder = new int[customers];
        IncludedLines batch = new IncludedLines();
        int lines = 60_000;
        int untilHandOver = 1 + rnd.nextInt(300);
        for (int i = 0; i < lines; i++) {
            int c = rnd.nextInt(customers);
            String customer = switch (c % 3) {
                case 0 -> Integer.toString(c);
                case 1 -> "customer-number-" + c;
                default -> "kü" + c;
            };
            int day = 19_000 + rnd.nextInt(700);
            long units = rnd.nextInt(20) == 0 ? -rnd.nextInt(1, 5_000) : rnd.nextInt(0, 50_000);
            int r = rnd.nextInt(100);
            if (r == 0) {
                batch.add(customer, null, day, units);
            } else {
                int order = r == 1 && nextOrder[c] > 0 ? rnd.nextInt(nextOrder[c]) : nextOrder[c]++;
                byte[] bytes = (customer + "," + "INV" + order).getBytes(StandardCharsets.UTF_8);
                int comma = customer.getBytes(StandardCharsets.UTF_8).length;
                if (c % 3 == 2) {
                    batch.add(customer, "INV" + order, day, units);
                } else {
                    batch.add(bytes, 0, comma, ShortKeys.pack(bytes, 0, comma), comma + 1, bytes.length,
                            ShortKeys.pack(bytes, comma + 1, bytes.length), day, units);
                }
            }
            if (--untilHandOver == 0) {
                batch = counter.count(batch);
                untilHandOver = 1 + rnd.nextInt(300);
            }
        }
        return counter.finish(batch);
    }

    private static void assertSameKept(Customers.Kept[] expected, Customers.Kept[] got, String what) {
        assertEquals(expected.length, got.length, what);
        for (int p = 0; p < expected.length; p++) {
            Customers.Kept e = expected[p];
            Customers.Kept g = got[p];
            int n = e.size();
            String where = what + ", part " + p;
            assertEquals(n, g.size(), where);
            assertArrayEquals(Arrays.copyOf(e.packedIds(), n), Arrays.copyOf(g.packedIds(), n), where);
            assertArrayEquals(e.otherIds() == null ? null : Arrays.copyOf(e.otherIds(), n),
                    g.otherIds() == null ? null : Arrays.copyOf(g.otherIds(), n), where);
            assertArrayEquals(Arrays.copyOf(e.orders(), n), Arrays.copyOf(g.orders(), n), where);
            assertArrayEquals(Arrays.copyOf(e.first(), n), Arrays.copyOf(g.first(), n), where);
            assertArrayEquals(Arrays.copyOf(e.last(), n), Arrays.copyOf(g.last(), n), where);
            assertArrayEquals(Arrays.copyOf(e.units(), n), Arrays.copyOf(g.units(), n), where);
            assertEquals(e.withoutOrders(), g.withoutOrders(), where);
            assertEquals(e.totalOrders(), g.totalOrders(), where);
            assertEquals(e.linesWithoutOrders(), g.linesWithoutOrders(), where);
        }
    }
}
