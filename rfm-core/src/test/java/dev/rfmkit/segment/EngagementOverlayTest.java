package dev.rfmkit.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class EngagementOverlayTest {
    private static final LocalDate D = LocalDate.of(2024, 6, 30);
    private static final EngagementOverlay DEFAULT = EngagementOverlay.lostButEngaged();

    private static Optional<EngagementFacts> click(int daysBeforeD) {
        return Optional.of(EngagementFacts.none().withLastEmailClick(D.minusDays(daysBeforeD)));
    }

    private static Optional<EngagementFacts> visit(int daysBeforeD) {
        return Optional.of(EngagementFacts.none().withLastSiteVisit(D.minusDays(daysBeforeD)));
    }

    @ParameterizedTest(name = "click {0} days before D: engaged={1}")
    @CsvSource({"0, true", "1, true", "179, true", "180, true", "181, false", "400, false", "-1, false",
        "-30, false"})
    void lost_emailClickWithin180DaysInclusive(int days, boolean engaged) {
        assertEquals(engaged ? Segment.LOST_BUT_ENGAGED : Segment.LOST, DEFAULT.apply(Segment.LOST, click(days), D));
    }

    @ParameterizedTest(name = "visit {0} days before D: engaged={1}")
    @CsvSource({"0, true", "89, true", "90, true", "91, false", "180, false", "-1, false"})
    void lost_siteVisitWithin90DaysInclusive(int days, boolean engaged) {
        assertEquals(engaged ? Segment.LOST_BUT_ENGAGED : Segment.LOST, DEFAULT.apply(Segment.LOST, visit(days), D));
    }

    @Test
    void lost_eitherFactSuffices() {
        EngagementFacts oldClickRecentVisit = EngagementFacts.none().withLastEmailClick(D.minusDays(300))
                .withLastSiteVisit(D.minusDays(10));
        assertEquals(Segment.LOST_BUT_ENGAGED, DEFAULT.apply(Segment.LOST, Optional.of(oldClickRecentVisit), D));
        EngagementFacts recentClickOldVisit = EngagementFacts.none().withLastEmailClick(D.minusDays(10))
                .withLastSiteVisit(D.minusDays(300));
        assertEquals(Segment.LOST_BUT_ENGAGED, DEFAULT.apply(Segment.LOST, Optional.of(recentClickOldVisit), D));
    }

    @Test
    void lost_futureDatesDoNotCount() {
        // a click after D does not count, even though a visit 91 days ago also does not
        EngagementFacts future = EngagementFacts.none().withLastEmailClick(D.plusDays(1))
                .withLastSiteVisit(D.plusDays(5));
        assertEquals(Segment.LOST, DEFAULT.apply(Segment.LOST, Optional.of(future), D));
        EngagementFacts futureClickOldVisit = EngagementFacts.none().withLastEmailClick(D.plusDays(1))
                .withLastSiteVisit(D.minusDays(91));
        assertEquals(Segment.LOST, DEFAULT.apply(Segment.LOST, Optional.of(futureClickOldVisit), D));
    }

    @Test
    void lost_noFacts_neverEngaged() {
        assertEquals(Segment.LOST, DEFAULT.apply(Segment.LOST, Optional.empty(), D));
        assertEquals(Segment.LOST, DEFAULT.apply(Segment.LOST, Optional.of(EngagementFacts.none()), D));
        assertEquals(Segment.LOST, DEFAULT.apply(Segment.LOST,
                Optional.of(EngagementFacts.of(Optional.empty(), Optional.empty())), D));
    }

    @Test
    void otherSegments_untouched() {
        for (Segment s : SegmentScheme.twelve().segments()) {
            if (!s.equals(Segment.LOST)) {
                assertEquals(s, DEFAULT.apply(s, click(1), D), s.id());
                assertEquals(s, DEFAULT.apply(s, visit(0), D), s.id());
            }
        }
        assertTrue(DEFAULT.appliesTo(Segment.LOST));
        assertFalse(DEFAULT.appliesTo(Segment.HIBERNATING));
        assertEquals(List.of(Segment.LOST_BUT_ENGAGED), DEFAULT.targets());
    }

    @Test
    void none_movesNobody() {
        assertEquals(Segment.LOST, EngagementOverlay.none().apply(Segment.LOST, click(1), D));
        assertEquals(List.of(), EngagementOverlay.none().rules());
        assertEquals(List.of(), EngagementOverlay.none().targets());
    }

    @ParameterizedTest(name = "click {0}, visit {1} days before D: engaged={2}")
    @CsvSource({"30, 1000, true", "31, 1000, false", "1000, 7, true", "1000, 8, false", "31, 8, false"})
    void customWindows(int clickDays, int visitDays, boolean engaged) {
        EngagementOverlay o = EngagementOverlay.lostButEngaged(30, 7);
        EngagementFacts f = EngagementFacts.none().withLastEmailClick(D.minusDays(clickDays))
                .withLastSiteVisit(D.minusDays(visitDays));
        assertEquals(engaged ? Segment.LOST_BUT_ENGAGED : Segment.LOST, o.apply(Segment.LOST, Optional.of(f), D));
    }

    @Test
    void zeroWindows_onlyOnD() {
        EngagementOverlay o = EngagementOverlay.lostButEngaged(0, 0);
        assertEquals(Segment.LOST_BUT_ENGAGED, o.apply(Segment.LOST, click(0), D));
        assertEquals(Segment.LOST, o.apply(Segment.LOST, click(1), D));
        assertEquals(Segment.LOST_BUT_ENGAGED, o.apply(Segment.LOST, visit(0), D));
        assertEquals(Segment.LOST, o.apply(Segment.LOST, visit(1), D));
    }

    @Test
    void negativeWindows_throw() {
        assertThrows(IllegalArgumentException.class, () -> EngagementOverlay.lostButEngaged(-1, 90));
        assertThrows(IllegalArgumentException.class, () -> EngagementPredicate.recentActivity(180, -1));
    }

    @Test
    void defaultWindows_180And90() {
        assertEquals(180, EngagementPredicate.DEFAULT_CLICK_WINDOW_DAYS);
        assertEquals(90, EngagementPredicate.DEFAULT_VISIT_WINDOW_DAYS);
    }

    @Test
    void customRule_anySegmentAnyPredicate() {
        Segment warm = Segment.named("Warm Sleepers");
        EngagementPredicate visitedEver = (facts, asOf) -> facts.lastSiteVisit().isPresent();
        EngagementOverlay o = EngagementOverlay.of(List.of(
                new EngagementOverlay.Rule(Segment.HIBERNATING, visitedEver, warm),
                new EngagementOverlay.Rule(Segment.HIBERNATING, (f, d) -> true, Segment.LOST),
                new EngagementOverlay.Rule(Segment.LOST, EngagementPredicate.recentActivity(10, 10),
                        Segment.LOST_BUT_ENGAGED)));
        // first matching rule wins
        assertEquals(warm, o.apply(Segment.HIBERNATING, visit(500), D));
        assertEquals(Segment.LOST, o.apply(Segment.HIBERNATING, click(500), D));
        // no facts: never moved, whatever the predicate
        assertEquals(Segment.HIBERNATING, o.apply(Segment.HIBERNATING, Optional.empty(), D));
        // a rule applies once: a customer moved to LOST is not moved again
        assertEquals(Segment.LOST, o.apply(Segment.HIBERNATING, click(1), D));
        assertEquals(Segment.LOST_BUT_ENGAGED, o.apply(Segment.LOST, click(10), D));
        assertEquals(Segment.LOST, o.apply(Segment.LOST, click(11), D));
        assertEquals(List.of(warm, Segment.LOST, Segment.LOST_BUT_ENGAGED), o.targets());
        assertTrue(o.appliesTo(Segment.HIBERNATING));
        assertFalse(o.appliesTo(Segment.CHAMPIONS));
    }

    @Test
    void rules_immutableCopy() {
        java.util.ArrayList<EngagementOverlay.Rule> rules = new java.util.ArrayList<>();
        rules.add(new EngagementOverlay.Rule(Segment.LOST, (f, d) -> true, Segment.LOST_BUT_ENGAGED));
        EngagementOverlay o = EngagementOverlay.of(rules);
        rules.clear();
        assertEquals(1, o.rules().size());
        assertThrows(UnsupportedOperationException.class, () -> o.rules().clear());
    }

    @Test
    void engagementData_keepsLaterDateOfEachKind() {
        EngagementData data = EngagementData.builder()
                .add("1", EngagementFacts.none().withLastEmailClick(D.minusDays(10)).withLastSiteVisit(D.minusDays(50)))
                .add(" 1 ", EngagementFacts.none().withLastEmailClick(D.minusDays(20)).withLastSiteVisit(D.minusDays(5)))
                .add("2", EngagementFacts.none().withLastSiteVisit(D))
                .build();
        assertEquals(2, data.size());
        EngagementFacts one = data.facts("1").orElseThrow();
        assertEquals(Optional.of(D.minusDays(10)), one.lastEmailClick());
        assertEquals(Optional.of(D.minusDays(5)), one.lastSiteVisit());
        assertEquals(Optional.empty(), data.facts("2").orElseThrow().lastEmailClick());
        assertEquals(Optional.empty(), data.facts("3"));
        assertEquals(0, EngagementData.empty().size());
    }

    @Test
    void engagementData_blankId_throws() {
        assertThrows(IllegalArgumentException.class, () -> EngagementData.builder().add(" ", EngagementFacts.none()));
    }
}
