package dev.rfmkit.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rfmkit.order.Amounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class LenientAmountsTest {
    private static long units(String text, char decimal) {
        return Amounts.parse(LenientAmounts.normalize(text, decimal), decimal);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1,234.50|.|12345000",
        "$5|.|50000",
        "-$3.25|.|-32500",
        "$-3.25|.|-32500",
        "12.50 \u20ac|.|125000",
        "\u00a31,000,000|.|10000000000",
        "1'234.50|.|12345000",
        "1 234 567|.|12345670000",
        "1.234,50 \u20ac|,|12345000",
        "1\u00a0234,5|,|12345000",
        "42|.|420000"})
    void typedAmounts_becomeNumbers(String text, char decimal, long expected) {
        assertEquals(expected, units(text, decimal));
    }

    // what is not a clean grouping or has symbols on both sides stays for the strict parser to refuse
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1,23|.", "12,345,67|.", "1,234.5,6|.", "$5$|.", "1.234.5|,", "1,234 567|.",
        "abc|.", "1.234,50|."})
    void doubtfulAmounts_areStillRejected(String text, char decimal) {
        assertThrows(NumberFormatException.class, () -> units(text, decimal));
    }
}
