package dev.rfmkit.score;

/** The scoring contract for equal-count scoring, whose fit may split tied values between bins. */
final class EqualCountContractTest extends ScoringContractTest {
    @Override
    ScoringStrategy strategy(int k) {
        return ScoringStrategy.equalCount(k);
    }

    @Override
    boolean fitMaySplitTies() {
        return true;
    }
}
