package dev.rfmkit.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The radix select against a full sort, on seeded columns of every shape money takes. */
class SelectedStatisticsTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void selectsWhatASortFinds(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = switch ((int) (seed % 4)) {
            case 0 -> 1 + random.nextInt(10);
            case 1 -> 1 + random.nextInt(5000);
            default -> 1 + random.nextInt(300_000);
        };
        double[] column = new double[n];
        int shape = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            column[i] = switch (shape) {
                case 0 -> Math.round(Math.exp(random.nextGaussian() * 1.5 + 4) * 100) / 100.0; // money in cents
                case 1 -> 100 + random.nextInt(100) / 100.0; // a narrow range: one top bucket, selected deeper
                case 2 -> random.nextInt(3) * 5.0; // heavy ties
                case 3 -> random.nextBoolean() ? -random.nextDouble() * 1e6 : random.nextDouble() * 1e6; // negatives
                case 4 -> random.nextInt(4) == 0 ? -0.0 : random.nextInt(3) == 0 ? 0.0 : Double.MIN_VALUE * random.nextInt(5);
                default -> random.nextDouble() * Double.MAX_VALUE * (random.nextBoolean() ? 1 : -1);
            };
        }
        double[] sorted = column.clone();
        for (int i = 0; i < n; i++) {
            sorted[i] += 0.0; // -0.0 reads as zero
        }
        Arrays.sort(sorted);
        long[] ranks = new long[Math.min(n, 40)];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = n <= 40 ? i : random.nextLong(n);
        }
        double[] before = column.clone();
        SelectedStatistics selected = SelectedStatistics.of(column, ranks);
        for (long r : ranks) {
            assertEquals(sorted[(int) r], selected.orderStatistic(r), "rank " + r + " of " + n + ", shape " + shape);
        }
        assertEquals(n, selected.size());
        assertEquals(Arrays.toString(before), Arrays.toString(column), "the column is not modified");
        for (int k = 2; k <= 9; k++) {
            SelectedStatistics cuts = SelectedStatistics.of(column, OrderStatistics.type7Ranks(n, k));
            double[] expected = ValueCounts.of(column).type7CutPoints(k);
            assertEquals(Arrays.toString(expected), Arrays.toString(cuts.type7CutPoints(k)), "k = " + k);
        }
    }

    @Test
    void ranksNotSelectedAreRefused() {
        SelectedStatistics s = SelectedStatistics.of(new double[] {3, 1, 2}, new long[] {1});
        assertEquals(2.0, s.orderStatistic(1));
        assertThrows(IllegalArgumentException.class, () -> s.orderStatistic(0));
    }
}
