package dev.rfmkit.score;

/**
 * The order statistics of one dimension's values: what quantile cut points are made of. A
 * {@link ValueCounts} holds all of them; {@link SelectedStatistics} finds just the ones asked for.
 */
interface OrderStatistics {
    /** The number of values. */
    long size();

    /** The order statistic x_(i), 0-based: the value at position i of the sorted values. */
    double orderStatistic(long i);

    /**
     * The k-1 cut points at probabilities j/k, Hyndman and Fan type 7 (the default of R, numpy and
     * pandas): with h = (n-1)j/k, c = x_(floor h) + (h - floor h)(x_(floor h + 1) - x_(floor h)),
     * 0-based order statistics. h is computed exactly in integers, so a whole h never picks up a
     * rounding error.
     */
    default double[] type7CutPoints(int k) {
        long n = size();
        double[] cuts = new double[k - 1];
        for (int j = 1; j < k; j++) {
            long h = (n - 1) * j;
            long lo = h / k;
            long rem = h % k;
            double low = orderStatistic(lo);
            cuts[j - 1] = rem == 0 ? low : low + (double) rem / k * (orderStatistic(lo + 1) - low);
        }
        return cuts;
    }

    /** The ranks type-7 cut points with k bins read, for a size: floor h and floor h + 1 for each j. */
    static long[] type7Ranks(long n, int k) {
        long[] ranks = new long[2 * (k - 1)];
        for (int j = 1; j < k; j++) {
            long lo = (n - 1) * j / k;
            ranks[2 * (j - 1)] = lo;
            ranks[2 * (j - 1) + 1] = Math.min(lo + 1, n - 1);
        }
        return ranks;
    }
}
