package dev.rfmkit.score;

/**
 * The distribution of one dimension: its sorted distinct values with cumulative counts. All a
 * quantile fit needs, and small for the integer dimensions.
 */
final class Distribution implements OrderStatistics {
    /** Integer columns whose range is at most this wide are counted, not sorted. */
    private static final long COUNTING_RANGE = 1L << 22;

    private final double[] values;
    /** cumulative[i] = the number of observations <= values[i]. */
    private final long[] cumulative;

    private Distribution(double[] values, long[] cumulative) {
        this.values = values;
        this.cumulative = cumulative;
    }

    static Distribution of(int[] column) {
        if (column.length == 0) {
            return new Distribution(new double[0], new long[0]);
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
            return of(copy);
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
        return new Distribution(values, cumulative);
    }

    static Distribution of(double[] column) {
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
        return new Distribution(values, cumulative);
    }

    @Override
    public long size() {
        return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
    }

    int distinct() {
        return values.length;
    }

    double value(int distinctIndex) {
        return values[distinctIndex];
    }

    long count(int distinctIndex) {
        return cumulative[distinctIndex] - (distinctIndex == 0 ? 0 : cumulative[distinctIndex - 1]);
    }

    @Override
    public double orderStatistic(long i) {
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
}
