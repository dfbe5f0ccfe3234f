package dev.rfmkit.score;

import java.util.Arrays;

/**
 * Chosen order statistics of a column of doubles, found by a radix select instead of a sort: one pass
 * counts the values by their top 16 bits (of the order-preserving key {@link DoubleSort#key}), a
 * second gathers the values of the buckets that hold the wanted ranks, and those, a few thousand values
 * each for money, are selected in the same way by their next 16 bits, or sorted when small. Linear in
 * the number of values; a full sort of ten million values takes several times as long.
 *
 * <p>Immutable once built. The column must hold no NaN.
 */
final class SelectedStatistics implements OrderStatistics {
    private static final int DIGIT_BITS = 16;
    private static final int SORT_BELOW = 1 << 12;

    private final long size;
    private final long[] ranks;
    private final double[] values;

    private SelectedStatistics(long size, long[] ranks, double[] values) {
        this.size = size;
        this.ranks = ranks;
        this.values = values;
    }

    /**
     * Selects order statistics of a column.
     *
     * @param column the values, not modified, no NaN
     * @param wanted the 0-based ranks, each below the column's length
     * @return the statistics, which answer for the wanted ranks only
     */
    static SelectedStatistics of(double[] column, long[] wanted) {
        long[] ranks = Arrays.stream(wanted).sorted().distinct().toArray();
        long[] keys = selectKeys(column, ranks);
        double[] values = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            values[i] = DoubleSort.value(keys[i]);
        }
        return new SelectedStatistics(column.length, ranks, values);
    }

    /**
     * Order statistics found elsewhere.
     *
     * @param size the number of values
     * @param ranks the ranks, ascending, without repeats
     * @param values the value at each rank
     * @return the statistics, which answer for those ranks only
     */
    static SelectedStatistics of(long size, long[] ranks, double[] values) {
        return new SelectedStatistics(size, ranks.clone(), values.clone());
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public double orderStatistic(long i) {
        int at = Arrays.binarySearch(ranks, i);
        if (at < 0) {
            throw new IllegalArgumentException("rank " + i + " was not selected");
        }
        return values[at];
    }

    /** The keys at the given sorted distinct ranks, counting the top digit straight from the column. */
    private static long[] selectKeys(double[] column, long[] ranks) {
        int shift = Long.SIZE - DIGIT_BITS;
        int[] count = new int[1 << DIGIT_BITS];
        for (double v : column) {
            count[(int) (DoubleSort.key(v) >>> shift)]++;
        }
        return selectFrom(count, ranks, shift, (bucketOf, into) -> {
            int[] fill = new int[into.length];
            for (double v : column) {
                long key = DoubleSort.key(v);
                int b = bucketOf[(int) (key >>> shift)];
                if (b >= 0) {
                    into[b][fill[b]++] = key;
                }
            }
        });
    }

    /** Gathers the keys of the wanted buckets: into[bucketOf[digit]] for the digits wanted, else -1. */
    private interface Gather {
        void gather(int[] bucketOf, long[][] into);
    }

    /**
     * The keys at the ranks, from the counts of the current digit: finds each rank's bucket, gathers
     * the buckets' keys, and selects within each bucket by the next digit (or a sort, when small).
     */
    private static long[] selectFrom(int[] count, long[] ranks, int shift, Gather gather) {
        int[] bucketOfRank = new int[ranks.length];
        long[] rankInBucket = new long[ranks.length];
        int[] bucketOf = new int[count.length];
        Arrays.fill(bucketOf, -1);
        int buckets = 0;
        int[] digitOf = new int[ranks.length];
        long before = 0;
        int r = 0;
        for (int d = 0; d < count.length && r < ranks.length; d++) {
            while (r < ranks.length && ranks[r] < before + count[d]) {
                if (bucketOf[d] < 0) {
                    digitOf[buckets] = d;
                    bucketOf[d] = buckets++;
                }
                bucketOfRank[r] = bucketOf[d];
                rankInBucket[r] = ranks[r] - before;
                r++;
            }
            before += count[d];
        }
        long[][] gathered = new long[buckets][];
        for (int b = 0; b < buckets; b++) {
            gathered[b] = new long[count[digitOf[b]]];
        }
        gather.gather(bucketOf, gathered);
        long[] keys = new long[ranks.length];
        for (int b = 0; b < buckets; b++) {
            long[] within = rankList(bucketOfRank, rankInBucket, b);
            long[] found = select(gathered[b], within, shift - DIGIT_BITS);
            for (int i = 0, k = 0; i < ranks.length; i++) {
                if (bucketOfRank[i] == b) {
                    keys[i] = found[k++];
                }
            }
        }
        return keys;
    }

    private static long[] rankList(int[] bucketOfRank, long[] rankInBucket, int bucket) {
        return java.util.stream.IntStream.range(0, bucketOfRank.length).filter(i -> bucketOfRank[i] == bucket)
                .mapToLong(i -> rankInBucket[i]).toArray();
    }

    /** The keys at sorted ranks among keys whose bits above shift + DIGIT_BITS are all equal. */
    private static long[] select(long[] keys, long[] ranks, int shift) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long key : keys) {
            min = Math.min(min, key);
            max = Math.max(max, key);
        }
        if (min == max) { // one value repeated, as heavy ties give: every rank is it
            long[] out = new long[ranks.length];
            Arrays.fill(out, min);
            return out;
        }
        if (keys.length < SORT_BELOW || shift < 0) {
            long[] sorted = keys.clone();
            Arrays.sort(sorted); // signed order: keys of one bucket share their sign bit, so it is the key order
            long[] out = new long[ranks.length];
            for (int i = 0; i < ranks.length; i++) {
                out[i] = sorted[(int) ranks[i]];
            }
            return out;
        }
        int[] count = new int[1 << DIGIT_BITS];
        int mask = (1 << DIGIT_BITS) - 1;
        for (long key : keys) {
            count[(int) (key >>> shift) & mask]++;
        }
        return selectFrom(count, ranks, shift, (bucketOf, into) -> {
            int[] fill = new int[into.length];
            for (long key : keys) {
                int b = bucketOf[(int) (key >>> shift) & mask];
                if (b >= 0) {
                    into[b][fill[b]++] = key;
                }
            }
        });
    }
}
