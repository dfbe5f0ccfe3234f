package dev.rfmkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of bad inputs through {@code rfm segment}: the exit code cli.md specifies, one line
 * naming the problem (never a stack trace), and, for skipped lines, the reason and physical line in
 * {@code --rejects}, with every line accounted for.
 */
final class BadInputIT {
    private static final String HEADER = "customer_id,order_id,order_date,amount\n";

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] data, boolean truncate) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        byte[] all = bytes.toByteArray();
        return truncate ? java.util.Arrays.copyOf(all, all.length - 12) : all;
    }

    /** name, file bytes, extra options, exit code, text stderr must hold, rejects expected (line,reason). */
    static Stream<Arguments> fileLevelProblems() throws IOException {
        StringBuilder many = new StringBuilder(HEADER);
        for (int i = 0; i < 5000; i++) {
            many.append(i).append(",o").append(i).append(",2024-01-01,").append(i).append(".50\n");
        }
        return Stream.of(
                Arguments.of("missing.csv", text("customer,order_date,amount\n1,2024-01-01,5\n"), List.of(), 1,
                        "customer_id"),
                Arguments.of("dupcol.csv", text("customer_id,amount,order_date,amount\n1,5,2024-01-01,5\n"), List.of(), 1,
                        "duplicate column amount"),
                Arguments.of("empty.csv", new byte[0], List.of(), 1, "empty"),
                Arguments.of("header.csv", text(HEADER), List.of(), 1, "no orders"),
                Arguments.of("utf8.csv", concat(text(HEADER + "1,a,2024-01-01,5\n"), new byte[] {(byte) 0xC3, 0x28},
                        text(",b,2024-01-01,5\n")), List.of(), 1, "line 3: input is not valid UTF-8"),
                Arguments.of("nul.csv", text(HEADER + "1,a,2024-01-01,5\n2\u0000,b,2024-01-01,5\n"), List.of(), 1,
                        "line 3: input holds a NUL byte"),
                Arguments.of("trunc.csv.gz", gzip(text(many.toString()), true), List.of(), 1,
                        "the gzip data is truncated or corrupt"),
                Arguments.of("quote.csv", text(HEADER + "1,a,2024-01-01,\"5\n"), List.of(), 1, "malformed csv"),
                Arguments.of("strict.csv", text(HEADER + "1,a,2024-01-01,5\n2,b,2024-13-01,5\n"), List.of("--strict"), 1,
                        "line 3"),
                Arguments.of("ok.csv", text(HEADER + "1,a,2024-01-01,5\n"), List.of("--no-such-option"), 2,
                        "Unknown option"),
                Arguments.of("ok.csv", text(HEADER + "1,a,2024-01-01,5\n"), List.of("--bins", "42"), 2,
                        "--bins must be between 2 and 10"),
                Arguments.of("ok.csv", text(HEADER + "1,a,2024-01-01,5\n"), List.of("--window", "0"), 2,
                        "--window must be at least 1 day"));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("fileLevelProblems")
    void fileLevelProblem_exitCodeAndOneLine(String name, byte[] content, List<String> options, int exit, String says,
            @TempDir Path dir) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        List<String> args = new ArrayList<>(List.of("segment", file.toString(), "--as-of", "2024-12-31"));
        args.addAll(options);
        RfmJar.Run run = RfmJar.run(args.toArray(String[]::new));
        assertEquals(exit, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains(says), run.stderr());
        assertFalse(run.stderr().contains("\tat "), "a stack trace: " + run.stderr());
        assertTrue(run.stderr().lines().count() <= 2, run.stderr()); // the message (and for usage, the help hint)
    }

    // every skipped line is listed with its physical line and reason; every line is accounted for
    @ParameterizedTest(name = "lenient amounts {0}")
    @MethodSource("lenientFlag")
    void skippedLines_haveReasonsAndLines(boolean lenient, @TempDir Path dir) throws IOException {
        String csv = HEADER
                + "1,a,2024-01-01,5\n" // 2 ok
                + ",b,2024-01-01,5\n" // 3 missing customer
                + "3,c,2024-02-30,5\n" // 4 a date that does not exist
                + "4,d,99999-01-01,5\n" // 5 out of range
                + "5,e,2025-03-01,5\n" // 6 after as-of
                + "6,f,2024-01-01,abc\n" // 7 unparseable
                + "7,g,2024-01-01,NaN\n" // 8 not finite
                + "8,h,2024-01-01,\"1,234.50\"\n" // 9 thousands separator
                + "9,i,2024-01-01,$5\n" // 10 currency symbol
                + "10,\"j\nk\",2024-01-01,5\n" // 11-12 a quoted newline: one record
                + "11,l,2024-01-01,Infinity\n" // 13 not finite
                + "12,\"" + "m".repeat(300) + "\n" + "n".repeat(300) + "\",2024-01-01,5\n" // 14-15 too long
                + "13,o,2024-01-01,5\n"; // 16 ok
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "\uFEFF" + csv);
        Path rejects = dir.resolve("rejects.csv");
        List<String> args = new ArrayList<>(List.of("segment", file.toString(), "--as-of", "2024-12-31", "--rejects",
                rejects.toString(), "--max-line-length", "500"));
        if (lenient) {
            args.add("--lenient-amounts");
        }
        RfmJar.Run run = RfmJar.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.stderr());
        List<String> expected = new ArrayList<>(List.of("3,missing_customer_id", "4,bad_date", "5,bad_date",
                "6,after_as_of", "7,bad_amount", "8,non_finite_amount"));
        if (!lenient) {
            expected.addAll(List.of("9,bad_amount", "10,bad_amount"));
        }
        expected.add("13,non_finite_amount");
        expected.add("14,line_too_long");
        List<String> got = Files.readAllLines(rejects).stream().skip(1)
                .map(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1))).toList();
        assertEquals(expected, got);
        int included = 13 - expected.size();
        assertTrue(run.stderr().contains("lines read 13: included " + included), run.stderr());
        assertTrue(run.stderr().contains("excluded " + expected.size()), run.stderr());
        assertEquals(included + 1, run.stdout().lines().count(), run.stdout()); // one order per customer here
    }

    static Stream<Boolean> lenientFlag() {
        return Stream.of(false, true);
    }
}
