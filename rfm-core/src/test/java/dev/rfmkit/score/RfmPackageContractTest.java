package dev.rfmkit.score;

/** The scoring contract for the R package's binning. */
final class RfmPackageContractTest extends ScoringContractTest {
    @Override
    ScoringStrategy strategy(int k) {
        return ScoringStrategy.rfmPackage(k);
    }

    @Override
    boolean fitMaySplitTies() {
        return false;
    }
}
