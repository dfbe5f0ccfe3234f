package dev.rfmkit.score;

import dev.rfmkit.metrics.CustomerTable;
import java.util.Objects;

/** Checks shared by every strategy's fit. */
final class Fitting {
    private Fitting() {
    }

    static void checkFittable(CustomerTable customers) {
        Objects.requireNonNull(customers, "customers");
        if (customers.size() == 0) {
            throw new IllegalArgumentException("cannot fit a model to no customers");
        }
        for (int i = 0; i < customers.size(); i++) {
            if (Double.isNaN(customers.monetary(i))) {
                throw new IllegalArgumentException("monetary of customer " + customers.customerId(i) + " is NaN");
            }
        }
    }

    /**
     * Checks columns to fit from: the same length, at least one row, no NaN money.
     *
     * @throws IllegalArgumentException naming the row at fault
     */
    static void checkColumns(int[] recencyDays, int[] frequency, double[] monetary) {
        int n = recencyDays.length;
        if (frequency.length != n || monetary.length != n) {
            throw new IllegalArgumentException("columns must have the same length (recency " + n + ", frequency "
                    + frequency.length + ", monetary " + monetary.length + ")");
        }
        if (n == 0) {
            throw new IllegalArgumentException("cannot fit a model to no customers");
        }
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(monetary[i])) {
                throw new IllegalArgumentException("monetary of row " + i + " is NaN");
            }
        }
    }

    /** The cut points of one dimension, from the order statistics of its values. */
    interface CutRule {
        double[] cuts(Dimension dimension, OrderStatistics values);
    }

    /**
     * Fits a cut-point model: each dimension's cut points from its order statistics, the levels in use
     * from the fitting values, and the fit's scores by the model.
     */
    static ScoringFit byCutPoints(String name, int k, CustomerTable customers, CutRule rule, boolean closedRight) {
        checkFittable(customers);
        CutPointModel model = modelByCutPoints(name, k, customers.recencyColumn(), customers.frequencyColumn(),
                customers.monetaryColumn(), rule, closedRight);
        return new ScoringFit(model, model.scoreAll(customers));
    }

    /**
     * Fits a cut-point model from columns, checked by the caller. Recency and frequency are counted
     * (small integer ranges); for money only the order statistics the type-7 cut points read are
     * selected, and its bins counted in one pass.
     */
    static CutPointModel modelByCutPoints(String name, int k, int[] recencyDays, int[] frequency, double[] monetary,
            CutRule rule, boolean closedRight) {
        Distribution r = Distribution.of(recencyDays);
        Distribution f = Distribution.of(frequency);
        OrderStatistics m = SelectedStatistics.of(monetary, OrderStatistics.type7Ranks(monetary.length, k));
        double[] rc = rule.cuts(Dimension.RECENCY, r);
        double[] fc = rule.cuts(Dimension.FREQUENCY, f);
        double[] mc = rule.cuts(Dimension.MONETARY, m);
        return new CutPointModel(name, k, rc, fc, mc, CutPointModel.levels(k, binCounts(k, r, rc, closedRight),
                binCounts(k, f, fc, closedRight), binCounts(k, monetary, mc, closedRight)), closedRight);
    }

    private static long[] binCounts(int k, Distribution d, double[] cuts, boolean closedRight) {
        long[] counts = new long[k];
        for (int i = 0; i < d.distinct(); i++) {
            double v = d.value(i);
            counts[closedRight ? CutPointModel.bin(cuts, v) : CutPointModel.binClosedLeft(cuts, v)] += d.count(i);
        }
        return counts;
    }

    private static long[] binCounts(int k, double[] column, double[] cuts, boolean closedRight) {
        long[] counts = new long[k];
        for (double v : column) {
            counts[closedRight ? CutPointModel.bin(cuts, v) : CutPointModel.binClosedLeft(cuts, v)]++;
        }
        return counts;
    }
}
