package dev.rfmkit.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rfmkit.testing.Seeds;
import dev.rfmkit.testing.ShowSeed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(ShowSeed.class)
final class OptimalKMeansTest {
    /** lcm(1..8): with at most 8 points, every cluster's sum of squares times this is an integer. */
    private static final long LCM = 840;

    static java.util.stream.Stream<Long> seeds() {
        return Seeds.seeds();
    }

    /** Distinct sorted values with their counts. */
    private record Collapsed(long[] values, long[] weights) {
        static Collapsed of(long[] points) {
            TreeMap<Long, Long> counts = new TreeMap<>();
            for (long p : points) {
                counts.merge(p, 1L, Long::sum);
            }
            return new Collapsed(counts.keySet().stream().mapToLong(Long::longValue).toArray(),
                    counts.values().stream().mapToLong(Long::longValue).toArray());
        }

        double[] doubles() {
            return Arrays.stream(values).asDoubleStream().toArray();
        }

        int[] partition(int k) {
            return OptimalKMeans.partition(doubles(), weights, k);
        }
    }

    /** 840 times the sum of squares of a block of points, exactly: 840 (W*S2 - S1^2) / W. */
    private static long scaledSquares(long count, long s1, long s2) {
        return count == 0 ? 0 : LCM / count * (count * s2 - s1 * s1);
    }

    /** The smallest scaled sum of squares over every partition of the points into exactly k blocks. */
    private static long bruteForce(long[] points, int k) {
        return assign(points, k, 0, new int[points.length], 0);
    }

    private static long assign(long[] points, int k, int i, int[] block, int used) {
        if (i == points.length) {
            if (used != k) {
                return Long.MAX_VALUE;
            }
            long total = 0;
            for (int b = 0; b < k; b++) {
                long count = 0;
                long s1 = 0;
                long s2 = 0;
                for (int p = 0; p < points.length; p++) {
                    if (block[p] == b) {
                        count++;
                        s1 += points[p];
                        s2 += points[p] * points[p];
                    }
                }
                total += scaledSquares(count, s1, s2);
            }
            return total;
        }
        if (points.length - i < k - used) {
            return Long.MAX_VALUE;
        }
        long best = Long.MAX_VALUE;
        for (int b = 0; b <= Math.min(used, k - 1); b++) {
            block[i] = b;
            best = Math.min(best, assign(points, k, i + 1, block, Math.max(used, b + 1)));
        }
        return best;
    }

    private static long scaledSquares(Collapsed c, int[] starts) {
        long total = 0;
        for (int b = 0; b + 1 < starts.length; b++) {
            long count = 0;
            long s1 = 0;
            long s2 = 0;
            for (int i = starts[b]; i < starts[b + 1]; i++) {
                count += c.weights[i];
                s1 += c.weights[i] * c.values[i];
                s2 += c.weights[i] * c.values[i] * c.values[i];
            }
            total += scaledSquares(count, s1, s2);
        }
        return total;
    }

    /** Every way to cut d sorted distinct values into k runs, as cluster starts. */
    private static List<int[]> contiguous(int d, int k) {
        List<int[]> out = new ArrayList<>();
        int[] starts = new int[k + 1];
        starts[k] = d;
        cut(out, starts, 1, d, k);
        return out;
    }

    private static void cut(List<int[]> out, int[] starts, int c, int d, int k) {
        if (c == k) {
            out.add(starts.clone());
            return;
        }
        for (int s = starts[c - 1] + 1; s <= d - (k - c); s++) {
            starts[c] = s;
            cut(out, starts, c + 1, d, k);
        }
    }

    // all set partitions, not only runs of sorted values: the optimum is a run partition, and among
    // the optimal run partitions the result is the componentwise lowest
    @ParameterizedTest
    @MethodSource("seeds")
    void smallInputs_matchBruteForceOverAllPartitions(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int trial = 0; trial < 150; trial++) {
            int n = 1 + rnd.nextInt(8);
            int range = 1 + rnd.nextInt(10);
            long[] points = new long[n];
            for (int i = 0; i < n; i++) {
                points[i] = rnd.nextInt(range);
            }
            int k = 1 + rnd.nextInt(5);
            Collapsed c = Collapsed.of(points);
            int d = c.values.length;
            int[] starts = c.partition(k);
            String what = Arrays.toString(points) + " k=" + k;
            if (d <= k) {
                assertEquals(d + 1, starts.length, what);
                assertEquals(0, scaledSquares(c, starts), what);
                continue;
            }
            long best = bruteForce(points, k);
            assertEquals(best, scaledSquares(c, starts), what);
            for (int[] other : contiguous(d, k)) {
                if (scaledSquares(c, other) == best) {
                    for (int b = 0; b < k; b++) {
                        assertTrue(starts[b] <= other[b], what + ": " + Arrays.toString(starts) + " is not below the "
                                + "optimal " + Arrays.toString(other));
                    }
                }
            }
        }
    }

    // symmetric inputs have several optimal partitions; the lowest boundaries win
    @Test
    void exactTies_goToTheLowestBoundaries() {
        assertArrayEquals(new int[] {0, 1, 3}, Collapsed.of(new long[] {1, 2, 3}).partition(2));
        assertArrayEquals(new int[] {0, 1, 3, 4}, Collapsed.of(new long[] {0, 10, 11, 21}).partition(3));
        Clusters c = OptimalKMeans.cluster(new double[] {3, 1, 2}, 2);
        assertEquals(1.0, c.upperBound(0));
        assertEquals(2.0, c.lowerBound(1));
    }

    /** The textbook O(k d^2) programme in exact arithmetic, smallest split on ties. */
    private static int[] exactReference(Collapsed c, int k) {
        int d = c.values.length;
        ExactSquares[][] cost = new ExactSquares[d + 1][d + 1];
        for (int j = 0; j < d; j++) {
            for (int i = j + 1; i <= d; i++) {
                cost[j][i] = ExactSquares.of(c.values, c.weights, j, i);
            }
        }
        ExactSquares[][] best = new ExactSquares[k + 1][d + 1];
        int[][] split = new int[k + 1][d + 1];
        for (int i = 1; i <= d; i++) {
            best[1][i] = cost[0][i];
        }
        for (int m = 2; m <= k; m++) {
            for (int i = m; i <= d; i++) {
                for (int j = m - 1; j < i; j++) {
                    ExactSquares v = best[m - 1][j].plus(cost[j][i]);
                    if (best[m][i] == null || v.compareTo(best[m][i]) < 0) {
                        best[m][i] = v;
                        split[m][i] = j;
                    }
                }
            }
        }
        int[] starts = new int[k + 1];
        starts[k] = d;
        for (int m = k; m >= 2; m--) {
            starts[m - 1] = split[m][starts[m]];
        }
        return starts;
    }

    // tie-heavy integer data with counts, against the quadratic programme in exact arithmetic
    @ParameterizedTest
    @MethodSource("seeds")
    void weightedIntegers_matchTheExactQuadraticProgramme(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int trial = 0; trial < 12; trial++) {
            int d = 10 + rnd.nextInt(40);
            long[] values = new long[d];
            long[] weights = new long[d];
            long v = rnd.nextInt(3);
            for (int i = 0; i < d; i++) {
                values[i] = v;
                v += 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(30) : 0);
                weights[i] = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(500) : 1 + rnd.nextInt(3);
            }
            Collapsed c = new Collapsed(values, weights);
            int k = 2 + rnd.nextInt(9);
            assertArrayEquals(exactReference(c, k), c.partition(k), Arrays.toString(values) + " k=" + k);
        }
    }

    /** The quadratic programme in doubles, for money-like data too large for exact arithmetic. */
    private static double[] quadraticBest(double[] x, long[] w, int k) {
        int d = x.length;
        double[] prev = new double[d + 1];
        double[] cur = new double[d + 1];
        for (int i = 1; i <= d; i++) {
            prev[i] = squaresOf(x, w, 0, i);
        }
        for (int m = 2; m <= k; m++) {
            Arrays.fill(cur, Double.POSITIVE_INFINITY);
            for (int i = m; i <= d; i++) {
                double s = 0;
                double q = 0;
                long n = 0;
                for (int j = i - 1; j >= m - 1; j--) {
                    n += w[j];
                    s += w[j] * x[j];
                    q += w[j] * x[j] * x[j];
                    cur[i] = Math.min(cur[i], prev[j] + Math.max(0, q - s * s / n));
                }
            }
            double[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev;
    }

    private static double squaresOf(double[] x, long[] w, int from, int to) {
        double s = 0;
        long n = 0;
        for (int i = from; i < to; i++) {
            s += w[i] * x[i];
            n += w[i];
        }
        double mean = s / n;
        double q = 0;
        for (int i = from; i < to; i++) {
            q += w[i] * (x[i] - mean) * (x[i] - mean);
        }
        return q;
    }

    // log-normal money with cents: the same minimum as the quadratic programme
    @ParameterizedTest
    @MethodSource("seeds")
    void moneyLikeValues_reachTheMinimumOfTheQuadraticProgramme(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 1500;
        double[] money = new double[n];
        for (int i = 0; i < n; i++) {
            money[i] = Math.round(Math.exp(4 + 1.2 * rnd.nextGaussian()) * 100) / 100.0;
        }
        for (int k : new int[] {2, 3, 5, 10}) {
            Clusters c = OptimalKMeans.cluster(money, k);
            double[] sorted = money.clone();
            Arrays.sort(sorted);
            double[] x = Arrays.stream(sorted).distinct().toArray();
            long[] w = new long[x.length];
            for (double m : money) {
                w[Arrays.binarySearch(x, m)]++;
            }
            double expected = quadraticBest(x, w, k)[x.length];
            assertEquals(expected, c.totalSumOfSquares(), expected * 1e-9, "k=" + k);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anyInputOrder_givesTheSameClusters(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] values = new double[5000];
        for (int i = 0; i < values.length; i++) {
            values[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(20) : Math.round(rnd.nextDouble() * 1e5) / 100.0;
        }
        Clusters expected = OptimalKMeans.cluster(values, 5);
        for (int round = 0; round < 3; round++) {
            for (int i = values.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                double t = values[i];
                values[i] = values[j];
                values[j] = t;
            }
            assertEquals(expected, OptimalKMeans.cluster(values, 5));
        }
    }

    // the parallel divide and conquer gives exactly the sequential result
    @ParameterizedTest
    @MethodSource("seeds")
    void parallelHalves_giveTheSequentialPartition(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int d = 20_000;
        double[] x = new double[d];
        long[] w = new long[d];
        double v = 0;
        for (int i = 0; i < d; i++) {
            v += rnd.nextInt(10) == 0 ? rnd.nextDouble() * 50 : 0.01 + rnd.nextDouble();
            x[i] = v;
            w[i] = 1 + rnd.nextInt(4);
        }
        for (int k : new int[] {2, 5, 10}) {
            assertArrayEquals(OptimalKMeans.partition(x, w, k, Integer.MAX_VALUE), OptimalKMeans.partition(x, w, k, 64),
                    "k=" + k);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void weightedValues_clusterAsTheirExpansion(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int d = 200;
        double[] values = new double[d];
        long[] weights = new long[d];
        List<Double> expanded = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            values[i] = rnd.nextInt(300) / 4.0; // repeats: their weights add up
            weights[i] = 1 + rnd.nextInt(6);
            for (int c = 0; c < weights[i]; c++) {
                expanded.add(values[i]);
            }
        }
        double[] flat = expanded.stream().mapToDouble(Double::doubleValue).toArray();
        for (int k = 2; k <= 10; k++) {
            assertEquals(OptimalKMeans.cluster(flat, k), OptimalKMeans.cluster(values, weights, k), "k=" + k);
        }
    }

    @Test
    void clusters_reportCentresBoundsSizesAndSquares() {
        Clusters c = OptimalKMeans.cluster(new double[] {1, 2, 3, 10, 11, 12, 12, 40}, 3);
        assertEquals(3, c.count());
        assertArrayEquals(new double[] {2, 11.25, 40}, c.centres(), 1e-12);
        assertArrayEquals(new long[] {3, 4, 1}, c.sizes());
        assertEquals(1.0, c.lowerBound(0));
        assertEquals(3.0, c.upperBound(0));
        assertEquals(10.0, c.lowerBound(1));
        assertEquals(12.0, c.upperBound(1));
        assertEquals(2.0, c.sumOfSquares(0), 1e-12);
        assertEquals(1.5625 + 0.0625 + 0.5625 + 0.5625, c.sumOfSquares(1), 1e-12);
        assertEquals(0.0, c.sumOfSquares(2));
        assertEquals(2 + 2.75, c.totalSumOfSquares(), 1e-12);
    }

    @Test
    void fewerDistinctValuesThanK_makeOneClusterEach() {
        Clusters c = OptimalKMeans.cluster(new double[] {7, 3, 7, 3, 3}, 5);
        assertEquals(2, c.count());
        assertArrayEquals(new double[] {3, 7}, c.centres());
        assertArrayEquals(new long[] {3, 2}, c.sizes());
        assertEquals(0.0, c.totalSumOfSquares());
    }

    @Test
    void allValuesEqualAndSingleValues_makeOneCluster() {
        Clusters equal = OptimalKMeans.cluster(new double[] {4.5, 4.5, 4.5}, 3);
        assertEquals(1, equal.count());
        assertEquals(3, equal.size(0));
        Clusters single = OptimalKMeans.cluster(new double[] {-2}, 10);
        assertEquals(1, single.count());
        assertEquals(-2.0, single.centre(0));
        assertEquals(1, OptimalKMeans.cluster(new double[] {1, 2, 3, 4}, 1).count());
    }

    @Test
    void negativeZero_isZero() {
        Clusters c = OptimalKMeans.cluster(new double[] {-0.0, 0.0, 5}, 2);
        assertArrayEquals(new long[] {2, 1}, c.sizes());
    }

    @Test
    void badInput_isRefusedWithAReason() {
        assertEquals("value 1 is not finite (was NaN)", assertThrows(IllegalArgumentException.class,
                () -> OptimalKMeans.cluster(new double[] {1, Double.NaN}, 2)).getMessage());
        assertEquals("cannot cluster no values", assertThrows(IllegalArgumentException.class,
                () -> OptimalKMeans.cluster(new double[0], 2)).getMessage());
        assertEquals("k must be 1 or more (was 0)", assertThrows(IllegalArgumentException.class,
                () -> OptimalKMeans.cluster(new double[] {1}, 0)).getMessage());
        assertEquals("weight 0 must be 1 or more (was 0)", assertThrows(IllegalArgumentException.class,
                () -> OptimalKMeans.cluster(new double[] {1}, new long[] {0}, 2)).getMessage());
        assertEquals("values and weights must have the same length (values 2, weights 1)",
                assertThrows(IllegalArgumentException.class,
                        () -> OptimalKMeans.cluster(new double[] {1, 2}, new long[] {1}, 2)).getMessage());
    }
}
