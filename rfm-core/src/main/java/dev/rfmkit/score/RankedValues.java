package dev.rfmkit.score;

/**
 * What a cut-point fit needs to know of one dimension's values when they are too many to hold in
 * one place (money on a cluster, say): their number, their order statistics at chosen ranks, and how
 * many fall in each bin of given cut points. A quantile, R package or equal-count fit reads nothing
 * else of money; a K-Means fit needs every distinct value, a {@link ValueCounts}.
 *
 * <p>{@link ValueCounts} is one; an implementation of another kind may answer each question with a
 * pass over distributed data, so fits ask for all their ranks at once.
 *
 * @see ScoringStrategy#fitModel(ValueCounts, ValueCounts, RankedValues)
 */
public interface RankedValues {
    /** The number of values (customers). */
    long size();

    /**
     * Order statistics: the value at each position of the sorted values, 0-based.
     *
     * @param ranks positions from 0 to {@link #size()} - 1, ascending, without repeats
     * @return the value at each position, in the same order
     */
    double[] orderStatistics(long[] ranks);

    /**
     * The number of values in each bin of cut points: bin b holds the values with b cut points below
     * them ({@link ScoringModel#binOf}).
     *
     * @param cuts the k-1 cut points, ascending
     * @param closedRight true for bins closed on the right (a cut point below a value: strictly
     *     below), false for bins closed on the left (at or below)
     * @return k counts
     */
    long[] binCounts(double[] cuts, boolean closedRight);
}
