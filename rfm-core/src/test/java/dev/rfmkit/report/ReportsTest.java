package dev.rfmkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rfmkit.RfmAnalysis;
import dev.rfmkit.RfmResult;
import dev.rfmkit.metrics.MonetaryMode;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.OrderLine;
import dev.rfmkit.score.ScoringModel;
import dev.rfmkit.score.ScoringStrategy;
import dev.rfmkit.segment.Segment;
import dev.rfmkit.testing.RandomOrders;
import dev.rfmkit.testing.Seeds;
import dev.rfmkit.testing.ShowSeed;
import dev.rfmkit.testing.Tables;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(ShowSeed.class)
final class ReportsTest {
    static Stream<Long> seeds() {
        return Seeds.seeds();
    }

    private static RfmAnalysis analysis(MonetaryMode mode, ScoringModel model) {
        RfmAnalysis.Builder b = RfmAnalysis.builder().ingestion(IngestionOptions.defaults().withAsOf(Tables.AS_OF))
                .monetary(mode);
        return model == null ? b.build() : b.model(model).build();
    }

    // totals equal the input's: every customer, order and unit of revenue
    @ParameterizedTest
    @MethodSource("seeds")
    void totals_equalTheInput(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int trial = 0; trial < 10; trial++) {
            MonetaryMode mode = rnd.nextBoolean() ? MonetaryMode.TOTAL : MonetaryMode.AVERAGE;
            RfmResult r = analysis(mode, null).run(RandomOrders.lines(rnd, 300));
            SegmentSummary.Row total = SegmentSummary.of(r).total();
            assertEquals(r.size(), total.customers());
            assertEquals(r.report().orders(), total.orders());
            BigDecimal revenue = r.report().purchaseAmount().add(r.report().returnAmount());
            if (r.report().customersWithoutOrders() == 0) {
                assertEquals(0, revenue.compareTo(total.revenue()), revenue + " vs " + total.revenue());
            }
            BigDecimal byCustomer = BigDecimal.ZERO;
            for (int i = 0; i < r.size(); i++) {
                byCustomer = byCustomer.add(r.customers().totalAmount(i));
            }
            assertEquals(0, byCustomer.compareTo(total.revenue()));
            long rows = 0;
            for (SegmentSummary.Row row : SegmentSummary.of(r).rows()) {
                rows += row.customers();
            }
            assertEquals(r.size(), rows);
            RfmMatrix m = RfmMatrix.of(r);
            assertEquals(r.size(), m.customers());
            assertEquals(0, byCustomer.compareTo(m.revenue()));
            assertEquals(1.0, SegmentSummary.of(r).total().customerShare());
        }
    }

    // split the customers in two, score both parts with one model: the merged reports are the reports of the whole
    @ParameterizedTest
    @MethodSource("seeds")
    void reportsOfDisjointParts_mergeIntoTheReportOfTheWhole(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<OrderLine> lines = RandomOrders.lines(rnd, 300);
        ScoringModel model = analysis(MonetaryMode.TOTAL, null).run(lines).model();
        List<OrderLine> a = new ArrayList<>();
        List<OrderLine> b = new ArrayList<>();
        for (OrderLine l : lines) {
            (Math.floorMod(l.customerId().hashCode(), 3) == 0 ? a : b).add(l);
        }
        RfmResult whole = analysis(MonetaryMode.TOTAL, model).run(lines);
        if (a.isEmpty() || b.isEmpty()) {
            return;
        }
        RfmResult ra = analysis(MonetaryMode.TOTAL, model).run(a);
        RfmResult rb = analysis(MonetaryMode.TOTAL, model).run(b);
        assertEquals(SegmentSummary.of(whole), SegmentSummary.of(ra).merge(SegmentSummary.of(rb)));
        assertEquals(SegmentSummary.of(whole).rows(), SegmentSummary.of(rb).merge(SegmentSummary.of(ra)).rows());
        assertEquals(RfmMatrix.of(whole), RfmMatrix.of(ra).merge(RfmMatrix.of(rb)));
        RfmResult later = analysis(MonetaryMode.TOTAL, model).run(lines.subList(0, lines.size() / 2));
        Migration all = Migration.between(whole, later);
        Migration parts = Migration.between(filter(ra, a), filter(later, a))
                .merge(Migration.between(filter(rb, b), filter(later, b)));
        assertEquals(all, parts);
    }

    private static Map<String, String> filter(RfmResult r, List<OrderLine> part) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        part.forEach(l -> ids.add(l.customerId()));
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < r.size(); i++) {
            if (ids.contains(r.customers().customerId(i))) {
                m.put(r.customers().customerId(i), r.segment(i).id());
            }
        }
        return m;
    }

    // four customers, hand-checked
    @Test
    void summary_handChecked() {
        RfmResult r = analysis(MonetaryMode.TOTAL, null).run(Tables.lines(List.of(
                Tables.spec("1", 1, 3, "300"), Tables.spec("2", 2, 2, "100"), Tables.spec("3", 400, 1, "10"),
                Tables.spec("4", 500, 1, "30"))));
        SegmentSummary s = SegmentSummary.of(r);
        SegmentSummary.Row total = s.total();
        assertEquals(Optional.empty(), total.segment());
        assertEquals(4, total.customers());
        assertEquals(7, total.orders());
        assertEquals(0, new BigDecimal("440").compareTo(total.revenue()));
        assertEquals(new BigDecimal("62.86"), total.averageOrderValue());
        assertEquals(225.75, total.meanRecency());
        assertEquals(201.0, total.medianRecency());
        assertEquals(1.5, total.medianFrequency());
        assertEquals(110.0, total.meanMonetary());
        assertEquals(65.0, total.medianMonetary());
        long withCustomers = s.rows().stream().filter(x -> x.customers() > 0).count();
        assertTrue(withCustomers >= 2);
        for (SegmentSummary.Row row : s.rows()) {
            if (row.customers() == 0) {
                assertTrue(Double.isNaN(row.meanRecency()));
                assertEquals(BigDecimal.ZERO.setScale(2), row.averageOrderValue());
            }
        }
        assertEquals(12, s.rows().size()); // every segment of twelve, empty ones included
        RfmMatrix m = RfmMatrix.of(r);
        long cells = 0;
        for (int rr = 1; rr <= 5; rr++) {
            for (int f = 1; f <= 5; f++) {
                cells += m.cell(rr, f).customers();
            }
        }
        assertEquals(4, cells);
        assertThrows(IllegalArgumentException.class, () -> m.cell(0, 1));
    }

    @Test
    void migration_countsEveryTransition() {
        Map<String, String> before = Map.of("a", "LOST", "b", "CHAMPIONS", "c", "CHAMPIONS", "d", "NEW");
        Map<String, String> after = Map.of("a", "CHAMPIONS", "b", "CHAMPIONS", "c", "AT_RISK", "e", "NEW");
        Migration m = Migration.between(before, after);
        assertEquals(List.of(
                new Migration.Transition(Optional.empty(), Optional.of("NEW"), 1),
                new Migration.Transition(Optional.of("CHAMPIONS"), Optional.of("AT_RISK"), 1),
                new Migration.Transition(Optional.of("CHAMPIONS"), Optional.of("CHAMPIONS"), 1),
                new Migration.Transition(Optional.of("LOST"), Optional.of("CHAMPIONS"), 1),
                new Migration.Transition(Optional.of("NEW"), Optional.empty(), 1)), m.transitions());
        assertEquals(1, m.inflow("CHAMPIONS"));
        assertEquals(1, m.outflow("CHAMPIONS"));
        assertEquals(1, m.inflow("NEW"));
        assertEquals(1, m.outflow("NEW"));
        assertEquals(4, m.before());
        assertEquals(4, m.after());
        assertEquals(List.of("CHAMPIONS", "NEW", "AT_RISK", "LOST"), m.segments());
        assertEquals(List.of("ZEBRA"), Migration.between(Map.of("x", "ZEBRA"), Map.of()).segments());
        assertThrows(IllegalArgumentException.class, () -> Migration.between(Map.of("x", ""), Map.of()));
        assertEquals(Segment.CHAMPIONS.id(), m.segments().get(0));
    }
}
