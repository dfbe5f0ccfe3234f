package dev.rfmkit.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rfmkit.testing.Seeds;
import dev.rfmkit.testing.ShowSeed;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(ShowSeed.class)
final class DoubleSortTest {
    static java.util.stream.Stream<Long> seeds() {
        return Seeds.seeds();
    }

    /** Values of every sign and magnitude, with repeats, zeros of both signs and infinities. */
    private static double[] values(SplittableRandom rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (rnd.nextInt(6)) {
                case 0 -> rnd.nextInt(20) - 10;
                case 1 -> (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(-300, 300));
                case 2 -> rnd.nextBoolean() ? 0.0 : -0.0;
                case 3 -> rnd.nextInt(50) == 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                default -> Math.round(rnd.nextDouble() * 1e6) / 100.0;
            };
        }
        return v;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sorted_isArraysSortWithNegativeZeroAsZero(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int n : new int[] {0, 1, 100, 4096, 50_000}) {
            double[] v = values(rnd, n);
            double[] expected = Arrays.stream(v).map(x -> x + 0.0).sorted().toArray();
            assertArrayEquals(expected, DoubleSort.sorted(v), "n=" + n);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void order_isStableAndSorts(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = values(rnd, 30_000);
        int[] order = DoubleSort.order(v);
        assertEquals(v.length, order.length);
        for (int i = 1; i < order.length; i++) {
            double a = v[order[i - 1]] + 0.0;
            double b = v[order[i]] + 0.0;
            assertTrue(a < b || a == b && order[i - 1] < order[i], "at " + i);
        }
    }

    @Test
    void keys_orderAsTheValues() {
        double[] v = {Double.NEGATIVE_INFINITY, -1e300, -1, -Double.MIN_VALUE, 0, Double.MIN_VALUE, 1, 1e300,
            Double.POSITIVE_INFINITY};
        for (int i = 1; i < v.length; i++) {
            assertTrue(Long.compareUnsigned(DoubleSort.key(v[i - 1]), DoubleSort.key(v[i])) < 0, "at " + i);
            assertEquals(v[i], DoubleSort.value(DoubleSort.key(v[i])));
        }
        assertEquals(DoubleSort.key(0.0), DoubleSort.key(-0.0));
    }
}
