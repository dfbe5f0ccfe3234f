package dev.rfmkit.order;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact money: amounts as {@code long} counts of 1/10,000 of the currency unit ("units").
 *
 * <p>Sums of units are exact and independent of the order of addition. Amounts written with more
 * than four decimals, and products of quantity and price that need more, are rounded to four
 * decimals, half to even. An amount whose units do not fit in a {@code long} (beyond about
 * 922 trillion currency units) is out of range.
 */
public final class Amounts {
    /** The number of decimals kept: amounts are exact to 1/10,000 of the currency unit. */
    public static final int SCALE = 4;
    /** Units per currency unit: 10,000. */
    public static final long UNITS_PER_CURRENCY_UNIT = 10_000L;

    private static final BigDecimal MAX_UNITS = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal MIN_UNITS = BigDecimal.valueOf(Long.MIN_VALUE);

    private Amounts() {
    }

    /**
     * Whether the text spells a non-finite number: {@code NaN}, {@code Inf} or {@code Infinity}, with
     * an optional sign, in any case, surrounding whitespace ignored.
     *
     * @param text the text
     * @return true if the text names NaN or an infinity
     */
    public static boolean isNonFinite(CharSequence text) {
        String s = text.toString().strip().toLowerCase(java.util.Locale.ROOT);
        if (s.startsWith("+") || s.startsWith("-")) {
            s = s.substring(1);
        }
        return s.equals("nan") || s.equals("inf") || s.equals("infinity");
    }

    /**
     * Parses a decimal number into units.
     *
     * <p>Accepted: optional surrounding whitespace, an optional sign, digits with at most one decimal
     * separator, at least one digit, and an optional exponent ({@code 1.5e3}). Rejected: thousands
     * separators, currency symbols, spaces inside the number, non-finite values (see
     * {@link #isNonFinite}), anything else.
     *
     * @param text the text to parse
     * @param decimalSeparator the decimal separator, usually {@code '.'} or {@code ','}
     * @return the amount in units (1/10,000 of the currency unit)
     * @throws NumberFormatException if the text is not a decimal number or is out of range; the
     *     message says which
     */
    public static long parse(CharSequence text, char decimalSeparator) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            throw new NumberFormatException("empty amount");
        }
        int i = start;
        boolean negative = false;
        char first = text.charAt(i);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i++;
        }
        long intPart = 0;
        long fraction = 0;
        int fractionDigits = 0;
        int digits = 0;
        boolean separatorSeen = false;
        boolean fast = true;
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (separatorSeen) {
                    if (fractionDigits < SCALE) {
                        fraction = fraction * 10 + (c - '0');
                        fractionDigits++;
                    } else {
                        fast = false;
                    }
                } else if (intPart < 10_000_000_000_000L) {
                    // At most 14 integer digits here, so intPart * 10,000 + fraction cannot overflow.
                    intPart = intPart * 10 + (c - '0');
                } else {
                    fast = false;
                }
            } else if (c == decimalSeparator && !separatorSeen) {
                separatorSeen = true;
            } else if ((c == 'e' || c == 'E') && digits > 0) {
                fast = false;
                break;
            } else {
                throw new NumberFormatException("\"" + text + "\" is not a decimal number");
            }
        }
        if (digits == 0) {
            throw new NumberFormatException("\"" + text + "\" is not a decimal number");
        }
        if (fast) {
            for (int d = fractionDigits; d < SCALE; d++) {
                fraction *= 10;
            }
            long units = intPart * UNITS_PER_CURRENCY_UNIT + fraction;
            return negative ? -units : units;
        }
        return slowParse(text.subSequence(start, end).toString(), decimalSeparator);
    }

    private static long slowParse(String s, char decimalSeparator) {
        String normal = decimalSeparator == '.' ? s : s.replace('.', '#').replace(decimalSeparator, '.');
        BigDecimal value;
        try {
            value = new BigDecimal(normal);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("\"" + s + "\" is not a decimal number");
        }
        return toUnits(value, s);
    }

    private static long toUnits(BigDecimal value, String shown) {
        if (value.scale() < -30 || value.precision() - value.scale() > 30) {
            throw new NumberFormatException("\"" + shown + "\" is out of range");
        }
        BigDecimal units = value.setScale(SCALE, RoundingMode.HALF_EVEN).movePointRight(SCALE);
        if (units.compareTo(MAX_UNITS) > 0 || units.compareTo(MIN_UNITS) < 0) {
            throw new NumberFormatException("\"" + shown + "\" is out of range");
        }
        return units.longValueExact();
    }

    /**
     * The exact product of two amounts in units, rounded to units half to even.
     *
     * @param quantity the quantity in units (a quantity of 3 is 30,000 units)
     * @param price the price in units
     * @return quantity x price in units
     * @throws ArithmeticException if the product does not fit in a {@code long}
     */
    public static long multiply(long quantity, long price) {
        long high = Math.multiplyHigh(quantity, price);
        long low = quantity * price;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            long q = low / UNITS_PER_CURRENCY_UNIT;
            long r = low % UNITS_PER_CURRENCY_UNIT;
            if (r == 0) {
                return q;
            }
        }
        BigInteger product = BigInteger.valueOf(quantity).multiply(BigInteger.valueOf(price));
        BigDecimal units = new BigDecimal(product, SCALE).setScale(0, RoundingMode.HALF_EVEN);
        if (units.compareTo(MAX_UNITS) > 0 || units.compareTo(MIN_UNITS) < 0) {
            throw new ArithmeticException("amount out of range: " + toDecimal(quantity) + " x " + toDecimal(price));
        }
        return units.longValueExact();
    }

    /**
     * The exact decimal value of an amount in units, with four decimals.
     *
     * @param units the amount in units
     * @return the amount in currency units
     */
    public static BigDecimal toDecimal(long units) {
        return BigDecimal.valueOf(units, SCALE);
    }

    /**
     * Converts a decimal amount into units, rounding half to even beyond four decimals.
     *
     * @param amount the amount in currency units
     * @return the amount in units
     * @throws ArithmeticException if the amount is out of range
     */
    public static long toUnits(BigDecimal amount) {
        try {
            return toUnits(amount, amount.toPlainString());
        } catch (NumberFormatException e) {
            throw new ArithmeticException(e.getMessage());
        }
    }

    /**
     * The amount in currency units as the nearest {@code double}, for statistics.
     *
     * @param units the amount in units
     * @return units / 10,000, correctly rounded
     */
    public static double toDouble(long units) {
        return units / (double) UNITS_PER_CURRENCY_UNIT;
    }
}
