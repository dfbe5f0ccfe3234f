package dev.rfmkit.jackson;

/**
 * Amounts as people type them, turned into plain numbers for {@code Amounts.parse}: a currency
 * symbol before or after the number (with or without a space; a minus sign on either side of a
 * leading symbol), and thousands separators in groups of three: {@code ,} (or {@code .} with the
 * decimal comma), a space, a no-break space or an apostrophe, the same one throughout. Anything else
 * is returned unchanged, to be rejected by the strict parser.
 */
final class LenientAmounts {
    private LenientAmounts() {
    }

    static String normalize(String text, char decimalSeparator) {
        String t = strip(text);
        String sign = "";
        if (t.startsWith("-")) {
            sign = "-";
            t = strip(t.substring(1));
        }
        int from = 0;
        while (from < t.length() && Character.getType(t.charAt(from)) == Character.CURRENCY_SYMBOL) {
            from++;
        }
        int to = t.length();
        while (to > from && Character.getType(t.charAt(to - 1)) == Character.CURRENCY_SYMBOL) {
            to--;
        }
        if (from > 0 && to < t.length()) {
            return text; // a symbol on both sides
        }
        t = strip(t.substring(from, to));
        if (t.startsWith("-") && sign.isEmpty() && from > 0) {
            sign = "-";
            t = strip(t.substring(1));
        }
        int dec = t.indexOf(decimalSeparator);
        String whole = dec < 0 ? t : t.substring(0, dec);
        String fraction = dec < 0 ? "" : t.substring(dec);
        String digits = ungroup(whole, decimalSeparator);
        return digits == null ? text : sign + digits + fraction;
    }

    /** The integer part without its thousands separators, or null if they are not in groups of three. */
    private static String ungroup(String whole, char decimalSeparator) {
        char group = 0;
        for (int i = 0; i < whole.length(); i++) {
            char c = whole.charAt(i);
            if (c < '0' || c > '9') {
                if (!isGroupSeparator(c, decimalSeparator) || (group != 0 && c != group)) {
                    return whole.isEmpty() ? null : whole; // not a grouping: leave it to the strict parser
                }
                group = c;
            }
        }
        if (group == 0) {
            return whole;
        }
        String[] groups = whole.split(java.util.regex.Pattern.quote(String.valueOf(group)), -1);
        if (groups[0].isEmpty() || groups[0].length() > 3) {
            return null;
        }
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3) {
                return null;
            }
        }
        return String.join("", groups);
    }

    private static boolean isGroupSeparator(char c, char decimalSeparator) {
        return c == (decimalSeparator == '.' ? ',' : '.') || c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\'';
    }

    private static String strip(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && (Character.isWhitespace(s.charAt(a)) || s.charAt(a) == '\u00A0' || s.charAt(a) == '\u202F')) {
            a++;
        }
        while (b > a && (Character.isWhitespace(s.charAt(b - 1)) || s.charAt(b - 1) == '\u00A0'
                || s.charAt(b - 1) == '\u202F')) {
            b--;
        }
        return s.substring(a, b);
    }
}
