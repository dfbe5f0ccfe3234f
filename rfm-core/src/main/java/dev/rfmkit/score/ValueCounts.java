package dev.rfmkit.score;

import java.util.Arrays;

/**
 * The distribution of one dimension's values: its distinct values in ascending order, each with the
 * number of customers that have it. It is all a quantile, R package or K-Means fit needs of a
 * dimension (and an equal-count model, though not that fit's own tie-splitting scores), so a fit can
 * be computed from distributions counted elsewhere, for example aggregated on a cluster, and merged
 * from parts of the data: see {@link ScoringStrategy#fitModel(ValueCounts, ValueCounts, ValueCounts)}.
 *
 * <p>Values are compared as {@code double}s with {@code ==}: {@code -0.0} and {@code 0.0} are one value
 * (kept as {@code 0.0}). NaN is refused. Small for recency and
 * frequency (some hundreds of distinct values); for money at most one entry per customer, and far
 * fewer when amounts are whole cents. Memory: 16 bytes per distinct value.
 *
 * <p>Immutable and thread-safe.
 */
public final class ValueCounts implements OrderStatistics, RankedValues {
    /** Integer columns whose range is at most this wide are counted, not sorted. */
    private static final long COUNTING_RANGE = 1L << 22;

    private final double[] values;
    /** cumulative[i] = the number of observations <= values[i]. */
    private final long[] cumulative;

    private ValueCounts(double[] values, long[] cumulative) {
        this.values = values;
        this.cumulative = cumulative;
    }

    /**
     * The distribution of an integer column (recency days or frequencies).
     *
     * @param column the values, not modified
     * @return the distribution; empty for an empty column
     */
    public static ValueCounts of(int[] column) {
        if (column.length == 0) {
            return new ValueCounts(new double[0], new long[0]);
        }
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int v : column) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if ((long) max - min >= COUNTING_RANGE) {
            double[] copy = new double[column.length];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = column[i];
            }
            return sortedOf(copy);
        }
        long[] counts = new long[max - min + 1];
        for (int v : column) {
            counts[v - min]++;
        }
        int distinct = 0;
        for (long c : counts) {
            distinct += c > 0 ? 1 : 0;
        }
        double[] values = new double[distinct];
        long[] cumulative = new long[distinct];
        long running = 0;
        for (int i = 0, d = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                running += counts[i];
                values[d] = (double) min + i;
                cumulative[d++] = running;
            }
        }
        return new ValueCounts(values, cumulative);
    }

    /**
     * The distribution of a column of doubles (money).
     *
     * @param column the values, not modified
     * @return the distribution; empty for an empty column
     * @throws IllegalArgumentException if a value is NaN, naming its row
     */
    public static ValueCounts of(double[] column) {
        for (int i = 0; i < column.length; i++) {
            if (Double.isNaN(column[i])) {
                throw new IllegalArgumentException("value of row " + i + " is NaN");
            }
        }
        return sortedOf(column);
    }

    /** The distribution of a column known to hold no NaN. */
    static ValueCounts sortedOf(double[] column) {
        double[] sorted = DoubleSort.sorted(column);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        double[] values = new double[distinct];
        long[] cumulative = new long[distinct];
        for (int i = 0, d = -1; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                values[++d] = sorted[i];
            }
            cumulative[d] = i + 1L;
        }
        return new ValueCounts(values, cumulative);
    }

    /**
     * A distribution from values and their counts, in any order; repeated values are added up. The
     * way in for counts aggregated elsewhere (a {@code GROUP BY value} on a cluster).
     *
     * @param values the values, none NaN, not modified
     * @param counts the number of customers with each value, each at least 1
     * @return the distribution
     * @throws IllegalArgumentException if the arrays differ in length, a value is NaN, a count is
     *     below 1, or the counts add up beyond {@code Long.MAX_VALUE}; the message names the entry
     */
    public static ValueCounts of(double[] values, long[] counts) {
        if (values.length != counts.length) {
            throw new IllegalArgumentException("values and counts must have the same length (values " + values.length
                    + ", counts " + counts.length + ")");
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException("value of entry " + i + " is NaN");
            }
            if (counts[i] < 1) {
                throw new IllegalArgumentException("count of entry " + i + " (value " + values[i]
                        + ") must be at least 1 (was " + counts[i] + ")");
            }
        }
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] merged = new double[values.length];
        long[] cumulative = new long[values.length];
        int d = -1;
        long running = 0;
        for (int at : order) {
            running = add(running, counts[at]);
            if (d < 0 || values[at] != merged[d]) {
                merged[++d] = values[at] + 0.0; // -0.0 becomes 0.0
            }
            cumulative[d] = running;
        }
        return new ValueCounts(Arrays.copyOf(merged, d + 1), Arrays.copyOf(cumulative, d + 1));
    }

    /**
     * This distribution and another added up: the distribution of both parts of the data together.
     *
     * @param other the other part
     * @return the merged distribution
     * @throws IllegalArgumentException if the counts add up beyond {@code Long.MAX_VALUE}
     */
    public ValueCounts merge(ValueCounts other) {
        double[] merged = new double[values.length + other.values.length];
        long[] cumulative = new long[merged.length];
        int i = 0;
        int j = 0;
        int d = -1;
        long running = 0;
        while (i < values.length || j < other.values.length) {
            boolean mine = j == other.values.length
                    || i < values.length && Double.compare(values[i], other.values[j]) <= 0;
            double v = mine ? values[i] : other.values[j];
            long c = mine ? count(i++) : other.count(j++);
            running = add(running, c);
            if (d < 0 || v != merged[d]) {
                merged[++d] = v;
            }
            cumulative[d] = running;
        }
        return new ValueCounts(Arrays.copyOf(merged, d + 1), Arrays.copyOf(cumulative, d + 1));
    }

    private static long add(long running, long count) {
        try {
            return Math.addExact(running, count);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("counts add up beyond " + Long.MAX_VALUE, e);
        }
    }

    /** The number of observations (customers). */
    @Override
    public long size() {
        return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
    }

    /** The number of distinct values. */
    public int distinct() {
        return values.length;
    }

    /**
     * A distinct value.
     *
     * @param distinctIndex 0 for the lowest, up to {@link #distinct()} - 1
     * @return the value
     */
    public double value(int distinctIndex) {
        return values[distinctIndex];
    }

    /**
     * The number of observations of a distinct value.
     *
     * @param distinctIndex 0 for the lowest value, up to {@link #distinct()} - 1
     * @return the count, at least 1
     */
    public long count(int distinctIndex) {
        return cumulative[distinctIndex] - (distinctIndex == 0 ? 0 : cumulative[distinctIndex - 1]);
    }

    /**
     * The order statistic x_(i), 0-based: the value at position i of the sorted observations.
     *
     * @param i the position, from 0 to {@link #size()} - 1
     * @return the value
     * @throws IndexOutOfBoundsException if i is outside that range
     */
    @Override
    public double orderStatistic(long i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("position " + i + " is outside 0.." + (size() - 1));
        }
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > i) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return values[lo];
    }

    @Override
    public double[] orderStatistics(long[] ranks) {
        double[] values = new double[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            values[i] = orderStatistic(ranks[i]);
        }
        return values;
    }

    @Override
    public long[] binCounts(double[] cuts, boolean closedRight) {
        long[] counts = new long[cuts.length + 1];
        for (int i = 0; i < values.length; i++) {
            counts[ScoringModel.binOf(cuts, values[i], closedRight)] += count(i);
        }
        return counts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueCounts v && Arrays.equals(values, v.values) && Arrays.equals(cumulative, v.cumulative);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(cumulative);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ValueCounts[");
        for (int i = 0; i < Math.min(values.length, 8); i++) {
            sb.append(i == 0 ? "" : ", ").append(values[i]).append('x').append(count(i));
        }
        if (values.length > 8) {
            sb.append(", ... ").append(values.length).append(" distinct");
        }
        return sb.append("; ").append(size()).append(" in all]").toString();
    }
}
