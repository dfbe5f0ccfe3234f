package dev.rfmkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rfmkit.RfmResult;
import dev.rfmkit.jackson.OrderCsvFormat;
import dev.rfmkit.metrics.MonetaryMode;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.ReturnsPolicy;
import dev.rfmkit.score.ScoringStrategy;
import dev.rfmkit.segment.SegmentScheme;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rfm-spark segment}: the rows of {@code rfm segment} for the same arguments, on generated
 * orders and on the UCI Online Retail export when {@code ../shared/data} has it; exit codes and
 * messages for bad usage and bad data.
 */
final class SegmentJobTest {
    private static final Path ONLINE_RETAIL = Path.of("..", "..", "shared", "data", "online_retail.csv.gz");

    private static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.session();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run job(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SegmentJob.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void generatedOrders_sameRowsAsInProcess_withEveryKindOfOption() throws IOException {
        Path orders = SparkEquivalenceTest.orders(dir, 5, 900);
        Path out = dir.resolve("out.csv");
        Path rejects = dir.resolve("rejects.csv");
        Run run = job("segment", orders.toString(), "--strategy", "kmeans", "--scheme", "rf-grid",
                "--monetary", "average", "--exclude-status", "refunded", "--out", out.toString(), "--rejects",
                rejects.toString());
        assertEquals(0, run.code(), run.err());
        RfmResult[] local = new RfmResult[1];
        String expected = SparkEquivalenceTest.inProcess(orders, OrderCsvFormat.defaults(),
                IngestionOptions.defaults().withExcludedStatuses(List.of("refunded")), ScoringStrategy.kmeans(5),
                SegmentScheme.builtIn("rf-grid").orElseThrow(), MonetaryMode.AVERAGE, local);
        assertEquals(expected, Files.readString(out));
        assertTrue(run.err().contains("strategy kmeans, scheme rf-grid"), run.err());
        assertTrue(run.err().contains(String.format("lines read %,d", local[0].report().linesRead())), run.err());
        List<String> rejected = Files.readAllLines(rejects);
        assertEquals("line,reason,content", rejected.get(0));
        assertEquals(local[0].report().excludedLines(), rejected.size() - 1);
    }

    @Test
    void rowsToStdout_withoutOut() throws IOException {
        Path orders = SparkEquivalenceTest.orders(dir, 6, 300);
        Run run = job("segment", orders.toString(), "--as-of", "2025-03-01", "--window", "365");
        assertEquals(0, run.code(), run.err());
        RfmResult[] local = new RfmResult[1];
        String expected = SparkEquivalenceTest.inProcess(orders, OrderCsvFormat.defaults(),
                IngestionOptions.defaults().withAsOf(LocalDate.of(2025, 3, 1)).withWindowDays(365),
                ScoringStrategy.quantile(), SegmentScheme.twelve(), MonetaryMode.TOTAL, local);
        assertEquals(expected, run.out());
    }

    @Test
    void badUsageAndBadData_exitCodesAndMessages() throws IOException {
        Path orders = SparkEquivalenceTest.orders(dir, 8, 50);
        Run unknown = job("segment", orders.toString(), "--no-such-option");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("rfm-spark: Unknown option: '--no-such-option'"), unknown.err());
        assertEquals(2, job("fit", orders.toString()).code());
        assertEquals(2, job("segment", orders.toString(), "--strategy", "fixed").code());
        Run missing = job("segment", dir.resolve("nothing.csv").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
        Run jsonl = job("segment", orders.toString(), "--format", "jsonl");
        assertEquals(2, jsonl.code());
        Run help = job("segment", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: rfm-spark segment"), help.out());
        Path noColumn = dir.resolve("no-column.csv");
        Files.writeString(noColumn, "customer,order_date,amount\n1,2024-01-01,5\n");
        Run bad = job("segment", noColumn.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("missing column customer_id"), bad.err());
        Path badDate = dir.resolve("bad-date.csv");
        Files.writeString(badDate, "customer_id,order_date,amount\n1,2024-01-01,5\n2,2024-13-01,5\n");
        Run strict = job("segment", badDate.toString(), "--strict");
        assertEquals(1, strict.code());
        assertEquals("rfm-spark: " + badDate + ": column order_date: \"2024-13-01\" is not a date (expected a date like "
                + "2011-12-09, 2011-12-09 12:50:00 or 2011-12-09T12:50:00+01:00)", strict.err().strip());
        assertEquals(0, job("segment", badDate.toString(), "--out", dir.resolve("lenient.csv").toString()).code());
    }

    /** The foundation's options on Online Retail: the rows {@code rfm segment} writes, for every partition count. */
    @Test
    void onlineRetail_sameRowsAsInProcess() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(ONLINE_RETAIL),
                "skipped: " + ONLINE_RETAIL.toAbsolutePath().normalize() + " is not there (it is in CI)");
        OrderCsvFormat format = OrderCsvFormat.defaults().withCustomerColumn("CustomerID").withOrderColumn("InvoiceNo")
                .withDateColumn("InvoiceDate").withQuantityAndPriceColumns("Quantity", "UnitPrice");
        IngestionOptions options = IngestionOptions.defaults().withReturns(ReturnsPolicy.IGNORE)
                .withAsOf(LocalDate.of(2011, 12, 10));
        List<String> outputs = new ArrayList<>();
        for (ScoringStrategy strategy : new ScoringStrategy[] {ScoringStrategy.quantile(), ScoringStrategy.kmeans(5)}) {
            RfmResult[] local = new RfmResult[1];
            String expected = SparkEquivalenceTest.inProcess(ONLINE_RETAIL, format, options, strategy,
                    SegmentScheme.twelve(), MonetaryMode.TOTAL, local);
            for (int partitions : strategy.name().equals("quantile") ? new int[] {1, 3, 16} : new int[] {3}) {
                SparkResult result = SparkAnalysis.builder().format(format).ingestion(options).strategy(strategy)
                        .partitions(partitions).build()
                        .run(SparkOrders.readCsv(spark, format, ONLINE_RETAIL.toString()));
                assertEquals(local[0].report(), result.report());
                assertEquals(expected, SparkEquivalenceTest.onSpark(result), strategy + ", " + partitions + " partitions");
                outputs.add(expected);
            }
        }
        assertEquals(4_339 + 1, outputs.get(0).lines().count());
    }
}
