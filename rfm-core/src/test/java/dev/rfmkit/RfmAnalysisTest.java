package dev.rfmkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rfmkit.metrics.CustomerTable;
import dev.rfmkit.metrics.MonetaryMode;
import dev.rfmkit.order.ExclusionReason;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.IngestionReport;
import dev.rfmkit.order.OrderDataException;
import dev.rfmkit.order.OrderIngestion;
import dev.rfmkit.order.OrderLine;
import dev.rfmkit.score.Dimension;
import dev.rfmkit.score.RfmScore;
import dev.rfmkit.score.ScoringFit;
import dev.rfmkit.score.ScoringModel;
import dev.rfmkit.score.ScoringStrategy;
import dev.rfmkit.segment.EngagementData;
import dev.rfmkit.segment.EngagementFacts;
import dev.rfmkit.segment.EngagementOverlay;
import dev.rfmkit.segment.Segment;
import dev.rfmkit.segment.SegmentScheme;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The facade end to end on a small hand-checked shop.
 *
 * <p>As of D = 2024-12-31, eleven customers with orders (one more has only a return). With n = 11 and
 * k = 5 the type-7 positions h = 10j/5 = 2, 4, 6, 8 are whole, so each cut point is an order statistic
 * (0-based) of the sorted values:
 * <pre>
 *   recency days  1 5 10 20 30 45 60 90 120 200 365          cut points 10, 30, 60, 120
 *   frequency     1 1 1 1 2 2 3 4 5 8 12                     cut points  1,  2,  3,   5
 *   monetary      15 20 35 50 80 120 150 300 500 900 2500    cut points 35, 80, 150, 500
 * </pre>
 * A value equal to a cut point is in the lower bin; R = 5 - bin, F and M = bin + 1.
 * <pre>
 *   id  days  F   M        R F M  rule of `twelve`                          segment
 *   1     1  12  2500.00   5 5 5  R4-5 F>=4 M>=4                            CHAMPIONS
 *   2     5   3   300.00   5 3 4  R4-5 F>=3 M>=3                            LOYAL
 *   3    10   1    15.00   5 1 1  R4-5 F=1                                  NEW
 *   4    20   1   150.00   4 1 3  R4-5 F<=2 M>=3                            PROMISING
 *   5    30   2    50.00   4 2 2  R4-5 (rest)                               POTENTIAL_LOYALIST
 *   6    45   8   500.00   3 5 4  R3 F>=4 M>=4                              LOYAL
 *   7    60   2   120.00   3 2 3  R3 F>=3 or M>=3                           NEEDS_ATTENTION
 *   8    90   5   900.00   2 4 5  R1-2 F>=4 M>=4                            CANT_LOSE_THEM
 *   9   120   4    20.00   2 4 1  R1-2 F>=3 or M>=3                         AT_RISK
 *   10  200   1    80.00   1 1 2  R1, clicked 100 days before D             LOST -> LOST_BUT_ENGAGED
 *   11  365   1    35.00   1 1 1  R1, click 184 and visit 121 days before   LOST
 * </pre>
 */
final class RfmAnalysisTest {
    private static final LocalDate D = LocalDate.of(2024, 12, 31);

    // customer, order id, date, amount, status
    private static final String FIXTURE = """
            1,,2024-01-15,100.00,
            1,,2024-02-15,100.00,
            1,,2024-03-15,100.00,
            1,,2024-04-15,100.00,
            1,,2024-05-15,100.00,
            1,,2024-06-15,100.00,
            1,,2024-07-15,100.00,
            1,,2024-08-15,100.00,
            1,,2024-09-15,100.00,
            1,,2024-10-15,100.00,
            1,,2024-11-15,100.00,
            1,A1,2024-12-30,1000.00,paid
            1,A1,2024-12-30,400.00,paid
            1,,2025-01-05,500.00,
            2,B1,2024-06-01,100.00,
            2,B2,2024-09-01,100.00,
            2,B3,2024-12-26,50.00,
            2,B3,2024-12-26,50.00,
            3,,2024-12-21,15.00,
            3,,2024-12-28,99.00,Cancelled
            4,D1,2024-12-13,50.00,
            4,D1,2024-12-11,100.00,
            5,,2024-10-01,30.00,
            5,,2024-12-01,30.00,
            5,,2024-12-15,-10.00,
            6,,2024-04-16,50.00,
            6,,2024-05-16,50.00,
            6,,2024-06-16,50.00,
            6,,2024-07-16,50.00,
            6,,2024-08-16,50.00,
            6,,2024-09-16,50.00,
            6,,2024-10-16,50.00,
            6,,2024-11-16,150.00,
            7,,2024-08-01,60.00,
            7,,2024-11-01,60.00,
            8,,2024-02-02,180.00,
            8,,2024-04-02,180.00,
            8,,2024-06-02,180.00,
            8,,2024-08-02,180.00,
            8,,2024-10-02,180.00,
            9,,2024-03-02,5.00,
            9,,2024-05-02,5.00,
            9,,2024-07-02,5.00,
            9,,2024-09-02,5.00,
            10,,2024-06-14,80.00,
            11,,2024-01-01,35.00,
            12,,2024-12-01,-20.00,
            ,X9,2024-12-01,10.00,
            """;

    private static final String[] IDS = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"};
    private static final int[] DAYS = {1, 5, 10, 20, 30, 45, 60, 90, 120, 200, 365};
    private static final int[] FREQUENCY = {12, 3, 1, 1, 2, 8, 2, 5, 4, 1, 1};
    private static final String[] MONETARY = {"2500.00", "300.00", "15.00", "150.00", "50.00", "500.00", "120.00",
        "900.00", "20.00", "80.00", "35.00"};
    private static final String[] SCORES = {"555", "534", "511", "413", "422", "354", "323", "245", "241", "112",
        "111"};
    private static final Segment[] SEGMENTS = {Segment.CHAMPIONS, Segment.LOYAL, Segment.NEW, Segment.PROMISING,
        Segment.POTENTIAL_LOYALIST, Segment.LOYAL, Segment.NEEDS_ATTENTION, Segment.CANT_LOSE_THEM, Segment.AT_RISK,
        Segment.LOST_BUT_ENGAGED, Segment.LOST};

    static List<OrderLine> lines() {
        List<OrderLine> lines = new ArrayList<>();
        for (String row : FIXTURE.strip().split("\n")) {
            String[] f = row.split(",", -1);
            lines.add(OrderLine.of(f[0], LocalDate.parse(f[2]), new BigDecimal(f[3])).withOrderId(f[1])
                    .withStatus(f[4]));
        }
        return lines;
    }

    static EngagementData engagement() {
        return EngagementData.builder()
                .add("10", EngagementFacts.none().withLastEmailClick(LocalDate.of(2024, 9, 22)))
                .add("11", EngagementFacts.none().withLastEmailClick(LocalDate.of(2024, 6, 30))
                        .withLastSiteVisit(LocalDate.of(2024, 9, 1)))
                // customer 9 is not LOST: a click changes nothing
                .add("9", EngagementFacts.none().withLastEmailClick(D))
                // no such customer: ignored
                .add("99", EngagementFacts.none().withLastEmailClick(D))
                .build();
    }

    private static RfmAnalysis analysis() {
        return RfmAnalysis.builder()
                .ingestion(IngestionOptions.defaults().withAsOf(D))
                .engagement(engagement())
                .build();
    }

    @Test
    void run_handCheckedFixture_metricsScoresSegments() {
        RfmResult result = analysis().run(lines());
        assertEquals(D, result.asOf());
        assertEquals(IDS.length, result.size());
        for (int i = 0; i < IDS.length; i++) {
            ScoredCustomer c = result.customer(i);
            String at = "customer " + IDS[i];
            assertEquals(IDS[i], c.customerId(), at);
            assertEquals(DAYS[i], c.recencyDays(), at);
            assertEquals(FREQUENCY[i], c.frequency(), at);
            assertEquals(new BigDecimal(MONETARY[i]), c.monetary(), at);
            assertEquals(0, new BigDecimal(MONETARY[i]).compareTo(c.totalAmount()), at);
            assertEquals(SCORES[i], c.score().code(), at);
            assertEquals(SEGMENTS[i], c.segment(), at);
            assertEquals(SEGMENTS[i], result.segment(i), at);
            assertEquals(c, result.rows().get(i));
        }
        assertEquals(IDS.length, result.rows().size());
    }

    @Test
    void run_handCheckedFixture_cutPoints() {
        ScoringModel model = analysis().run(lines()).model();
        assertEquals("quantile", model.strategy());
        assertArrayEquals(new double[] {10, 30, 60, 120}, model.cutPoints(Dimension.RECENCY));
        assertArrayEquals(new double[] {1, 2, 3, 5}, model.cutPoints(Dimension.FREQUENCY));
        assertArrayEquals(new double[] {35, 80, 150, 500}, model.cutPoints(Dimension.MONETARY));
    }

    @Test
    void run_handCheckedFixture_report() {
        IngestionReport report = analysis().run(lines()).report();
        assertEquals(48, report.linesRead());
        assertEquals(45, report.includedLines());
        assertEquals(43, report.purchaseLines());
        assertEquals(2, report.returnLines());
        assertEquals(1, report.excluded(ExclusionReason.AFTER_AS_OF));
        assertEquals(1, report.excluded(ExclusionReason.EXCLUDED_STATUS));
        assertEquals(1, report.excluded(ExclusionReason.MISSING_CUSTOMER_ID));
        assertEquals(3, report.excludedLines());
        assertEquals(40, report.orders());
        assertEquals(11, report.customers());
        assertEquals(1, report.customersWithoutOrders());
        assertEquals(1, report.linesOfCustomersWithoutOrders());
        assertEquals(0, new BigDecimal("4680").compareTo(report.purchaseAmount()));
        assertEquals(0, new BigDecimal("-30").compareTo(report.returnAmount()));
    }

    @Test
    void segmentCounts_everySegmentInSchemeOrder_overlayTargetLast() {
        RfmResult result = analysis().run(lines());
        List<SegmentCount> expected = List.of(
                count(Segment.CHAMPIONS, 1, 12, "2500"),
                count(Segment.LOYAL, 2, 11, "800"),
                count(Segment.PROMISING, 1, 1, "150"),
                count(Segment.NEW, 1, 1, "15"),
                count(Segment.POTENTIAL_LOYALIST, 1, 2, "50"),
                count(Segment.NEEDS_ATTENTION, 1, 2, "120"),
                count(Segment.ABOUT_TO_SLEEP, 0, 0, "0"),
                count(Segment.CANT_LOSE_THEM, 1, 5, "900"),
                count(Segment.AT_RISK, 1, 4, "20"),
                count(Segment.HIBERNATING, 0, 0, "0"),
                count(Segment.LOST, 1, 1, "35"),
                count(Segment.LOST_BUT_ENGAGED, 1, 1, "80"));
        assertEquals(expected.size(), result.segmentCounts().size());
        for (int i = 0; i < expected.size(); i++) {
            SegmentCount e = expected.get(i);
            SegmentCount a = result.segmentCounts().get(i);
            assertEquals(e.segment(), a.segment());
            assertEquals(e.customers(), a.customers(), e.segment().id());
            assertEquals(e.orders(), a.orders(), e.segment().id());
            assertEquals(0, e.revenue().compareTo(a.revenue()), e.segment().id());
        }
    }

    private static SegmentCount count(Segment s, int customers, long orders, String revenue) {
        return new SegmentCount(s, customers, orders, new BigDecimal(revenue));
    }

    @Test
    void segmentCounts_totalsMatchCustomersAndRevenue() {
        RfmResult result = analysis().run(lines());
        int customers = 0;
        long orders = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        for (SegmentCount c : result.segmentCounts()) {
            customers += c.customers();
            orders += c.orders();
            revenue = revenue.add(c.revenue());
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < result.size(); i++) {
            total = total.add(result.customers().totalAmount(i));
        }
        assertEquals(result.size(), customers);
        assertEquals(result.report().orders(), orders);
        assertEquals(0, total.compareTo(revenue));
        assertEquals(0, new BigDecimal("4670").compareTo(revenue));
    }

    @Test
    void run_withoutEngagement_lostStaysLost() {
        RfmResult result = RfmAnalysis.builder().ingestion(IngestionOptions.defaults().withAsOf(D)).build()
                .run(lines());
        assertEquals(Segment.LOST, result.segment(9));
        assertEquals(Segment.LOST, result.segment(10));
        // the overlay's target is still listed, with no customer
        SegmentCount last = result.segmentCounts().get(result.segmentCounts().size() - 1);
        assertEquals(Segment.LOST_BUT_ENGAGED, last.segment());
        assertEquals(0, last.customers());
    }

    @Test
    void run_overlayNone_engagementIgnored() {
        RfmResult result = RfmAnalysis.builder().ingestion(IngestionOptions.defaults().withAsOf(D))
                .engagement(engagement()).overlay(EngagementOverlay.none()).build().run(lines());
        assertEquals(Segment.LOST, result.segment(9));
        assertEquals(11, result.segmentCounts().size());
    }

    @Test
    void run_defaultAsOf_dayAfterLatestOrder() {
        // without customer 1's line of 2025-01-05 the latest included line is its order of 2024-12-30:
        // the derived D is 2024-12-31 and the result the same
        List<OrderLine> untilD = lines().stream().filter(l -> !l.date().isAfter(D)).toList();
        assertEquals(lines().size() - 1, untilD.size());
        RfmResult result = RfmAnalysis.builder().engagement(engagement()).build().run(untilD);
        assertEquals(D, result.asOf());
        for (int i = 0; i < IDS.length; i++) {
            assertEquals(SCORES[i], result.scores().get(i).code());
            assertEquals(SEGMENTS[i], result.segment(i));
        }
    }

    @Test
    void model_reuse_sameScoresAndSegments() {
        RfmResult fitted = analysis().run(lines());
        RfmAnalysis reuse = RfmAnalysis.builder()
                .ingestion(IngestionOptions.defaults().withAsOf(D))
                .engagement(engagement())
                .model(fitted.model())
                .build();
        RfmResult scored = reuse.run(lines());
        assertEquals(fitted.size(), scored.size());
        for (int i = 0; i < fitted.size(); i++) {
            assertEquals(fitted.scores().get(i), scored.scores().get(i));
            assertEquals(fitted.segment(i), scored.segment(i));
        }
        assertEquals(fitted.model(), scored.model());
        assertEquals(fitted.model(), reuse.model().orElseThrow());
    }

    @Test
    void model_reuse_scoresOtherCustomersWithoutRefitting() {
        RfmResult fitted = analysis().run(lines());
        // customers 1-5 only: refitting would move the cut points; the model keeps them
        List<OrderLine> some = new ArrayList<>();
        for (OrderLine l : lines()) {
            if (List.of("1", "2", "3", "4", "5").contains(l.customerId())) {
                some.add(l);
            }
        }
        RfmResult scored = RfmAnalysis.builder().ingestion(IngestionOptions.defaults().withAsOf(D))
                .model(fitted.model()).build().run(some);
        assertEquals(5, scored.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(SCORES[i], scored.scores().get(i).code(), IDS[i]);
            assertEquals(SEGMENTS[i], scored.segment(i), IDS[i]);
        }
        RfmResult refitted = analysis().run(some);
        assertTrue(!refitted.scores().get(0).equals(scored.scores().get(0))
                || !refitted.scores().get(2).equals(scored.scores().get(2)), "refitting should differ");
    }

    @Test
    void analyse_streamedIngestion_sameAsRun() {
        RfmAnalysis a = analysis();
        OrderIngestion in = a.startIngestion();
        for (OrderLine l : lines()) {
            in.accept(l);
        }
        RfmResult streamed = a.analyse(in.finish());
        RfmResult run = a.run(lines());
        for (int i = 0; i < run.size(); i++) {
            assertEquals(run.customer(i), streamed.customer(i));
        }
    }

    @Test
    void run_equalCount_usesFitScores() {
        RfmAnalysis a = RfmAnalysis.builder().ingestion(IngestionOptions.defaults().withAsOf(D))
                .strategy(ScoringStrategy.equalCount(5)).build();
        RfmResult result = a.run(lines());
        CustomerTable table = result.customers();
        ScoringFit fit = ScoringStrategy.equalCount(5).fit(table);
        for (int i = 0; i < result.size(); i++) {
            assertEquals(fit.scores().get(i), result.scores().get(i));
            assertEquals(SegmentScheme.twelve().classify(fit.scores().get(i)), result.segment(i));
        }
        assertEquals("equal-count", result.model().strategy());
    }

    @Test
    void run_averageMonetary() {
        RfmResult result = RfmAnalysis.builder().ingestion(IngestionOptions.defaults().withAsOf(D))
                .monetary(MonetaryMode.AVERAGE).build().run(lines());
        // customer 1: 2500 / 12 = 208.333... -> 208.33; customer 5: 50 / 2 = 25.00
        assertEquals(new BigDecimal("208.33"), result.customer(0).monetary());
        assertEquals(new BigDecimal("25.00"), result.customer(4).monetary());
        assertEquals(0, new BigDecimal("2500").compareTo(result.customer(0).totalAmount()));
    }

    @Test
    void run_strict_firstExcludedLineThrows() {
        RfmAnalysis strict = RfmAnalysis.builder().ingestion(IngestionOptions.defaults().withAsOf(D).withStrict(true))
                .build();
        OrderDataException e = assertThrows(OrderDataException.class, () -> strict.run(lines()));
        // line 14 of the fixture is customer 1's order after D
        assertEquals(14, e.line());
        assertEquals(ExclusionReason.AFTER_AS_OF, e.reason().orElseThrow());
    }

    @Test
    void build_schemeAndStrategyKMismatch_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RfmAnalysis.builder().strategy(ScoringStrategy.quantile(4)).build());
        assertTrue(e.getMessage().contains("twelve"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> RfmAnalysis.builder().strategy(ScoringStrategy.equalCount(3)).build());
    }

    @Test
    void build_schemeAndModelKMismatch_throws() {
        RfmResult k4 = RfmAnalysis.builder().ingestion(IngestionOptions.defaults().withAsOf(D))
                .strategy(ScoringStrategy.quantile(4))
                .scheme(SegmentScheme.builder("quarters", 4).fallback(Segment.named("Everyone")).build())
                .build().run(lines());
        assertEquals(4, k4.model().bins());
        assertThrows(IllegalArgumentException.class, () -> RfmAnalysis.builder().model(k4.model()).build());
    }

    @Test
    void build_defaults() {
        RfmAnalysis a = RfmAnalysis.builder().build();
        assertEquals(MonetaryMode.TOTAL, a.monetary());
        assertEquals("quantile", a.strategy().name());
        assertEquals(5, a.strategy().bins());
        assertEquals(SegmentScheme.twelve(), a.scheme());
        assertEquals(EngagementOverlay.lostButEngaged().rules().size(), a.overlay().rules().size());
        assertTrue(a.model().isEmpty());
    }

    @Test
    void run_noCustomer_throws() {
        RfmAnalysis a = RfmAnalysis.builder().ingestion(IngestionOptions.defaults().withAsOf(D)).build();
        assertThrows(IllegalArgumentException.class, () -> a.run(List.of()));
    }

    @Test
    void scoredCustomer_scoreMatchesModel() {
        RfmResult result = analysis().run(lines());
        for (int i = 0; i < result.size(); i++) {
            ScoredCustomer c = result.customer(i);
            RfmScore byModel = result.model().score(c.recencyDays(), c.frequency(), result.customers().monetary(i));
            assertEquals(byModel, c.score());
        }
    }
}
