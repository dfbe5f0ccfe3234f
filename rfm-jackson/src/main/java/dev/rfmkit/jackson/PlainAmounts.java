package dev.rfmkit.jackson;

import dev.rfmkit.order.Amounts;

/**
 * The common form of an amount read straight from ASCII bytes: an optional minus, 1 to 14 digits, and
 * optionally the decimal separator and 1 to 4 digits ({@code 14.95}, {@code -3}, {@code 1299,5}).
 * Every other form is {@link #NONE}: left to {@link Amounts#parse}, which reads it (whitespace, a plus
 * sign, exponents, more decimals) or says what is wrong. Where both read an amount, they read the same.
 */
final class PlainAmounts {
    /** Not an amount in the plain form; no plain amount has this value. */
    static final long NONE = Long.MIN_VALUE;

    private static final int MAX_WHOLE_DIGITS = 14; // 10^14 currency units in units still fit in a long
    private static final long[] FRACTION_SCALE = {10_000, 1_000, 100, 10, 1}; // by the number of decimals

    private PlainAmounts() {
    }

    /** The amount in {@link Amounts units} of the bytes from (inclusive) to (exclusive), or {@link #NONE}. */
    static long parse(byte[] b, int from, int to, char decimalSeparator) {
        int i = from;
        boolean negative = i < to && b[i] == '-';
        if (negative) {
            i++;
        }
        int wholeFrom = i;
        int wholeTo = Math.min(to, wholeFrom + MAX_WHOLE_DIGITS);
        long whole = 0;
        for (int d; i < wholeTo && (d = b[i] - '0') >= 0 && d <= 9; i++) {
            whole = whole * 10 + d;
        }
        if (i == wholeFrom) {
            return NONE;
        }
        long fraction = 0;
        int decimals = 0;
        if (i < to) {
            if (b[i] != decimalSeparator || to - i - 1 < 1 || to - i - 1 > Amounts.SCALE) {
                return NONE; // anything else after the digits, a 15th digit, or no or too many decimals
            }
            for (i++; i < to; i++, decimals++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return NONE;
                }
                fraction = fraction * 10 + d;
            }
        }
        long units = whole * Amounts.UNITS_PER_CURRENCY_UNIT + fraction * FRACTION_SCALE[decimals];
        return negative ? -units : units;
    }
}
