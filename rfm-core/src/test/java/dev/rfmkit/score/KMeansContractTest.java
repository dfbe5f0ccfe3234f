package dev.rfmkit.score;

/** The scoring contract for exact K-Means, without a transform. */
final class KMeansContractTest extends ScoringContractTest {
    @Override
    ScoringStrategy strategy(int k) {
        return ScoringStrategy.kmeans(k);
    }

    @Override
    boolean fitMaySplitTies() {
        return false;
    }
}
