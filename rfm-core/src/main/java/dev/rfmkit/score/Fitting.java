package dev.rfmkit.score;

import dev.rfmkit.metrics.CustomerTable;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/** Checks shared by every strategy's fit, and the one fitting path of the cut-point strategies. */
final class Fitting {
    private Fitting() {
    }

    /** A table to fit from has a customer; its money is never NaN, being computed from whole units. */
    static void checkFittable(CustomerTable customers) {
        Objects.requireNonNull(customers, "customers");
        if (customers.size() == 0) {
            throw new IllegalArgumentException("cannot fit a model to no customers");
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
        int[] recency = customers.recencyColumn();
        int[] frequency = customers.frequencyColumn();
        double[] monetary = customers.monetaryColumn();
        CutPointModel model = modelByCutPoints(name, k, recency, frequency, monetary, rule, closedRight);
        return new ScoringFit(model, model.scoreColumns(recency, frequency, monetary));
    }

    /**
     * Fits a cut-point model from columns, checked by the caller. Recency and frequency are counted
     * (small integer ranges); for money only the order statistics the type-7 cut points read are
     * selected, and its bins counted in one pass.
     */
    static CutPointModel modelByCutPoints(String name, int k, int[] recencyDays, int[] frequency, double[] monetary,
            CutRule rule, boolean closedRight) {
        OrderStatistics m = SelectedStatistics.of(monetary, OrderStatistics.type7Ranks(monetary.length, k));
        return modelByCutPoints(name, k, ValueCounts.of(recencyDays), ValueCounts.of(frequency), m,
                cuts -> binCounts(k, monetary, cuts, closedRight), rule, closedRight);
    }

    /**
     * Fits a cut-point model from the distributions of recency and frequency and what is known of
     * money, checked by the caller: money is asked once for the order statistics type-7 cut points
     * read, and once for its bin counts.
     */
    static CutPointModel modelByCutPoints(String name, int k, ValueCounts recency, ValueCounts frequency,
            RankedValues monetary, CutRule rule, boolean closedRight) {
        long[] ranks = Arrays.stream(OrderStatistics.type7Ranks(monetary.size(), k)).sorted().distinct().toArray();
        OrderStatistics m = SelectedStatistics.of(monetary.size(), ranks, monetary.orderStatistics(ranks));
        return modelByCutPoints(name, k, recency, frequency, m, cuts -> monetary.binCounts(cuts, closedRight), rule,
                closedRight);
    }

    /**
     * The one way cut-point models are fitted: cut points from each dimension's order statistics,
     * levels in use from the number of fitting values in each bin.
     */
    private static CutPointModel modelByCutPoints(String name, int k, ValueCounts r, ValueCounts f, OrderStatistics m,
            Function<double[], long[]> moneyBinCounts, CutRule rule, boolean closedRight) {
        double[] rc = rule.cuts(Dimension.RECENCY, r);
        double[] fc = rule.cuts(Dimension.FREQUENCY, f);
        double[] mc = rule.cuts(Dimension.MONETARY, m);
        return new CutPointModel(name, k, rc, fc, mc, CutPointModel.levels(k, r.binCounts(rc, closedRight),
                f.binCounts(fc, closedRight), moneyBinCounts.apply(mc)), closedRight);
    }

    /**
     * Checks distributions to fit from: the same number of customers in each, at least one.
     *
     * @throws IllegalArgumentException if not
     */
    static void checkDistributions(ValueCounts recency, ValueCounts frequency, RankedValues monetary) {
        long n = recency.size();
        if (frequency.size() != n || monetary.size() != n) {
            throw new IllegalArgumentException("distributions must count the same customers (recency " + n
                    + ", frequency " + frequency.size() + ", monetary " + monetary.size() + ")");
        }
        if (n == 0) {
            throw new IllegalArgumentException("cannot fit a model to no customers");
        }
    }

    private static long[] binCounts(int k, double[] column, double[] cuts, boolean closedRight) {
        long[] counts = new long[k];
        for (double v : column) {
            counts[closedRight ? CutPointModel.bin(cuts, v) : CutPointModel.binClosedLeft(cuts, v)]++;
        }
        return counts;
    }
}
