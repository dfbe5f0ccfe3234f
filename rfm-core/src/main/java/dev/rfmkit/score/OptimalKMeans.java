package dev.rfmkit.score;

import java.util.Objects;
import java.util.concurrent.ForkJoinTask;

/**
 * Exact K-Means in one dimension: the partition of the values into k clusters of consecutive values
 * with the globally smallest within-cluster sum of squares. No random starts, no iterations, no
 * seed: the same values give the same clusters, whatever their order.
 *
 * <p>The values are collapsed to their sorted distinct values, each weighted by its count. In one
 * dimension every optimal cluster is a run of consecutive sorted values (Wang and Song 2011), so
 * with D[m][i] the smallest sum of squares of the first i distinct values in m clusters,
 * <pre>D[m][i] = min over j &lt; i of D[m-1][j] + cost(j, i)</pre>
 * where cost(j, i) is the weighted sum of squares of values j..i-1 about their mean, computed in
 * O(1) from prefix sums. Because the cost satisfies the quadrangle (Monge) inequality, the smallest
 * optimal j never decreases as i grows (Grønlund et al. 2017), so each layer is computed by
 * divide and conquer: solve the middle i over its whole range of j, then the left half with j at
 * most that choice and the right half with j at least it. That takes O(d log d) per layer and
 * O(k d log d) in all for d distinct values, in O(k d) memory for the choices; the last layer
 * needs only its final entry, O(d). Each candidate is tested without a division. On large inputs
 * the two halves of the divide and conquer run in parallel in the common fork-join pool; every
 * entry is computed the same way whatever the number of threads, so the result does not depend on
 * it.
 *
 * <p>Exact ties (several partitions with the same minimal sum) are settled towards the lowest
 * cluster boundaries. The optimal partitions form a lattice under the componentwise order of
 * their boundaries (another consequence of the Monge property), so the componentwise lowest one is
 * well defined, and taking the smallest j at every step of the backtracking finds it. Sums are
 * computed in floating point after shifting the values by their weighted median; two sums within
 * 10<sup>-11</sup> of the total sum of squares count as a tie.
 *
 * <p>With fewer distinct values than k, each distinct value is its own cluster.
 *
 * <p>References: H. Wang and M. Song, "Ckmeans.1d.dp: Optimal k-means clustering in one dimension
 * by dynamic programming", The R Journal 3(2), 2011; A. Grønlund, K. G. Larsen, A. Mathiasen,
 * J. S. Nielsen, S. Schneider and M. Song, "Fast exact k-means, k-medians and Bregman divergence
 * clustering in 1D", arXiv:1701.07204, 2017.
 */
public final class OptimalKMeans {
    /** Two sums closer than this share of the total sum of squares are a tie. */
    private static final double TIE = 1e-11;

    private OptimalKMeans() {
    }

    /**
     * Clusters values into at most k clusters.
     *
     * @param values the values, finite, at least one
     * @param k the number of clusters, 1 or more
     * @return the optimal clusters, ordered by centre
     * @throws IllegalArgumentException if there are no values, a value is not finite or k is below 1
     */
    public static Clusters cluster(double[] values, int k) {
        Objects.requireNonNull(values, "values");
        long[] weights = new long[values.length];
        java.util.Arrays.fill(weights, 1L);
        return cluster(values, weights, k);
    }

    /**
     * Clusters weighted values into at most k clusters: a value of weight w counts as w copies of
     * it, so a table of distinct values with their counts gives the same clusters as the values
     * themselves.
     *
     * @param values the values, finite, at least one; repeats are allowed and their weights add up
     * @param weights the weight of each value, 1 or more
     * @param k the number of clusters, 1 or more
     * @return the optimal clusters, ordered by centre
     * @throws IllegalArgumentException if there are no values, a value is not finite, a weight is
     *     below 1, the arrays differ in length or k is below 1
     */
    public static Clusters cluster(double[] values, long[] weights, int k) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(weights, "weights");
        if (values.length != weights.length) {
            throw new IllegalArgumentException("values and weights must have the same length (values "
                    + values.length + ", weights " + weights.length + ")");
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot cluster no values");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be 1 or more (was " + k + ")");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " is not finite (was " + values[i] + ")");
            }
            if (weights[i] < 1) {
                throw new IllegalArgumentException("weight " + i + " must be 1 or more (was " + weights[i] + ")");
            }
        }
        int[] order = DoubleSort.order(values);
        double[] x = new double[values.length];
        long[] w = new long[values.length];
        int distinct = 0;
        for (int i : order) {
            double v = values[i] + 0.0;
            if (distinct > 0 && x[distinct - 1] == v) {
                w[distinct - 1] += weights[i];
            } else {
                x[distinct] = v;
                w[distinct++] = weights[i];
            }
        }
        x = java.util.Arrays.copyOf(x, distinct);
        w = java.util.Arrays.copyOf(w, distinct);
        return clustersOf(x, w, x, x, partition(x, w, k));
    }

    /**
     * The optimal partition of strictly ascending values with positive weights.
     *
     * @return the start index of each cluster, then the number of values: cluster c holds the
     *     values starts[c] .. starts[c+1]-1
     */
    static int[] partition(double[] x, long[] w, int k) {
        return partition(x, w, k, Layer.PARALLEL_FROM);
    }

    /** The same, solving halves of at least parallelFrom values in parallel (a parameter for tests). */
    static int[] partition(double[] x, long[] w, int k, int parallelFrom) {
        int d = x.length;
        if (k == 1) {
            return new int[] {0, d};
        }
        if (d <= k) {
            int[] starts = new int[d + 1];
            for (int i = 0; i <= d; i++) {
                starts[i] = i;
            }
            return starts;
        }
        return new Layers(x, w, k, parallelFrom).solve();
    }

    /**
     * The clusters of a partition: centres and sums of squares in the space of x, bounds taken from
     * the smallest and largest untransformed value behind each x (low and high; x itself when there
     * is no transform).
     */
    static Clusters clustersOf(double[] x, long[] w, double[] low, double[] high, int[] starts) {
        int c = starts.length - 1;
        double[] centres = new double[c];
        double[] lower = new double[c];
        double[] upper = new double[c];
        long[] sizes = new long[c];
        double[] ss = new double[c];
        for (int i = 0; i < c; i++) {
            int from = starts[i];
            int to = starts[i + 1];
            long size = 0;
            double sum = 0;
            double compensation = 0;
            for (int j = from; j < to; j++) {
                size += w[j];
                double term = w[j] * x[j];
                double t = sum + term;
                compensation += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term : (term - t) + sum;
                sum = t;
            }
            double centre = (sum + compensation) / size;
            // the mean of values within [x_from, x_to-1] lies there too; rounding must not move it out
            centre = Math.min(Math.max(centre, x[from]), x[to - 1]);
            double squares = 0;
            for (int j = from; j < to; j++) {
                double dev = x[j] - centre;
                squares += w[j] * dev * dev;
            }
            centres[i] = centre;
            lower[i] = low[from];
            upper[i] = high[to - 1];
            sizes[i] = size;
            ss[i] = squares;
        }
        return new Clusters(centres, lower, upper, sizes, ss);
    }

    /** The dynamic programme, layer by layer. */
    private static final class Layers {
        private final int d;
        private final int k;
        private final double[] weight;
        private final double[] sum;
        private final double[] squares;
        private final double tolerance;
        private final int parallelFrom;

        Layers(double[] x, long[] w, int k, int parallelFrom) {
            this.d = x.length;
            this.k = k;
            this.parallelFrom = parallelFrom;
            weight = new double[d + 1];
            sum = new double[d + 1];
            squares = new double[d + 1];
            double shift = weightedMedian(x, w);
            // prefix sums of the values shifted towards zero, with Neumaier compensation
            double s1 = 0;
            double c1 = 0;
            double s2 = 0;
            double c2 = 0;
            long total = 0;
            for (int i = 0; i < d; i++) {
                total += w[i];
                double v = x[i] - shift;
                double t1 = w[i] * v;
                double t2 = t1 * v;
                double u1 = s1 + t1;
                c1 += Math.abs(s1) >= Math.abs(t1) ? (s1 - u1) + t1 : (t1 - u1) + s1;
                s1 = u1;
                double u2 = s2 + t2;
                c2 += Math.abs(s2) >= Math.abs(t2) ? (s2 - u2) + t2 : (t2 - u2) + s2;
                s2 = u2;
                weight[i + 1] = total;
                sum[i + 1] = s1 + c1;
                squares[i + 1] = s2 + c2;
            }
            tolerance = TIE * Math.max(cost(0, d), Double.MIN_NORMAL);
        }

        private static double weightedMedian(double[] x, long[] w) {
            long total = 0;
            for (long v : w) {
                total += v;
            }
            long running = 0;
            for (int i = 0; i < x.length; i++) {
                running += w[i];
                if (2 * running >= total) {
                    return x[i];
                }
            }
            return x[x.length - 1];
        }

        /** The sum of squares of values j..i-1 about their mean. */
        private double cost(int j, int i) {
            double s = sum[i] - sum[j];
            return squares[i] - squares[j] - s * s / (weight[i] - weight[j]);
        }

        int[] solve() {
            double[] previous = new double[d + 1];
            for (int i = 1; i <= d; i++) {
                previous[i] = cost(0, i);
            }
            int[][] choices = new int[k + 1][];
            for (int m = 2; m < k; m++) {
                // m clusters over the first i values, leaving at least one value for each later cluster
                int hi = d - (k - m);
                Layer layer = new Layer(this, previous, m - 1, hi - 1);
                layer.solve(m, hi, m - 1, hi - 1);
                choices[m] = layer.choice;
                previous = layer.current;
            }
            // the last layer needs only D[k][d]
            int[] starts = new int[k + 1];
            starts[k] = d;
            starts[k - 1] = new Layer(this, previous, k - 1, d - 1).bestSplit(d, k - 1, d - 1);
            for (int m = k - 1; m >= 2; m--) {
                starts[m - 1] = choices[m][starts[m]];
            }
            return starts;
        }
    }

    /**
     * One layer m of the programme: D[m][i] = min over j of D[m-1][j] + cost(j, i), by divide and
     * conquer, the two halves in parallel when they are large. Every entry is computed the same way
     * whatever the number of threads, so the result does not depend on it.
     */
    private static final class Layer {
        /** By default, halves narrower than this are solved in the calling thread. */
        static final int PARALLEL_FROM = 1 << 16;

        private final int parallelFrom;
        private final double[] weight;
        private final double[] sum;
        private final double tolerance;
        /** D[m-1][j] minus the prefix sum of squares at j: the part of each candidate that depends on j only. */
        private final double[] base;
        private final double[] squares;
        final double[] current;
        final int[] choice;

        Layer(Layers p, double[] previous, int from, int to) {
            weight = p.weight;
            sum = p.sum;
            squares = p.squares;
            tolerance = p.tolerance;
            parallelFrom = p.parallelFrom;
            base = new double[to + 1];
            for (int j = from; j <= to; j++) {
                base[j] = previous[j] - squares[j];
            }
            current = new double[previous.length];
            choice = new int[previous.length];
        }

        /** D[m][i] for i in lo..hi, whose best splits lie in optLo..optHi. */
        void solve(int lo, int hi, int optLo, int optHi) {
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int best = bestSplit(mid, optLo, Math.min(mid - 1, optHi));
                if (hi - lo >= parallelFrom) {
                    int left = lo;
                    int right = hi;
                    int leftOpt = optLo;
                    int rightOpt = optHi;
                    ForkJoinTask.invokeAll(
                            ForkJoinTask.adapt(() -> solve(left, mid - 1, leftOpt, best)),
                            ForkJoinTask.adapt(() -> solve(mid + 1, right, best, rightOpt)));
                    return;
                }
                solve(lo, mid - 1, optLo, best);
                lo = mid + 1;
                optLo = best;
            }
        }

        /**
         * The smallest j in from..to minimising D[m-1][j] + cost(j, i), where a candidate must beat the
         * best so far by more than the tolerance; records D[m][i]. With s and w the sum and weight of
         * values j..i-1, the candidate is base[j] + q_i - s^2/w; it beats the bar b = best - tolerance -
         * q_i when (base[j] - b) w &lt; s^2, a test without a division.
         */
        int bestSplit(int i, int from, int to) {
            double wi = weight[i];
            double si = sum[i];
            double qi = squares[i];
            double best = Double.POSITIVE_INFINITY;
            double bar = Double.POSITIVE_INFINITY;
            int bestJ = from;
            for (int j = from; j <= to; j++) {
                double s = si - sum[j];
                double w = wi - weight[j];
                if ((base[j] - bar) * w < s * s) {
                    best = base[j] + qi - s * s / w;
                    bar = best - tolerance - qi;
                    bestJ = j;
                }
            }
            current[i] = best;
            choice[i] = bestJ;
            return bestJ;
        }
    }
}
