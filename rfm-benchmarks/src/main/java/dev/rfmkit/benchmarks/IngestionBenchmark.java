package dev.rfmkit.benchmarks;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.rfmkit.jackson.OrderCsvFormat;
import dev.rfmkit.jackson.OrderCsvReader;
import dev.rfmkit.order.ExclusionReason;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.IngestionResult;
import dev.rfmkit.order.OrderIngestion;
import dev.rfmkit.order.OrderLine;
import dev.rfmkit.order.OrderLineView;
import dev.rfmkit.order.OrderSink;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading an orders CSV held in memory into per-customer order facts: rfmkit's reader and ingestion,
 * against the obvious Java way (a {@link BufferedReader}, {@code String.split}, {@link LocalDate#parse},
 * {@link BigDecimal} and a {@code HashMap<String, ...>} per customer with a {@code HashSet} of order
 * ids), and the parsing alone: rfmkit's reader into a sink that keeps nothing, against Jackson's
 * streaming CSV parser reading the same bytes as rows of strings. Time per file.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g", "-XX:+AlwaysPreTouch"})
public class IngestionBenchmark {
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    /** rfmkit: the order reader into ingestion, to the customers sorted by id. */
    @Benchmark
    public IngestionResult rfmkit(OrderFile file) throws IOException {
        OrderIngestion ingestion = OrderIngestion.start(IngestionOptions.defaults());
        OrderCsvReader.of(OrderCsvFormat.defaults()).read(new ByteArrayInputStream(file.csv), "orders", ingestion,
                (line, reason, column, message, content) -> { });
        return ingestion.finish();
    }

    /** The baseline: line by line into hash maps of strings, to the customers sorted by id. */
    @Benchmark
    public Object[] obviousJava(OrderFile file) throws IOException {
        Object[] ids = ObviousJavaOrders.read(file.csv).customers().keySet().toArray();
        Arrays.sort(ids);
        return ids;
    }

    /** rfmkit's reader alone: every line parsed to its fields, given to a sink that keeps nothing. */
    @Benchmark
    public long rfmkitParse(OrderFile file) throws IOException {
        Counting sink = new Counting();
        OrderCsvReader.of(OrderCsvFormat.defaults()).read(new ByteArrayInputStream(file.csv), "orders", sink,
                (line, reason, column, message, content) -> { });
        return sink.sum;
    }

    /** Jackson's streaming CSV parser alone: every line as an array of strings. */
    @Benchmark
    public long jacksonParse(OrderFile file) throws IOException {
        long sum = 0;
        try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).readValues(file.csv)) {
            while (rows.hasNext()) {
                sum += rows.next().length;
            }
        }
        return sum;
    }

    /** A sink that only adds up what it is given, so that the parsing is not optimised away. */
    private static final class Counting implements OrderSink {
        long sum;

        @Override
        public IngestionOptions options() {
            return IngestionOptions.defaults();
        }

        @Override
        public Optional<ExclusionReason> accept(long lineNumber, OrderLine line) {
            sum += line.amountUnits();
            return Optional.empty();
        }

        @Override
        public Optional<ExclusionReason> accept(long lineNumber, OrderLineView line) {
            sum += line.amountUnits() + line.epochDay();
            return Optional.empty();
        }

        @Override
        public void reject(long lineNumber, ExclusionReason reason, String column, String message) {
            sum++;
        }
    }
}
