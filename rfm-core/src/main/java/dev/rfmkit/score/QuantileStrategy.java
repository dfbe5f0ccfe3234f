package dev.rfmkit.score;

import dev.rfmkit.metrics.CustomerTable;

/** Type-7 quantile cut points, right-closed bins. */
final class QuantileStrategy implements ScoringStrategy {
    static final String NAME = "quantile";

    private final int k;

    QuantileStrategy(int k) {
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

    @Override
    public ScoringFit fit(CustomerTable customers) {
        return Fitting.byCutPoints(NAME, k, customers, (dimension, values) -> values.type7CutPoints(k), true);
    }

    @Override
    public ScoringModel fitModel(int[] recencyDays, int[] frequency, double[] monetary) {
        Fitting.checkColumns(recencyDays, frequency, monetary);
        return Fitting.modelByCutPoints(NAME, k, recencyDays, frequency, monetary,
                (dimension, values) -> values.type7CutPoints(k), true);
    }

    @Override
    public ScoringModel fitModel(ValueCounts recencyDays, ValueCounts frequency, RankedValues monetary) {
        Fitting.checkDistributions(recencyDays, frequency, monetary);
        return Fitting.modelByCutPoints(NAME, k, recencyDays, frequency, monetary, (dimension, values) -> values.type7CutPoints(k), true);
    }

    @Override
    public String toString() {
        return "quantile(" + k + ")";
    }
}
