package dev.rfmkit.score;

import static dev.rfmkit.testing.Tables.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rfmkit.metrics.CustomerTable;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.testing.Lines;
import dev.rfmkit.testing.Tables;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class QuantileStrategyTest {
    private static int[] scores(RfmScores s, Dimension d) {
        int[] out = new int[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.get(i).get(d);
        }
        return out;
    }

    private static int[] range(int from, int to) {
        int[] v = new int[to - from + 1];
        for (int i = 0; i < v.length; i++) {
            v[i] = from + i;
        }
        return v;
    }

    private static void assertCuts(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-9 * Math.max(1, Math.abs(expected[i])), "cut point " + (i + 1));
        }
    }

    @Test
    void strategy_nameAndBins() {
        ScoringStrategy s = ScoringStrategy.quantile();
        assertEquals("quantile", s.name());
        assertEquals(5, s.bins());
        assertEquals(7, ScoringStrategy.quantile(7).bins());
    }

    @ParameterizedTest(name = "bins {0}")
    @ValueSource(ints = {-1, 0, 1, 11, 100})
    void quantile_binsOutOfRange_throws(int bins) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScoringStrategy.quantile(bins));
        assertEquals("bins must be between 2 and 10 (was " + bins + ")", e.getMessage());
    }

    @Test
    void fit_oneToTen_k5_type7CutPoints() {
        // n = 10, h = 9j/5 = 1.8, 3.6, 5.4, 7.2 (0-based): x(1) + 0.8 = 2.8, x(3) + 0.6 = 4.6, 6.4, 8.2
        ScoringModel model = ScoringStrategy.quantile(5).fit(Tables.frequencies(range(1, 10))).model();
        assertCuts(new double[] {2.8, 4.6, 6.4, 8.2}, model.cutPoints(Dimension.FREQUENCY));
        // F = bins of 1..10: 1,2 | 3,4 | 5,6 | 7,8 | 9,10
        ScoringFit fit = ScoringStrategy.quantile(5).fit(Tables.frequencies(range(1, 10)));
        assertArrayEquals(new int[] {1, 1, 2, 2, 3, 3, 4, 4, 5, 5}, scores(fit.scores(), Dimension.FREQUENCY));
        assertEquals(List.of(1, 2, 3, 4, 5), fit.model().levelsInUse(Dimension.FREQUENCY));
    }

    // Reference values from numpy 1.24 numpy.quantile(x, [j/k for j in 1..k-1]) (type 7, its default).
    @Test
    void fit_matchesNumpyQuantile_frequency() {
        // numpy.quantile([3,1,4,1,5,9,2,6,5,3,5], [.25,.5,.75]) = [2.5, 4.0, 5.0]
        int[] pi = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5};
        assertCuts(new double[] {2.5, 4.0, 5.0},
                ScoringStrategy.quantile(4).fit(Tables.frequencies(pi)).model().cutPoints(Dimension.FREQUENCY));
        // numpy.quantile(same, [1/3, 2/3]) = [3.0, 5.0]
        assertCuts(new double[] {3.0, 5.0},
                ScoringStrategy.quantile(3).fit(Tables.frequencies(pi)).model().cutPoints(Dimension.FREQUENCY));
        // numpy.quantile(1..10, [.1, ..., .9]) = [1.9, 2.8, 3.7, 4.6, 5.5, 6.4, 7.3, 8.2, 9.1]
        assertCuts(new double[] {1.9, 2.8, 3.7, 4.6, 5.5, 6.4, 7.3, 8.2, 9.1},
                ScoringStrategy.quantile(10).fit(Tables.frequencies(range(1, 10))).model()
                        .cutPoints(Dimension.FREQUENCY));
    }

    @Test
    void fit_matchesNumpyQuantile_monetary() {
        // numpy.quantile([12.5, 0.99, 100, 7.25, 33.3, 2.0], [.2,.4,.6,.8]) = [2.0, 7.25, 12.5, 33.3]
        CustomerTable t = Tables.amounts("12.5", "0.99", "100", "7.25", "33.3", "2.0");
        assertCuts(new double[] {2.0, 7.25, 12.5, 33.3},
                ScoringStrategy.quantile(5).fit(t).model().cutPoints(Dimension.MONETARY));
        // numpy.quantile([0.1,0.2,0.3,0.7,1.1,2.5,2.5,2.5,9.99], [j/7]) =
        //   [0.2142857142857143, 0.4142857142857142, 0.8714285714285713, 1.8999999999999997, 2.5, 2.5]
        CustomerTable u = Tables.amounts("0.1", "0.2", "0.3", "0.7", "1.1", "2.5", "2.5", "2.5", "9.99");
        assertCuts(new double[] {0.2142857142857143, 0.4142857142857142, 0.8714285714285713, 1.8999999999999997,
            2.5, 2.5}, ScoringStrategy.quantile(7).fit(u).model().cutPoints(Dimension.MONETARY));
    }

    @Test
    void fit_integerPositions_exactCutPoints() {
        // n = 11, k = 5: h = 10j/5 = 2, 4, 6, 8 are whole, so the cut points are order statistics, exactly
        ScoringModel m = ScoringStrategy.quantile(5).fit(Tables.recencies(range(0, 10))).model();
        assertArrayEquals(new double[] {2, 4, 6, 8}, m.cutPoints(Dimension.RECENCY));
    }

    @Test
    void fit_valueOnCutPoint_goesToLowerBin() {
        // 1..5 with k = 4: h = 4j/4 = j, cut points exactly 2, 3, 4; bins (..2], (2,3], (3,4], (4..)
        ScoringFit fit = ScoringStrategy.quantile(4).fit(Tables.frequencies(range(1, 5)));
        assertArrayEquals(new double[] {2, 3, 4}, fit.model().cutPoints(Dimension.FREQUENCY));
        assertArrayEquals(new int[] {1, 1, 2, 3, 4}, scores(fit.scores(), Dimension.FREQUENCY));
        ScoringModel m = fit.model();
        assertEquals(1, m.score(0, 2, 0).f());
        assertEquals(2, m.score(0, 3, 0).f());
        assertEquals(3, m.score(0, 4, 0).f());
        assertEquals(4, m.score(0, 5, 0).f());
    }

    @Test
    void fit_monetaryOnCutPoint_goesToLowerBin() {
        CustomerTable t = Tables.amounts("10", "20", "30", "40", "50");
        ScoringModel m = ScoringStrategy.quantile(4).fit(t).model();
        assertArrayEquals(new double[] {20, 30, 40}, m.cutPoints(Dimension.MONETARY));
        assertEquals(1, m.score(0, 1, 20.0).m());
        assertEquals(2, m.score(0, 1, Math.nextUp(20.0)).m());
        assertEquals(2, m.score(0, 1, 30.0).m());
        assertEquals(4, m.score(0, 1, 1e12).m());
        assertEquals(1, m.score(0, 1, -1e12).m());
    }

    @Test
    void fit_recencyReversed() {
        // recency 1..10 days: same cut points as above, scored k - bin: fewer days is better
        ScoringFit fit = ScoringStrategy.quantile(5).fit(Tables.recencies(range(1, 10)));
        assertCuts(new double[] {2.8, 4.6, 6.4, 8.2}, fit.model().cutPoints(Dimension.RECENCY));
        assertArrayEquals(new int[] {5, 5, 4, 4, 3, 3, 2, 2, 1, 1}, scores(fit.scores(), Dimension.RECENCY));
        ScoringModel m = fit.model();
        assertEquals(5, m.score(0, 1, 0).r());
        assertEquals(1, m.score(1000, 1, 0).r());
    }

    @Test
    void fit_heavyTies_levelsUnused() {
        // frequencies [1 x8, 2, 5]: h = 1.8, 3.6, 5.4, 7.2 -> cut points 1, 1, 1, 1 + 0.2 x (2 - 1) = 1.2
        ScoringFit fit = ScoringStrategy.quantile(5).fit(Tables.frequencies(1, 1, 1, 1, 1, 1, 1, 1, 2, 5));
        assertCuts(new double[] {1, 1, 1, 1.2}, fit.model().cutPoints(Dimension.FREQUENCY));
        // 1 is in bin 0 (score 1); 2 and 5 are above every cut point (score 5); levels 2-4 unused
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 5, 5}, scores(fit.scores(), Dimension.FREQUENCY));
        assertEquals(List.of(1, 5), fit.model().levelsInUse(Dimension.FREQUENCY));
    }

    @Test
    void fit_allTies_singleLevel() {
        CustomerTable t = Tables.table(spec("1", 7, 1, "5"), spec("2", 7, 1, "5"), spec("3", 7, 1, "5"),
                spec("4", 7, 1, "5"));
        ScoringFit fit = ScoringStrategy.quantile(5).fit(t);
        for (int i = 0; i < 4; i++) {
            assertEquals(RfmScore.of(5, 1, 1), fit.scores().get(i));
        }
        assertEquals(List.of(5), fit.model().levelsInUse(Dimension.RECENCY));
        assertEquals(List.of(1), fit.model().levelsInUse(Dimension.FREQUENCY));
        assertEquals(List.of(1), fit.model().levelsInUse(Dimension.MONETARY));
        assertArrayEquals(new double[] {7, 7, 7, 7}, fit.model().cutPoints(Dimension.RECENCY));
        // a new customer with a larger value goes above every cut point
        assertEquals(RfmScore.of(1, 5, 5), fit.model().score(8, 2, 6));
    }

    @Test
    void fit_recencyTies_levelsReportedAsScores() {
        // recency [3 x9, 50]: h = 1.8 .. 7.2 all fall among the 3s: cut points 3, 3, 3, 3; bins 0 and 4, R 5 and 1
        ScoringFit fit = ScoringStrategy.quantile(5).fit(Tables.recencies(3, 3, 3, 3, 3, 3, 3, 3, 3, 50));
        assertEquals(List.of(1, 5), fit.model().levelsInUse(Dimension.RECENCY));
        assertEquals(5, fit.scores().r(0));
        assertEquals(1, fit.scores().r(9));
    }

    @Test
    void fit_singleCustomer() {
        ScoringFit fit = ScoringStrategy.quantile(5).fit(Tables.table(spec("42", 12, 3, "99.95")));
        assertEquals(1, fit.scores().size());
        assertEquals(RfmScore.of(5, 1, 1), fit.scores().get(0));
        assertArrayEquals(new double[] {3, 3, 3, 3}, fit.model().cutPoints(Dimension.FREQUENCY));
        assertArrayEquals(new double[] {99.95, 99.95, 99.95, 99.95}, fit.model().cutPoints(Dimension.MONETARY));
        assertEquals(List.of(5), fit.model().levelsInUse(Dimension.RECENCY));
    }

    @Test
    void fit_k3_oneToTen() {
        // h = 9j/3 = 3, 6: cut points x(3) = 4, x(6) = 7: 1-4 | 5-7 | 8-10
        ScoringFit fit = ScoringStrategy.quantile(3).fit(Tables.frequencies(range(1, 10)));
        assertArrayEquals(new double[] {4, 7}, fit.model().cutPoints(Dimension.FREQUENCY));
        assertArrayEquals(new int[] {1, 1, 1, 1, 2, 2, 2, 3, 3, 3}, scores(fit.scores(), Dimension.FREQUENCY));
        assertEquals(3, fit.model().bins());
        assertEquals(3, fit.scores().bins());
    }

    @Test
    void fit_k2_median() {
        ScoringFit fit = ScoringStrategy.quantile(2).fit(Tables.frequencies(range(1, 10)));
        assertArrayEquals(new double[] {5.5}, fit.model().cutPoints(Dimension.FREQUENCY));
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 2, 2, 2, 2, 2}, scores(fit.scores(), Dimension.FREQUENCY));
    }

    @Test
    void fit_k10_eachValueOwnBin() {
        ScoringFit fit = ScoringStrategy.quantile(10).fit(Tables.frequencies(range(1, 10)));
        assertArrayEquals(range(1, 10), scores(fit.scores(), Dimension.FREQUENCY));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), fit.model().levelsInUse(Dimension.FREQUENCY));
        assertEquals("10-10-1", fit.model().score(0, 11, 0).code());
    }

    @Test
    void fit_orderOfValuesIrrelevant() {
        IntUnaryOperator scramble = i -> (i * 7) % 10 + 1;
        int[] values = new int[10];
        for (int i = 0; i < 10; i++) {
            values[i] = scramble.applyAsInt(i);
        }
        ScoringFit fit = ScoringStrategy.quantile(5).fit(Tables.frequencies(values));
        for (int i = 0; i < 10; i++) {
            // value v in 1..10 scores (v + 1) / 2
            assertEquals((values[i] + 1) / 2, fit.scores().f(i), "value " + values[i]);
        }
    }

    @Test
    void fit_emptyTable_throws() {
        CustomerTable empty = dev.rfmkit.metrics.CustomerTable.from(
                Lines.ingest(IngestionOptions.defaults().withAsOf(Tables.AS_OF), List.of()),
                dev.rfmkit.metrics.MonetaryMode.TOTAL);
        assertThrows(IllegalArgumentException.class, () -> ScoringStrategy.quantile().fit(empty));
        assertThrows(IllegalArgumentException.class, () -> ScoringStrategy.equalCount(5).fit(empty));
    }

    @Test
    void score_nanMonetary_throws() {
        ScoringModel m = ScoringStrategy.quantile().fit(Tables.frequencies(1, 2, 3)).model();
        assertThrows(IllegalArgumentException.class, () -> m.score(1, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> m.scoreCells(new int[] {1}, new int[] {1}, new double[] {Double.NaN}, new int[1]));
        // infinities are ordinary values
        assertEquals(5, m.score(1, 1, Double.POSITIVE_INFINITY).m());
        assertEquals(1, m.score(1, 1, Double.NEGATIVE_INFINITY).m());
    }

    @Test
    void model_strategyName_andDefensiveCopies() {
        ScoringModel m = ScoringStrategy.quantile().fit(Tables.frequencies(range(1, 10))).model();
        assertEquals("quantile", m.strategy());
        double[] cuts = m.cutPoints(Dimension.FREQUENCY);
        cuts[0] = 1000;
        assertCuts(new double[] {2.8, 4.6, 6.4, 8.2}, m.cutPoints(Dimension.FREQUENCY));
        assertThrows(UnsupportedOperationException.class, () -> m.levelsInUse(Dimension.FREQUENCY).add(3));
    }

    @Test
    void scoreCells_badLengths_throw() {
        ScoringModel m = ScoringStrategy.quantile().fit(Tables.frequencies(1, 2, 3)).model();
        assertThrows(IllegalArgumentException.class,
                () -> m.scoreCells(new int[2], new int[1], new double[2], new int[2]));
        assertThrows(IllegalArgumentException.class,
                () -> m.scoreCells(new int[2], new int[2], new double[2], new int[1]));
    }
}
