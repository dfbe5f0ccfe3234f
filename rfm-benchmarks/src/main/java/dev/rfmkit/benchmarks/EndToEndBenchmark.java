package dev.rfmkit.benchmarks;

import dev.rfmkit.RfmAnalysis;
import dev.rfmkit.RfmResult;
import dev.rfmkit.jackson.OrderCsvFormat;
import dev.rfmkit.jackson.OrderCsvReader;
import dev.rfmkit.jackson.ScoredCustomerWriter;
import dev.rfmkit.order.OrderIngestion;
import dev.rfmkit.score.RfmScore;
import dev.rfmkit.segment.SegmentScheme;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code rfm segment} does, in a warmed JVM: an orders CSV held in memory read into customers,
 * scored by quintiles, classified by the {@code twelve} scheme and written as the segment CSV (to a
 * stream that counts the bytes). The baseline does the same the obvious Java way: a
 * {@link BufferedReader}, {@code String.split}, {@link LocalDate#parse}, {@link BigDecimal}, a
 * {@code HashMap<String, ...>} per customer with a {@code HashSet} of order ids, {@link Arrays#sort}
 * for the quintiles, a binary search per score and a {@link PrintStream} per row. Time per file.
 *
 * <p>Set against {@code rfm segment} on a file of the same size (RESULTS.md), the difference is what a
 * fresh JVM pays: start-up, interpreting and compiling the code, and first touches of new memory.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g", "-XX:+AlwaysPreTouch"})
public class EndToEndBenchmark {
    /** rfmkit: reader, ingestion, quantile fit, scores, segments, the segment CSV. */
    @Benchmark
    public long rfmkit(OrderFile file) throws IOException {
        RfmAnalysis analysis = RfmAnalysis.builder().build();
        OrderIngestion ingestion = analysis.startIngestion();
        OrderCsvReader.of(OrderCsvFormat.defaults()).read(new ByteArrayInputStream(file.csv), "orders", ingestion,
                (line, reason, column, message, content) -> { });
        RfmResult result = analysis.analyse(ingestion.finish());
        CountingStream out = new CountingStream();
        ScoredCustomerWriter.of(ScoredCustomerWriter.Format.CSV).write(result, out);
        return out.bytes;
    }

    /** The baseline: the same steps, line by line into hash maps of strings. */
    @Benchmark
    public long obviousJava(OrderFile file) throws IOException {
        ObviousJavaOrders.Read read = ObviousJavaOrders.read(file.csv);
        Map<String, ObviousJavaOrders.Customer> customers = read.customers();
        LocalDate latest = read.latest();
        String[] ids = customers.entrySet().stream().filter(e -> e.getValue().last != null).map(Map.Entry::getKey)
                .sorted().toArray(String[]::new);
        LocalDate asOf = latest.plusDays(1);
        int n = ids.length;
        double[] recency = new double[n];
        double[] frequency = new double[n];
        double[] monetary = new double[n];
        for (int i = 0; i < n; i++) {
            ObviousJavaOrders.Customer c = customers.get(ids[i]);
            recency[i] = ChronoUnit.DAYS.between(c.last, asOf);
            frequency[i] = c.orders.size();
            monetary[i] = c.amount.doubleValue();
        }
        double[] rc = FitBenchmark.type7(recency.clone());
        double[] fc = FitBenchmark.type7(frequency.clone());
        double[] mc = FitBenchmark.type7(monetary.clone());
        SegmentScheme scheme = SegmentScheme.twelve();
        CountingStream bytes = new CountingStream();
        PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8);
        out.println("customer_id,recency_days,frequency,monetary,r,f,m,rfm,segment");
        for (int i = 0; i < n; i++) {
            RfmScore score = new RfmScore(5 - below(rc, recency[i]), 1 + below(fc, frequency[i]),
                    1 + below(mc, monetary[i]));
            out.println(ids[i] + "," + (long) recency[i] + "," + (long) frequency[i] + ","
                    + customers.get(ids[i]).amount.setScale(2, RoundingMode.HALF_EVEN) + "," + score.r() + ","
                    + score.f() + "," + score.m() + "," + score.code() + "," + scheme.classify(score).id());
        }
        out.flush();
        return bytes.bytes;
    }

    /** The number of cut points below x, by binary search. */
    private static int below(double[] cuts, double x) {
        int i = Arrays.binarySearch(cuts, x);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && cuts[i - 1] == x) {
            i--;
        }
        return i;
    }

    /** Counts what is written, and keeps nothing. */
    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
