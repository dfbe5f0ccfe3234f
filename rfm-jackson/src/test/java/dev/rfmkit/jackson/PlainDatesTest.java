package dev.rfmkit.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainDatesTest {

    private static int epochDay(PlainDates dates, String text) {
        byte[] bytes = ("x" + text + "y").getBytes(StandardCharsets.ISO_8859_1);
        return dates.epochDay(bytes, 1, bytes.length - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2011-12-09", "2011-12-09 12:50", "2011-12-09T12:50:00", "2024-02-29", "0001-01-01",
        "9999-12-31", "2011-12-09t23:59:59"})
    void epochDay_plainForms(String text) {
        assertEquals(LocalDate.parse(text.substring(0, 10)).toEpochDay(), epochDay(new PlainDates(), text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2011-12-9", "2011/12/09", "2011-12-09Z", "2011-13-01", "2023-02-29", "2011-00-10",
        "2011-12-00", "2011-12-32", "20111209", "2011-12-09 24:00", "2011-12-09 12:60", "2011-12-09 12:50:60",
        "2011-12-09+12:50", "2011-12-0a", "2011-1:-09", "2O11-12-09", "2011-12-09 12:5O", "\u00b2011-12-09"})
    void epochDay_otherForms_none(String text) {
        assertEquals(PlainDates.NONE, epochDay(new PlainDates(), text), text);
    }

    /**
     * Seeded texts of the three lengths from digits, separators and other bytes (high ones among them),
     * each read twice (once remembered): as the reference reads them, one field at a time.
     */
    @Test
    void epochDay_randomText_asReference() {
        SplittableRandom rnd = new SplittableRandom(31);
        String template = "2024-06-15T08:30:45";
        byte[] others = {'0', '9', '/', '-', ':', ' ', 'T', 'a', '.', (byte) 0xB2, (byte) 0x80, (byte) 0xFF, 0x2F, 0x3A};
        PlainDates dates = new PlainDates();
        int read = 0;
        for (int round = 0; round < 300_000; round++) {
            int n = new int[] {10, 16, 19}[rnd.nextInt(3)];
            byte[] text = template.substring(0, n).getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < n; i++) {
                int r = rnd.nextInt(30);
                if (r == 0) {
                    text[i] = others[rnd.nextInt(others.length)];
                } else if (r < 12 && Character.isDigit(template.charAt(i))) {
                    text[i] = (byte) ('0' + rnd.nextInt(10));
                }
            }
            byte[] bytes = new byte[n + 2];
            System.arraycopy(text, 0, bytes, 1, n);
            int expected = reference(bytes, 1, n + 1);
            for (int twice = 0; twice < 2; twice++) {
                assertEquals(expected, dates.epochDay(bytes, 1, n + 1),
                        new String(text, StandardCharsets.ISO_8859_1));
            }
            read += expected != PlainDates.NONE ? 1 : 0;
        }
        assertNotEquals(0, read, "some texts are dates");
    }

    /** The plain forms read one field at a time. */
    private static int reference(byte[] b, int from, int to) {
        int n = to - from;
        if ((n != 10 && n != 16 && n != 19) || b[from + 4] != '-' || b[from + 7] != '-') {
            return PlainDates.NONE;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        if ((year | month | day) < 0) {
            return PlainDates.NONE;
        }
        if (n > 10) {
            int at = from + 10;
            if ((b[at] != ' ' && b[at] != 'T' && b[at] != 't') || b[at + 3] != ':') {
                return PlainDates.NONE;
            }
            int hour = digits(b, at + 1, 2);
            int minute = digits(b, at + 4, 2);
            int second = n == 19 ? (b[at + 6] == ':' ? digits(b, at + 7, 2) : -1) : 0;
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
                return PlainDates.NONE;
            }
        }
        try {
            return Math.toIntExact(LocalDate.of(year, month, day).toEpochDay());
        } catch (DateTimeException e) {
            return PlainDates.NONE;
        }
    }

    private static int digits(byte[] b, int at, int count) {
        int v = 0;
        for (int i = at; i < at + count; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            v = v * 10 + b[i] - '0';
        }
        return v;
    }
}
