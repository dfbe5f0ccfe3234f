package dev.rfmkit.benchmarks;

import dev.rfmkit.clv.BgNbd;
import dev.rfmkit.clv.ClvUnit;
import dev.rfmkit.clv.GammaGamma;
import dev.rfmkit.clv.PurchaseHistory;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.OrderLine;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * Fitting BG/NBD and Gamma-Gamma to the full CDNOW data (23,570 customers, calibration to
 * 1997-09-30, weeks), from the purchase histories. Reads {@code cdnow.csv} from the path in the
 * {@code data} parameter (default {@code ../shared/data}, relative to where the benchmark runs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClvFitBenchmark {
    /** The directory holding cdnow.csv. */
    @Param("../shared/data")
    public String data;

    private PurchaseHistory history;

    /**
     * Reads the purchases.
     *
     * @throws IOException if cdnow.csv cannot be read
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        List<OrderLine> lines = new ArrayList<>();
        List<String> text = Files.readAllLines(Path.of(data, "cdnow.csv"));
        for (String line : text.subList(1, text.size())) {
            String[] f = line.split(",");
            lines.add(OrderLine.of(f[0], LocalDate.parse(f[1]), new BigDecimal(f[3])));
        }
        history = PurchaseHistory.of(lines, IngestionOptions.defaults().withAsOf(LocalDate.of(1997, 9, 30)),
                ClvUnit.WEEK);
    }

    /**
     * Fits BG/NBD.
     *
     * @return the model
     */
    @Benchmark
    public BgNbd bgNbd() {
        return BgNbd.fit(history);
    }

    /**
     * Fits Gamma-Gamma.
     *
     * @return the model
     */
    @Benchmark
    public GammaGamma gammaGamma() {
        return GammaGamma.fit(history);
    }
}
