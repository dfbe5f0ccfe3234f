package dev.rfmkit.score;

import dev.rfmkit.metrics.CustomerTable;
import java.util.Arrays;

/**
 * Business-defined cut points per dimension ("recency of 30 days or less scores 5"), binned as the
 * quantile strategy bins: right-closed, a value falls in bin b = the number of cut points strictly
 * below it. Fitting only records which levels the customers use; the cut points never move.
 */
final class FixedStrategy implements ScoringStrategy {
    static final String NAME = "fixed";

    private final int k;
    private final double[] recency;
    private final double[] frequency;
    private final double[] monetary;

    FixedStrategy(double[] recency, double[] frequency, double[] monetary) {
        this.k = recency.length + 1;
        this.recency = check(Dimension.RECENCY, recency, k);
        this.frequency = check(Dimension.FREQUENCY, frequency, k);
        this.monetary = check(Dimension.MONETARY, monetary, k);
    }

    private static double[] check(Dimension d, double[] cuts, int k) {
        if (cuts.length + 1 < 2 || cuts.length + 1 > RfmScore.MAX_BINS) {
            throw new IllegalArgumentException(d.letter() + " thresholds: between 1 and " + (RfmScore.MAX_BINS - 1)
                    + " cut points make 2 to " + RfmScore.MAX_BINS + " bins (was " + cuts.length + ")");
        }
        if (cuts.length != k - 1) {
            throw new IllegalArgumentException(d.letter() + " thresholds: every dimension needs the same number of cut "
                    + "points; R has " + (k - 1) + ", " + d.letter() + " has " + cuts.length);
        }
        for (int i = 0; i < cuts.length; i++) {
            if (!Double.isFinite(cuts[i])) {
                throw new IllegalArgumentException(d.letter() + " threshold " + (i + 1) + " is not finite (was "
                        + cuts[i] + ")");
            }
            if (i > 0 && cuts[i] <= cuts[i - 1]) {
                throw new IllegalArgumentException(d.letter() + " thresholds must be strictly ascending ("
                        + cuts[i - 1] + " then " + cuts[i] + ")");
            }
        }
        return cuts.clone();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int bins() {
        return k;
    }

    @Override
    public ScoringFit fit(CustomerTable customers) {
        return Fitting.byCutPoints(NAME, k, customers, this::cuts, true);
    }

    @Override
    public ScoringModel fitModel(int[] recencyDays, int[] frequencyColumn, double[] monetaryColumn) {
        Fitting.checkColumns(recencyDays, frequencyColumn, monetaryColumn);
        return Fitting.modelByCutPoints(NAME, k, recencyDays, frequencyColumn, monetaryColumn, this::cuts, true);
    }

    private double[] cuts(Dimension dimension, OrderStatistics values) {
        return switch (dimension) {
            case RECENCY -> recency.clone();
            case FREQUENCY -> frequency.clone();
            case MONETARY -> monetary.clone();
        };
    }

    @Override
    public ScoringModel fitModel(ValueCounts recencyDays, ValueCounts frequency, RankedValues monetary) {
        Fitting.checkDistributions(recencyDays, frequency, monetary);
        return Fitting.modelByCutPoints(NAME, k, recencyDays, frequency, monetary, this::cuts, true);
    }

    @Override
    public String toString() {
        return "fixed(R=" + Arrays.toString(recency) + ", F=" + Arrays.toString(frequency) + ", M="
                + Arrays.toString(monetary) + ")";
    }
}
