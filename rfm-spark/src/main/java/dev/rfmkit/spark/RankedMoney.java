package dev.rfmkit.spark;

import dev.rfmkit.score.RankedValues;
import dev.rfmkit.score.ScoringModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;

/**
 * The customers' money on the cluster, as ranked values for a cut-point fit: exact order statistics
 * found by narrowing histograms, never by collecting the values.
 *
 * <p>A value's bits, in an order-preserving 64-bit key, are read 16 at a time from the top: one pass
 * counts the values of each 16-bit digit under the prefixes still open (one per wanted rank at the
 * most), which tells each rank's next digit; a bucket of at most {@value #GATHER} values is gathered to
 * the driver and sorted instead. So a fit takes a few passes, and the driver holds 65,536 counts per
 * open prefix (at most 2(k-1) prefixes, 512 KiB each) and at most {@value #GATHER} values per rank.
 */
final class RankedMoney implements RankedValues {
    private static final int DIGIT_BITS = 16;
    private static final int DIGITS = 1 << DIGIT_BITS;
    /** Buckets this small are gathered and sorted on the driver. */
    static final int GATHER = 1 << 16;

    private final JavaRDD<Double> values;
    private final long size;

    RankedMoney(JavaRDD<Double> values) {
        this.values = values;
        this.size = values.count();
    }

    @Override
    public long size() {
        return size;
    }

    /**
     * An order-preserving key: unsigned order of keys is the numeric order of the values, with
     * {@code -0.0} as {@code 0.0} (as {@link dev.rfmkit.score.ValueCounts} counts them).
     */
    static long key(double x) {
        long bits = Double.doubleToRawLongBits(x + 0.0);
        return bits < 0 ? ~bits : bits | Long.MIN_VALUE;
    }

    static double value(long key) {
        return Double.longBitsToDouble(key < 0 ? key & Long.MAX_VALUE : ~key);
    }

    @Override
    public double[] orderStatistics(long[] ranks) {
        int m = ranks.length;
        long[] prefix = new long[m]; // the key bits found so far, right-aligned
        long[] within = ranks.clone(); // the rank among the keys with that prefix
        int bits = 0;
        double[] out = new double[m];
        boolean[] done = new boolean[m];
        int open = m;
        while (open > 0) {
            long[] prefixes = openPrefixes(prefix, done);
            long[][] counts = digitCounts(prefixes, bits);
            List<Integer> gather = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                if (done[i]) {
                    continue;
                }
                long[] c = counts[Arrays.binarySearch(prefixes, prefix[i])];
                int d = 0;
                while (within[i] >= c[d]) {
                    within[i] -= c[d];
                    d++;
                }
                prefix[i] = prefix[i] << DIGIT_BITS | d;
                if (bits + DIGIT_BITS == Long.SIZE) {
                    out[i] = value(prefix[i]);
                    done[i] = true;
                    open--;
                } else if (c[d] <= GATHER) {
                    gather.add(i);
                }
            }
            bits += DIGIT_BITS;
            if (!gather.isEmpty()) {
                open -= gatherAndSelect(gather, prefix, within, bits, out, done);
            }
        }
        return out;
    }

    private static long[] openPrefixes(long[] prefix, boolean[] done) {
        return java.util.stream.IntStream.range(0, prefix.length).filter(i -> !done[i]).mapToLong(i -> prefix[i])
                .sorted().distinct().toArray();
    }

    /** For each prefix of the given length, the number of keys under it with each next digit: one pass. */
    private long[][] digitCounts(long[] prefixes, int bits) {
        int shift = Long.SIZE - bits - DIGIT_BITS;
        long[][] zero = new long[prefixes.length][DIGITS];
        return values.aggregate(zero, (acc, x) -> {
            long k = key(x);
            int p = bits == 0 ? 0 : Arrays.binarySearch(prefixes, k >>> (Long.SIZE - bits));
            if (p >= 0) {
                acc[p][(int) (k >>> shift) & (DIGITS - 1)]++;
            }
            return acc;
        }, (a, b) -> {
            for (int p = 0; p < a.length; p++) {
                for (int d = 0; d < DIGITS; d++) {
                    a[p][d] += b[p][d];
                }
            }
            return a;
        });
    }

    /** Gathers the keys under small buckets, sorts them and picks the ranks: one pass. Returns how many were found. */
    private int gatherAndSelect(List<Integer> which, long[] prefix, long[] within, int bits, double[] out,
            boolean[] done) {
        long[] buckets = which.stream().mapToLong(i -> prefix[i]).sorted().distinct().toArray();
        int shift = Long.SIZE - bits;
        List<Long> keys = values.map(RankedMoney::key)
                .filter(k -> Arrays.binarySearch(buckets, k >>> shift) >= 0).collect();
        long[][] sorted = new long[buckets.length][];
        for (int b = 0; b < buckets.length; b++) {
            long bucket = buckets[b];
            sorted[b] = keys.stream().mapToLong(Long::longValue).filter(k -> k >>> shift == bucket)
                    .map(k -> k ^ Long.MIN_VALUE).sorted().map(k -> k ^ Long.MIN_VALUE).toArray();
        }
        for (int i : which) {
            long[] s = sorted[Arrays.binarySearch(buckets, prefix[i])];
            out[i] = value(s[(int) within[i]]);
            done[i] = true;
        }
        return which.size();
    }

    @Override
    public long[] binCounts(double[] cuts, boolean closedRight) {
        double[] c = cuts.clone();
        return values.aggregate(new long[c.length + 1], (acc, x) -> {
            acc[ScoringModel.binOf(c, x, closedRight)]++;
            return acc;
        }, (a, b) -> {
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
            return a;
        });
    }
}
