package dev.rfmkit.score;

import dev.rfmkit.metrics.CustomerTable;
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

    KMeansModel(KMeansTransform transform, Map<Dimension, Clusters> clusters, CutPointModel binning) {
        this.transform = transform;
        this.clusters = Map.copyOf(clusters);
        this.binning = binning;
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
