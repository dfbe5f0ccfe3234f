package dev.rfmkit.score;

/** The scoring contract for fixed thresholds, spread over the ranges of the generated data. */
final class FixedContractTest extends ScoringContractTest {
    @Override
    ScoringStrategy strategy(int k) {
        double[] r = new double[k - 1];
        double[] f = new double[k - 1];
        double[] m = new double[k - 1];
        for (int j = 1; j < k; j++) {
            r[j - 1] = 30.0 * j;
            f[j - 1] = j;
            m[j - 1] = 75.5 * j;
        }
        return ScoringStrategy.fixed(r, f, m);
    }

    @Override
    boolean fitMaySplitTies() {
        return false;
    }
}
