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
