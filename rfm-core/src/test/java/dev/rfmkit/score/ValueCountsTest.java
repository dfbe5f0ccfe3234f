package dev.rfmkit.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rfmkit.testing.Seeds;
import dev.rfmkit.testing.ShowSeed;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Distributions built from columns, from counts in any order and merged from parts, against sorting. */
@ExtendWith(ShowSeed.class)
final class ValueCountsTest {
    static Stream<Long> seeds() {
        return Seeds.seeds();
    }

    private static double[] column(SplittableRandom rnd, int n) {
        double[] c = new double[n];
        int kind = rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            c[i] = switch (kind) {
                case 0 -> rnd.nextInt(5);
                case 1 -> rnd.nextInt(-500, 5000) / 100.0;
                default -> rnd.nextDouble() * 1e6 - 1e3;
            };
        }
        return c;
    }

    /** The observations of a distribution, expanded in order. */
    private static double[] expand(ValueCounts v) {
        double[] out = new double[(int) v.size()];
        for (int i = 0, at = 0; i < v.distinct(); i++) {
            for (long c = 0; c < v.count(i); c++) {
                out[at++] = v.value(i);
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyWayIn_givesTheSortedColumn(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int trial = 0; trial < 50; trial++) {
            double[] c = column(rnd, rnd.nextInt(1, 400));
            double[] sorted = c.clone();
            Arrays.sort(sorted);
            ValueCounts whole = ValueCounts.of(c);
            assertEquals(Arrays.toString(sorted), Arrays.toString(expand(whole)));
            for (int i = 0; i < sorted.length; i++) {
                assertEquals(sorted[i], whole.orderStatistic(i));
            }
            // the same observations as (value, count) entries in a random order; a value may take several entries
            double[] values = new double[c.length];
            long[] counts = new long[c.length];
            int entries = 0;
            for (int i : shuffled(rnd, c.length)) {
                int same = -1;
                for (int e = 0; e < entries && same < 0; e++) {
                    same = values[e] == c[i] && rnd.nextBoolean() ? e : -1;
                }
                if (same >= 0) {
                    counts[same]++;
                } else {
                    values[entries] = c[i];
                    counts[entries++] = 1;
                }
            }
            values = Arrays.copyOf(values, entries);
            counts = Arrays.copyOf(counts, entries);
            ValueCounts fromCounts = ValueCounts.of(values, counts);
            assertEquals(Arrays.toString(sorted), Arrays.toString(expand(fromCounts)));
        }
    }

    private static int[] shuffled(SplittableRandom rnd, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void mergedParts_equalTheWhole(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int trial = 0; trial < 50; trial++) {
            double[] c = column(rnd, rnd.nextInt(1, 400));
            int parts = rnd.nextInt(1, 6);
            ValueCounts merged = ValueCounts.of(new double[0]);
            int from = 0;
            for (int p = 0; p < parts; p++) {
                int to = p == parts - 1 ? c.length : rnd.nextInt(from, c.length + 1);
                merged = rnd.nextBoolean() ? merged.merge(ValueCounts.of(Arrays.copyOfRange(c, from, to)))
                        : ValueCounts.of(Arrays.copyOfRange(c, from, to)).merge(merged);
                from = to;
            }
            assertEquals(ValueCounts.of(c), merged);
            assertEquals(ValueCounts.of(c).hashCode(), merged.hashCode());
        }
    }

    @Test
    void counts_addUp() {
        ValueCounts v = ValueCounts.of(new double[] {3, 1, 3, 2.5}, new long[] {2, 1, 5, 4});
        assertEquals(3, v.distinct());
        assertEquals(12, v.size());
        assertEquals(1.0, v.value(0));
        assertEquals(7, v.count(2));
        assertEquals(2.5, v.orderStatistic(1));
        assertEquals(2.5, v.orderStatistic(4));
        assertEquals(3.0, v.orderStatistic(5));
        assertEquals(ValueCounts.of(new int[] {1, 2, 2, 7}), ValueCounts.of(new double[] {7, 2, 1}, new long[] {1, 2, 1}));
    }

    @Test
    void zeroes_areOneValue_keptAsPositiveZero() {
        ValueCounts v = ValueCounts.of(new double[] {0.0, -0.0, 1}, new long[] {1, 2, 1});
        assertEquals(2, v.distinct());
        assertEquals(3, v.count(0));
        assertEquals(0L, Double.doubleToRawLongBits(v.value(0)));
        assertEquals(v, ValueCounts.of(new double[] {0.0, 1}).merge(ValueCounts.of(new double[] {-0.0, -0.0})));
    }

    @Test
    void badInput_isNamed() {
        assertEquals("value of row 1 is NaN", assertThrows(IllegalArgumentException.class,
                () -> ValueCounts.of(new double[] {1, Double.NaN})).getMessage());
        assertEquals("value of entry 0 is NaN", assertThrows(IllegalArgumentException.class,
                () -> ValueCounts.of(new double[] {Double.NaN}, new long[] {1})).getMessage());
        assertEquals("count of entry 1 (value 2.0) must be at least 1 (was 0)", assertThrows(
                IllegalArgumentException.class, () -> ValueCounts.of(new double[] {1, 2}, new long[] {1, 0}))
                .getMessage());
        assertEquals("values and counts must have the same length (values 2, counts 1)", assertThrows(
                IllegalArgumentException.class, () -> ValueCounts.of(new double[] {1, 2}, new long[] {1}))
                .getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ValueCounts.of(new double[] {1, 2}, new long[] {Long.MAX_VALUE, 1}));
        assertThrows(IndexOutOfBoundsException.class, () -> ValueCounts.of(new int[] {4}).orderStatistic(1));
    }

    @Test
    void fitsFromDistributions_refuseMismatchedOrEmptyOnes() {
        ValueCounts two = ValueCounts.of(new int[] {1, 2});
        ValueCounts three = ValueCounts.of(new int[] {1, 2, 3});
        ValueCounts none = ValueCounts.of(new int[0]);
        for (ScoringStrategy s : new ScoringStrategy[] {ScoringStrategy.quantile(), ScoringStrategy.equalCount(5),
            ScoringStrategy.rfmPackage(), ScoringStrategy.kmeans(3)}) {
            assertEquals("distributions must count the same customers (recency 2, frequency 3, monetary 2)",
                    assertThrows(IllegalArgumentException.class, () -> s.fitModel(two, three, two)).getMessage(),
                    s.toString());
            assertEquals("cannot fit a model to no customers",
                    assertThrows(IllegalArgumentException.class, () -> s.fitModel(none, none, none)).getMessage());
        }
        ValueCounts infinite = ValueCounts.of(new double[] {1, Double.POSITIVE_INFINITY});
        assertEquals("monetary values must be finite (was Infinity)", assertThrows(IllegalArgumentException.class,
                () -> ScoringStrategy.kmeans(3).fitModel(two, two, infinite)).getMessage());
        ValueCounts low = ValueCounts.of(new double[] {-1, 5});
        assertEquals("the log1p transform needs values above -1; monetary value -1.0 (1 customers) is not",
                assertThrows(IllegalArgumentException.class, () -> ScoringStrategy.kmeans(3).withTransform(KMeansTransform.LOG1P)
                        .fitModel(two, two, low)).getMessage());
    }
}
