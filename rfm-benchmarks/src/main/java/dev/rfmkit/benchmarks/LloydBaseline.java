package dev.rfmkit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * The usual way to K-Means: Lloyd's iterations from a k-means++ start (Apache Commons Math
 * {@link KMeansPlusPlusClusterer}), one start, up to 300 iterations as scikit-learn's default. A
 * local optimum that depends on the seed.
 */
final class LloydBaseline {
    static final int MAX_ITERATIONS = 300;

    private LloydBaseline() {
    }

    static List<DoublePoint> points(double[] values) {
        List<DoublePoint> points = new ArrayList<>(values.length);
        for (double v : values) {
            points.add(new DoublePoint(new double[] {v}));
        }
        return points;
    }

    static List<DoublePoint> points(int[] values) {
        List<DoublePoint> points = new ArrayList<>(values.length);
        for (int v : values) {
            points.add(new DoublePoint(new double[] {v}));
        }
        return points;
    }

    static List<CentroidCluster<DoublePoint>> cluster(List<DoublePoint> points, int k, int seed) {
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(seed);
        return new KMeansPlusPlusClusterer<DoublePoint>(k, MAX_ITERATIONS, new EuclideanDistance(), random)
                .cluster(points);
    }

    /** The within-cluster sum of squares of a clustering, about each cluster's mean. */
    static double sumOfSquares(List<CentroidCluster<DoublePoint>> clusters) {
        double total = 0;
        for (CentroidCluster<DoublePoint> c : clusters) {
            double sum = 0;
            for (DoublePoint p : c.getPoints()) {
                sum += p.getPoint()[0];
            }
            double mean = sum / c.getPoints().size();
            for (DoublePoint p : c.getPoints()) {
                double d = p.getPoint()[0] - mean;
                total += d * d;
            }
        }
        return total;
    }
}
