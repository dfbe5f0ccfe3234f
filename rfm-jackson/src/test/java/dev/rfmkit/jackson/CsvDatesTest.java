package dev.rfmkit.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class CsvDatesTest {
    private static final CsvDates UTC = CsvDates.iso(ZoneOffset.UTC);
    private static final LocalDate DEC_9 = LocalDate.of(2011, 12, 9);

    @ParameterizedTest
    @ValueSource(strings = {"2011-12-09", "2011-12-09 12:50:00", "2011-12-09T12:50", "2011-12-09t12:50",
        "2011-12-09T12:50:00.5", "2011-12-09 12:50:00,123456789", "2011-12-09T00:00", "2011-12-09T23:59:59.999",
        "  2011-12-09 \t"})
    void parse_isoDateOrLocalDateTime_takesTheWrittenDate(String text) {
        assertEquals(DEC_9, UTC.parse(text));
    }

    @Test
    void parse_localDateTime_notShiftedByTheZone() {
        assertEquals(DEC_9, CsvDates.iso(ZoneId.of("Asia/Tokyo")).parse("2011-12-09 23:30:00"));
        assertEquals(DEC_9, CsvDates.iso(ZoneId.of("America/Los_Angeles")).parse("2011-12-09T00:10"));
    }

    @ParameterizedTest
    @CsvSource({
        "2011-12-09T23:30:00-02:00, UTC, 2011-12-10",
        "2011-12-09T23:30:00-02:00, -02:00, 2011-12-09",
        "2011-12-09T23:30:00-0200, UTC, 2011-12-10",
        "2011-12-09T23:30:00-02, UTC, 2011-12-10",
        "2011-12-10T00:30:00+01:00, UTC, 2011-12-09",
        "2011-12-09T23:30Z, UTC, 2011-12-09",
        "2011-12-09T23:30:00.25z, Europe/Berlin, 2011-12-10",
        "2011-12-09 12:00:00+00:00, Pacific/Kiritimati, 2011-12-10",
        "2011-12-09T12:00:00Z, Pacific/Pago_Pago, 2011-12-09",
        "2011-12-09T08:00:00Z, Pacific/Pago_Pago, 2011-12-08",
    })
    void parse_offset_convertedToTheZonesCalendarDate(String text, String zone, LocalDate expected) {
        assertEquals(expected, CsvDates.iso(ZoneId.of(zone)).parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2011-02-30", "2011-02-29", "2011-13-01", "2011-00-10", "2011-12-32", "2011-12-00"})
    void parse_dateThatDoesNotExist_throws(String text) {
        assertThrows(DateTimeException.class, () -> UTC.parse(text));
    }

    @Test
    void parse_leapDay_accepted() {
        assertEquals(LocalDate.of(2012, 2, 29), UTC.parse("2012-02-29"));
        assertEquals(LocalDate.of(2000, 2, 29), UTC.parse("2000-02-29T10:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "2011-1-9", "11-12-09", "2011/12/09", "09.12.2011", "20111209", "2011-12-9",
        "2011-12-09X", "2011-12-09T", "2011-12-09T12", "2011-12-09T1:50", "2011-12-09T25:00", "2011-12-09T12:60",
        "2011-12-09T12:50:61", "2011-12-09T12-50", "2011-12-09T12:50:00.", "2011-12-09T12:50:00.1234567890",
        "2011-12-09T12:50:00+25:00", "2011-12-09T12:50:00+1", "2011-12-09T12:50:00Zx", "2011-12-09T12:50:00 Z",
        "2011-12-09T12:50:00+01:0", "2011-12-09T12:50:00[Europe/Paris]", "abcd-ef-gh", "+2011-12-09", "2011-12-09+01:00",
        "２０１１-12-09"})
    void parse_notAnIsoDate_throws(String text) {
        assertThrows(DateTimeException.class, () -> UTC.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "dd.MM.yyyy | 09.12.2011",
        "dd.MM.uuuu | 09.12.2011",
        "d.M.yyyy | 9.12.2011",
        "MM/dd/yyyy HH:mm | 12/09/2011 23:59",
        "dd MMM yyyy | 09 Dec 2011",
        "dd MMM yyyy | 09 DEC 2011",
        "yyyyMMdd | 20111209",
        "yyyy-MM-dd'T'HH:mmXXX | 2011-12-10T00:30+01:00",
        "dd.MM.yyyy HH:mm z | 10.12.2011 00:30 CET",
    })
    void parse_customPattern_readsMatchingText(String pattern, String text) {
        assertEquals(DEC_9, CsvDates.withPattern(pattern, ZoneOffset.UTC).parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "dd.MM.yyyy | 30.02.2011",
        "dd.MM.uuuu | 30.02.2011",
        "dd.MM.yyyy | 31.04.2011",
        "dd.MM.yyyy | 2011-12-09",
        "dd.MM.yyyy | 09.12.2011 10:00",
        "dd.MM.yyyy | 9.12.2011",
        "dd.MM.yyyy | ''",
    })
    void parse_customPatternMismatchOrInvalidDate_throws(String pattern, String text) {
        assertThrows(DateTimeException.class, () -> CsvDates.withPattern(pattern, ZoneOffset.UTC).parse(text));
    }

    @Test
    void parse_customPatternWithoutOffset_takesTheWrittenDate() {
        CsvDates tokyo = CsvDates.withPattern("dd.MM.yyyy HH:mm", ZoneId.of("Asia/Tokyo"));
        assertEquals(DEC_9, tokyo.parse("09.12.2011 23:59"));
    }

    @Test
    void of_format_usesPatternAndZone() {
        OrderCsvFormat format = OrderCsvFormat.defaults().withDatePattern("dd.MM.yyyy'T'HH:mmXXX")
                .withZone(ZoneId.of("America/New_York"));
        assertEquals(DEC_9, CsvDates.of(format).parse("10.12.2011T01:00+00:00"));
        assertEquals(DEC_9, CsvDates.of(OrderCsvFormat.defaults()).parse("2011-12-09T18:59-05:00"));
    }

    @Test
    void problem_namesValueAndExpectation() {
        assertEquals("\"2011-02-30\" is not a date (expected a date like 2011-12-09, 2011-12-09 12:50:00 or "
                + "2011-12-09T12:50:00+01:00)", UTC.problem("2011-02-30"));
        assertEquals("value is empty (expected a date like 2011-12-09, 2011-12-09 12:50:00 or "
                + "2011-12-09T12:50:00+01:00)", UTC.problem(" "));
        assertEquals("\"31.02.2011\" is not a date (expected the date pattern dd.MM.yyyy)",
                CsvDates.withPattern("dd.MM.yyyy", ZoneOffset.UTC).problem("31.02.2011"));
    }

    @Test
    void compile_invalidPattern_throwsNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvDates.compile("yyyy-MM-dd{"));
        assertTrue(e.getMessage().startsWith("date pattern \"yyyy-MM-dd{\" is not valid: "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CsvDates.compile("qqqqqq"));
    }
}
