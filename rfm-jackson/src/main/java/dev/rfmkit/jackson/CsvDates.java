package dev.rfmkit.jackson;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads the date of an order or engagement line as a calendar date in a time zone.
 *
 * <p>Without a pattern, accepted are ISO dates ({@code 2011-12-09}) and ISO date-times with {@code T}
 * or a space between date and time, minutes required, seconds and a fraction of up to nine digits
 * optional ({@code 2011-12-09 12:50}, {@code 2011-12-09T12:50:00.123}), optionally followed by an
 * offset ({@code Z}, {@code +01:00}, {@code +0100}, {@code +01}). A date-time with an offset is an
 * instant, converted to its calendar date in the zone; one without an offset is already local to the
 * zone, so its written date is taken as is. Surrounding whitespace is ignored. Dates that do not exist,
 * such as {@code 2011-02-30}, are rejected. The common case is parsed by hand, without a
 * {@link DateTimeFormatter}.
 *
 * <p>With a pattern ({@link DateTimeFormatter} syntax, English month and day names, case ignored,
 * strict resolution so that {@code 30.02.2011} is rejected, {@code yyyy} read as the year of the
 * current era), only text matching the pattern is accepted; a zone or offset in it is converted as
 * above.
 *
 * <p>Immutable and safe to share between threads.
 */
final class CsvDates {
    private static final String ISO_EXPECTATION =
            "expected a date like 2011-12-09, 2011-12-09 12:50:00 or 2011-12-09T12:50:00+01:00";

    private final DateTimeFormatter formatter;
    private final String pattern;
    private final ZoneId zone;

    private CsvDates(String pattern, ZoneId zone) {
        this.pattern = pattern;
        this.formatter = pattern == null ? null : compile(pattern);
        this.zone = zone;
    }

    /**
     * Dates in ISO form, calendar dates in the zone.
     *
     * @param zone the zone of the calendar
     * @return the dates
     */
    static CsvDates iso(ZoneId zone) {
        return new CsvDates(null, Objects.requireNonNull(zone, "zone"));
    }

    /**
     * Dates read with the format's pattern (ISO without one) in the format's zone.
     *
     * @param format the format
     * @return the dates
     */
    static CsvDates of(OrderCsvFormat format) {
        return new CsvDates(format.datePattern().orElse(null), format.zone());
    }

    /**
     * Dates read with a pattern.
     *
     * @param pattern a {@link DateTimeFormatter} pattern
     * @param zone the zone of the calendar
     * @return the dates
     * @throws IllegalArgumentException if the pattern is not valid
     */
    static CsvDates withPattern(String pattern, ZoneId zone) {
        return new CsvDates(Objects.requireNonNull(pattern, "pattern"), Objects.requireNonNull(zone, "zone"));
    }

    /**
     * Compiles a pattern as this class reads it.
     *
     * @param pattern the pattern
     * @return the formatter
     * @throws IllegalArgumentException if the pattern is not valid, with a message naming it
     */
    static DateTimeFormatter compile(String pattern) {
        try {
            return new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern(pattern)
                    // "yyyy" is the year of an era; without an era in the text, strict resolution
                    // would find no year at all
                    .parseDefaulting(ChronoField.ERA, 1)
                    .toFormatter(Locale.ENGLISH)
                    .withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("date pattern \"" + pattern + "\" is not valid: " + e.getMessage(), e);
        }
    }

    /**
     * The calendar date the text names in the zone.
     *
     * @param text the text, surrounding whitespace ignored
     * @return the date
     * @throws DateTimeException if the text is not a date in the expected form, or names a date that
     *     does not exist
     */
    LocalDate parse(String text) {
        String s = text.strip();
        return formatter == null ? parseIso(s) : parsePattern(s);
    }

    /**
     * A message for text that {@link #parse} rejected: the value and the expected form.
     *
     * @param text the rejected text
     * @return the message, lower-case
     */
    String problem(String text) {
        String expectation = formatter == null ? ISO_EXPECTATION : "expected the date pattern " + pattern;
        if (text.isBlank()) {
            return "value is empty (" + expectation + ")";
        }
        return "\"" + text + "\" is not a date (" + expectation + ")";
    }

    private LocalDate parseIso(String s) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            throw new DateTimeException("not an ISO date");
        }
        LocalDate date = LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
        if (n == 10) {
            return date;
        }
        char t = s.charAt(10);
        if (t != 'T' && t != 't' && t != ' ') {
            throw new DateTimeException("not an ISO date-time");
        }
        // HH:mm[:ss[.fraction]]
        if (n < 16 || s.charAt(13) != ':') {
            throw new DateTimeException("not an ISO time");
        }
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = 0;
        int nano = 0;
        int i = 16;
        if (i < n && s.charAt(i) == ':') {
            second = digits(s, i + 1, i + 3);
            i += 3;
            if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                int start = ++i;
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                }
                int count = i - start;
                if (count == 0 || count > 9) {
                    throw new DateTimeException("bad fraction of a second");
                }
                nano = digits(s, start, i);
                for (int k = count; k < 9; k++) {
                    nano *= 10;
                }
            }
        }
        LocalTime time = LocalTime.of(hour, minute, second, nano);
        if (i == n) {
            return date;
        }
        ZoneOffset offset = offset(s, i);
        return LocalDateTime.of(date, time).atOffset(offset).atZoneSameInstant(zone).toLocalDate();
    }

    private static ZoneOffset offset(String s, int i) {
        int n = s.length();
        char c = s.charAt(i);
        if ((c == 'Z' || c == 'z') && i + 1 == n) {
            return ZoneOffset.UTC;
        }
        if (c != '+' && c != '-') {
            throw new DateTimeException("bad offset");
        }
        int sign = c == '-' ? -1 : 1;
        int rest = n - i - 1;
        int hours;
        int minutes;
        if (rest == 2) {
            hours = digits(s, i + 1, i + 3);
            minutes = 0;
        } else if (rest == 4) {
            hours = digits(s, i + 1, i + 3);
            minutes = digits(s, i + 3, i + 5);
        } else if (rest == 5 && s.charAt(i + 3) == ':') {
            hours = digits(s, i + 1, i + 3);
            minutes = digits(s, i + 4, i + 6);
        } else {
            throw new DateTimeException("bad offset");
        }
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    private static int digits(String s, int from, int to) {
        if (to > s.length()) {
            throw new DateTimeException("too short");
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                throw new DateTimeException("not a digit");
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private LocalDate parsePattern(String s) {
        TemporalAccessor t = formatter.parseBest(s, ZonedDateTime::from, OffsetDateTime::from,
                LocalDateTime::from, LocalDate::from);
        if (t instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(zone).toLocalDate();
        }
        if (t instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(zone).toLocalDate();
        }
        if (t instanceof LocalDateTime l) {
            return l.toLocalDate();
        }
        return (LocalDate) t;
    }

    @Override
    public String toString() {
        return "CsvDates[" + (pattern == null ? "iso" : pattern) + ", " + zone + "]";
    }
}
