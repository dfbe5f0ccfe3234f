package dev.rfmkit.benchmarks;

import dev.rfmkit.score.Clusters;
import dev.rfmkit.score.Dimension;
import dev.rfmkit.score.KMeansModel;
import dev.rfmkit.score.ScoringStrategy;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;

/**
 * Prints, per dimension of the benchmark's synthetic customers, the within-cluster sum of squares of
 * the exact fit and of Lloyd / k-means++ from a few seeds, with the wall time of each: the quality
 * beside the speed that {@link KMeansBenchmark} and {@link LloydBenchmark} measure.
 *
 * <p>Run: {@code java -cp rfm-benchmarks/target/benchmarks.jar dev.rfmkit.benchmarks.KMeansQuality 1000000 3}
 */
public final class KMeansQuality {
    private KMeansQuality() {
    }

    /**
     * Runs the comparison.
     *
     * @param args the number of customers (default 1,000,000) and of Lloyd seeds (default 3)
     */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        SyntheticCustomers data = new SyntheticCustomers(n, 20_261_203L);
        long start = System.nanoTime();
        KMeansModel exact = ScoringStrategy.kmeans(5).fitModel(data.recency, data.frequency, data.monetary);
        long exactMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(Locale.ROOT, "%,d customers; exact fit of the three dimensions: %,d ms%n", n, exactMillis);
        for (Dimension d : Dimension.values()) {
            Clusters c = exact.clusters(d);
            List<DoublePoint> points = switch (d) {
                case RECENCY -> LloydBaseline.points(data.recency);
                case FREQUENCY -> LloydBaseline.points(data.frequency);
                case MONETARY -> LloydBaseline.points(data.monetary);
            };
            System.out.printf(Locale.ROOT, "%s exact        sum of squares %.6e  sizes %s%n", d,
                    c.totalSumOfSquares(), java.util.Arrays.toString(c.sizes()));
            for (int seed = 1; seed <= seeds; seed++) {
                long t = System.nanoTime();
                List<CentroidCluster<DoublePoint>> lloyd = LloydBaseline.cluster(points, 5, seed);
                long millis = (System.nanoTime() - t) / 1_000_000;
                double ss = LloydBaseline.sumOfSquares(lloyd);
                System.out.printf(Locale.ROOT, "%s lloyd seed %d sum of squares %.6e  (%+.4f%% vs exact)  %,d ms%n",
                        d, seed, ss, 100 * (ss / c.totalSumOfSquares() - 1), millis);
            }
        }
    }
}
