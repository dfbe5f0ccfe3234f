package dev.rfmkit.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rfmkit.metrics.CustomerTable;
import dev.rfmkit.testing.Tables;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RfmPackageStrategyTest {
    private static int[] column(RfmScores s, Dimension d) {
        int[] out = new int[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.get(i).get(d);
        }
        return out;
    }

    // Frequencies 1, 1, 2, 3, 5: type-7 quintiles 1, 1.6, 2.4, 3.4; the package's edges are these + 1,
    // 2, 2.6, 3.4, 4.4, closed on the left: 1 -> bin 1, 2 -> 2 (2 is an edge), 3 -> 3, 5 -> 5.
    @Test
    void frequency_edgesAreQuantilesPlusOne_closedLeft() {
        CustomerTable t = Tables.frequencies(1, 1, 2, 3, 5);
        ScoringFit fit = ScoringStrategy.rfmPackage().fit(t);
        assertArrayEquals(new double[] {2, 2.6, 3.4, 4.4}, fit.model().cutPoints(Dimension.FREQUENCY), 1e-12);
        assertArrayEquals(new int[] {1, 1, 2, 3, 5}, column(fit.scores(), Dimension.FREQUENCY));
        assertFalse(fit.model().closedRight());
        assertEquals(List.of(1, 2, 3, 5), fit.model().levelsInUse(Dimension.FREQUENCY));
        // the quantile strategy differs on the same data: right-closed at 1, 1.6, 2.4, 3.4
        assertArrayEquals(new int[] {1, 1, 3, 4, 5},
                column(ScoringStrategy.quantile().fit(t).scores(), Dimension.FREQUENCY));
    }

    // Recency 10, 20, 30, 40, 50: quintiles 18, 26, 34, 42, edges 19, 27, 35, 43; R = 6 - interval.
    @Test
    void recency_fewerDaysScoreHigher() {
        ScoringFit fit = ScoringStrategy.rfmPackage().fit(Tables.recencies(10, 20, 30, 40, 50));
        assertArrayEquals(new double[] {19, 27, 35, 43}, fit.model().cutPoints(Dimension.RECENCY), 1e-12);
        assertArrayEquals(new int[] {5, 4, 3, 2, 1}, column(fit.scores(), Dimension.RECENCY));
        assertEquals(RfmScore.of(4, 1, 1), fit.model().score(19, 1, 1.0), "19 days is on an edge: the bin above");
        assertEquals(5, fit.model().score(18, 1, 1.0).r());
    }

    // Custom breakpoints are the edges as given, no + 1: 2 and 5 are edges, closed on the left.
    @Test
    void breakpoints_usedAsGiven() {
        RfmPackageStrategy s = ScoringStrategy.rfmPackage().withBreakpoints(Dimension.FREQUENCY, 2, 3, 4, 5);
        ScoringFit fit = s.fit(Tables.frequencies(1, 2, 3, 4, 5, 9));
        assertArrayEquals(new double[] {2, 3, 4, 5}, fit.model().cutPoints(Dimension.FREQUENCY));
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 5}, column(fit.scores(), Dimension.FREQUENCY));
        assertTrue(s.breakpoints(Dimension.FREQUENCY).isPresent());
        assertFalse(s.breakpoints(Dimension.MONETARY).isPresent());
        assertEquals("rfm-package(5, F=[2.0, 3.0, 4.0, 5.0])", s.toString());
    }

    @Test
    void repeatedEdges_leaveLevelsUnused_everyValueScoredOnce() {
        // most customers with one order: quintiles 1, 1, 1, 2.2 -> edges 2, 2, 2, 3.2
        ScoringFit fit = ScoringStrategy.rfmPackage().fit(Tables.frequencies(1, 1, 1, 1, 1, 1, 1, 2, 3, 4));
        assertArrayEquals(new double[] {2, 2, 2, 3.2}, fit.model().cutPoints(Dimension.FREQUENCY), 1e-12);
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, 4, 4, 5}, column(fit.scores(), Dimension.FREQUENCY));
        assertEquals(List.of(1, 4, 5), fit.model().levelsInUse(Dimension.FREQUENCY));
    }

    @Test
    void badBreakpoints_sayWhatIsWrong() {
        RfmPackageStrategy s = ScoringStrategy.rfmPackage();
        assertEquals("M breakpoints: 5 bins need 4 breakpoints (was 3)", assertThrows(IllegalArgumentException.class,
                () -> s.withBreakpoints(Dimension.MONETARY, 1, 2, 3)).getMessage());
        assertEquals("R breakpoints must be ascending (30.0 before 20.0)", assertThrows(IllegalArgumentException.class,
                () -> s.withBreakpoints(Dimension.RECENCY, 10, 30, 20, 40)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.withBreakpoints(Dimension.RECENCY, 1, 2, 3, Double.NaN));
    }
}
