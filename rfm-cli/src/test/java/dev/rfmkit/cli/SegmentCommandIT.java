package dev.rfmkit.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rfm segment} through the jar's real entry point: output, summary, rejects, exit codes. */
final class SegmentCommandIT {
    private static final String ORDERS = RfmJar.fixture("orders.csv").toString();

    @TempDir
    Path tmp;

    private static String expected(String name) throws IOException {
        return Files.readString(RfmJar.fixture(name), StandardCharsets.UTF_8);
    }

    // formula injection: off by default (ids stay joinable), --excel-safe neutralises =, +, -, @
    @Test
    void excelSafe_neutralisesFormulaCells(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path orders = dir.resolve("formula.csv");
        java.nio.file.Files.writeString(orders, "customer_id,order_date,amount\n=HYPERLINK(\"x\"),2024-01-01,5\n"
                + "+1,2024-01-02,6\n-2,2024-01-03,7\n@x,2024-01-03,8\nplain,2024-01-04,9\n");
        RfmJar.Run safe = RfmJar.run("segment", orders.toString(), "--excel-safe");
        assertEquals(0, safe.exitCode(), safe.stderr());
        java.util.List<String> ids = safe.stdout().lines().skip(1).map(l -> l.substring(0, l.indexOf(",", 1))).toList();
        assertEquals(java.util.List.of("\"'+1\"", "\"'-2\"", "\"'=HYPERLINK(\"\"x\"\")\"", "\"'@x\"", "plain"), ids);
        RfmJar.Run plain = RfmJar.run("segment", orders.toString());
        assertTrue(plain.stdout().contains("\n-2,"), plain.stdout());
        assertTrue(plain.stdout().contains("\"=HYPERLINK(\"\"x\"\")\","), plain.stdout());
    }

    @Test
    void segment_handCheckedFixture_exactRows() throws IOException {
        RfmJar.Run run = RfmJar.run("segment", ORDERS, "--as-of", "2024-01-31");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(expected("orders.expected.csv"), run.stdout());
    }

    @Test
    void segment_summary_countsLinesAndSegments() {
        RfmJar.Run run = RfmJar.run("segment", ORDERS, "--as-of", "2024-01-31");
        String err = run.stderr();
        assertAll(
                () -> assertTrue(err.contains("lines read 20: included 17 (purchases 16, returns 1), excluded 3"), err),
                () -> assertTrue(err.contains("excluded missing_customer_id"), err),
                () -> assertTrue(err.contains("excluded bad_amount"), err),
                () -> assertTrue(err.contains("excluded excluded_status"), err),
                () -> assertTrue(err.contains("orders 15, customers 10"), err),
                () -> assertTrue(err.matches("(?s).*CHAMPIONS\\s+2\\s+20\\.0%.*"), err),
                () -> assertFalse(err.contains("Exception"), err));
    }

    @Test
    void segment_rejectsFile_listsEverySkippedLineWithPhysicalLineNumber() throws IOException {
        Path rejects = tmp.resolve("rejects.csv");
        RfmJar.Run run = RfmJar.run("segment", ORDERS, "--as-of", "2024-01-31", "--rejects", rejects.toString(),
                "--out", tmp.resolve("out.csv").toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("", run.stdout());
        List<String> lines = Files.readAllLines(rejects);
        assertEquals(List.of("line,reason,content",
                "7,excluded_status,\"3,C1,2024-01-25,80.00,cancelled,\"",
                "13,missing_customer_id,\",F1,2024-01-01,10.00,paid,\"",
                "14,bad_amount,\"6,G1,2024-01-05,abc,paid,\""), lines);
        assertEquals(expected("orders.expected.csv"), Files.readString(tmp.resolve("out.csv")));
    }

    @Test
    void segment_jsonl_oneObjectPerCustomer() {
        RfmJar.Run run = RfmJar.run("segment", ORDERS, "--as-of", "2024-01-31", "--format", "jsonl");
        assertEquals(0, run.exitCode(), run.stderr());
        String[] lines = run.stdout().split("\n");
        assertEquals(10, lines.length);
        assertEquals("{\"customer_id\":\"1\",\"recency_days\":1,\"frequency\":2,\"monetary\":45.50,\"r\":5,\"f\":4,"
                + "\"m\":3,\"rfm\":\"543\",\"segment\":\"LOYAL\"}", lines[0]);
        assertEquals("{\"customer_id\":\"10\",\"recency_days\":168,\"frequency\":2,\"monetary\":600.00,\"r\":2,"
                + "\"f\":4,\"m\":5,\"rfm\":\"245\",\"segment\":\"CANT_LOSE_THEM\"}", lines[9]);
    }

    @Test
    void segment_engagement_movesOnlyRecentlyEngagedLostCustomers() {
        RfmJar.Run run = RfmJar.run("segment", ORDERS, "--as-of", "2024-01-31", "--engagement",
                RfmJar.fixture("engagement.csv").toString());
        assertEquals(0, run.exitCode(), run.stderr());
        String out = run.stdout();
        assertTrue(out.contains("\n4,244,1,15.00,1,1,1,111,LOST_BUT_ENGAGED\n"), out);
        assertTrue(out.contains("\n7,336,1,5.00,1,1,1,111,LOST\n"), out);
        assertTrue(out.contains("\n5,21,3,180.00,4,5,4,454,CHAMPIONS\n"), out);
    }

    @Test
    void segment_engagementWindows_configurable() {
        RfmJar.Run run = RfmJar.run("segment", ORDERS, "--as-of", "2024-01-31", "--engagement",
                RfmJar.fixture("engagement.csv").toString(), "--click-window", "30", "--visit-window", "122");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("\n4,244,1,15.00,1,1,1,111,LOST\n"), run.stdout());
        assertTrue(run.stdout().contains("\n7,336,1,5.00,1,1,1,111,LOST_BUT_ENGAGED\n"), run.stdout());
    }

    @Test
    void segment_defaultAsOf_isDayAfterLatestIncludedLine() {
        RfmJar.Run run = RfmJar.run("segment", ORDERS);
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("as of 2024-02-01"), run.stderr());
        assertTrue(run.stdout().contains("\n8,1,2,200.00,"), run.stdout());
    }

    @Test
    void segment_windowWithoutAsOf_derivesAsOfFromStdinToo() {
        RfmJar.Run run = RfmJar.runWithInput(RfmJar.fixture("orders.csv"), "segment", "-", "--window", "63");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("as of 2024-02-01"), run.stderr());
        assertTrue(run.stderr().contains("excluded before_window"), run.stderr());
        // the window is [2024-02-01 - 63 + 1, 2024-02-01] = [2023-12-01, 2024-02-01]: customer 2's purchase on
        // 2023-12-01 is inside, its return of 2023-11-15 and customer 4's order are not
        assertTrue(run.stdout().contains("\n2,62,1,200.00,"), run.stdout());
        assertFalse(run.stdout().contains("\n4,"), run.stdout());
    }

    @Test
    void segment_averageMonetaryAndIgnoredReturns() {
        RfmJar.Run run = RfmJar.run("segment", ORDERS, "--as-of", "2024-01-31", "--monetary", "average",
                "--returns", "ignore");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("\n1,1,2,22.75,"), run.stdout());
        assertTrue(run.stdout().contains("\n2,61,1,200.00,"), run.stdout());
    }

    @Test
    void segment_equalCount_runs() {
        RfmJar.Run run = RfmJar.run("segment", ORDERS, "--as-of", "2024-01-31", "--strategy", "equal-count");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(11, run.stdout().split("\n").length);
        assertTrue(run.stderr().contains("strategy equal-count"), run.stderr());
    }

    @Test
    void strict_firstBadLine_exit1WithLineAndReason() {
        RfmJar.Run run = RfmJar.run("segment", ORDERS, "--as-of", "2024-01-31", "--strict");
        assertEquals(1, run.exitCode(), run.stderr());
        assertTrue(run.stderr().startsWith("rfm: "), run.stderr());
        assertTrue(run.stderr().contains("line 7"), run.stderr());
        assertTrue(run.stderr().contains("cancelled"), run.stderr());
        assertFalse(run.stderr().contains("at dev.rfmkit"), run.stderr());
        assertEquals("", run.stdout());
    }

    /** --timings adds one line to stderr, each step's time and the total; the rows are the same. */
    @Test
    void timings_oneLineOfStepsOnStderr() {
        RfmJar.Run plain = RfmJar.run("segment", ORDERS, "--as-of", "2024-01-31");
        RfmJar.Run timed = RfmJar.run("segment", ORDERS, "--as-of", "2024-01-31", "--timings");
        assertEquals(0, timed.exitCode(), timed.stderr());
        assertEquals(plain.stdout(), timed.stdout());
        String seconds = " \\d+\\.\\d\\d s";
        List<String> lines = timed.stderr().lines().filter(l -> l.startsWith("timings: ")).toList();
        assertEquals(1, lines.size(), timed.stderr());
        assertTrue(lines.get(0).matches("timings: start-up" + seconds + ", reading" + seconds + ", finishing" + seconds
                + ", analysis" + seconds + ", output" + seconds + ", total" + seconds), lines.get(0));
        assertFalse(plain.stderr().contains("timings"), plain.stderr());
    }

    @Test
    void debug_showsStackTrace() {
        RfmJar.Run run = RfmJar.run("segment", ORDERS, "--as-of", "2024-01-31", "--strict", "--debug");
        assertEquals(1, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("at dev.rfmkit"), run.stderr());
    }

    @Test
    void missingColumn_exit1ListsColumnsFound() {
        RfmJar.Run run = RfmJar.run("segment", RfmJar.fixture("missing-column.csv").toString());
        assertEquals(1, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("customer_id"), run.stderr());
        assertTrue(run.stderr().contains("client"), run.stderr());
        assertEquals(1, run.stderr().strip().lines().count(), run.stderr());
    }

    @Test
    void headerOnly_exit1NoOrders() {
        RfmJar.Run run = RfmJar.run("segment", RfmJar.fixture("header-only.csv").toString());
        assertEquals(1, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("no orders"), run.stderr());
    }

    @Test
    void unknownOption_exit2() {
        RfmJar.Run run = RfmJar.run("segment", ORDERS, "--no-such-option");
        assertEquals(2, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("--no-such-option"), run.stderr());
    }

    @Test
    void missingFile_exit2() {
        RfmJar.Run run = RfmJar.run("segment", tmp.resolve("nope.csv").toString());
        assertEquals(2, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("no such file"), run.stderr());
    }

    @Test
    void badOptionValues_exit2() {
        assertAll(
                () -> assertEquals(2, RfmJar.run("segment", ORDERS, "--as-of", "2024-02-30").exitCode()),
                () -> assertEquals(2, RfmJar.run("segment", ORDERS, "--strategy", "magic").exitCode()),
                () -> assertEquals(2, RfmJar.run("segment", ORDERS, "--bins", "4").exitCode()),
                () -> assertEquals(2, RfmJar.run("segment", ORDERS, "--delimiter", "x").exitCode()),
                () -> assertEquals(2, RfmJar.run("segment", ORDERS, "--returns", "keep").exitCode()),
                () -> assertEquals(2, RfmJar.run("segment", ORDERS, "--quantity-col", "q").exitCode()),
                () -> assertEquals(2, RfmJar.run("segment").exitCode()),
                () -> assertEquals(2, RfmJar.run().exitCode()));
    }

    @Test
    void help_andVersion_exit0() {
        RfmJar.Run help = RfmJar.run("segment", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.stdout().contains("--as-of"), help.stdout());
        assertEquals(0, RfmJar.run("--version").exitCode());
        // only the command named first is built; without one, every command is listed
        RfmJar.Run all = RfmJar.run("--help");
        assertEquals(0, all.exitCode());
        for (String command : List.of("segment", "fit", "report", "migrate", "demo", "clv", "schemes")) {
            assertTrue(all.stdout().contains("  " + command + " "), command + " in\n" + all.stdout());
        }
        RfmJar.Run typo = RfmJar.run("segmnt", ORDERS);
        assertEquals(2, typo.exitCode());
        assertTrue(typo.stderr().contains("segmnt"), typo.stderr());
    }
}
