package dev.rfmkit.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.rfmkit.order.Amounts;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainAmountsTest {

    private static long plain(String text, char separator) {
        byte[] bytes = ("x" + text + "y").getBytes(StandardCharsets.US_ASCII);
        return PlainAmounts.parse(bytes, 1, bytes.length - 1, separator);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "14.95", "-3", "-0.5", "1.2345", "12345678901234", "99999999999999.9999", "7.",
        "007.10"})
    void parse_plainForms_asAmounts(String text) {
        if (text.endsWith(".")) {
            assertEquals(PlainAmounts.NONE, plain(text, '.'), "no decimals after the separator: the general path");
            return;
        }
        assertEquals(Amounts.parse(text, '.'), plain(text, '.'), text);
        assertEquals(Amounts.parse(text.replace('.', ','), ','), plain(text.replace('.', ','), ','), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+1", " 1", "1 ", "1.23456", "123456789012345", "1e3", "1,5", ".5", "--1",
        "1.2.3", "1-"})
    void parse_otherForms_leftToTheGeneralPath(String text) {
        assertEquals(PlainAmounts.NONE, plain(text, '.'), text);
    }

    /** Seeded strings of digits, separators, signs and other bytes: where the plain path reads one, it reads what Amounts does. */
    @Test
    void parse_randomText_sameAsAmountsWhereRead() {
        SplittableRandom rnd = new SplittableRandom(23);
        String alphabet = "0123456789012345678901234567890123456789.,-+ eE";
        int read = 0;
        for (int round = 0; round < 200_000; round++) {
            StringBuilder sb = new StringBuilder();
            int length = rnd.nextInt(22);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            for (char separator : new char[] {'.', ','}) {
                long got = plain(text, separator);
                if (got == PlainAmounts.NONE) {
                    continue;
                }
                read++;
                assertEquals(Amounts.parse(text, separator), got, text + " with " + separator);
            }
        }
        assertNotEquals(0, read, "some strings are plain amounts");
    }
}
