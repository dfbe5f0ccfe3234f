package dev.rfmkit.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rfmkit.score.RfmScore;
import dev.rfmkit.score.ScoringStrategy;
import dev.rfmkit.testing.Tables;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class SegmentSchemeTest {
    /**
     * The `twelve` table of segments.md, restated independently: bands by recency, first match wins
     * within a band.
     */
    private static Segment twelve(int r, int f, int m) {
        if (r >= 4) {
            if (f >= 4 && m >= 4) {
                return Segment.CHAMPIONS;
            } else if (f >= 3 && m >= 3) {
                return Segment.LOYAL;
            } else if (f <= 2 && m >= 3) {
                return Segment.PROMISING;
            } else if (f == 1) {
                return Segment.NEW;
            } else {
                return Segment.POTENTIAL_LOYALIST;
            }
        } else if (r == 3) {
            if (f >= 4 && m >= 4) {
                return Segment.LOYAL;
            } else if (f >= 3 || m >= 3) {
                return Segment.NEEDS_ATTENTION;
            } else {
                return Segment.ABOUT_TO_SLEEP;
            }
        } else {
            if (f >= 4 && m >= 4) {
                return Segment.CANT_LOSE_THEM;
            } else if (f >= 3 || m >= 3) {
                return Segment.AT_RISK;
            } else if (r == 2) {
                return Segment.HIBERNATING;
            } else {
                return Segment.LOST;
            }
        }
    }

    static Stream<RfmScore> allCells() {
        return IntStream.range(0, 125).mapToObj(c -> RfmScore.ofCell(c, 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCells")
    void twelve_everyCellAsSpecified(RfmScore score) {
        SegmentScheme s = SegmentScheme.twelve();
        Segment expected = twelve(score.r(), score.f(), score.m());
        assertEquals(expected, s.classify(score));
        assertEquals(expected, s.classifyCell(score.cell(5)));
        assertEquals(expected, s.segments().get(s.lookupTable()[score.cell(5)]));
    }

    @Test
    void twelve_spotChecks() {
        SegmentScheme s = SegmentScheme.twelve();
        assertEquals(Segment.CHAMPIONS, s.classify(RfmScore.of(5, 5, 5)));
        assertEquals(Segment.CHAMPIONS, s.classify(RfmScore.of(4, 4, 4)));
        assertEquals(Segment.LOYAL, s.classify(RfmScore.of(5, 3, 5)));
        assertEquals(Segment.PROMISING, s.classify(RfmScore.of(5, 2, 3)));
        assertEquals(Segment.NEW, s.classify(RfmScore.of(4, 1, 2)));
        assertEquals(Segment.POTENTIAL_LOYALIST, s.classify(RfmScore.of(5, 5, 1)));
        assertEquals(Segment.LOYAL, s.classify(RfmScore.of(3, 4, 4)));
        assertEquals(Segment.NEEDS_ATTENTION, s.classify(RfmScore.of(3, 1, 5)));
        assertEquals(Segment.NEEDS_ATTENTION, s.classify(RfmScore.of(3, 5, 1)));
        assertEquals(Segment.ABOUT_TO_SLEEP, s.classify(RfmScore.of(3, 2, 2)));
        assertEquals(Segment.CANT_LOSE_THEM, s.classify(RfmScore.of(1, 5, 4)));
        assertEquals(Segment.AT_RISK, s.classify(RfmScore.of(2, 3, 1)));
        assertEquals(Segment.AT_RISK, s.classify(RfmScore.of(1, 1, 3)));
        assertEquals(Segment.HIBERNATING, s.classify(RfmScore.of(2, 2, 2)));
        assertEquals(Segment.LOST, s.classify(RfmScore.of(1, 2, 2)));
        assertEquals(Segment.LOST, s.classify(RfmScore.of(1, 1, 1)));
    }

    @Test
    void twelve_total_everyCellOneSegmentOfTheScheme() {
        SegmentScheme s = SegmentScheme.twelve();
        byte[] table = s.lookupTable();
        assertEquals(125, table.length);
        Set<Segment> reached = new HashSet<>();
        for (int cell = 0; cell < 125; cell++) {
            assertTrue(table[cell] >= 0 && table[cell] < s.segments().size(), "cell " + cell);
            Segment seg = s.classifyCell(cell);
            assertNotNull(seg);
            reached.add(seg);
        }
        // every segment of the scheme is reached by some cell
        assertEquals(Set.copyOf(s.segments()), reached);
        assertEquals(Optional.empty(), s.fallback());
    }

    @Test
    void twelve_segmentsInOrderOfFirstRule() {
        assertEquals(List.of(Segment.CHAMPIONS, Segment.LOYAL, Segment.PROMISING, Segment.NEW,
                Segment.POTENTIAL_LOYALIST, Segment.NEEDS_ATTENTION, Segment.ABOUT_TO_SLEEP, Segment.CANT_LOSE_THEM,
                Segment.AT_RISK, Segment.HIBERNATING, Segment.LOST), SegmentScheme.twelve().segments());
    }

    @Test
    void twelve_nameBinsRules() {
        SegmentScheme s = SegmentScheme.twelve();
        assertEquals("twelve", s.name());
        assertEquals(5, s.bins());
        assertEquals(12, s.rules().size());
        assertSame(s, SegmentScheme.twelve());
        assertEquals(Segment.LOST, s.rules().get(11).segment());
    }

    @Test
    void twelve_displayNames() {
        assertEquals("Champions", Segment.CHAMPIONS.displayName());
        assertEquals("Loyal Customers", Segment.LOYAL.displayName());
        assertEquals("Promising", Segment.PROMISING.displayName());
        assertEquals("New Customers", Segment.NEW.displayName());
        assertEquals("Potential Loyalist", Segment.POTENTIAL_LOYALIST.displayName());
        assertEquals("Needs Attention", Segment.NEEDS_ATTENTION.displayName());
        assertEquals("About to Sleep", Segment.ABOUT_TO_SLEEP.displayName());
        assertEquals("Can't Lose Them (Losing VIPs)", Segment.CANT_LOSE_THEM.displayName());
        assertEquals("At Risk", Segment.AT_RISK.displayName());
        assertEquals("Hibernating", Segment.HIBERNATING.displayName());
        assertEquals("Lost", Segment.LOST.displayName());
        assertEquals("Lost but Engaged", Segment.LOST_BUT_ENGAGED.displayName());
    }

    @Test
    void classify_scoreOfLargerK_throws() {
        SegmentScheme s = SegmentScheme.twelve();
        assertThrows(IllegalArgumentException.class, () -> s.classify(RfmScore.of(6, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> s.classify(RfmScore.of(1, 1, 10)));
        assertThrows(IllegalArgumentException.class, () -> s.classifyCell(125));
        assertThrows(IllegalArgumentException.class, () -> s.classifyCell(-1));
    }

    @Test
    void classifyAll_scoresOfAnotherK_throws() {
        var scores4 = ScoringStrategy.quantile(4).fit(Tables.frequencies(1, 2, 3, 4)).scores();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SegmentScheme.twelve().classifyAll(scores4));
        assertTrue(e.getMessage().contains("5") && e.getMessage().contains("4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SegmentScheme.twelve().checkBins(4));
        SegmentScheme.twelve().checkBins(5);
    }

    @Test
    void classifyAll_sameAsClassify() {
        var fit = ScoringStrategy.quantile(5).fit(Tables.frequencies(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        byte[] idx = SegmentScheme.twelve().classifyAll(fit.scores());
        for (int i = 0; i < idx.length; i++) {
            assertEquals(SegmentScheme.twelve().classify(fit.scores().get(i)),
                    SegmentScheme.twelve().segments().get(idx[i]));
        }
    }

    private static final Segment A = Segment.named("Alpha");
    private static final Segment B = Segment.named("Beta");
    private static final Segment C = Segment.named("Gamma");

    @Test
    void builder_firstMatchWins_andFallback() {
        SegmentScheme s = SegmentScheme.builder("custom", 3)
                .rule(A, "R3 F3")
                .rule(B, "R>=2", "M3")
                .fallback(C)
                .build();
        assertEquals(A, s.classify(RfmScore.of(3, 3, 1)));
        assertEquals(B, s.classify(RfmScore.of(3, 2, 1)));
        assertEquals(B, s.classify(RfmScore.of(1, 1, 3)));
        assertEquals(C, s.classify(RfmScore.of(1, 1, 1)));
        assertEquals(List.of(A, B, C), s.segments());
        assertEquals(Optional.of(C), s.fallback());
        assertEquals(27, s.lookupTable().length);
    }

    @Test
    void builder_onlyFallback_everyCell() {
        SegmentScheme s = SegmentScheme.builder("flat", 2).fallback(C).build();
        for (int cell = 0; cell < 8; cell++) {
            assertEquals(C, s.classifyCell(cell));
        }
    }

    @Test
    void builder_ruleWithoutBox_throws() {
        assertThrows(IllegalArgumentException.class, () -> SegmentScheme.builder("x", 5).rule(A));
        assertThrows(IllegalArgumentException.class, () -> SegmentRule.boxes(A, List.<ScoreBox>of()));
    }

    @Test
    void builder_noRule_throws() {
        assertThrows(IllegalArgumentException.class, () -> SegmentScheme.builder("empty", 5).build());
    }

    @Test
    void builder_boundExceedingK_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SegmentScheme.builder("small", 3).rule(A, "R4-5").fallback(B).build());
        assertTrue(e.getMessage().contains("above 3"), e.getMessage());
        // a lower bound beyond k is as wrong
        assertThrows(IllegalArgumentException.class,
                () -> SegmentScheme.builder("small", 3).rule(A, "F>=4").fallback(B).build());
        assertThrows(IllegalArgumentException.class,
                () -> SegmentScheme.builder("small", 3).rule(A, "M<=4").fallback(B).build());
        // open bounds are fine whatever k is
        SegmentScheme.builder("small", 3).rule(A, "F>=3").fallback(B).build();
    }

    @Test
    void builder_uncoveredCellsWithoutFallback_listsThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SegmentScheme.builder("partial", 2).rule(A, "R2").build());
        assertTrue(e.getMessage().contains("4 cells"), e.getMessage());
        assertTrue(e.getMessage().contains("111, 112, 121, 122"), e.getMessage());
        assertTrue(e.getMessage().contains("partial"), e.getMessage());
    }

    @Test
    void builder_manyUncoveredCells_listShortened() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SegmentScheme.builder("partial", 5).rule(A, "R5").build());
        assertTrue(e.getMessage().contains("100 cells"), e.getMessage());
        assertTrue(e.getMessage().startsWith("scheme partial matches no rule for 100 cells"), e.getMessage());
        assertTrue(e.getMessage().endsWith(", ..."), e.getMessage());
    }

    @Test
    void builder_duplicateIdDifferentDisplayNames_throws() {
        Segment other = new Segment(A.id(), "Another Alpha");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SegmentScheme.builder("dup", 2).rule(A, "R1").rule(other, "R2").build());
        assertTrue(e.getMessage().contains("ALPHA"), e.getMessage());
    }

    // The build() javadoc: "@throws IllegalArgumentException if ... two segments share an id". A rule
    // whose cells are all taken by earlier rules still names its segment.
    @Test
    void builder_duplicateIdInShadowedRule_throws() {
        Segment other = new Segment(A.id(), "Another Alpha");
        assertThrows(IllegalArgumentException.class,
                () -> SegmentScheme.builder("dup", 2).rule(A, "").rule(other, "R2").build());
    }

    @Test
    void builder_sameSegmentTwice_oneEntry() {
        SegmentScheme s = SegmentScheme.builder("twice", 2).rule(A, "R2").rule(B, "F2").rule(A, "M2")
                .fallback(C).build();
        assertEquals(List.of(A, B, C), s.segments());
        assertEquals(A, s.classify(RfmScore.of(1, 1, 2)));
    }

    @Test
    void builder_unreachableSegment_notListed() {
        SegmentScheme s = SegmentScheme.builder("shadow", 2).rule(A, "").rule(B, "R2").build();
        assertEquals(List.of(A), s.segments());
    }

    @Test
    void builder_invalidBinsOrName_throw() {
        assertThrows(IllegalArgumentException.class, () -> SegmentScheme.builder("x", 1));
        assertThrows(IllegalArgumentException.class, () -> SegmentScheme.builder("x", 11));
        assertThrows(IllegalArgumentException.class, () -> SegmentScheme.builder(" ", 5));
        assertThrows(NullPointerException.class, () -> SegmentScheme.builder(null, 5));
    }

    @Test
    void lookupTable_isCopy() {
        byte[] t = SegmentScheme.twelve().lookupTable();
        byte[] copy = t.clone();
        t[0] = 99;
        assertArrayEquals(copy, SegmentScheme.twelve().lookupTable());
    }

    @Test
    void segment_named_derivesId() {
        assertEquals("CANT_LOSE_THEM", Segment.named("Can't Lose Them").id());
        assertEquals("CANT_LOSE_THEM", Segment.named("Can\u2019t lose them!").id());
        assertEquals("LOST_BUT_ENGAGED", Segment.named(" Lost but Engaged ").id());
        assertEquals("VIP_2024", Segment.named("VIP 2024").id());
    }

    @Test
    void segment_validation() {
        assertThrows(IllegalArgumentException.class, () -> new Segment("lower", "x"));
        assertThrows(IllegalArgumentException.class, () -> new Segment("1ST", "x"));
        assertThrows(IllegalArgumentException.class, () -> new Segment("A-B", "x"));
        assertThrows(IllegalArgumentException.class, () -> new Segment("OK", " "));
        assertThrows(NullPointerException.class, () -> new Segment(null, "x"));
    }
}
