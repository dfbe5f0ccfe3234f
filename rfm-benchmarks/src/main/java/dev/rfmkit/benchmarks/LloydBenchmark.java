package dev.rfmkit.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The baseline beside {@link KMeansBenchmark}: Lloyd / k-means++ ({@link LloydBaseline}, Commons
 * Math) on the same synthetic customers, k = 5, each of the three dimensions, one start each. Each
 * invocation is one full fit (single shot): the iterations take seconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms12g", "-Xmx12g"})
public class LloydBenchmark {
    /** The number of customers. */
    @Param({"1000000", "10000000"})
    public int customers;

    private List<DoublePoint> recency;
    private List<DoublePoint> frequency;
    private List<DoublePoint> monetary;
    private int seed;

    /** Makes the customers, as Commons Math points. */
    @Setup(Level.Trial)
    public void setUp() {
        SyntheticCustomers data = new SyntheticCustomers(customers, 20_261_203L);
        recency = LloydBaseline.points(data.recency);
        frequency = LloydBaseline.points(data.frequency);
        monetary = LloydBaseline.points(data.monetary);
    }

    /**
     * Clusters the three dimensions from a k-means++ start, a new seed each time.
     *
     * @return the total sum of squares, so that the work is not eliminated
     */
    @Benchmark
    public double lloydThreeDimensions() {
        seed++;
        return LloydBaseline.sumOfSquares(LloydBaseline.cluster(recency, 5, seed))
                + LloydBaseline.sumOfSquares(LloydBaseline.cluster(frequency, 5, seed))
                + LloydBaseline.sumOfSquares(LloydBaseline.cluster(monetary, 5, seed));
    }
}
