package dev.rfmkit.benchmarks;

import dev.rfmkit.score.KMeansModel;
import dev.rfmkit.score.KMeansStrategy;
import dev.rfmkit.score.ScoringStrategy;
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
 * Exact K-Means fit (k = 5) of all three dimensions of n synthetic customers
 * ({@link SyntheticCustomers}), money in whole cents or all distinct: counting for recency and frequency, radix sort for money, then the
 * divide-and-conquer dynamic programme per dimension. Time per fit.
 *
 * <p>The heap is touched in advance ({@code -XX:+AlwaysPreTouch}): otherwise the first use of each
 * page of a fresh heap (the operating system zeroing it) is counted in some iterations and not in
 * others, tripling their time at one million customers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class KMeansBenchmark {
    /** The number of customers. */
    @Param({"1000000", "10000000"})
    public int customers;

    /** Money in whole cents (realistic totals), or nearly every value distinct (the worst case). */
    @Param({"CENTS", "DISTINCT"})
    public Money money;

    /** How the money column is made. */
    public enum Money {
        /** Sums of orders in whole cents: many customers share a value. */
        CENTS,
        /** A random fraction of a cent added: (nearly) all distinct. */
        DISTINCT
    }

    private SyntheticCustomers data;
    private KMeansStrategy exact;

    /** Makes the customers. */
    @Setup(Level.Trial)
    public void setUp() {
        data = new SyntheticCustomers(customers, 20_261_203L, money == Money.DISTINCT);
        exact = ScoringStrategy.kmeans(5);
    }

    /**
     * Fits the three dimensions exactly.
     *
     * @return the model
     */
    @Benchmark
    public KMeansModel exactThreeDimensions() {
        return exact.fitModel(data.recency, data.frequency, data.monetary);
    }
}
