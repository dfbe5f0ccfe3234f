package dev.rfmkit.score;

import static dev.rfmkit.testing.Tables.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.rfmkit.metrics.CustomerTable;
import dev.rfmkit.testing.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class EqualCountStrategyTest {
    private static int[] scores(RfmScores s, Dimension d) {
        int[] out = new int[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.get(i).get(d);
        }
        return out;
    }

    // Customers 1..10 (numeric ids), frequencies:
    //   id:    1  2  3  4  5  6  7  8  9  10
    //   F:     3  1  1  2  1  5  1  2  4  1
    // Sorted by (value, id): value 1 -> ids 2,3,5,7,10 (ranks 1-5); value 2 -> ids 4,8 (6,7); 3 -> id 1 (8);
    // 4 -> id 9 (9); 5 -> id 6 (10). Type-7 cut points of ranks 1..10 at j/5: 2.8, 4.6, 6.4, 8.2, so
    // ranks 1-2 bin 0, 3-4 bin 1, 5-6 bin 2, 7-8 bin 3, 9-10 bin 4:
    //   id 2 r1 b0, id 3 r2 b0, id 5 r3 b1, id 7 r4 b1, id 10 r5 b2, id 4 r6 b2, id 8 r7 b3, id 1 r8 b3,
    //   id 9 r9 b4, id 6 r10 b4.
    private static final int[] FREQUENCIES = {3, 1, 1, 2, 1, 5, 1, 2, 4, 1};
    private static final int[] EXPECTED_F = {4, 1, 1, 3, 2, 5, 2, 4, 5, 3};

    @Test
    void fit_ranksWithTiesBrokenById() {
        ScoringFit fit = ScoringStrategy.equalCount(5).fit(Tables.frequencies(FREQUENCIES));
        assertArrayEquals(EXPECTED_F, scores(fit.scores(), Dimension.FREQUENCY));
        assertEquals("equal-count", fit.model().strategy());
        assertEquals(List.of(1, 2, 3, 4, 5), fit.model().levelsInUse(Dimension.FREQUENCY));
    }

    @Test
    void model_binMaxima() {
        // bin maxima: b0 1, b1 1, b2 2 (id 4), b3 3 (id 1), b4 5: cut points 1, 1, 2, 3
        ScoringModel m = ScoringStrategy.equalCount(5).fit(Tables.frequencies(FREQUENCIES)).model();
        assertArrayEquals(new double[] {1, 1, 2, 3}, m.cutPoints(Dimension.FREQUENCY));
        // a new value goes to the first bin whose largest value is >= it
        assertEquals(1, m.score(0, 0, 1).f());
        assertEquals(1, m.score(0, 1, 1).f());
        assertEquals(3, m.score(0, 2, 1).f());
        assertEquals(4, m.score(0, 3, 1).f());
        assertEquals(5, m.score(0, 4, 1).f());
        assertEquals(5, m.score(0, 5, 1).f());
        // above every bin's largest value: the highest bin in use
        assertEquals(5, m.score(0, 6, 1).f());
        assertEquals(5, m.score(0, 1000, 1).f());
    }

    @Test
    void fit_tieSpanningBins_keepsRankScores_modelGivesLowestBin() {
        // The documented exception: value 1 spans bins 0-2 and value 2 bins 2-3. The fit keeps the rank
        // scores (ids 5 and 7 get 2, id 10 gets 3, id 8 gets 4); the model gives every 1 the score 1 and
        // every 2 the score 3.
        CustomerTable t = Tables.frequencies(FREQUENCIES);
        ScoringFit fit = ScoringStrategy.equalCount(5).fit(t);
        RfmScores byModel = fit.model().scoreAll(t);
        int[] modelF = {4, 1, 1, 3, 1, 5, 1, 3, 5, 1};
        assertArrayEquals(modelF, scores(byModel, Dimension.FREQUENCY));
        assertNotEquals(fit.scores().f(4), byModel.f(4));
    }

    @Test
    void fit_numericIdTieBreak_twoBeforeTen() {
        // equal values; ids "2" and "10": numerically 2 < 10, so "2" is rank 1 (bin 0) and "10" rank 2 (bin 1)
        CustomerTable t = Tables.table(spec("10", 5, 1, "7"), spec("2", 5, 1, "7"));
        ScoringFit fit = ScoringStrategy.equalCount(2).fit(t);
        assertEquals("2", t.customerId(0));
        assertEquals(RfmScore.of(2, 1, 1), fit.scores().get(0));
        assertEquals(RfmScore.of(1, 2, 2), fit.scores().get(1));
    }

    @Test
    void fit_mixedIdTieBreak_lexicographic() {
        // ids "10", "2", "x" are not all integers: lexicographic, "10" < "2" < "x"; ranks 1, 2, 3 with k = 3
        CustomerTable t = Tables.table(spec("x", 5, 1, "7"), spec("2", 5, 1, "7"), spec("10", 5, 1, "7"));
        ScoringFit fit = ScoringStrategy.equalCount(3).fit(t);
        assertEquals(List.of("10", "2", "x"), List.of(t.customerId(0), t.customerId(1), t.customerId(2)));
        assertArrayEquals(new int[] {1, 2, 3}, scores(fit.scores(), Dimension.FREQUENCY));
        assertArrayEquals(new int[] {1, 2, 3}, scores(fit.scores(), Dimension.MONETARY));
        // recency: rank 1 is the fewest days, bin 0, R = k
        assertArrayEquals(new int[] {3, 2, 1}, scores(fit.scores(), Dimension.RECENCY));
    }

    @Test
    void fit_recency_ranksAscendingDays() {
        // days by id 1..6: 30, 5, 30, 1, 90, 5 -> sorted (days, id): 4(1) 2(5) 6(5) 1(30) 3(30) 5(90)
        // k = 3, cut points of ranks 1..6: 1 + 5/3 = 2.67, 1 + 10/3 = 4.33: ranks 1-2 b0, 3-4 b1, 5-6 b2
        // R = 3 - b: id 4 3, id 2 3, id 6 2, id 1 2, id 3 1, id 5 1
        ScoringFit fit = ScoringStrategy.equalCount(3).fit(Tables.recencies(30, 5, 30, 1, 90, 5));
        assertArrayEquals(new int[] {2, 3, 1, 3, 1, 2}, scores(fit.scores(), Dimension.RECENCY));
        // model: bin maxima in days 5, 30, 90: 5 days -> R3, 6..30 -> R2, beyond -> R1
        ScoringModel m = fit.model();
        assertArrayEquals(new double[] {5, 30}, m.cutPoints(Dimension.RECENCY));
        assertEquals(3, m.score(5, 1, 0).r());
        assertEquals(2, m.score(6, 1, 0).r());
        assertEquals(1, m.score(31, 1, 0).r());
        assertEquals(1, m.score(10_000, 1, 0).r());
    }

    @ParameterizedTest(name = "k={0}, n={1}")
    @CsvSource({"2, 2", "2, 10", "3, 9", "5, 20", "5, 1000", "7, 49", "10, 100", "10, 30"})
    void fit_nDivisibleByK_equalBinSizes(int k, int n) {
        SplittableRandom rnd = new SplittableRandom(k * 1000L + n);
        List<Tables.Spec> specs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // heavy ties on purpose: equal-count still gives equal bins
            specs.add(spec(String.valueOf(i + 1), rnd.nextInt(5), 1 + rnd.nextInt(3), rnd.nextInt(4) + ".50"));
        }
        ScoringFit fit = ScoringStrategy.equalCount(k).fit(Tables.table(specs));
        for (Dimension d : Dimension.values()) {
            int[] count = new int[k + 1];
            for (int score : scores(fit.scores(), d)) {
                count[score]++;
            }
            for (int s = 1; s <= k; s++) {
                assertEquals(n / k, count[s], d + " score " + s);
            }
        }
    }

    @Test
    void fit_fewerCustomersThanBins_emptyBinsAndHighestInUse() {
        // n = 2, k = 5: cut points of ranks 1..2 are 1.2 .. 1.8: rank 1 bin 0, rank 2 bin 4
        CustomerTable t = Tables.table(spec("1", 1, 1, "10"), spec("2", 2, 2, "20"));
        ScoringFit fit = ScoringStrategy.equalCount(5).fit(t);
        assertEquals(RfmScore.of(5, 1, 1), fit.scores().get(0));
        assertEquals(RfmScore.of(1, 5, 5), fit.scores().get(1));
        ScoringModel m = fit.model();
        assertEquals(List.of(1, 5), m.levelsInUse(Dimension.MONETARY));
        assertEquals(List.of(1, 5), m.levelsInUse(Dimension.RECENCY));
        // empty bins repeat the cut point before them
        assertArrayEquals(new double[] {10, 10, 10, 10}, m.cutPoints(Dimension.MONETARY));
        assertEquals(1, m.score(0, 1, 10).m());
        assertEquals(5, m.score(0, 1, 15).m());
        assertEquals(5, m.score(0, 1, 25).m());
        assertEquals(1, m.score(0, 1, -5).m());
    }

    @Test
    void fit_singleCustomer_everyValueInBinZero() {
        ScoringFit fit = ScoringStrategy.equalCount(5).fit(Tables.table(spec("1", 3, 2, "10")));
        assertEquals(RfmScore.of(5, 1, 1), fit.scores().get(0));
        ScoringModel m = fit.model();
        // the only bin in use is the highest: every new value goes there
        assertEquals(RfmScore.of(5, 1, 1), m.score(1000, 1000, 1e9));
        assertEquals(RfmScore.of(5, 1, 1), m.score(0, 0, -1e9));
        for (Dimension d : Dimension.values()) {
            for (double c : m.cutPoints(d)) {
                assertEquals(Double.POSITIVE_INFINITY, c);
            }
        }
    }

    @Test
    void fit_allTies_rankBinsButModelSingleLevel() {
        CustomerTable t = Tables.frequencies(2, 2, 2, 2, 2);
        ScoringFit fit = ScoringStrategy.equalCount(5).fit(t);
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, scores(fit.scores(), Dimension.FREQUENCY));
        assertEquals(List.of(1, 2, 3, 4, 5), fit.model().levelsInUse(Dimension.FREQUENCY));
        // the model keeps bin maxima 2, 2, 2, 2, 2: every 2 goes to bin 0, a 3 above to the highest bin
        assertArrayEquals(new double[] {2, 2, 2, 2}, fit.model().cutPoints(Dimension.FREQUENCY));
        assertEquals(1, fit.model().score(0, 2, 1).f());
        assertEquals(5, fit.model().score(0, 3, 1).f());
    }
}
