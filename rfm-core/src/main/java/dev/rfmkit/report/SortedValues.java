package dev.rfmkit.report;

import java.util.Arrays;

/** A sorted multiset of long values, mergeable; for exact medians of merged reports. */
final class SortedValues {
    static final SortedValues EMPTY = new SortedValues(new long[0]);

    private final long[] values;

    private SortedValues(long[] sorted) {
        this.values = sorted;
    }

    static SortedValues of(long[] values, int count) {
        long[] copy = Arrays.copyOf(values, count);
        Arrays.sort(copy);
        return new SortedValues(copy);
    }

    SortedValues merge(SortedValues other) {
        long[] a = values;
        long[] b = other.values;
        long[] out = new long[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
        }
        while (i < a.length) {
            out[k++] = a[i++];
        }
        while (j < b.length) {
            out[k++] = b[j++];
        }
        return new SortedValues(out);
    }

    int size() {
        return values.length;
    }

    /** Twice the median (the sum of the two middle values, or twice the middle one): exact in longs. */
    long twiceMedian() {
        int n = values.length;
        if (n == 0) {
            throw new IllegalStateException("no values");
        }
        return n % 2 == 1 ? 2 * values[n / 2] : values[n / 2 - 1] + values[n / 2];
    }

    long sum() {
        long s = 0;
        for (long v : values) {
            s = Math.addExact(s, v);
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SortedValues s && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }
}
