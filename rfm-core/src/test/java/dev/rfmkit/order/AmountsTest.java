package dev.rfmkit.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class AmountsTest {
    private static final long UNIT = Amounts.UNITS_PER_CURRENCY_UNIT;

    @ParameterizedTest(name = "\"{0}\" = {1} units")
    @CsvSource(delimiter = '|', value = {
        "0          | 0",
        "12         | 120000",
        "12.5       | 125000",
        "12.50      | 125000",
        "0.0001     | 1",
        ".5         | 5000",
        "5.         | 50000",
        "'  7.25  ' | 72500",
        "007.1000   | 71000",
        "123456789012.3456 | 1234567890123456",
    })
    void parse_plain(String text, long units) {
        assertEquals(units, Amounts.parse(text, '.'));
    }

    @ParameterizedTest(name = "\"{0}\" = {1} units")
    @CsvSource(delimiter = '|', value = {
        "-3.20  | -32000",
        "+3.2   | 32000",
        "-0     | 0",
        "-0.0001 | -1",
        "' -12 ' | -120000",
    })
    void parse_signed(String text, long units) {
        assertEquals(units, Amounts.parse(text, '.'));
    }

    @ParameterizedTest(name = "\"{0}\" = {1} units")
    @CsvSource(delimiter = '|', value = {
        "12,50   | 125000",
        "-0,0001 | -1",
        "1234,5  | 12345000",
        "1,5e3   | 15000000",
    })
    void parse_commaSeparator(String text, long units) {
        assertEquals(units, Amounts.parse(text, ','));
    }

    @ParameterizedTest(name = "\"{0}\" = {1} units")
    @CsvSource(delimiter = '|', value = {
        "0.00005      | 0",
        "0.00015      | 2",
        "0.00025      | 2",
        "0.00035      | 4",
        "0.000250001  | 3",
        "-0.00015     | -2",
        "-0.00025     | -2",
        "1.23456      | 12346",
        "2.00004999   | 20000",
        "9.99995      | 100000",
    })
    void parse_moreThanFourDecimals_roundsHalfEven(String text, long units) {
        assertEquals(units, Amounts.parse(text, '.'));
    }

    @ParameterizedTest(name = "\"{0}\" = {1} units")
    @CsvSource(delimiter = '|', value = {
        "1.5e3   | 15000000",
        "1.5E3   | 15000000",
        "1.5e+3  | 15000000",
        "1e2     | 1000000",
        "-2e0    | -20000",
        "2.5e-4  | 2",
        "3.5e-4  | 4",
        "125e-2  | 12500",
        "1e-400  | 0",
    })
    void parse_exponent(String text, long units) {
        assertEquals(units, Amounts.parse(text, '.'));
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @ValueSource(strings = {"1,234.50", "€12", "12€", "$12", "12 50", "", "   ", "-", "+", "1.2.3", "abc", "12a",
        "1e", "e5", ".", "--1", "+-1", "1-", "NaN", "Infinity", "0x10", "1_000"})
    void parse_rejects(String text) {
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> Amounts.parse(text, '.'));
        assertFalse(e.getMessage().isEmpty());
    }

    @Test
    void parse_rejectMessage_namesTheText() {
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> Amounts.parse("12,5O", '.'));
        assertTrue(e.getMessage().contains("\"12,5O\""), e.getMessage());
        assertEquals("empty amount", assertThrows(NumberFormatException.class, () -> Amounts.parse(" ", '.'))
                .getMessage());
    }

    @ParameterizedTest(name = "\"{0}\" is rejected with ','")
    @ValueSource(strings = {"1.5", "1.234,50", "1,2,3", "1,5e3,1"})
    void parse_commaSeparator_rejectsPoint(String text) {
        assertThrows(NumberFormatException.class, () -> Amounts.parse(text, ','));
    }

    @Test
    void parse_extremes_inRange() {
        assertEquals(Long.MAX_VALUE, Amounts.parse("922337203685477.5807", '.'));
        assertEquals(Long.MIN_VALUE, Amounts.parse("-922337203685477.5808", '.'));
        assertEquals(99_999_999_999_999L * UNIT, Amounts.parse("99999999999999", '.'));
        assertEquals(922_337_203_685_477L * UNIT, Amounts.parse("922337203685477", '.'));
    }

    // The fast path accepts integer parts of up to 15 digits; those from 922337203685478 up, and
    // 922337203685477 with a fraction above .5807, do not fit in a long once scaled by 10,000.
    @ParameterizedTest(name = "\"{0}\" is out of range")
    @ValueSource(strings = {"1e30", "1e19", "100000000000000000", "9223372036854775807", "922337203685477.5808",
        "922337203685477.9999", "922337203685478", "999999999999999", "999999999999999.9999",
        "-922337203685477.5809", "-999999999999999", "922337203685477.58075"})
    void parse_outOfRange_throws(String text) {
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> Amounts.parse(text, '.'),
                () -> "parsed " + text);
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    }

    @ParameterizedTest(name = "\"{0}\" is non-finite")
    @ValueSource(strings = {"NaN", "nan", "NAN", "-NaN", "Inf", "inf", "+Inf", "-inf", "Infinity", "-Infinity",
        "  infinity  ", "+INFINITY"})
    void isNonFinite_true(String text) {
        assertTrue(Amounts.isNonFinite(text));
    }

    @ParameterizedTest(name = "\"{0}\" is not non-finite")
    @ValueSource(strings = {"", "1", "1e999", "na", "nanx", "infinite", "in", "--inf", "+-nan", "n a n"})
    void isNonFinite_false(String text) {
        assertFalse(Amounts.isNonFinite(text));
    }

    @Test
    void multiply_exact() {
        // 6 x 2.55 = 15.30: no binary-floating error
        assertEquals(new BigDecimal("15.3000"), Amounts.toDecimal(Amounts.multiply(6 * UNIT, 25_500)));
        // 3 x 0.1 = 0.3, not 0.30000000000000004
        assertEquals(new BigDecimal("0.3000"), Amounts.toDecimal(Amounts.multiply(3 * UNIT, 1_000)));
        assertEquals(-153_000L, Amounts.multiply(-6 * UNIT, 25_500));
        assertEquals(153_000L, Amounts.multiply(-6 * UNIT, -25_500));
        assertEquals(0L, Amounts.multiply(0, Long.MAX_VALUE));
        // 0.3333 x 3 = 0.9999
        assertEquals(9_999L, Amounts.multiply(3_333, 3 * UNIT));
    }

    @ParameterizedTest(name = "{0} x {1} units = {2}")
    @CsvSource({
        // 0.5 x 0.0001 = 0.00005 -> 0; 1.5 x 0.0001 -> 0.0002; 2.5 x 0.0001 -> 0.0002 (half to even)
        "5000, 1, 0",
        "15000, 1, 2",
        "25000, 1, 2",
        "35000, 1, 4",
        "-15000, 1, -2",
        "-25000, 1, -2",
        // 0.0001 x 0.0001 = 0.00000001 -> 0
        "1, 1, 0",
        // 1.2345 x 1.2345 = 1.52399025 -> 1.5240
        "12345, 12345, 15240",
        // 0.7 x 0.15 = 0.105 exact
        "7000, 1500, 1050",
    })
    void multiply_roundsHalfEven(long quantity, long price, long units) {
        assertEquals(units, Amounts.multiply(quantity, price));
    }

    @Test
    void multiply_largeButInRange() {
        assertEquals(Long.MAX_VALUE, Amounts.multiply(Long.MAX_VALUE, UNIT));
        assertEquals(Long.MIN_VALUE, Amounts.multiply(Long.MIN_VALUE, UNIT));
        // 2^62 units x 2 = 2^63 units ... out of range; 2^61 x 2 = 2^62 in range
        assertEquals(1L << 62, Amounts.multiply(1L << 61, 2 * UNIT));
    }

    @Test
    void multiply_overflow_throws() {
        assertThrows(ArithmeticException.class, () -> Amounts.multiply(Long.MAX_VALUE, 2 * UNIT));
        assertThrows(ArithmeticException.class, () -> Amounts.multiply(Long.MIN_VALUE, -UNIT));
        assertThrows(ArithmeticException.class, () -> Amounts.multiply(1L << 62, 2 * UNIT));
        assertThrows(ArithmeticException.class, () -> Amounts.multiply(Long.MAX_VALUE, Long.MAX_VALUE));
    }

    @Test
    void toUnits_roundsHalfEven_andChecksRange() {
        assertEquals(125_000L, Amounts.toUnits(new BigDecimal("12.5")));
        assertEquals(2L, Amounts.toUnits(new BigDecimal("0.00025")));
        assertEquals(-2L, Amounts.toUnits(new BigDecimal("-0.00015")));
        assertEquals(1_000_000L, Amounts.toUnits(new BigDecimal("1E+2")));
        assertThrows(ArithmeticException.class, () -> Amounts.toUnits(new BigDecimal("1E+30")));
        assertThrows(ArithmeticException.class, () -> Amounts.toUnits(new BigDecimal("922337203685477.5808")));
    }

    @Test
    void toDecimal_fourDecimals_andToDouble() {
        assertEquals("12.5000", Amounts.toDecimal(125_000).toPlainString());
        assertEquals("-0.0001", Amounts.toDecimal(-1).toPlainString());
        assertEquals(12.5, Amounts.toDouble(125_000));
        assertEquals(0.1, Amounts.toDouble(1_000));
    }
}
