package dev.rfmkit.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rfmkit.metrics.CustomerTable;
import dev.rfmkit.metrics.MonetaryMode;
import dev.rfmkit.order.OrderLine;
import dev.rfmkit.testing.RandomOrders;
import dev.rfmkit.testing.Seeds;
import dev.rfmkit.testing.ShowSeed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The invariants every scoring strategy keeps, run for each strategy by a subclass, for k in
 * {2, 3, 5, 7, 10}, over seeded random customer tables built through order ingestion.
 */
@ExtendWith(ShowSeed.class)
abstract class ScoringContractTest {
    private static final int[] KS = {2, 3, 5, 7, 10};

    /** The strategy under test with k bins. */
    abstract ScoringStrategy strategy(int k);

    /**
     * Whether the fit's own scores may give tied values different scores (equal-count, by rank). Then
     * the model scores a fitting customer like the first-ranked customer of its value.
     */
    abstract boolean fitMaySplitTies();

    static Stream<Arguments> cases() {
        return IntStream.of(KS).boxed().flatMap(k -> Seeds.seeds().map(seed -> Arguments.of(k, seed)));
    }

    private static List<OrderLine> lines(long seed) {
        return RandomOrders.lines(new SplittableRandom(seed), 300);
    }

    private static MonetaryMode mode(long seed) {
        return (seed & 1) == 0 ? MonetaryMode.TOTAL : MonetaryMode.AVERAGE;
    }

    private static CustomerTable table(long seed) {
        return RandomOrders.table(lines(seed), mode(seed));
    }

    private static int score(RfmScores s, int row, Dimension d) {
        return s.get(row).get(d);
    }

    private static double value(CustomerTable t, int row, Dimension d) {
        return switch (d) {
            case RECENCY -> t.recencyDays(row);
            case FREQUENCY -> t.frequency(row);
            case MONETARY -> t.monetary(row);
        };
    }

    /** Random customers that need not be in the fitting set, beyond its range too. */
    private static int[][] newIntColumns(SplittableRandom rnd, int n) {
        int[] r = new int[n];
        int[] f = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = rnd.nextInt(3) == 0 ? rnd.nextInt(5) : rnd.nextInt(2000);
            f[i] = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(3) : 1 + rnd.nextInt(80);
        }
        return new int[][] {r, f};
    }

    private static double[] newMonetary(SplittableRandom rnd, int n) {
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            m[i] = switch (rnd.nextInt(4)) {
                case 0 -> rnd.nextInt(100);
                case 1 -> rnd.nextLong(-5_000_000, 50_000_000) / 100.0;
                case 2 -> rnd.nextDouble() * 1e7;
                default -> -rnd.nextDouble() * 100;
            };
        }
        return m;
    }

    @ParameterizedTest(name = "k={0}, seed={1}")
    @MethodSource("dev.rfmkit.score.ScoringContractTest#cases")
    void scores_withinOneToK(int k, long seed) {
        CustomerTable t = table(seed);
        ScoringFit fit = strategy(k).fit(t);
        assertEquals(k, fit.model().bins());
        assertEquals(k, fit.scores().bins());
        assertEquals(t.size(), fit.scores().size());
        for (int i = 0; i < t.size(); i++) {
            for (Dimension d : Dimension.values()) {
                int s = score(fit.scores(), i, d);
                assertTrue(s >= 1 && s <= k, "fit score " + s + " of row " + i);
            }
        }
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        int[][] rf = newIntColumns(rnd, 500);
        double[] m = newMonetary(rnd, 500);
        for (int i = 0; i < 500; i++) {
            RfmScore s = fit.model().score(rf[0][i], rf[1][i], m[i]);
            for (Dimension d : Dimension.values()) {
                assertTrue(s.get(d) >= 1 && s.get(d) <= k, "model score " + s);
            }
        }
    }

    @ParameterizedTest(name = "k={0}, seed={1}")
    @MethodSource("dev.rfmkit.score.ScoringContractTest#cases")
    void fitModel_fromColumns_isTheModelOfTheFit(int k, long seed) {
        CustomerTable t = table(seed);
        ScoringModel fitted = strategy(k).fit(t).model();
        ScoringModel fromColumns = strategy(k).fitModel(t.recencyColumn(), t.frequencyColumn(), t.monetaryColumn());
        assertEquals(fitted.toString(), fromColumns.toString());
        for (Dimension d : Dimension.values()) {
            assertArrayEquals(fitted.cutPoints(d), fromColumns.cutPoints(d), d.name());
            assertEquals(fitted.levelsInUse(d), fromColumns.levelsInUse(d), d.name());
        }
        int[] a = new int[t.size()];
        int[] b = new int[t.size()];
        fitted.scoreCells(t.recencyColumn(), t.frequencyColumn(), t.monetaryColumn(), a);
        fromColumns.scoreCells(t.recencyColumn(), t.frequencyColumn(), t.monetaryColumn(), b);
        assertArrayEquals(a, b);
    }

    /** A fit from distributions counted in three parts of the customers and merged: the fit's model. */
    @ParameterizedTest(name = "k={0}, seed={1}")
    @MethodSource("dev.rfmkit.score.ScoringContractTest#cases")
    void fitModel_fromMergedDistributions_isTheModelOfTheFit(int k, long seed) {
        CustomerTable t = table(seed);
        ScoringModel fitted = strategy(k).fit(t).model();
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5EEDL);
        int n = t.size();
        int[] part = new int[n];
        int[] sizes = new int[3];
        for (int i = 0; i < n; i++) {
            part[i] = rnd.nextInt(3);
            sizes[part[i]]++;
        }
        ValueCounts[] merged = new ValueCounts[3];
        for (int p = 0; p < 3; p++) {
            int[] r = new int[sizes[p]];
            int[] f = new int[sizes[p]];
            double[] m = new double[sizes[p]];
            for (int i = 0, at = 0; i < n; i++) {
                if (part[i] == p) {
                    r[at] = t.recencyDays(i);
                    f[at] = t.frequency(i);
                    m[at++] = t.monetary(i);
                }
            }
            ValueCounts[] counts = {ValueCounts.of(r), ValueCounts.of(f), ValueCounts.of(m)};
            for (int d = 0; d < 3; d++) {
                merged[d] = p == 0 ? counts[d] : merged[d].merge(counts[d]);
            }
        }
        assertSameModel(fitted, strategy(k).fitModel(merged[0], merged[1], merged[2]), t);
    }

    /**
     * Money given only as ranked values (order statistics and bin counts on request, as a cluster
     * answers them): the fit's model, asking for few ranks; K-Means, which needs every value, refuses.
     */
    @ParameterizedTest(name = "k={0}, seed={1}")
    @MethodSource("dev.rfmkit.score.ScoringContractTest#cases")
    void fitModel_fromRankedMoney_isTheModelOfTheFit(int k, long seed) {
        CustomerTable t = table(seed);
        ValueCounts money = ValueCounts.of(t.monetaryColumn());
        List<long[]> asked = new ArrayList<>();
        RankedValues ranked = new RankedValues() {
            @Override
            public long size() {
                return money.size();
            }

            @Override
            public double[] orderStatistics(long[] ranks) {
                for (int i = 1; i < ranks.length; i++) {
                    assertTrue(ranks[i - 1] < ranks[i], "ranks ascending without repeats: " + Arrays.toString(ranks));
                }
                asked.add(ranks.clone());
                return money.orderStatistics(ranks);
            }

            @Override
            public long[] binCounts(double[] cuts, boolean closedRight) {
                return money.binCounts(cuts, closedRight);
            }
        };
        ScoringStrategy s = strategy(k);
        ValueCounts r = ValueCounts.of(t.recencyColumn());
        ValueCounts f = ValueCounts.of(t.frequencyColumn());
        if (s instanceof KMeansStrategy) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> s.fitModel(r, f, ranked));
            return;
        }
        assertSameModel(s.fit(t).model(), s.fitModel(r, f, ranked), t);
        assertTrue(asked.size() <= 1, "order statistics asked for at once");
        assertTrue(asked.isEmpty() || asked.get(0).length <= 2 * (k - 1) + 1, "few ranks: " + asked.get(0).length);
    }

    private static void assertSameModel(ScoringModel fitted, ScoringModel other, CustomerTable t) {
        assertEquals(fitted.toString(), other.toString());
        for (Dimension d : Dimension.values()) {
            assertArrayEquals(fitted.cutPoints(d), other.cutPoints(d), d.name());
            assertEquals(fitted.levelsInUse(d), other.levelsInUse(d), d.name());
        }
        int n = t.size();
        int[] a = new int[n];
        int[] b = new int[n];
        fitted.scoreCells(t.recencyColumn(), t.frequencyColumn(), t.monetaryColumn(), a);
        other.scoreCells(t.recencyColumn(), t.frequencyColumn(), t.monetaryColumn(), b);
        assertArrayEquals(a, b);
    }

    @ParameterizedTest(name = "k={0}, seed={1}")
    @MethodSource("dev.rfmkit.score.ScoringContractTest#cases")
    void model_monotonePerDimension(int k, long seed) {
        ScoringModel model = strategy(k).fit(table(seed)).model();
        // recency: non-increasing in days; frequency: non-decreasing in orders
        int previousR = Integer.MAX_VALUE;
        int previousF = 0;
        for (int x = 0; x <= 1200; x++) {
            RfmScore s = model.score(x, x, 0);
            assertTrue(s.r() <= previousR, "R at " + x + " days rose to " + s.r());
            assertTrue(s.f() >= previousF, "F at " + x + " orders fell to " + s.f());
            previousR = s.r();
            previousF = s.f();
        }
        // monetary: non-decreasing over a sorted sample, including exact values of the cut points
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] m = newMonetary(rnd, 2000);
        double[] cuts = model.cutPoints(Dimension.MONETARY);
        double[] all = Arrays.copyOf(m, m.length + 3 * cuts.length);
        for (int i = 0; i < cuts.length; i++) {
            all[m.length + 3 * i] = cuts[i];
            all[m.length + 3 * i + 1] = Math.nextUp(cuts[i]);
            all[m.length + 3 * i + 2] = Math.nextDown(cuts[i]);
        }
        Arrays.sort(all);
        int previousM = 0;
        for (double x : all) {
            int s = model.score(0, 1, x).m();
            assertTrue(s >= previousM, "M at " + x + " fell to " + s);
            previousM = s;
        }
    }

    @ParameterizedTest(name = "k={0}, seed={1}")
    @MethodSource("dev.rfmkit.score.ScoringContractTest#cases")
    void equalValues_equalScores(int k, long seed) {
        CustomerTable t = table(seed);
        ScoringFit fit = strategy(k).fit(t);
        RfmScores byModel = fit.model().scoreAll(t);
        for (Dimension d : Dimension.values()) {
            Map<Double, Integer> modelScore = new HashMap<>();
            Map<Double, Integer> fitScore = new HashMap<>();
            for (int i = 0; i < t.size(); i++) {
                double v = value(t, i, d);
                int s = score(byModel, i, d);
                assertEquals(modelScore.computeIfAbsent(v, x -> s), s, d + " model score of value " + v);
                if (!fitMaySplitTies()) {
                    int fs = score(fit.scores(), i, d);
                    assertEquals(fitScore.computeIfAbsent(v, x -> fs), fs, d + " fit score of value " + v);
                }
            }
        }
    }

    @ParameterizedTest(name = "k={0}, seed={1}")
    @MethodSource("dev.rfmkit.score.ScoringContractTest#cases")
    void fit_independentOfLineOrder(int k, long seed) {
        List<OrderLine> lines = lines(seed);
        CustomerTable a = RandomOrders.table(lines, mode(seed));
        CustomerTable b = RandomOrders.table(RandomOrders.shuffled(lines, seed + 1), mode(seed));
        ScoringFit fa = strategy(k).fit(a);
        ScoringFit fb = strategy(k).fit(b);
        Map<String, RfmScore> byId = new HashMap<>();
        for (int i = 0; i < a.size(); i++) {
            byId.put(a.customerId(i), fa.scores().get(i));
        }
        assertEquals(a.size(), b.size());
        for (int i = 0; i < b.size(); i++) {
            assertEquals(byId.get(b.customerId(i)), fb.scores().get(i), "customer " + b.customerId(i));
        }
        for (Dimension d : Dimension.values()) {
            assertArrayEquals(fa.model().cutPoints(d), fb.model().cutPoints(d), d.name());
        }
    }

    @ParameterizedTest(name = "k={0}, seed={1}")
    @MethodSource("dev.rfmkit.score.ScoringContractTest#cases")
    void fit_sameDataSameModel(int k, long seed) {
        ScoringModel a = strategy(k).fit(table(seed)).model();
        ScoringModel b = strategy(k).fit(table(seed)).model();
        assertEquals(a.strategy(), b.strategy());
        assertEquals(a.bins(), b.bins());
        for (Dimension d : Dimension.values()) {
            assertArrayEquals(a.cutPoints(d), b.cutPoints(d), d.name());
            assertEquals(a.levelsInUse(d), b.levelsInUse(d), d.name());
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int[][] rf = newIntColumns(rnd, 300);
        double[] m = newMonetary(rnd, 300);
        for (int i = 0; i < 300; i++) {
            assertEquals(a.score(rf[0][i], rf[1][i], m[i]), b.score(rf[0][i], rf[1][i], m[i]));
        }
    }

    @ParameterizedTest(name = "k={0}, seed={1}")
    @MethodSource("dev.rfmkit.score.ScoringContractTest#cases")
    void model_scoresFittingCustomersAsTheFit(int k, long seed) {
        CustomerTable t = table(seed);
        ScoringFit fit = strategy(k).fit(t);
        RfmScores byModel = fit.model().scoreAll(t);
        for (Dimension d : Dimension.values()) {
            // the fit score of the first row (in rank order: by value, then row) of every value
            Map<Double, Integer> firstRanked = new HashMap<>();
            Integer[] order = new Integer[t.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> {
                int c = Double.compare(value(t, x, d), value(t, y, d));
                return c != 0 ? c : Integer.compare(x, y);
            });
            for (int row : order) {
                firstRanked.putIfAbsent(value(t, row, d), score(fit.scores(), row, d));
            }
            for (int i = 0; i < t.size(); i++) {
                int expected = fitMaySplitTies() ? firstRanked.get(value(t, i, d)) : score(fit.scores(), i, d);
                assertEquals(expected, score(byModel, i, d), d + " of customer " + t.customerId(i) + ", value "
                        + value(t, i, d));
                assertEquals(score(byModel, i, d),
                        fit.model().score(t.recencyDays(i), t.frequency(i), t.monetary(i)).get(d));
            }
        }
    }

    @ParameterizedTest(name = "k={0}, seed={1}")
    @MethodSource("dev.rfmkit.score.ScoringContractTest#cases")
    void levelsInUse_areTheFitScores(int k, long seed) {
        CustomerTable t = table(seed);
        ScoringFit fit = strategy(k).fit(t);
        for (Dimension d : Dimension.values()) {
            TreeSet<Integer> used = new TreeSet<>();
            for (int i = 0; i < t.size(); i++) {
                used.add(score(fit.scores(), i, d));
            }
            assertEquals(new ArrayList<>(used), fit.model().levelsInUse(d), d.name());
        }
    }

    @ParameterizedTest(name = "k={0}, seed={1}")
    @MethodSource("dev.rfmkit.score.ScoringContractTest#cases")
    void cutPoints_kMinusOneAscending(int k, long seed) {
        ScoringModel model = strategy(k).fit(table(seed)).model();
        for (Dimension d : Dimension.values()) {
            double[] cuts = model.cutPoints(d);
            assertEquals(k - 1, cuts.length, d.name());
            for (int i = 1; i < cuts.length; i++) {
                assertTrue(cuts[i - 1] <= cuts[i], d + " cut points not ascending: " + Arrays.toString(cuts));
            }
        }
    }

    @ParameterizedTest(name = "k={0}, seed={1}")
    @MethodSource("dev.rfmkit.score.ScoringContractTest#cases")
    void scoreCells_agreesWithScore(int k, long seed) {
        CustomerTable t = table(seed);
        ScoringModel model = strategy(k).fit(t).model();
        SplittableRandom rnd = new SplittableRandom(seed + 17);
        int n = 700;
        int[][] rf = newIntColumns(rnd, n);
        double[] m = newMonetary(rnd, n);
        int[] cells = new int[n + 5];
        Arrays.fill(cells, -1);
        model.scoreCells(rf[0], rf[1], m, cells);
        for (int i = 0; i < n; i++) {
            RfmScore s = model.score(rf[0][i], rf[1][i], m[i]);
            assertEquals(s.cell(k), cells[i], "row " + i);
            assertEquals(s, RfmScore.ofCell(cells[i], k));
        }
        assertEquals(-1, cells[n], "wrote past the input");
        // scoreAll on the table agrees with score() and with scoreCells on its columns
        RfmScores all = model.scoreAll(t);
        int[] tableCells = new int[t.size()];
        model.scoreCells(t.recencyColumn(), t.frequencyColumn(), t.monetaryColumn(), tableCells);
        for (int i = 0; i < t.size(); i++) {
            assertEquals(model.score(t.recencyDays(i), t.frequency(i), t.monetary(i)), all.get(i));
            assertEquals(all.cell(i), tableCells[i]);
        }
    }
}
