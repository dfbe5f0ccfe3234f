package dev.rfmkit.score;

import java.util.Arrays;

/**
 * The clusters of one dimension, ordered by centre: for each, its centre, the smallest and largest
 * value it holds, its size and its within-cluster sum of squares.
 *
 * <p>Centres and sums of squares are in the space that was clustered: for a K-Means model with the
 * {@link KMeansTransform#LOG1P log1p} transform, the transformed values. Bounds are always the
 * values themselves (days, orders, currency units). Immutable and safe to share between threads.
 */
public final class Clusters {
    private final double[] centres;
    private final double[] lower;
    private final double[] upper;
    private final long[] sizes;
    private final double[] sumsOfSquares;

    Clusters(double[] centres, double[] lower, double[] upper, long[] sizes, double[] sumsOfSquares) {
        this.centres = centres;
        this.lower = lower;
        this.upper = upper;
        this.sizes = sizes;
        this.sumsOfSquares = sumsOfSquares;
    }

    /**
     * Clusters from their parts, as saved from a fit.
     *
     * @param centres the centres, strictly ascending, finite
     * @param lowerBounds the smallest value of each cluster, finite
     * @param upperBounds the largest value of each cluster, at least its lower bound and below the next
     *     cluster's lower bound
     * @param sizes the number of values in each cluster, 1 or more
     * @param sumsOfSquares the sum of squares of each cluster, finite, 0 or more
     * @return the clusters
     * @throws IllegalArgumentException if the arrays are empty or differ in length, or a rule above is
     *     broken; the message names the cluster (1 for the first)
     */
    public static Clusters of(double[] centres, double[] lowerBounds, double[] upperBounds, long[] sizes,
            double[] sumsOfSquares) {
        int n = centres.length;
        if (n == 0) {
            throw new IllegalArgumentException("no clusters");
        }
        if (lowerBounds.length != n || upperBounds.length != n || sizes.length != n || sumsOfSquares.length != n) {
            throw new IllegalArgumentException("every part needs one entry per cluster (centres " + n + ", lower bounds "
                    + lowerBounds.length + ", upper bounds " + upperBounds.length + ", sizes " + sizes.length
                    + ", sums of squares " + sumsOfSquares.length + ")");
        }
        for (int i = 0; i < n; i++) {
            String which = "cluster " + (i + 1) + ": ";
            if (!Double.isFinite(centres[i]) || !Double.isFinite(lowerBounds[i]) || !Double.isFinite(upperBounds[i])
                    || !Double.isFinite(sumsOfSquares[i])) {
                throw new IllegalArgumentException(which + "centre, bounds and sum of squares must be finite");
            }
            if (i > 0 && !(centres[i] > centres[i - 1])) {
                throw new IllegalArgumentException(which + "centres must be strictly ascending (" + centres[i - 1]
                        + " then " + centres[i] + ")");
            }
            if (lowerBounds[i] > upperBounds[i]) {
                throw new IllegalArgumentException(which + "lower bound " + lowerBounds[i] + " is above upper bound "
                        + upperBounds[i]);
            }
            if (i > 0 && !(lowerBounds[i] > upperBounds[i - 1])) {
                throw new IllegalArgumentException(which + "lower bound " + lowerBounds[i]
                        + " must be above the upper bound of the cluster before (" + upperBounds[i - 1] + ")");
            }
            if (sizes[i] < 1) {
                throw new IllegalArgumentException(which + "size must be 1 or more (was " + sizes[i] + ")");
            }
            if (sumsOfSquares[i] < 0) {
                throw new IllegalArgumentException(which + "sum of squares must be 0 or more (was " + sumsOfSquares[i]
                        + ")");
            }
        }
        return new Clusters(centres.clone(), lowerBounds.clone(), upperBounds.clone(), sizes.clone(),
                sumsOfSquares.clone());
    }

    /** The number of clusters: k, or the number of distinct values when there are fewer. */
    public int count() {
        return centres.length;
    }

    /**
     * The centre (weighted mean) of a cluster.
     *
     * @param cluster the cluster index, 0 for the lowest centre
     * @return the centre
     * @throws IndexOutOfBoundsException if there is no such cluster
     */
    public double centre(int cluster) {
        return centres[cluster];
    }

    /**
     * The smallest value in a cluster.
     *
     * @param cluster the cluster index
     * @return the value
     * @throws IndexOutOfBoundsException if there is no such cluster
     */
    public double lowerBound(int cluster) {
        return lower[cluster];
    }

    /**
     * The largest value in a cluster.
     *
     * @param cluster the cluster index
     * @return the value
     * @throws IndexOutOfBoundsException if there is no such cluster
     */
    public double upperBound(int cluster) {
        return upper[cluster];
    }

    /**
     * The number of values (customers) in a cluster.
     *
     * @param cluster the cluster index
     * @return the size, 1 or more
     * @throws IndexOutOfBoundsException if there is no such cluster
     */
    public long size(int cluster) {
        return sizes[cluster];
    }

    /**
     * The sum of squared distances of a cluster's values to its centre.
     *
     * @param cluster the cluster index
     * @return the sum of squares, 0 or more
     * @throws IndexOutOfBoundsException if there is no such cluster
     */
    public double sumOfSquares(int cluster) {
        return sumsOfSquares[cluster];
    }

    /** The within-cluster sum of squares of all clusters: what the clustering minimises. */
    public double totalSumOfSquares() {
        double total = 0;
        for (double s : sumsOfSquares) {
            total += s;
        }
        return total;
    }

    /** The centres, ascending (a copy). */
    public double[] centres() {
        return centres.clone();
    }

    /** The sizes of the clusters (a copy). */
    public long[] sizes() {
        return sizes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Clusters c && Arrays.equals(centres, c.centres) && Arrays.equals(lower, c.lower)
                && Arrays.equals(upper, c.upper) && Arrays.equals(sizes, c.sizes)
                && Arrays.equals(sumsOfSquares, c.sumsOfSquares);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(centres) + Arrays.hashCode(sizes);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Clusters[");
        for (int i = 0; i < centres.length; i++) {
            b.append(i == 0 ? "" : ", ").append(lower[i]).append("..").append(upper[i]).append(" (centre ")
                    .append(centres[i]).append(", ").append(sizes[i]).append(")");
        }
        return b.append(", sum of squares ").append(totalSumOfSquares()).append(']').toString();
    }
}
