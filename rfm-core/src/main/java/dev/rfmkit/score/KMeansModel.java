package dev.rfmkit.score;

import dev.rfmkit.metrics.CustomerTable;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fitted K-Means model ({@link KMeansStrategy}): per dimension, the optimal clusters with their
 * centres, bounds, sizes and sums of squares, and the nearest-centre rule that scores any value.
 *
 * <p>The boundary between adjacent clusters is the midpoint of their centres (in the transformed
 * space when there is a transform); a value exactly on it goes to the lower cluster.
 * {@link #cutPoints} gives these boundaries in the dimension's own units, so scoring is right-closed
 * binning by them, as for quantile models; beyond the clusters in use (fewer distinct values than
 * k) the cut points are infinite.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class KMeansModel implements ScoringModel {
    private final KMeansTransform transform;
    private final Map<Dimension, Clusters> clusters;
    private final CutPointModel binning;

    private KMeansModel(KMeansTransform transform, Map<Dimension, Clusters> clusters, CutPointModel binning) {
        this.transform = transform;
        this.clusters = Map.copyOf(clusters);
        this.binning = binning;
    }

    /**
     * A model from its clusters, as a fit made it or as saved: the cut points follow from the
     * centres and bounds, so the model scores exactly as the fitted one did.
     *
     * @param bins the number of score levels k, 2..10
     * @param transform the transform the clusters were computed in
     * @param clusters the clusters of each of the three dimensions, at most k each
     * @return the model
     * @throws IllegalArgumentException if bins is outside 2..10, a dimension is missing or has more
     *     than k clusters, or a centre lies outside the transformed bounds of its cluster; the
     *     message names the dimension
     */
    public static KMeansModel of(int bins, KMeansTransform transform, Map<Dimension, Clusters> clusters) {
        Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(clusters, "clusters");
        if (bins < 2 || bins > RfmScore.MAX_BINS) {
            throw new IllegalArgumentException("bins must be between 2 and " + RfmScore.MAX_BINS + " (was " + bins + ")");
        }
        Map<Dimension, double[]> cuts = new EnumMap<>(Dimension.class);
        long[][] sizes = new long[3][];
        for (Dimension d : Dimension.values()) {
            Clusters c = clusters.get(d);
            if (c == null) {
                throw new IllegalArgumentException(d.letter() + ": no clusters");
            }
            if (c.count() > bins) {
                throw new IllegalArgumentException(d.letter() + ": " + c.count() + " clusters, more than the " + bins
                        + " bins");
            }
            for (int i = 0; i < c.count(); i++) {
                double low = transform.apply(c.lowerBound(i));
                double high = transform.apply(c.upperBound(i));
                if (!(c.centre(i) >= low && c.centre(i) <= high)) {
                    throw new IllegalArgumentException(d.letter() + ": the centre of cluster " + (i + 1) + " ("
                            + c.centre(i) + ") is outside its bounds " + c.lowerBound(i) + " .. " + c.upperBound(i)
                            + (transform == KMeansTransform.NONE ? "" : " (" + low + " .. " + high + " as "
                            + transform.id() + ")"));
                }
            }
            cuts.put(d, cutPoints(bins, transform, c));
            sizes[d.ordinal()] = Arrays.copyOf(c.sizes(), bins);
        }
        CutPointModel binning = new CutPointModel(KMeansStrategy.NAME, bins, cuts.get(Dimension.RECENCY),
                cuts.get(Dimension.FREQUENCY), cuts.get(Dimension.MONETARY),
                CutPointModel.levels(bins, sizes[0], sizes[1], sizes[2]));
        return new KMeansModel(transform, clusters, binning);
    }

    /**
     * The k-1 cut points in the dimension's own units: the midpoints of adjacent centres (mapped back
     * through the transform), kept between the clusters' values so that the model gives back the
     * fitted partition; infinite beyond the clusters in use.
     */
    private static double[] cutPoints(int k, KMeansTransform transform, Clusters c) {
        double[] cuts = new double[k - 1];
        Arrays.fill(cuts, Double.POSITIVE_INFINITY);
        for (int i = 0; i + 1 < c.count(); i++) {
            double midpoint = (c.centre(i) + c.centre(i + 1)) / 2;
            double cut = transform.largestAtMost(midpoint);
            cuts[i] = Math.max(c.upperBound(i), Math.min(cut, Math.nextDown(c.lowerBound(i + 1))));
        }
        return cuts;
    }

    /** The transform applied to every dimension before clustering. */
    public KMeansTransform transform() {
        return transform;
    }

    /**
     * The fitted clusters of a dimension, ordered by centre: cluster i is bin i, so it scores i + 1
     * for frequency and monetary and k - i for recency.
     *
     * @param dimension the dimension
     * @return the clusters
     */
    public Clusters clusters(Dimension dimension) {
        return clusters.get(Objects.requireNonNull(dimension, "dimension"));
    }

    @Override
    public String strategy() {
        return KMeansStrategy.NAME;
    }

    @Override
    public int bins() {
        return binning.bins();
    }

    @Override
    public double[] cutPoints(Dimension dimension) {
        return binning.cutPoints(dimension);
    }

    @Override
    public List<Integer> levelsInUse(Dimension dimension) {
        return binning.levelsInUse(dimension);
    }

    @Override
    public RfmScore score(int recencyDays, int frequency, double monetary) {
        return binning.score(recencyDays, frequency, monetary);
    }

    @Override
    public RfmScores scoreAll(CustomerTable customers) {
        return binning.scoreAll(customers);
    }

    @Override
    public void scoreCells(int[] recencyDays, int[] frequency, double[] monetary, int[] cells) {
        binning.scoreCells(recencyDays, frequency, monetary, cells);
    }

    @Override
    public String toString() {
        return "KMeansModel[bins=" + bins() + ", transform=" + transform.id() + ", R=" + clusters(Dimension.RECENCY)
                + ", F=" + clusters(Dimension.FREQUENCY) + ", M=" + clusters(Dimension.MONETARY) + "]";
    }
}
