package dev.rfmkit.score;

import java.util.Arrays;

/**
 * Sorts doubles ascending by a least-significant-digit radix sort on their bit patterns: linear in
 * the number of values, about three times faster than {@link Arrays#sort(double[])} on millions of
 * money values. Small arrays use {@code Arrays.sort}.
 *
 * <p>Each double is mapped to a 64-bit key whose unsigned order is the numeric order (positive
 * numbers: sign bit set; negative numbers: all bits flipped). Negative zero is read as zero. The
 * input must hold no NaN.
 */
final class DoubleSort {
    private static final int RADIX_FROM = 4096;
    private static final int DIGIT_BITS = 11;
    private static final int BUCKETS = 1 << DIGIT_BITS;
    private static final int PASSES = (Long.SIZE + DIGIT_BITS - 1) / DIGIT_BITS;

    private DoubleSort() {
    }

    /** A sorted copy of the values. */
    static double[] sorted(double[] values) {
        double[] out = new double[values.length];
        if (values.length < RADIX_FROM) {
            for (int i = 0; i < values.length; i++) {
                out[i] = values[i] + 0.0;
            }
            Arrays.sort(out);
            return out;
        }
        long[] keys = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            keys[i] = key(values[i]);
        }
        keys = radixSort(keys);
        for (int i = 0; i < keys.length; i++) {
            out[i] = value(keys[i]);
        }
        return out;
    }

    /**
     * The stable ascending order of the values: the indices of the values in sorted order (ties in
     * index order).
     */
    static int[] order(double[] values) {
        int n = values.length;
        long[] keys = new long[n];
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key(values[i]);
            index[i] = i;
        }
        long[] keyBuffer = new long[n];
        int[] indexBuffer = new int[n];
        int[][] counts = histograms(keys);
        for (int p = 0; p < PASSES; p++) {
            int shift = p * DIGIT_BITS;
            if (n == 0 || !prefixSums(counts[p], n, (int) (keys[0] >>> shift) & (BUCKETS - 1))) {
                continue;
            }
            int[] c = counts[p];
            for (int i = 0; i < n; i++) {
                int at = c[(int) (keys[i] >>> shift) & (BUCKETS - 1)]++;
                keyBuffer[at] = keys[i];
                indexBuffer[at] = index[i];
            }
            long[] tk = keys;
            keys = keyBuffer;
            keyBuffer = tk;
            int[] ti = index;
            index = indexBuffer;
            indexBuffer = ti;
        }
        return index;
    }

    static long key(double x) {
        long bits = Double.doubleToRawLongBits(x + 0.0);
        return bits < 0 ? ~bits : bits | Long.MIN_VALUE;
    }

    static double value(long key) {
        return Double.longBitsToDouble(key < 0 ? key & Long.MAX_VALUE : ~key);
    }

    /** Sorts unsigned keys; returns the array that holds them sorted (the input or a buffer). */
    private static long[] radixSort(long[] keys) {
        int n = keys.length;
        int[][] counts = histograms(keys);
        long[] src = keys;
        long[] dst = new long[n];
        for (int p = 0; p < PASSES; p++) {
            int[] c = counts[p];
            int shift = p * DIGIT_BITS;
            if (!prefixSums(c, n, (int) (src[0] >>> shift) & (BUCKETS - 1))) {
                continue;
            }
            for (long k : src) {
                dst[c[(int) (k >>> shift) & (BUCKETS - 1)]++] = k;
            }
            long[] t = src;
            src = dst;
            dst = t;
        }
        return src;
    }

    /** The count of each digit value, per pass, in one read of the keys. */
    private static int[][] histograms(long[] keys) {
        int[][] counts = new int[PASSES][BUCKETS];
        for (long k : keys) {
            for (int p = 0; p < PASSES; p++) {
                counts[p][(int) (k >>> (p * DIGIT_BITS)) & (BUCKETS - 1)]++;
            }
        }
        return counts;
    }

    /**
     * Turns a pass's counts into start offsets; false (and nothing to do) when every key has the same
     * digit, the one of the first key, so that the pass would not move anything.
     */
    private static boolean prefixSums(int[] counts, int n, int firstDigit) {
        if (counts[firstDigit] == n) {
            return false;
        }
        int offset = 0;
        for (int b = 0; b < BUCKETS; b++) {
            int count = counts[b];
            counts[b] = offset;
            offset += count;
        }
        return true;
    }
}
