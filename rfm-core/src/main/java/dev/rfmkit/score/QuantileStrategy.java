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
        Fitting.checkFittable(customers);
        Distribution r = Distribution.of(customers.recencyColumn());
        Distribution f = Distribution.of(customers.frequencyColumn());
        Distribution m = Distribution.of(customers.monetaryColumn());
        double[] rc = r.type7CutPoints(k);
        double[] fc = f.type7CutPoints(k);
        double[] mc = m.type7CutPoints(k);
        CutPointModel model = new CutPointModel(NAME, k, rc, fc, mc,
                CutPointModel.levels(k, binCounts(r, rc), binCounts(f, fc), binCounts(m, mc)));
        return new ScoringFit(model, model.scoreAll(customers));
    }

    private long[] binCounts(Distribution d, double[] cuts) {
        long[] counts = new long[k];
        for (int i = 0; i < d.distinct(); i++) {
            counts[CutPointModel.bin(cuts, d.value(i))] += d.count(i);
        }
        return counts;
    }

    @Override
    public String toString() {
        return "quantile(" + k + ")";
    }
}
