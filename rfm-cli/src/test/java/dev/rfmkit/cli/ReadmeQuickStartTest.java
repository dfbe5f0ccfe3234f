package dev.rfmkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rfmkit.RfmAnalysis;
import dev.rfmkit.RfmResult;
import dev.rfmkit.ScoredCustomer;
import dev.rfmkit.jackson.ModelJson;
import dev.rfmkit.jackson.OrderCsvFormat;
import dev.rfmkit.jackson.OrderCsvReader;
import dev.rfmkit.jackson.RejectListener;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.OrderIngestion;
import dev.rfmkit.order.OrderLine;
import dev.rfmkit.clv.BgNbd;
import dev.rfmkit.clv.Clv;
import dev.rfmkit.clv.ClvUnit;
import dev.rfmkit.clv.GammaGamma;
import dev.rfmkit.clv.PurchaseHistory;
import dev.rfmkit.html.HtmlReport;
import dev.rfmkit.report.Migration;
import dev.rfmkit.report.RfmMatrix;
import dev.rfmkit.report.SegmentSummary;
import dev.rfmkit.score.Clusters;
import dev.rfmkit.score.Dimension;
import dev.rfmkit.score.KMeansModel;
import dev.rfmkit.score.RfmScore;
import dev.rfmkit.score.ScoringModel;
import dev.rfmkit.score.ScoringStrategy;
import dev.rfmkit.segment.Segment;
import dev.rfmkit.segment.SegmentScheme;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's Java quick start, compiled and run; the README must show exactly this code. */
final class ReadmeQuickStartTest {
    private static final String BEGIN = "// README-BEGIN";
    private static final String END = "// README-END";

    @SuppressWarnings("unused")
    static void quickStart() throws IOException {
        // README-BEGIN
        // order lines: from your database, or streamed from a CSV file (see below)
        List<OrderLine> lines = List.of(
                OrderLine.of("c1", LocalDate.of(2024, 6, 28), new BigDecimal("120.00")).withOrderId("A-1"),
                OrderLine.of("c1", LocalDate.of(2024, 5, 2), new BigDecimal("80.50")).withOrderId("A-2"),
                OrderLine.of("c2", LocalDate.of(2023, 11, 20), new BigDecimal("35.00")).withOrderId("B-1"),
                OrderLine.of("c3", LocalDate.of(2024, 6, 1), new BigDecimal("12.99")).withOrderId("C-1"),
                OrderLine.of("c3", LocalDate.of(2024, 6, 1), new BigDecimal("-12.99")).withOrderId("C-2"));

        RfmAnalysis analysis = RfmAnalysis.builder()
                .ingestion(IngestionOptions.defaults().withAsOf(LocalDate.of(2024, 6, 30)))
                .strategy(ScoringStrategy.quantile())   // the default: type-7 quintiles
                .scheme(SegmentScheme.twelve())         // the default: twelve segments
                .build();
        RfmResult result = analysis.run(lines);

        for (ScoredCustomer c : result.rows()) {
            System.out.println(c.customerId() + " " + c.score().code() + " " + c.segment().displayName());
        }
        System.out.println(result.report().linesRead() + " lines, " + result.report().orders() + " orders");

        // fit nightly, score one customer in real time with the same model
        ScoringModel model = result.model();
        RfmScore score = model.score(3, 2, 150.0);   // 3 days ago, 2 orders, 150.00 spent
        Segment segment = SegmentScheme.twelve().classify(score);
        System.out.println(score.code() + " " + segment.id());

        // a large CSV export, streamed line by line
        Path csv = Files.writeString(Files.createTempFile("orders", ".csv"),
                "customer_id,order_id,order_date,amount\nc1,A-1,2024-06-28,120.00\nc2,B-1,2024-03-01,35.00\n");
        OrderIngestion ingestion = analysis.startIngestion();
        OrderCsvReader.of(OrderCsvFormat.defaults()).read(csv, ingestion, RejectListener.none());
        RfmResult fromCsv = analysis.analyse(ingestion.finish());
        System.out.println(fromCsv.size() + " customers from " + csv.getFileName());
        // README-END
        Files.delete(csv);
    }

    @SuppressWarnings("unused")
    static void customScheme() {
        // README-SCHEME-BEGIN
        SegmentScheme vip = SegmentScheme.builder("vip", 5)
                .rule(Segment.named("VIP"), "R4-5 F>=4 M>=4")          // score boxes
                .cells(Segment.named("Whales"), "155", "255")           // explicit cells
                .where(Segment.named("Solid"), "r + f + m >= 10")        // a condition on the scores
                .fallback(Segment.named("Others"))
                .build();
        System.out.println(vip.classify(RfmScore.of(2, 5, 5)).id() + " " + vip.validation().shadowedRules().size());
        // README-SCHEME-END
    }

    @Test
    void customScheme_classifiesByFirstMatch() {
        assertEquals(List.of("WHALES 0"), captured(ReadmeQuickStartTest::customScheme));
    }

    @Test
    void readme_showsExactlyTheSchemeCode() throws IOException {
        assertEquals(block(source(), "// README-SCHEME-BEGIN", "// README-SCHEME-END"),
                readmeBlock("README-SCHEME"));
    }

    @SuppressWarnings("unused")
    static void kmeans() {
        // README-KMEANS-BEGIN
        int[] recencyDays = {3, 5, 40, 41, 200, 210, 360};
        int[] frequency = {9, 7, 3, 2, 1, 1, 1};
        double[] monetary = {1200.0, 980.0, 450.0, 390.0, 60.0, 45.0, 30.0};
        KMeansModel model = ScoringStrategy.kmeans(3).fitModel(recencyDays, frequency, monetary);
        Clusters money = model.clusters(Dimension.MONETARY);
        for (int i = 0; i < money.count(); i++) {
            System.out.println("M " + (i + 1) + ": " + money.lowerBound(i) + " .. " + money.upperBound(i)
                    + ", " + money.size(i) + " customers");
        }
        System.out.println(model.score(15, 4, 500.0).code());   // a new customer, by nearest centres
        // README-KMEANS-END
    }

    // money: {30, 45, 60} {390, 450} {980, 1200} (sum of squares 26,450; every other split is worse),
    // centres 45, 420 and 1090: 500 is below the midpoint 755, M 2. Recency: {3, 5, 40, 41} {200, 210}
    // {360}, 15 days in the first cluster, R 3. Frequency: {1} {2, 3} {7, 9}, 4 orders in the second, F 2.
    @Test
    void kmeans_printsTheMoneyClusters() {
        assertEquals(List.of("M 1: 30.0 .. 60.0, 3 customers", "M 2: 390.0 .. 450.0, 2 customers",
                "M 3: 980.0 .. 1200.0, 2 customers", "322"), captured(ReadmeQuickStartTest::kmeans));
    }

    @Test
    void readme_showsExactlyTheKMeansCode() throws IOException {
        assertEquals(block(source(), "// README-KMEANS-BEGIN", "// README-KMEANS-END"), readmeBlock("README-KMEANS"));
    }

    @SuppressWarnings("unused")
    static void savedModel() throws IOException {
        // README-MODEL-BEGIN
        LocalDate asOf = LocalDate.of(2024, 6, 30);
        List<OrderLine> orders = List.of(
                OrderLine.of("c1", asOf.minusDays(2), new BigDecimal("120.00")),
                OrderLine.of("c2", asOf.minusDays(90), new BigDecimal("35.00")),
                OrderLine.of("c3", asOf.minusDays(30), new BigDecimal("560.00")));
        RfmResult nightly = RfmAnalysis.builder()
                .ingestion(IngestionOptions.defaults().withAsOf(asOf))
                .strategy(ScoringStrategy.kmeans(5))
                .build()
                .run(orders);
        Path file = Files.createTempFile("model", ".json");
        ModelJson.write(nightly.model(), file);

        // later, in another process: the same scores as the nightly fit
        ScoringModel model = ModelJson.read(file);
        System.out.println(model.strategy() + " " + model.score(2, 1, 120.0).code() + " "
                + nightly.scores().get(0).code());
        // README-MODEL-END
        Files.delete(file);
    }

    // three customers, three distinct values per dimension: one cluster each, so F and M use levels
    // 1..1 (one order each) and 1..3, R 5..3; c1 is the most recent and spends 120: R 5, F 1, M 2
    @Test
    void savedModel_scoresAsTheFit() {
        assertEquals(List.of("kmeans 512 512"), captured(() -> {
            try {
                savedModel();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
    }

    @Test
    void readme_showsExactlyTheModelCode() throws IOException {
        assertEquals(block(source(), "// README-MODEL-BEGIN", "// README-MODEL-END"), readmeBlock("README-MODEL"));
    }

    @SuppressWarnings("unused")
    static void reports(RfmResult result) throws IOException {
        // README-REPORT-BEGIN
        SegmentSummary summary = SegmentSummary.of(result);
        for (SegmentSummary.Row row : summary.rows()) {
            System.out.println(row.segment().orElseThrow().id() + " " + row.customers() + " " + row.revenue());
        }
        RfmMatrix matrix = RfmMatrix.of(result);
        System.out.println("R5 F5: " + matrix.cell(5, 5).customers() + " of " + summary.total().customers());
        Migration moves = Migration.between(result, result);
        System.out.println("stayed in CHAMPIONS: "
                + moves.customers(Optional.of("CHAMPIONS"), Optional.of("CHAMPIONS")));
        HtmlReport.of(result).withLocale(Locale.GERMAN).write(Files.createTempFile("rfm", ".html"));
        // README-REPORT-END
    }

    // the quick start's three customers: c1 is the one Champion (555), with 200.50
    @Test
    void reports_printTheSummary() {
        LocalDate d = LocalDate.of(2024, 6, 30);
        RfmResult result = RfmAnalysis.builder().ingestion(IngestionOptions.defaults().withAsOf(d)).build().run(List.of(
                OrderLine.of("c1", LocalDate.of(2024, 6, 28), new BigDecimal("120.00")).withOrderId("A-1"),
                OrderLine.of("c1", LocalDate.of(2024, 5, 2), new BigDecimal("80.50")).withOrderId("A-2"),
                OrderLine.of("c2", LocalDate.of(2023, 11, 20), new BigDecimal("35.00")).withOrderId("B-1"),
                OrderLine.of("c3", LocalDate.of(2024, 6, 1), new BigDecimal("12.99")).withOrderId("C-1")));
        List<String> out = captured(() -> {
            try {
                reports(result);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals("CHAMPIONS 1 200.5000", out.get(0));
        assertEquals(14, out.size(), out.toString());
        assertEquals("R5 F5: 1 of 3", out.get(12));
        assertEquals("stayed in CHAMPIONS: 1", out.get(13));
    }

    @Test
    void readme_showsExactlyTheReportCode() throws IOException {
        assertEquals(block(source(), "// README-REPORT-BEGIN", "// README-REPORT-END"), readmeBlock("README-REPORT"));
    }

    @SuppressWarnings("unused")
    static void clv(List<OrderLine> orders, LocalDate asOf) {
        // README-CLV-BEGIN
        PurchaseHistory history = PurchaseHistory.of(orders, IngestionOptions.defaults().withAsOf(asOf), ClvUnit.WEEK);
        BgNbd purchases = BgNbd.fit(history);
        GammaGamma spend = GammaGamma.fit(history);
        Clv clv = Clv.of(purchases, spend, ClvUnit.WEEK);   // 12 periods of 30 days, 1% discount per period
        for (int i = 0; i < 3; i++) {
            int x = history.frequency(i);
            double tx = history.recency(i);
            double age = history.age(i);
            System.out.printf(Locale.ROOT, "%s alive %.3f, next 39 weeks %.3f, CLV %.2f%n", history.customerId(i),
                    purchases.probabilityAlive(x, tx, age), purchases.expectedPurchases(39, x, tx, age),
                    clv.value(x, tx, age, history.monetaryValue(i)));
        }
        // README-CLV-END
    }

    // the CDNOW sample of the papers: customer 1 expects 1.226 purchases in 39 weeks
    @Test
    void clv_printsTheForecasts() throws IOException {
        List<OrderLine> orders = new java.util.ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/dev/rfmkit/cli/cdnow_sample.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            orders.add(OrderLine.of(f[0], LocalDate.parse(f[1]), new BigDecimal(f[3])));
        }
        List<String> out = captured(() -> clv(orders, LocalDate.of(1997, 9, 30)));
        assertEquals(3, out.size());
        assertEquals("1 alive 0.727, next 39 weeks 1.226, CLV 35.87", out.get(0));
        assertTrue(out.get(2).startsWith("3 alive 1.000"), out.get(2));
    }

    @Test
    void readme_showsExactlyTheClvCode() throws IOException {
        assertEquals(block(source(), "// README-CLV-BEGIN", "// README-CLV-END"), readmeBlock("README-CLV"));
    }

    private static List<String> captured(Runnable code) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            code.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static String source() throws IOException {
        return Files.readString(Path.of("src/test/java/dev/rfmkit/cli/ReadmeQuickStartTest.java"));
    }

    /** The lines between two marker comment lines, unindented. */
    private static String block(String source, String begin, String end) {
        int from = source.indexOf(begin + "\n");
        String inTest = source.substring(from + begin.length(), source.indexOf(end + "\n", from));
        return inTest.lines().skip(1).map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .collect(Collectors.joining("\n")).strip();
    }

    /** The java block after a marker in the README. */
    private static String readmeBlock(String marker) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int at = readme.indexOf(marker + ":");
        int start = readme.indexOf("```java\n", at) + "```java\n".length();
        return readme.substring(start, readme.indexOf("```", start)).strip();
    }

    @Test
    void quickStart_runsAndPrintsHandCheckedSegments() throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            quickStart();
        } finally {
            System.setOut(original);
        }
        List<String> out = captured.toString(StandardCharsets.UTF_8).lines().toList();
        // c1: 2 days, 2 orders, 200.50; c2: 223 days, 1 order, 35.00; c3: 29 days, 1 order, 0.00 (its
        // return nets the purchase; the return-only invoice C-2 is no order). Type-7 cut points over 3
        // customers put them at R 5/1/3, F 5/1/1, M 5/3/1.
        assertEquals(List.of("c1 555 Champions", "c2 113 At Risk", "c3 311 About to Sleep", "5 lines, 4 orders",
                "555 CHAMPIONS"), out.subList(0, 5));
        assertTrue(out.get(5).startsWith("2 customers from orders"), out.get(5));
    }

    @Test
    void readme_showsExactlyThisCode() throws IOException {
        assertEquals(block(source(), BEGIN, END), readmeBlock("README-QUICKSTART"));
    }
}
