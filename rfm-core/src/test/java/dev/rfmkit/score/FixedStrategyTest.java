package dev.rfmkit.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rfmkit.testing.Tables;
import java.util.List;
import org.junit.jupiter.api.Test;

final class FixedStrategyTest {
    private static final double[] R = {30, 60, 90, 180};
    private static final double[] F = {1, 2, 3, 5};
    private static final double[] M = {250, 500, 1000, 2500};

    // right-closed: 30 days is in the first bin (R 5), 31 in the second (R 4); 180 is R 2, 181 R 1
    @Test
    void recency_boundariesBelongToTheBinBelow() {
        ScoringFit fit = ScoringStrategy.fixed(R, F, M).fit(Tables.recencies(0, 30, 31, 60, 61, 180, 181, 900));
        int[] r = new int[8];
        for (int i = 0; i < r.length; i++) {
            r[i] = fit.scores().get(i).r();
        }
        assertArrayEquals(new int[] {5, 5, 4, 4, 3, 2, 1, 1}, r);
        assertArrayEquals(R, fit.model().cutPoints(Dimension.RECENCY));
        assertEquals("fixed", fit.model().strategy());
    }

    // one order scores F 1, two F 2, three F 3, four and five F 4, six F 5
    @Test
    void frequencyAndMonetary_countCutPointsStrictlyBelow() {
        ScoringModel model = ScoringStrategy.fixed(R, F, M).fit(Tables.frequencies(1, 2, 3, 4, 5, 6)).model();
        assertEquals(List.of(1, 2, 3, 4, 4, 5), List.of(1, 2, 3, 4, 5, 6).stream()
                .map(f -> model.score(10, f, 1).f()).toList());
        assertEquals(RfmScore.of(5, 1, 1), model.score(10, 1, 250.0));
        assertEquals(RfmScore.of(5, 1, 2), model.score(10, 1, 250.01));
        assertEquals(RfmScore.of(5, 1, 5), model.score(10, 1, 1e9));
        assertEquals(List.of(1, 2, 3, 4, 5), model.levelsInUse(Dimension.FREQUENCY));
        assertEquals(List.of(5), model.levelsInUse(Dimension.RECENCY));
    }

    @Test
    void badThresholds_sayWhichDimensionAndWhy() {
        assertEquals("F thresholds: every dimension needs the same number of cut points; R has 4, F has 3",
                assertThrows(IllegalArgumentException.class,
                        () -> ScoringStrategy.fixed(R, new double[] {1, 2, 3}, M)).getMessage());
        assertEquals("M thresholds must be strictly ascending (500.0 then 500.0)",
                assertThrows(IllegalArgumentException.class,
                        () -> ScoringStrategy.fixed(R, F, new double[] {250, 500, 500, 2500})).getMessage());
        assertEquals("R threshold 2 is not finite (was Infinity)", assertThrows(IllegalArgumentException.class,
                () -> ScoringStrategy.fixed(new double[] {1, Double.POSITIVE_INFINITY, 3, 4}, F, M)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ScoringStrategy.fixed(new double[0], new double[0], new double[0]));
        assertEquals(5, ScoringStrategy.fixed(R, F, M).bins());
    }
}
