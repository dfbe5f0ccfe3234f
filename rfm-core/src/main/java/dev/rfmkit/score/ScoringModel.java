package dev.rfmkit.score;

import dev.rfmkit.metrics.CustomerTable;
import java.util.List;
import java.util.Map;

/**
 * A fitted scoring model: scores any customer's recency, frequency and monetary values, whether or
 * not the customer was among those it was fitted to (fit nightly, score in real time).
 *
 * <p>Each dimension is binned by k-1 ascending cut points. Bins are right-closed by default: a value
 * falls in bin b = the number of cut points strictly below it. Models of the R package
 * compatibility strategy are left-closed instead ({@link #closedRight()} false): b = the number of
 * cut points at or below the value. Frequency and monetary score b + 1, recency k - b. Repeated cut points leave bins empty; {@link #levelsInUse} tells which scores the fitting
 * customers received.
 *
 * <p>Implementations are immutable and safe to share between threads.
 */
public interface ScoringModel {
    /**
     * The bin of a value under cut points, as cut-point models bin: the number of cut points strictly
     * below it (bins closed on the right), or at or below it (closed on the left).
     *
     * @param cuts the cut points, ascending
     * @param value the value, not NaN
     * @param closedRight whether bins are closed on the right
     * @return the bin, 0 to cuts.length
     */
    static int binOf(double[] cuts, double value, boolean closedRight) {
        return closedRight ? CutPointModel.bin(cuts, value) : CutPointModel.binClosedLeft(cuts, value);
    }

    /**
     * A cut-point model from its parts, as saved from a fit: the models of the {@code quantile},
     * {@code equal-count}, {@code fixed} and {@code rfm-package} strategies are all of this kind
     * (K-Means models are made from their clusters, {@link KMeansModel#of}).
     *
     * @param strategy the strategy that fitted it: {@code quantile}, {@code equal-count}, {@code fixed}
     *     or {@code rfm-package} (whose bins are closed on the left)
     * @param bins the number of score levels k, 2..10
     * @param cutPoints the k-1 cut points of each dimension, ascending (strictly for {@code fixed}), not
     *     NaN; infinite ones only for {@code equal-count}
     * @param levelsInUse the score levels the fitting customers used, per dimension, ascending, 1..k,
     *     at least one
     * @return the model
     * @throws IllegalArgumentException if the strategy is none of these or a rule above is broken; the
     *     message names the dimension
     */
    static ScoringModel ofCutPoints(String strategy, int bins, Map<Dimension, double[]> cutPoints,
            Map<Dimension, List<Integer>> levelsInUse) {
        return CutPointModel.of(strategy, bins, cutPoints, levelsInUse);
    }

    /** The name of the strategy that fitted this model, such as {@code quantile}. */
    String strategy();

    /** The number of bins k: scores are 1..k. */
    int bins();

    /**
     * The k-1 cut points of a dimension, ascending (repeats possible), in the dimension's units:
     * days, orders, currency units. For equal-count models these are derived from the largest value of
     * each bin (see {@link ScoringStrategy#equalCount(int)}); for K-Means models they are the
     * midpoints between adjacent centres (see {@link KMeansModel}). A cut point may be infinite.
     *
     * @param dimension the dimension
     * @return a copy of the cut points
     */
    double[] cutPoints(Dimension dimension);

    /**
     * Whether bins are closed on the right, so that a value equal to a cut point falls in the bin
     * below it (true for every strategy but {@code rfm-package}, whose bins are closed on the left).
     *
     * @return true if bins are right-closed
     */
    default boolean closedRight() {
        return true;
    }

    /**
     * The scores (1..k, ascending) that at least one fitting customer received in a dimension.
     *
     * @param dimension the dimension
     * @return the levels in use, immutable
     */
    List<Integer> levelsInUse(Dimension dimension);

    /**
     * Scores one customer.
     *
     * @param recencyDays days since the last order, 0 or more
     * @param frequency the number of orders
     * @param monetary the monetary value in currency units
     * @return the score
     * @throws IllegalArgumentException if monetary is NaN
     */
    RfmScore score(int recencyDays, int frequency, double monetary);

    /**
     * Scores every customer of a table.
     *
     * @param customers the customers
     * @return their scores, aligned with the table's rows
     */
    RfmScores scoreAll(CustomerTable customers);

    /**
     * Scores a batch given as primitive columns, writing each customer's cell index
     * ({@link RfmScore#cell(int)}): the fast path for large batches.
     *
     * @param recencyDays the recency column
     * @param frequency the frequency column
     * @param monetary the monetary column (no NaN)
     * @param cells the output, at least as long as the input columns
     * @throws IllegalArgumentException if the columns differ in length or the output is too short
     */
    void scoreCells(int[] recencyDays, int[] frequency, double[] monetary, int[] cells);
}
