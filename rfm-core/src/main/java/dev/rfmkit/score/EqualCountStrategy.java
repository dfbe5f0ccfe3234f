package dev.rfmkit.score;

import dev.rfmkit.metrics.CustomerTable;
import java.util.Arrays;

/**
 * Rank-then-bin: same-size groups, ties broken by customer id (the table's row order). The customer at
 * rank p (1-based, by value then customer id) of n goes to bin {@link #binOfRank}; its model keeps
 * each bin's largest value.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class EqualCountStrategy implements ScoringStrategy {
    static final String NAME = "equal-count";

    private final int k;

    EqualCountStrategy(int k) {
        this.k = k;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int bins() {
        return k;
    }

    /** One dimension's fit: the bin of every row by rank, and the model's cut points. */
    private record DimensionFit(int[] binOfRow, double[] cuts, long[] binCounts) {
    }

    @Override
    public ScoringFit fit(CustomerTable customers) {
        Fitting.checkFittable(customers);
        DimensionFit r = fitDimension(toDouble(customers.recencyColumn()));
        DimensionFit f = fitDimension(toDouble(customers.frequencyColumn()));
        DimensionFit m = fitDimension(customers.monetaryColumn());
        CutPointModel model = new CutPointModel(NAME, k, r.cuts(), f.cuts(), m.cuts(),
                CutPointModel.levels(k, r.binCounts(), f.binCounts(), m.binCounts()));
        int[] cells = new int[customers.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = RfmScores.cellOf(k, k - r.binOfRow()[i], f.binOfRow()[i] + 1, m.binOfRow()[i] + 1);
        }
        return new ScoringFit(model, RfmScores.ofCells(k, cells));
    }

    @Override
    public ScoringModel fitModel(int[] recencyDays, int[] frequency, double[] monetary) {
        Fitting.checkColumns(recencyDays, frequency, monetary);
        long[] lastRanks = lastRanks(monetary.length);
        long[] wanted = new long[k];
        for (int b = 0; b < k; b++) {
            wanted[b] = lastRanks[b] - 1;
        }
        return modelOf(ValueCounts.of(recencyDays), ValueCounts.of(frequency),
                SelectedStatistics.of(monetary, wanted));
    }

    @Override
    public ScoringModel fitModel(ValueCounts recencyDays, ValueCounts frequency, RankedValues monetary) {
        Fitting.checkDistributions(recencyDays, frequency, monetary);
        long[] lastRanks = lastRanks(monetary.size());
        long[] wanted = Arrays.stream(lastRanks).map(r -> r - 1).distinct().toArray();
        return modelOf(recencyDays, frequency, SelectedStatistics.of(monetary.size(), wanted,
                monetary.orderStatistics(wanted)));
    }

    /**
     * The model from order statistics alone: the ranks in each bin follow from n, and a bin's largest
     * value is the order statistic at its last rank.
     */
    private CutPointModel modelOf(OrderStatistics r, OrderStatistics f, OrderStatistics m) {
        DimensionFit rf = modelDimension(r);
        DimensionFit ff = modelDimension(f);
        DimensionFit mf = modelDimension(m);
        return new CutPointModel(NAME, k, rf.cuts(), ff.cuts(), mf.cuts(),
                CutPointModel.levels(k, rf.binCounts(), ff.binCounts(), mf.binCounts()));
    }

    private DimensionFit modelDimension(OrderStatistics values) {
        long[] lastRanks = lastRanks(values.size());
        long[] binCounts = new long[k];
        double[] binMax = new double[k];
        for (int b = 0; b < k; b++) {
            binCounts[b] = lastRanks[b] - (b == 0 ? 0 : lastRanks[b - 1]);
            if (binCounts[b] > 0) {
                binMax[b] = values.orderStatistic(lastRanks[b] - 1);
            }
        }
        return new DimensionFit(null, cutPoints(binCounts, binMax), binCounts);
    }

    /**
     * The last 1-based rank of each bin among n: rank p is in a bin at most b when
     * (p-1)k <= (n-1)(b+1), so the last is floor((n-1)(b+1)/k) + 1, and n for the top bin.
     */
    private long[] lastRanks(long n) {
        long[] last = new long[k];
        for (int b = 0; b < k - 1; b++) {
            last[b] = Math.multiplyExact(n - 1, (long) b + 1) / k + 1;
        }
        last[k - 1] = n;
        return last;
    }

    private static double[] toDouble(int[] column) {
        double[] d = new double[column.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = column[i];
        }
        return d;
    }

    private DimensionFit fitDimension(double[] values) {
        int n = values.length;
        // rows by (value, row), a stable radix sort; rows are in customer-id order, so ties go by customer id
        int[] order = DoubleSort.order(values);
        int[] binOfRow = new int[n];
        long[] binCounts = new long[k];
        double[] binMax = new double[k];
        for (int p = 1; p <= n; p++) {
            int row = order[p - 1];
            int bin = binOfRank(p, n);
            binOfRow[row] = bin;
            binCounts[bin]++;
            binMax[bin] = values[row];
        }
        return new DimensionFit(binOfRow, cutPoints(binCounts, binMax), binCounts);
    }

    /** The number of type-7 cut points of 1..n strictly below rank p: 1 + (n-1)j/k < p. */
    /**
     * The bin of a rank: the number of type-7 cut points of the ranks 1..n below it,
     * {@code #{j in 1..k-1 : (n-1)j < (p-1)k}}. F and M score bin + 1, R scores k - bin. For fits
     * that rank customers elsewhere (sorted on a cluster, say).
     *
     * @param p the rank, 1-based, by value and then customer id
     * @param n the number of customers
     * @return the bin, 0 to k-1
     * @throws IllegalArgumentException if p is not between 1 and n
     */
    public int binOfRank(long p, long n) {
        if (p < 1 || p > n) {
            throw new IllegalArgumentException("rank must be between 1 and " + n + " (was " + p + ")");
        }
        int b = 0;
        for (int j = 1; j < k; j++) {
            b += (n - 1) * j < (p - 1) * k ? 1 : 0;
        }
        return b;
    }

    /** Cut points that send a value to the first bin whose largest value is at least it. */
    private double[] cutPoints(long[] binCounts, double[] binMax) {
        int highest = k - 1;
        while (binCounts[highest] == 0) {
            highest--;
        }
        double[] cuts = new double[k - 1];
        for (int b = 0; b < k - 1; b++) {
            if (b >= highest) {
                cuts[b] = Double.POSITIVE_INFINITY;
            } else if (binCounts[b] > 0) {
                cuts[b] = binMax[b];
            } else {
                cuts[b] = b == 0 ? Double.NEGATIVE_INFINITY : cuts[b - 1];
            }
        }
        return cuts;
    }

    @Override
    public String toString() {
        return "equal-count(" + k + ")";
    }
}
