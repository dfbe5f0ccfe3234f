package dev.rfmkit.score;

import dev.rfmkit.metrics.CustomerTable;

/** Rank-then-bin: same-size groups, ties broken by customer id (the table's row order). */
final class EqualCountStrategy implements ScoringStrategy {
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
        int n = customers.size();
        byte[] rs = new byte[n];
        byte[] fs = new byte[n];
        byte[] ms = new byte[n];
        for (int i = 0; i < n; i++) {
            rs[i] = (byte) (k - r.binOfRow()[i]);
            fs[i] = (byte) (f.binOfRow()[i] + 1);
            ms[i] = (byte) (m.binOfRow()[i] + 1);
        }
        return new ScoringFit(model, new RfmScores(k, rs, fs, ms));
    }

    @Override
    public ScoringModel fitModel(int[] recencyDays, int[] frequency, double[] monetary) {
        Fitting.checkColumns(recencyDays, frequency, monetary);
        DimensionFit r = fitDimension(toDouble(recencyDays));
        DimensionFit f = fitDimension(toDouble(frequency));
        DimensionFit m = fitDimension(monetary);
        return new CutPointModel(NAME, k, r.cuts(), f.cuts(), m.cuts(),
                CutPointModel.levels(k, r.binCounts(), f.binCounts(), m.binCounts()));
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
    private int binOfRank(long p, long n) {
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
