package dev.rfmkit.benchmarks;

import dev.rfmkit.metrics.CustomerTable;
import dev.rfmkit.metrics.MonetaryMode;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.OrderIngestion;
import dev.rfmkit.order.OrderLine;
import dev.rfmkit.score.Dimension;
import dev.rfmkit.score.ScoringModel;
import dev.rfmkit.score.ScoringStrategy;
import dev.rfmkit.segment.SegmentScheme;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot scoring loop: score a batch of customers with a fitted quantile model and classify each
 * into its {@code twelve} segment by the scheme's lookup table. Reported per customer.
 *
 * <p>The customers are synthetic but shaped like shop data (seeded): recency uniform over two years,
 * frequency geometric (most customers order once), money log-normal.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScoreClassifyBenchmark {
    /** Customers per batch. */
    static final int CUSTOMERS = 1_000_000;

    /** Which scoring strategy fitted the model. */
    @Param({"QUANTILE", "EQUAL_COUNT", "RFM_PACKAGE"})
    public Strategy strategy;

    /** The strategies under test. */
    public enum Strategy {
        /** Type-7 quantile cut points. */
        QUANTILE,
        /** Rank-then-bin. */
        EQUAL_COUNT,
        /** The R package's left-closed edges. */
        RFM_PACKAGE
    }

    private int[] recency;
    private int[] frequency;
    private double[] monetary;
    private ScoringModel model;
    private byte[] lookup;
    private int[] cells;
    private byte[] segments;
    private double[][] cuts;

    /** Builds the customers through ingestion and fits the model. */
    @Setup(Level.Trial)
    public void setUp() {
        LocalDate asOf = LocalDate.of(2025, 1, 1);
        SplittableRandom random = new SplittableRandom(20_251_122L);
        OrderIngestion ingestion = OrderIngestion.start(IngestionOptions.defaults().withAsOf(asOf));
        for (int c = 0; c < CUSTOMERS; c++) {
            int orders = 1;
            while (orders < 50 && random.nextDouble() < 0.45) {
                orders++;
            }
            int last = random.nextInt(730);
            for (int o = 0; o < orders; o++) {
                long cents = Math.round(Math.exp(3.5 + random.nextGaussian() * 0.9) * 100);
                ingestion.accept(OrderLine.ofUnits(Integer.toString(c), asOf.minusDays(last + o * 7L), cents * 100));
            }
        }
        CustomerTable table = CustomerTable.from(ingestion.finish(), MonetaryMode.TOTAL);
        ScoringStrategy s = switch (strategy) {
            case QUANTILE -> ScoringStrategy.quantile();
            case EQUAL_COUNT -> ScoringStrategy.equalCount(5);
            case RFM_PACKAGE -> ScoringStrategy.rfmPackage();
        };
        model = s.fit(table).model();
        recency = table.recencyColumn();
        frequency = table.frequencyColumn();
        monetary = table.monetaryColumn();
        lookup = SegmentScheme.twelve().lookupTable();
        cells = new int[CUSTOMERS];
        segments = new byte[CUSTOMERS];
        cuts = new double[3][];
        for (Dimension d : Dimension.values()) {
            cuts[d.ordinal()] = model.cutPoints(d);
        }
    }

    /**
     * Scores and classifies the whole batch.
     *
     * @return the segment array, so that the work is not eliminated
     */
    @Benchmark
    @OperationsPerInvocation(CUSTOMERS)
    public byte[] scoreAndClassify() {
        model.scoreCells(recency, frequency, monetary, cells);
        for (int i = 0; i < CUSTOMERS; i++) {
            segments[i] = lookup[cells[i]];
        }
        return segments;
    }

    /**
     * The baseline: the obvious loop, one object-free binary search per dimension for the bin (the
     * number of cut points below the value, right-closed; left-closed for the R package), the same
     * segments as {@link #scoreAndClassify}.
     *
     * @return the segment array
     */
    @Benchmark
    @OperationsPerInvocation(CUSTOMERS)
    public byte[] binarySearchBaseline() {
        boolean closedRight = model.closedRight();
        int k = model.bins();
        double[] rc = cuts[0];
        double[] fc = cuts[1];
        double[] mc = cuts[2];
        for (int i = 0; i < CUSTOMERS; i++) {
            int rb = below(rc, recency[i], closedRight);
            int fb = below(fc, frequency[i], closedRight);
            int mb = below(mc, monetary[i], closedRight);
            segments[i] = lookup[((k - 1 - rb) * k + fb) * k + mb];
        }
        return segments;
    }

    /** The number of cut points below x (at or below, when closed left), by binary search. */
    private static int below(double[] cuts, double x, boolean closedRight) {
        int lo = 0;
        int hi = cuts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (closedRight ? cuts[mid] < x : cuts[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
