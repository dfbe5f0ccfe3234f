package dev.rfmkit.score;

import dev.rfmkit.metrics.CustomerTable;

/**
 * A way of turning metrics into scores: fits a {@link ScoringModel} to a table of customers.
 *
 * <p>Fitting is deterministic: the same customers give the same model, whatever their order.
 * Strategies are immutable and safe to share between threads.
 */
public interface ScoringStrategy {
    /** The default number of bins. */
    int DEFAULT_BINS = 5;

    /** The strategy's name, such as {@code quantile} or {@code equal-count}. */
    String name();

    /** The number of bins k. */
    int bins();

    /**
     * Fits a model to the customers and scores them.
     *
     * @param customers the fitting customers, at least one
     * @return the model and the fitting customers' scores
     * @throws IllegalArgumentException if the table is empty or holds a NaN monetary value
     */
    ScoringFit fit(CustomerTable customers);

    /**
     * Fits a model to customers given as primitive columns, without scoring them: the batch API for
     * large fits (score afterwards with {@link ScoringModel#scoreCells}). Row i of the three columns is
     * one customer. Where a strategy breaks ties between customers by their order (equal-count), the
     * rows' order is used, as {@link #fit} uses the table's customer-id order.
     *
     * <p>The built-in strategies all fit from columns; a strategy of another kind may refuse.
     *
     * @param recencyDays the recency column
     * @param frequency the frequency column
     * @param monetary the monetary column
     * @return the model, the same as {@link #fit} gives for the same customers in the same order
     * @throws IllegalArgumentException if the columns are empty, differ in length or hold a NaN
     *     monetary value; the message names the row
     * @throws UnsupportedOperationException if the strategy only fits from a {@link CustomerTable}
     */
    default ScoringModel fitModel(int[] recencyDays, int[] frequency, double[] monetary) {
        throw new UnsupportedOperationException("strategy " + name() + " fits from a customer table only");
    }

    /**
     * Fits a model from the distribution of each dimension (distinct values with their counts) instead
     * of the customers themselves: the way to fit from summaries counted elsewhere, such as
     * {@code GROUP BY} aggregates of a cluster, or merged from parts of the data. A quantile, R package
     * or K-Means model depends on nothing else, so it equals the model {@link #fit} gives for the same
     * customers; so does an equal-count model (its bins' largest values are order statistics), though
     * not the equal-count fit's own scores, which split ties by customer id.
     *
     * <p>Money may also be given as {@link RankedValues} of another kind, which answer just the order
     * statistics and bin counts the fit asks for: enough for every built-in strategy but K-Means, which
     * clusters every distinct value and needs a {@link ValueCounts}. That keeps a fit of many customers
     * with distinct amounts from holding them all in one place.
     *
     * <p>The built-in strategies all fit from distributions; a strategy of another kind may refuse.
     *
     * @param recencyDays the distribution of recency (days)
     * @param frequency the distribution of frequency
     * @param monetary the distribution of monetary values, or their ranked values
     * @return the model
     * @throws IllegalArgumentException if the distributions count different numbers of customers or
     *     none, or hold values the strategy cannot fit (K-Means: non-finite money, values outside its
     *     transform's domain, money not given as {@link ValueCounts})
     * @throws UnsupportedOperationException if the strategy fits from customers only
     */
    default ScoringModel fitModel(ValueCounts recencyDays, ValueCounts frequency, RankedValues monetary) {
        throw new UnsupportedOperationException("strategy " + name() + " does not fit from distributions");
    }

    /**
     * Quantile scoring with {@value #DEFAULT_BINS} bins.
     *
     * @return the strategy
     * @see #quantile(int)
     */
    static ScoringStrategy quantile() {
        return quantile(DEFAULT_BINS);
    }

    /**
     * Quantile scoring, the default: per dimension, cut points at the empirical quantiles j/k
     * (Hyndman and Fan type 7, linear interpolation between order statistics: the default of R's
     * {@code quantile()}, numpy and pandas), bins closed on the right as in {@code pandas.qcut}.
     * Repeated cut points (heavy ties) leave bins empty rather than renumbering them, so a score means
     * the same quantile band on every data set. Fitting takes O(n) for recency and frequency
     * (counting) and O(n log n) for money.
     *
     * @param bins the number of bins k, 2..10
     * @return the strategy
     * @throws IllegalArgumentException if bins is outside 2..10
     */
    static ScoringStrategy quantile(int bins) {
        return new QuantileStrategy(checkBins(bins));
    }

    /**
     * Equal-count scoring: same-size groups. Per dimension, customers are sorted by value, ties by
     * customer id ({@link dev.rfmkit.order.CustomerIdOrder}), ranked 1..n in that order, and the
     * ranks are binned with the type-7 cut points of 1..n (right-closed): the recipe
     * {@code pandas.qcut(values.rank(method="first"), k)} over rows sorted by customer id.
     *
     * <p>The model keeps each bin's largest value; a new value goes to the first bin whose largest
     * value is at least the value, and a value above every bin's largest to the highest bin in use.
     * Its cut points are therefore the largest values of the bins (an empty bin repeats the cut point
     * before it; bins from the highest one in use upward have an infinite cut point). Fitting
     * customers whose tied value spans two bins keep their rank-based scores in the fit's own output.
     *
     * @param bins the number of bins k, 2..10
     * @return the strategy
     * @throws IllegalArgumentException if bins is outside 2..10
     */
    static EqualCountStrategy equalCount(int bins) {
        return new EqualCountStrategy(checkBins(bins));
    }

    /**
     * The binning of the R package {@code rfm} with k = 5: type-7 quantiles plus one as left-closed
     * edges. See {@link RfmPackageStrategy}.
     *
     * @return the strategy
     */
    static RfmPackageStrategy rfmPackage() {
        return rfmPackage(DEFAULT_BINS);
    }

    /**
     * The binning of the R package {@code rfm} with k bins; add explicit breakpoints with
     * {@link RfmPackageStrategy#withBreakpoints}.
     *
     * @param bins the number of bins k, 2..10
     * @return the strategy
     * @throws IllegalArgumentException if bins is outside 2..10
     */
    static RfmPackageStrategy rfmPackage(int bins) {
        return new RfmPackageStrategy(checkBins(bins), new java.util.EnumMap<>(Dimension.class));
    }

    /**
     * Exact K-Means scoring with {@value #DEFAULT_BINS} clusters and no transform.
     *
     * @return the strategy
     * @see #kmeans(int)
     */
    static KMeansStrategy kmeans() {
        return kmeans(DEFAULT_BINS);
    }

    /**
     * Exact K-Means scoring: per dimension, the globally optimal clustering into k clusters (no
     * random starts, no iterations), ordered by centre; a value scores by its nearest centre. See
     * {@link KMeansStrategy}; choose a transform with {@link KMeansStrategy#withTransform}.
     *
     * @param bins the number of clusters k, 2..10
     * @return the strategy
     * @throws IllegalArgumentException if bins is outside 2..10
     */
    static KMeansStrategy kmeans(int bins) {
        return new KMeansStrategy(checkBins(bins), KMeansTransform.NONE);
    }

    /**
     * Fixed business thresholds: k-1 cut points per dimension, in days, orders and currency units,
     * binned right-closed like quantiles (with recency cut points 30, 60, 90, 180, a last order 30
     * days ago scores R 5, 31 days R 4).
     *
     * @param recency the recency cut points, strictly ascending
     * @param frequency the frequency cut points, as many, strictly ascending
     * @param monetary the monetary cut points, as many, strictly ascending
     * @return the strategy, with k = the number of cut points + 1
     * @throws IllegalArgumentException if the counts differ or are outside 1..9, or cut points are not
     *     finite or not strictly ascending; the message names the dimension
     */
    static ScoringStrategy fixed(double[] recency, double[] frequency, double[] monetary) {
        return new FixedStrategy(recency, frequency, monetary);
    }

    private static int checkBins(int bins) {
        if (bins < 2 || bins > RfmScore.MAX_BINS) {
            throw new IllegalArgumentException("bins must be between 2 and " + RfmScore.MAX_BINS + " (was " + bins + ")");
        }
        return bins;
    }
}
