package dev.rfmkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rfmkit.RfmAnalysis;
import dev.rfmkit.RfmResult;
import dev.rfmkit.jackson.EngagementCsvReader;
import dev.rfmkit.jackson.OrderCsvFormat;
import dev.rfmkit.jackson.OrderCsvReader;
import dev.rfmkit.jackson.RejectListener;
import dev.rfmkit.jackson.ScoredCustomerWriter;
import dev.rfmkit.metrics.MonetaryMode;
import dev.rfmkit.order.ExclusionReason;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.OrderIngestion;
import dev.rfmkit.score.KMeansTransform;
import dev.rfmkit.score.ScoringStrategy;
import dev.rfmkit.segment.EngagementOverlay;
import dev.rfmkit.segment.SegmentScheme;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Spark analysis against the in-process one on the same CSV files: the same rows byte for byte
 * (as {@code rfm segment} writes them), the same report, model and segment counts, for every strategy
 * that fits on the cluster, whatever the number of partitions.
 */
final class SparkEquivalenceTest {
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

    /**
     * Order lines with heavy ties (few dates, few amounts, many one-order customers), returns, repeated
     * order ids over several lines, and lines every exclusion rule catches.
     */
    static Path orders(Path dir, long seed, int customers) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("customer_id,order_id,order_date,amount,status\n");
        LocalDate start = LocalDate.of(2024, 1, 1);
        String[] amounts = {"10.00", "10.00", "25.50", "99.99", "5", "120.10", "0.00", "-10.00", "3.3333"};
        int order = 1000;
        for (int c = 0; c < customers; c++) {
            // odd seeds mix in ids that are not integers, so that ties go by text instead of by number
            String id = seed % 2 != 0 && rnd.nextInt(20) == 0 ? "C" + c : Integer.toString(c * 7 + 3);
            int orders = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(6) : 1;
            for (int o = 0; o < orders; o++) {
                order++;
                String date = start.plusDays(rnd.nextInt(rnd.nextBoolean() ? 30 : 400)).toString();
                int lines = 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(3) : 0);
                for (int l = 0; l < lines; l++) {
                    String status = switch (rnd.nextInt(40)) {
                        case 0 -> "cancelled";
                        case 1 -> "Refunded";
                        default -> "paid";
                    };
                    String customer = rnd.nextInt(60) == 0 ? " " : id;
                    String amount = rnd.nextInt(80) == 0 ? "12,5O" : amounts[rnd.nextInt(amounts.length)];
                    String day = rnd.nextInt(90) == 0 ? "2024-13-01" : date;
                    csv.append(customer).append(',').append(order).append(',').append(day).append(',')
                            .append(amount).append(',').append(status).append('\n');
                }
            }
        }
        Path file = dir.resolve("orders-" + seed + ".csv");
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** The rows {@code rfm segment} writes for a file, in process. */
    static String inProcess(Path file, OrderCsvFormat format, IngestionOptions options, ScoringStrategy strategy,
            SegmentScheme scheme, MonetaryMode mode, RfmResult[] result) throws IOException {
        RfmAnalysis analysis = RfmAnalysis.builder().ingestion(options).strategy(strategy).scheme(scheme)
                .monetary(mode).build();
        OrderIngestion ingestion = analysis.startIngestion();
        OrderCsvReader.of(format).read(file, ingestion, RejectListener.none());
        RfmResult r = analysis.analyse(ingestion.finish());
        result[0] = r;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScoredCustomerWriter.of(ScoredCustomerWriter.Format.CSV).write(r, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The same rows from the Spark analysis. */
    static String onSpark(SparkResult result) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScoredCustomerWriter.CsvRows rows = ScoredCustomerWriter.of(ScoredCustomerWriter.Format.CSV).csvRows(out);
        for (Iterator<Row> it = result.sortedRows(); it.hasNext(); ) {
            Row row = it.next();
            rows.write(row.getString(0), row.getInt(1), row.getInt(2),
                    dev.rfmkit.order.Amounts.toUnits(row.getDecimal(4)), result.monetaryMode(), row.getInt(7),
                    row.getInt(8), row.getInt(9), row.getString(11));
        }
        rows.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    static Stream<Arguments> strategies() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("quantile", ScoringStrategy.quantile(), 1));
        cases.add(Arguments.of("quantile k=3", ScoringStrategy.quantile(3), 3));
        cases.add(Arguments.of("kmeans", ScoringStrategy.kmeans(5), 16));
        cases.add(Arguments.of("kmeans log1p", ScoringStrategy.kmeans(4).withTransform(KMeansTransform.LOG1P), 3));
        cases.add(Arguments.of("quantile k=9", ScoringStrategy.quantile(9), 2));
        cases.add(Arguments.of("rfm-package", ScoringStrategy.rfmPackage(), 3));
        cases.add(Arguments.of("equal-count", ScoringStrategy.equalCount(5), 3));
        cases.add(Arguments.of("equal-count k=4", ScoringStrategy.equalCount(4), 16));
        cases.add(Arguments.of("fixed", ScoringStrategy.fixed(new double[] {30, 60, 120, 240},
                new double[] {1, 2, 3, 5}, new double[] {10, 50, 100, 250}), 16));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {2} partitions")
    @MethodSource("strategies")
    void sameRowsReportAndModel(String name, ScoringStrategy strategy, int partitions) throws IOException {
        Path file = orders(dir, name.hashCode(), 1500);
        SegmentScheme scheme = strategy.bins() == 5 ? SegmentScheme.twelve()
                : SegmentScheme.builder("by-recency", strategy.bins())
                        .where(dev.rfmkit.segment.Segment.CHAMPIONS, "r >= 2")
                        .fallback(dev.rfmkit.segment.Segment.LOST).build();
        OrderCsvFormat format = OrderCsvFormat.defaults();
        // log1p needs money above -1: returns left out
        IngestionOptions options = IngestionOptions.defaults().withReturns(name.contains("log1p")
                ? dev.rfmkit.order.ReturnsPolicy.IGNORE : dev.rfmkit.order.ReturnsPolicy.NET);
        RfmResult[] local = new RfmResult[1];
        String expected = inProcess(file, format, options, strategy, scheme, MonetaryMode.TOTAL, local);
        SparkResult result = SparkAnalysis.builder().format(format).ingestion(options).strategy(strategy)
                .scheme(scheme).partitions(partitions).build().run(SparkOrders.readCsv(spark, format, file.toString()));
        assertEquals(local[0].report(), result.report());
        assertEquals(local[0].asOf(), result.asOf());
        assertEquals(local[0].model().toString(), result.model().toString());
        assertEquals(expected, onSpark(result));
        assertEquals(local[0].segmentCounts(), result.segmentCounts());
        Map<ExclusionReason, Long> rejected = new EnumMap<>(ExclusionReason.class);
        for (Row r : result.rejects().groupBy("reason").count().collectAsList()) {
            rejected.put(ExclusionReason.valueOf(r.getString(0).toUpperCase(java.util.Locale.ROOT)), r.getLong(1));
        }
        for (ExclusionReason reason : ExclusionReason.values()) {
            assertEquals(local[0].report().excluded(reason), rejected.getOrDefault(reason, 0L), reason.code());
        }
    }

    @Test
    void engagementOverlay_asInProcess() throws IOException {
        Path file = orders(dir, 11, 1200);
        SplittableRandom rnd = new SplittableRandom(11);
        StringBuilder csv = new StringBuilder("last_site_visit,customer_id,last_email_click\n");
        for (int c = 0; c < 1200; c += 1 + rnd.nextInt(3)) {
            for (int twice = 0; twice < (rnd.nextInt(5) == 0 ? 2 : 1); twice++) {
                String visit = rnd.nextBoolean() ? "" : LocalDate.of(2024, 6, 1).plusDays(rnd.nextInt(500)).toString();
                String click = rnd.nextInt(3) == 0 ? "" : LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(600)) + "T10:00";
                csv.append(visit).append(',').append(' ').append(c * 7 + 3).append(',').append(click).append('\n');
            }
        }
        Path engagementFile = dir.resolve("engagement.csv");
        Files.writeString(engagementFile, csv.toString(), StandardCharsets.UTF_8);
        OrderCsvFormat format = OrderCsvFormat.defaults();
        EngagementOverlay overlay = EngagementOverlay.lostButEngaged(120, 60);
        RfmAnalysis analysis = RfmAnalysis.builder().overlay(overlay)
                .engagement(EngagementCsvReader.of(format).read(engagementFile)).build();
        OrderIngestion ingestion = analysis.startIngestion();
        OrderCsvReader.of(format).read(file, ingestion, RejectListener.none());
        RfmResult local = analysis.analyse(ingestion.finish());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScoredCustomerWriter.of(ScoredCustomerWriter.Format.CSV).write(local, out);
        SparkResult result = SparkAnalysis.builder().overlay(overlay).partitions(3)
                .engagement(SparkOrders.readCsv(spark, format, engagementFile.toString())).build()
                .run(SparkOrders.readCsv(spark, format, file.toString()));
        assertEquals(out.toString(StandardCharsets.UTF_8), onSpark(result));
        assertEquals(local.segmentCounts(), result.segmentCounts());
        assertTrue(local.segmentCounts().get(local.segmentCounts().size() - 1).customers() > 0,
                "some customers are lost but engaged");
    }

    @Test
    void asOfWindowAndAverageMoney_asInProcess() throws IOException {
        Path file = orders(dir, 7, 800);
        OrderCsvFormat format = OrderCsvFormat.defaults();
        IngestionOptions options = IngestionOptions.defaults().withAsOf(LocalDate.of(2024, 6, 30)).withWindowDays(120)
                .withReturns(dev.rfmkit.order.ReturnsPolicy.IGNORE);
        RfmResult[] local = new RfmResult[1];
        String expected = inProcess(file, format, options, ScoringStrategy.quantile(), SegmentScheme.twelve(),
                MonetaryMode.AVERAGE, local);
        SparkResult result = SparkAnalysis.builder().format(format).ingestion(options).monetary(MonetaryMode.AVERAGE)
                .partitions(3).build().run(SparkOrders.readCsv(spark, format, file.toString()));
        assertEquals(local[0].report(), result.report());
        assertEquals(expected, onSpark(result));
    }
}
