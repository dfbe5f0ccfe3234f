package dev.rfmkit.score;

/** The scoring contract for quantile scoring. */
final class QuantileContractTest extends ScoringContractTest {
    @Override
    ScoringStrategy strategy(int k) {
        return ScoringStrategy.quantile(k);
    }

    @Override
    boolean fitMaySplitTies() {
        return false;
    }
}
