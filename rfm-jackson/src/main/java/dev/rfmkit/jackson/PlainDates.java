package dev.rfmkit.jackson;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The common ISO forms of a date read straight from ASCII bytes: {@code 2011-12-09},
 * {@code 2011-12-09 12:50} and {@code 2011-12-09T12:50:00} (a space or {@code T}), without offset, so
 * that the written date is the calendar date in any zone. Every other form, and every invalid date or
 * time, is {@link #NONE}: left to {@link CsvDates}, which reads it or says precisely what is wrong.
 * Not thread-safe (it remembers recent dates).
 */
final class PlainDates {
    /** Not a date in one of the plain forms. */
    static final int NONE = Integer.MIN_VALUE;

    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle PAIR = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    // a direct-mapped cache of recent dates, by yyyymmdd: orders spread over a few years share a few
    // thousand dates
    private static final int CACHE = 4096;
    private final int[] cachedKey = new int[CACHE];
    private final int[] cachedDay = new int[CACHE];

    PlainDates() {
        java.util.Arrays.fill(cachedKey, -1);
    }

    /** The epoch day of the date in bytes from (inclusive) to (exclusive), or {@link #NONE}. */
    int epochDay(byte[] b, int from, int to) {
        int n = to - from;
        if (n != 10 && n != 16 && n != 19) {
            return NONE;
        }
        // yyyy-mm- as one little-endian word, dd as two bytes: each digit minus '0' must be at most 9, each
        // dash minus '-' zero; a byte's low 7 bits plus (127 - its limit) reach the high bit exactly when
        // they are over the limit, without a carry into the next byte
        long date = (long) WORD.get(b, from) ^ 0x2D30302D30303030L;
        int dd = (short) PAIR.get(b, from + 8) ^ 0x3030;
        long bad = (date | (date & 0x7F7F7F7F7F7F7F7FL) + 0x7F76767F76767676L) & 0x8080808080808080L
                | (dd | (dd & 0x7F7F) + 0x7676) & 0x8080;
        if (bad != 0 || (n > 10 && !time(b, from + 10, n - 10))) {
            return NONE;
        }
        int year = (int) (date & 0xF) * 1000 + (int) (date >>> 8 & 0xF) * 100 + (int) (date >>> 16 & 0xF) * 10
                + (int) (date >>> 24 & 0xF);
        int month = (int) (date >>> 40 & 0xF) * 10 + (int) (date >>> 48 & 0xF);
        int day = (dd & 0xF) * 10 + (dd >>> 8 & 0xF);
        int key = year * 10_000 + month * 100 + day;
        int slot = (key ^ key >>> 12) & (CACHE - 1);
        if (cachedKey[slot] != key) {
            try {
                cachedDay[slot] = Math.toIntExact(LocalDate.of(year, month, day).toEpochDay());
            } catch (DateTimeException e) {
                return NONE;
            }
            cachedKey[slot] = key;
        }
        return cachedDay[slot];
    }

    /** {@code [ T]HH:mm} or {@code [ T]HH:mm:ss}, a valid time of day. */
    private static boolean time(byte[] b, int at, int length) {
        if ((b[at] != ' ' && b[at] != 'T' && b[at] != 't') || b[at + 3] != ':') {
            return false;
        }
        int hour = digits(b, at + 1, 2);
        int minute = digits(b, at + 4, 2);
        int second = 0;
        if (length == 9) {
            if (b[at + 6] != ':') {
                return false;
            }
            second = digits(b, at + 7, 2);
        }
        return hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60;
    }

    /** The value of count ASCII digits, or -1 if one is not a digit. */
    private static int digits(byte[] b, int at, int count) {
        int v = 0;
        for (int i = at; i < at + count; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
