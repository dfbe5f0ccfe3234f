package dev.rfmkit.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rfmkit.testing.Seeds;
import dev.rfmkit.testing.ShowSeed;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batch and single scoring of cut-point models (lookup tables for the integer dimensions,
 * comparisons for money) against a reference that finds each bin by binary search on the cut points,
 * for random and exhaustively enumerated cut points, values inside and far outside their range.
 */
@ExtendWith(ShowSeed.class)
final class CutPointScoringTest {
    private static final int[] EXTREMES = {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -1_000_000, -1, 0, 1,
        1_000_000, Integer.MAX_VALUE - 1, Integer.MAX_VALUE};

    static Stream<Long> seeds() {
        return Seeds.seeds();
    }

    /** The reference bin: the number of cut points below x (or at or below it), by binary search. */
    static int referenceBin(double[] cuts, double x, boolean closedRight) {
        int lo = 0;
        int hi = cuts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (closedRight ? cuts[mid] < x : cuts[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int referenceCell(int k, double[][] cuts, boolean closedRight, int r, int f, double m) {
        int rb = referenceBin(cuts[0], r, closedRight);
        int fb = referenceBin(cuts[1], f, closedRight);
        int mb = referenceBin(cuts[2], m, closedRight);
        return ((k - 1 - rb) * k + fb) * k + mb;
    }

    private static ScoringModel model(String strategy, int k, double[][] cuts) {
        Map<Dimension, double[]> c = new EnumMap<>(Dimension.class);
        Map<Dimension, List<Integer>> levels = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            c.put(d, cuts[d.ordinal()]);
            levels.put(d, List.of(1));
        }
        return ScoringModel.ofCutPoints(strategy, k, c, levels);
    }

    /** Ascending cut points of one of several kinds: whole, fractional, repeated, wide, infinite ends. */
    private static double[] cuts(SplittableRandom rnd, int count, boolean infinite) {
        double[] c = new double[count];
        int kind = rnd.nextInt(6);
        for (int i = 0; i < count; i++) {
            c[i] = switch (kind) {
                case 0 -> rnd.nextInt(-20, 60);
                case 1 -> rnd.nextInt(-200, 800) / 4.0;
                case 2 -> rnd.nextInt(3);
                case 3 -> rnd.nextLong(-3_000_000_000L, 3_000_000_000L);
                case 4 -> rnd.nextDouble() * 1e12 - 5e11;
                default -> rnd.nextInt(730) + rnd.nextDouble();
            };
        }
        Arrays.sort(c);
        if (infinite && rnd.nextInt(3) == 0) {
            c[count - 1] = Double.POSITIVE_INFINITY;
            if (rnd.nextBoolean() && count > 1) {
                c[count - 2] = Double.POSITIVE_INFINITY;
            }
        }
        if (infinite && rnd.nextInt(4) == 0) {
            c[0] = Double.NEGATIVE_INFINITY;
        }
        return c;
    }

    private static int intValue(SplittableRandom rnd, double[] cuts) {
        return switch (rnd.nextInt(4)) {
            case 0 -> EXTREMES[rnd.nextInt(EXTREMES.length)];
            case 1 -> {
                double c = cuts[rnd.nextInt(cuts.length)];
                yield Double.isFinite(c) && Math.abs(c) < 2e9 ? (int) Math.floor(c) + rnd.nextInt(-2, 3) : 0;
            }
            case 2 -> rnd.nextInt(-100, 1000);
            default -> rnd.nextInt();
        };
    }

    private static void check(String strategy, int k, double[][] cuts, int[] r, int[] f, double[] m) {
        ScoringModel model = model(strategy, k, cuts);
        boolean closedRight = model.closedRight();
        int n = r.length;
        int[] cells = new int[n + 1];
        cells[n] = -7;
        model.scoreCells(r, f, m, cells);
        for (int i = 0; i < n; i++) {
            int expected = referenceCell(k, cuts, closedRight, r[i], f[i], m[i]);
            String what = strategy + " k=" + k + " cuts=" + Arrays.deepToString(cuts) + " r=" + r[i] + " f=" + f[i]
                    + " m=" + m[i];
            assertEquals(expected, cells[i], what);
            assertEquals(expected, model.score(r[i], f[i], m[i]).cell(k), what);
        }
        assertEquals(-7, cells[n], "past the batch");
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void scoreCells_matchesBinarySearch(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int trial = 0; trial < 300; trial++) {
            int k = 2 + rnd.nextInt(RfmScore.MAX_BINS - 1);
            String strategy = switch (rnd.nextInt(3)) {
                case 0 -> "quantile";
                case 1 -> "rfm-package";
                default -> "equal-count";
            };
            boolean infinite = strategy.equals("equal-count");
            double[][] c = {cuts(rnd, k - 1, infinite), cuts(rnd, k - 1, infinite), cuts(rnd, k - 1, infinite)};
            int n = 1 + rnd.nextInt(300);
            int[] r = new int[n];
            int[] f = new int[n];
            double[] m = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = intValue(rnd, c[0]);
                f[i] = intValue(rnd, c[1]);
                m[i] = rnd.nextInt(4) == 0 ? c[2][rnd.nextInt(k - 1)] : switch (rnd.nextInt(4)) {
                    case 0 -> intValue(rnd, c[2]);
                    case 1 -> -rnd.nextDouble() * 1e6;
                    case 2 -> rnd.nextBoolean() ? 0.0 : -0.0;
                    default -> rnd.nextDouble() * 1e6;
                };
            }
            check(strategy, k, c, r, f, m);
        }
    }

    /** Every non-decreasing pair of cut points from a small set, k = 3, every value near them. */
    @Test
    void scoreCells_exhaustiveSmallCutPoints() {
        double[] candidates = {-2, -0.5, 0, 1, 1.5, 2, 3};
        int[] values = IntStream.concat(IntStream.rangeClosed(-4, 6), IntStream.of(EXTREMES)).toArray();
        for (String strategy : new String[] {"quantile", "rfm-package"}) {
            for (double a : candidates) {
                for (double b : candidates) {
                    if (b < a) {
                        continue;
                    }
                    double[] c = {a, b};
                    int n = values.length * values.length;
                    int[] r = new int[n];
                    int[] f = new int[n];
                    double[] m = new double[n];
                    for (int i = 0; i < values.length; i++) {
                        for (int j = 0; j < values.length; j++) {
                            r[i * values.length + j] = values[i];
                            f[i * values.length + j] = values[j];
                            m[i * values.length + j] = values[(i + j) % values.length] / 2.0;
                        }
                    }
                    check(strategy, 3, new double[][] {c, c, c}, r, f, m);
                }
            }
        }
    }

    @Test
    void intBins_tableOnlyForNarrowFiniteRanges() {
        assertNotNull(IntBins.of(new double[] {1, 2, 730.5}, true));
        assertNotNull(IntBins.of(new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}, true));
        assertNull(IntBins.of(new double[] {0, 1e6}, true));
        IntBins t = IntBins.of(new double[] {2, 2, 5}, false);
        assertEquals(0, t.bin(Integer.MIN_VALUE));
        assertEquals(0, t.bin(1));
        assertEquals(2, t.bin(2));
        assertEquals(2, t.bin(4));
        assertEquals(3, t.bin(5));
        assertEquals(3, t.bin(Integer.MAX_VALUE));
        // cut points beyond every int: a one-entry table
        assertEquals(0, IntBins.of(new double[] {3e9, 4e9}, true).bin(Integer.MAX_VALUE));
        assertEquals(2, IntBins.of(new double[] {-4e9, -3e9}, true).bin(Integer.MIN_VALUE));
        assertEquals(1, IntBins.of(new double[] {-4e9, 3e9}, true) == null ? 1 : 0);
    }

    @Test
    void scoreCells_nanMoney_throwsWithTablesToo() {
        for (double[][] c : new double[][][] {{{1, 2}, {1, 2}, {1, 2}}, {{1, 2, 3, 4}, {1, 2, 3, 4}, {1, 2, 3, 4}}}) {
            for (String strategy : new String[] {"quantile", "rfm-package"}) {
                ScoringModel model = model(strategy, c[0].length + 1, c);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.scoreCells(
                        new int[] {1, 2}, new int[] {1, 2}, new double[] {1, Double.NaN}, new int[2]));
                assertEquals("monetary must be a number (was NaN)", e.getMessage());
            }
        }
    }

    @Test
    void scoreCells_tableAndComparisons_agreeOnTheSameColumns() {
        // one model narrow enough for tables, one too wide: the same cells where their cut points agree
        int[] r = {0, 1, 2, 3, 4, 5, 1_000_000, -1};
        double[] m = {0, 1, 2, 3, 4, 5, 6, 7};
        int[] narrow = new int[r.length];
        int[] wide = new int[r.length];
        model("quantile", 3, new double[][] {{1, 3}, {1, 3}, {1, 3}}).scoreCells(r, r, m, narrow);
        model("quantile", 4, new double[][] {{1, 3, 1e9}, {1, 3, 1e9}, {1, 3, 1e9}}).scoreCells(r, r, m, wide);
        int[] expectedNarrow = new int[r.length];
        for (int i = 0; i < r.length; i++) {
            expectedNarrow[i] = referenceCell(3, new double[][] {{1, 3}, {1, 3}, {1, 3}}, true, r[i], r[i], m[i]);
            assertEquals(referenceCell(4, new double[][] {{1, 3, 1e9}, {1, 3, 1e9}, {1, 3, 1e9}}, true, r[i], r[i],
                    m[i]), wide[i], "wide, row " + i);
        }
        assertArrayEquals(expectedNarrow, narrow);
    }
}
