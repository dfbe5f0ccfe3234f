package dev.rfmkit.benchmarks;

import dev.rfmkit.score.ScoringModel;
import dev.rfmkit.score.ScoringStrategy;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
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
 * Fitting a model to n customers' three columns: rfmkit's quantile fit (counting for recency and
 * frequency, a radix select for money) and equal-count fit, against the obvious Java way to the same
 * quantile cut points: sort a copy of each column with {@link Arrays#sort} and interpolate type-7
 * between order statistics. Time per fit of all three dimensions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class FitBenchmark {
    /** The number of customers. */
    @Param({"100000", "1000000", "10000000"})
    public int size;

    /** The shape of the columns. */
    @Param({"UNIFORM", "SKEWED", "HEAVY_TIES"})
    public SyntheticCustomers.Shape shape;

    private SyntheticCustomers customers;

    /** Makes the customers. */
    @Setup(Level.Trial)
    public void setUp() {
        customers = SyntheticCustomers.of(shape, size, 20_261_204L);
    }

    /** rfmkit's quantile fit, five bins. */
    @Benchmark
    public ScoringModel quantile() {
        return ScoringStrategy.quantile().fitModel(customers.recency, customers.frequency, customers.monetary);
    }

    /** rfmkit's equal-count fit (rank, then bin), five bins. */
    @Benchmark
    public ScoringModel equalCount() {
        return ScoringStrategy.equalCount(5).fitModel(customers.recency, customers.frequency, customers.monetary);
    }

    /** The baseline: sorted copies and type-7 interpolation, the same cut points as {@link #quantile}. */
    @Benchmark
    public double[][] sortBaseline() {
        double[][] cuts = new double[3][];
        cuts[0] = type7(toDoubles(customers.recency));
        cuts[1] = type7(toDoubles(customers.frequency));
        cuts[2] = type7(customers.monetary.clone());
        return cuts;
    }

    private static double[] toDoubles(int[] column) {
        double[] d = new double[column.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = column[i];
        }
        return d;
    }

    /** Sorts the values in place and returns the four quintile cut points, type 7. */
    static double[] type7(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        double[] cuts = new double[4];
        for (int j = 1; j <= 4; j++) {
            double h = (n - 1) * j / 5.0;
            int lo = (int) Math.floor(h);
            double low = values[lo];
            cuts[j - 1] = lo + 1 < n ? low + (h - lo) * (values[lo + 1] - low) : low;
        }
        return cuts;
    }
}
