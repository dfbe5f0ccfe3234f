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

    /** The cut points of one dimension, from the distribution of its values. */
    interface CutRule {
        double[] cuts(Dimension dimension, Distribution values);
    }

    /**
     * Fits a cut-point model: each dimension's cut points from its distribution, the levels in use
     * from the fitting values, and the fit's scores by the model.
     */
    static ScoringFit byCutPoints(String name, int k, CustomerTable customers, CutRule rule, boolean closedRight) {
        checkFittable(customers);
        Distribution r = Distribution.of(customers.recencyColumn());
        Distribution f = Distribution.of(customers.frequencyColumn());
        Distribution m = Distribution.of(customers.monetaryColumn());
        double[] rc = rule.cuts(Dimension.RECENCY, r);
        double[] fc = rule.cuts(Dimension.FREQUENCY, f);
        double[] mc = rule.cuts(Dimension.MONETARY, m);
        CutPointModel model = new CutPointModel(name, k, rc, fc, mc, CutPointModel.levels(k,
                binCounts(k, r, rc, closedRight), binCounts(k, f, fc, closedRight), binCounts(k, m, mc, closedRight)),
                closedRight);
        return new ScoringFit(model, model.scoreAll(customers));
    }

    private static long[] binCounts(int k, Distribution d, double[] cuts, boolean closedRight) {
        long[] counts = new long[k];
        for (int i = 0; i < d.distinct(); i++) {
            double v = d.value(i);
            counts[closedRight ? CutPointModel.bin(cuts, v) : CutPointModel.binClosedLeft(cuts, v)] += d.count(i);
        }
        return counts;
    }
}
