package dev.rfmkit.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rfmkit.score.RfmScore;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SchemeValidationTest {

    /** The rule set of the R package's rfm_segment example: three of its rules can never fire. */
    private static SegmentScheme rPackageExample() {
        String[] names = {"Champions", "Loyal Customers", "Potential Loyalist", "New Customers", "Promising",
            "Need Attention", "About To Sleep", "At Risk", "Can't Lose Them", "Lost"};
        int[] rLow = {4, 2, 3, 4, 3, 2, 2, 1, 1, 1};
        int[] rHigh = {5, 5, 5, 5, 4, 3, 3, 2, 1, 2};
        int[] fLow = {4, 3, 1, 1, 1, 2, 1, 2, 4, 1};
        int[] fHigh = {5, 5, 3, 1, 1, 3, 2, 5, 5, 2};
        int[] mLow = fLow;
        int[] mHigh = fHigh;
        SegmentScheme.Builder b = SegmentScheme.builder("r-example", 5);
        for (int i = 0; i < names.length; i++) {
            b.rule(SegmentRule.boxes(Segment.named(names[i]),
                    List.of(new ScoreBox(rLow[i], rHigh[i], fLow[i], fHigh[i], mLow[i], mHigh[i]))));
        }
        return b.fallback(Segment.named("Others")).build();
    }

    @Test
    void rPackageExample_findsTheThreeRulesThatNeverFire() {
        SchemeValidation v = rPackageExample().validation();
        assertEquals(List.of(4, 5, 9), v.shadowedRules().stream().map(SchemeValidation.RuleUse::number).toList());
        assertEquals(List.of("NEW_CUSTOMERS", "PROMISING", "CANT_LOSE_THEM"),
                v.shadowedRules().stream().map(u -> u.rule().segment().id()).toList());
        assertFalse(v.clean());
        // New Customers: R4-5 F1 M1 is 2 cells, all inside Potential Loyalist's R3-5 F1-3 M1-3
        assertEquals(2, v.rules().get(3).matchedCells());
        assertEquals(0, v.rules().get(3).claimedCells());
        List<String> lines = v.describe();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("warning: rule 4 (NEW_CUSTOMERS: R4-5 F1 M1) never fires")),
                String.join("\n", lines));
        // the segments of shadowed rules are not among the scheme's segments
        assertFalse(rPackageExample().segments().contains(Segment.named("Promising")));
    }

    @Test
    void claimedCells_sumWithFallbackToAllCells() {
        for (SegmentScheme s : List.of(rPackageExample(), SegmentScheme.rfmPackage(), SegmentScheme.fourStage(),
                SegmentScheme.twelve())) {
            SchemeValidation v = s.validation();
            int claimed = v.rules().stream().mapToInt(SchemeValidation.RuleUse::claimedCells).sum();
            assertEquals(125, claimed + v.fallbackCells().size(), s.name());
        }
        assertEquals(0, SegmentScheme.twelve().validation().fallbackCells().size());
    }

    @Test
    void fallbackCells_areExactlyTheUnmatchedOnes() {
        SegmentScheme s = SegmentScheme.builder("two", 2).rule(Segment.named("High R"), "R2")
                .fallback(Segment.named("Rest")).build();
        assertEquals(List.of(RfmScore.of(1, 1, 1), RfmScore.of(1, 1, 2), RfmScore.of(1, 2, 1), RfmScore.of(1, 2, 2)),
                s.validation().fallbackCells());
        assertTrue(s.validation().describe().contains("fallback: 4 of 8 cells (111, 112, 121, 122)"));
    }

    @Test
    void boundBeyondK_namesRuleAndBound() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SegmentScheme.builder("s", 4).rule(Segment.CHAMPIONS, "R4").rule(Segment.LOST, "R<=5").build());
        assertEquals("scheme s, rule 2 (LOST: R<=5): box R<=5 bounds a score above 4 (the scheme has 4 bins)",
                e.getMessage());
        IllegalArgumentException cells = assertThrows(IllegalArgumentException.class,
                () -> SegmentScheme.builder("s", 4).cells(Segment.CHAMPIONS, "445", "444").build());
        assertTrue(cells.getMessage().contains("cell 445 has a score above 4"), cells.getMessage());
    }

    @Test
    void ruleMatchingNoCell_isAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SegmentScheme.builder("s", 5).where(Segment.CHAMPIONS, "r + f + m > 15")
                        .fallback(Segment.LOST).build());
        assertEquals("scheme s, rule 1 (CHAMPIONS: where r + f + m > 15) matches no cell of a 5-bin scheme",
                e.getMessage());
    }

    @Test
    void emptyCellList_isAnError() {
        assertThrows(IllegalArgumentException.class, () -> SegmentRule.cells(Segment.CHAMPIONS, List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SegmentRule.cells(Segment.CHAMPIONS, "55"));
        assertTrue(e.getMessage().contains("\"55\" is not a code"), e.getMessage());
    }

    @Test
    void threeForms_compileToTheSameTable() {
        Segment top = Segment.named("Top");
        Segment rest = Segment.named("Rest");
        SegmentScheme boxes = SegmentScheme.builder("a", 3).rule(top, "R3 F3 M>=2", "R>=2 F3 M3").fallback(rest).build();
        SegmentScheme cells = SegmentScheme.builder("b", 3).cells(top, "333", "332", "233").fallback(rest).build();
        SegmentScheme condition = SegmentScheme.builder("c", 3).where(top, "r + f + m >= 8 and f = 3").fallback(rest).build();
        assertTrue(Arrays.equals(boxes.lookupTable(), cells.lookupTable()));
        assertTrue(Arrays.equals(boxes.lookupTable(), condition.lookupTable()));
        assertEquals(List.of(top, rest), condition.segments());
        assertEquals("TOP: cells 333, 332, 233", cells.rules().get(0).toString());
        assertEquals(SegmentRule.Form.CONDITION, condition.rules().get(0).form());
    }

    @Test
    void javaPredicateRule_describedAndApplied() {
        SegmentScheme s = SegmentScheme.builder("p", 5)
                .rule(SegmentRule.where(Segment.named("Balanced"),
                        ScoreCondition.of("all three scores equal", sc -> sc.r() == sc.f() && sc.f() == sc.m())))
                .fallback(Segment.named("Other")).build();
        assertEquals("BALANCED", s.classify(RfmScore.of(3, 3, 3)).id());
        assertEquals("OTHER", s.classify(RfmScore.of(3, 3, 2)).id());
        assertEquals(5, s.validation().rules().get(0).claimedCells());
        assertTrue(s.rules().get(0).condition().orElseThrow().expression().isEmpty());
    }
}
