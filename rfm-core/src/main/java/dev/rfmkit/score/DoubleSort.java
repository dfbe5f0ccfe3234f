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
        int[][] counts = new int[PASSES][BUCKETS];
        for (long k : keys) {
            for (int p = 0; p < PASSES; p++) {
                counts[p][(int) (k >>> (p * DIGIT_BITS)) & (BUCKETS - 1)]++;
            }
        }
        long[] src = keys;
        long[] dst = new long[n];
        for (int p = 0; p < PASSES; p++) {
            int[] c = counts[p];
            int shift = p * DIGIT_BITS;
            if (c[(int) (src[0] >>> shift) & (BUCKETS - 1)] == n) {
                continue; // every key has this digit: the pass would not move anything
            }
            int offset = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int count = c[b];
                c[b] = offset;
                offset += count;
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
}
