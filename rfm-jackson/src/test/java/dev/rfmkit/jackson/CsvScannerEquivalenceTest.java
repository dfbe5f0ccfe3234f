package dev.rfmkit.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rfmkit.order.OrderDataException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast path for plain lines reads exactly what Jackson's parser reads: the same records, fields,
 * line numbers, raw text and errors, on seeded inputs full of CSV quirks.
 */
class CsvScannerEquivalenceTest {
    private static final String[] FIELDS = {
        "17850", "", " ", "  12 ", "2024-01-31", "5.25", "-3", "\"quoted\"", "\"a,b\"", "\"a;b\"", "\"say \"\"hi\"\"\"",
        "\"\"", "\"line\nbreak\"", "\"cr\r\nlf\"", "mid\"quote", "\"open", "\"closed\"after", "é", "Ünïcödé", "😀",
        "tab\there", "\u00a0", "\u2003", "a\u0000b", "x\ry", "\"\"\"\"", "\"é\"",
    };

    static long[] seeds() {
        return Seeds.upTo(300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void fastAndGeneralPathsReadTheSame(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        char delimiter = new char[] {',', ';', '\t', '|'}[random.nextInt(4)];
        byte[] input = randomInput(random, delimiter);
        int maxRecord = random.nextInt(4) == 0 ? 1 + random.nextInt(40) : 1 << 20;
        assertEquals(transcript(input, delimiter, maxRecord, false), transcript(input, delimiter, maxRecord, true),
                () -> "input: " + new String(input, StandardCharsets.UTF_8).replace("\r", "\\r"));
    }

    @Test
    void plainLinesStayOnTheFastPathAndAQuotedBreakHandsOff() throws IOException {
        String csv = "a,b\n1,\"x,y\"\r\n2,\"q\"\"q\"\n3,\"multi\nline\"\n4,z\n";
        try (CsvRecords records = CsvRecords.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ',')) {
            List<Boolean> fast = new ArrayList<>();
            List<String> seconds = new ArrayList<>();
            while (records.next()) {
                fast.add(records.plain() != null);
                seconds.add(records.line() + ":" + records.field(1));
            }
            assertEquals(List.of(true, true, true, false, false), fast);
            assertEquals(List.of("1:b", "2:x,y", "3:q\"q", "4:multi\nline", "6:z"), seconds);
            assertEquals(6, records.lines());
        }
    }

    /**
     * The scan reads eight bytes at a time: a delimiter, quote, line break or non-ASCII byte at every
     * offset of a word, and an ASCII line followed closely by one that is not (which must not make the
     * first one look non-ASCII), read as the general path reads them.
     */
    @Test
    void everyOffsetOfAWord_readAsTheGeneralPath() throws IOException {
        String[] seconds = {"b", "é", "\"q\"", "\"a,b\"", "ü,ö", "x\ty", ""};
        for (int offset = 0; offset < 18; offset++) {
            for (String second : seconds) {
                for (String end : new String[] {"\n", "\r\n"}) {
                    String csv = "h1,h2" + end + "a".repeat(offset) + "," + second + end + "é".repeat(offset % 3) + ","
                            + "z".repeat(offset) + end + "7," + second;
                    byte[] input = csv.getBytes(StandardCharsets.UTF_8);
                    assertEquals(transcript(input, ',', 1 << 20, false), transcript(input, ',', 1 << 20, true),
                            () -> "input: " + csv.replace("\r", "\\r").replace("\n", "\\n"));
                    assertEquals(asciiLines(csv, end), asciiFlags(input), csv);
                }
            }
        }
    }

    /** Whether each line of a text is ASCII. */
    private static List<Boolean> asciiLines(String csv, String end) {
        List<Boolean> flags = new ArrayList<>();
        for (String line : csv.split(end, -1)) {
            flags.add(line.chars().allMatch(c -> c < 0x80));
        }
        return flags;
    }

    /** The scanner's ASCII flag of each line it reads. */
    private static List<Boolean> asciiFlags(byte[] input) throws IOException {
        List<Boolean> flags = new ArrayList<>();
        CsvScanner scanner = new CsvScanner(new ByteArrayInputStream(input), ',', 1 << 20);
        while (scanner.next() == CsvScanner.RECORD) {
            flags.add(scanner.ascii());
        }
        return flags;
    }

    @Test
    void longInputsCrossTheBufferBoundaryOnTheFastPath() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder csv = new StringBuilder("id,name,amount\r\n");
        for (int i = 0; i < 120_000; i++) {
            csv.append(i).append(',').append(random.nextBoolean() ? "\"n," + i + "\"" : "n" + i).append(',')
                    .append(random.nextInt(1000)).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        byte[] input = csv.toString().getBytes(StandardCharsets.UTF_8);
        String fast = transcript(input, ',', 1 << 20, true);
        assertEquals(transcript(input, ',', 1 << 20, false), fast);
        assertTrue(fast.length() > input.length);
    }

    /** Everything a reader can see of the records, or the error. */
    private static String transcript(byte[] input, char delimiter, int maxRecord, boolean fast) throws IOException {
        StringBuilder out = new StringBuilder();
        try (CsvRecords records = CsvRecords.open(new ByteArrayInputStream(input), delimiter, maxRecord, fast)) {
            while (records.next()) {
                out.append(records.line()).append(records.tooLong() ? " too long" : "").append(" [");
                if (!records.tooLong()) {
                    for (int i = 0; i < records.size(); i++) {
                        out.append(i == 0 ? "" : "|").append(records.field(i));
                    }
                    out.append("] <").append(records.content()).append(">\n");
                } else {
                    out.append("]\n");
                }
            }
            out.append("lines ").append(records.lines());
        } catch (OrderDataException e) {
            out.append("error ").append(e.getMessage());
        }
        return out.toString();
    }

    private static byte[] randomInput(SplittableRandom random, char delimiter) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextInt(8) == 0) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        int lines = random.nextInt(12);
        for (int l = 0; l < lines; l++) {
            int kind = random.nextInt(30);
            if (kind == 0) {
                out.write(new byte[] {'x', (byte) 0xC3, '(', 'y'}); // malformed UTF-8
            } else if (kind == 1) {
                out.write("   ".getBytes(StandardCharsets.UTF_8));
            } else if (kind == 2) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'b', 'o', 'm'});
            } else if (kind > 3) {
                int fields = 1 + random.nextInt(5);
                for (int f = 0; f < fields; f++) {
                    if (f > 0) {
                        out.write(delimiter);
                    }
                    String field = random.nextInt(3) == 0 ? FIELDS[random.nextInt(FIELDS.length)]
                            : FIELDS[random.nextInt(7)];
                    out.write(field.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (l < lines - 1 || random.nextBoolean()) {
                int end = random.nextInt(10);
                out.write((end == 0 ? "\r\n" : end == 1 ? "\r" : "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
