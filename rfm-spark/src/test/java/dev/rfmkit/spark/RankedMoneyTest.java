package dev.rfmkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rfmkit.score.ScoringModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Order statistics and bin counts of money on the cluster against a sort, for columns that make the
 * narrowing stop at every depth: few values, heavy ties (a bucket never small until the last digit),
 * wide and narrow ranges, signs and zeros.
 */
final class RankedMoneyTest {
    private static SparkSession spark;
    private static JavaSparkContext context;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.session();
        context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private static double[] column(SplittableRandom rnd, int kind, int n) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = switch (kind) {
                case 0 -> 42.5; // one value repeated: every narrowing pass down to the last digit
                case 1 -> rnd.nextInt(3) * 0.01; // three values, zeros among them
                case 2 -> rnd.nextInt(-500_000, 5_000_000) / 100.0; // cents, negative too
                case 3 -> 1000 + rnd.nextDouble(); // distinct values within one top digit
                case 4 -> rnd.nextBoolean() ? -0.0 : 0.0;
                default -> (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(-6, 12)); // every magnitude
            };
        }
        return c;
    }

    @Test
    void orderStatisticsAndBinCounts_asBySorting() {
        SplittableRandom rnd = new SplittableRandom(20_261_204L);
        for (int kind = 0; kind < 6; kind++) {
            int n = kind == 0 || kind == 3 ? 150_000 : 1 + rnd.nextInt(20_000);
            double[] c = column(rnd, kind, n);
            List<Double> list = new ArrayList<>(n);
            for (double v : c) {
                list.add(v);
            }
            RankedMoney money = new RankedMoney(context.parallelize(list, 3));
            assertEquals(n, money.size());
            double[] sorted = c.clone();
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] += 0.0;
            }
            Arrays.sort(sorted);
            long[] ranks = rnd.longs(1 + rnd.nextInt(18), 0, n).sorted().distinct().toArray();
            if (kind == 2) {
                ranks = new long[] {0, n - 1L};
            }
            double[] expected = new double[ranks.length];
            for (int i = 0; i < ranks.length; i++) {
                expected[i] = sorted[(int) ranks[i]];
            }
            assertArrayEquals(expected, money.orderStatistics(ranks), "kind " + kind + ", ranks "
                    + Arrays.toString(ranks));
            double[] cuts = {sorted[n / 4], sorted[n / 2], sorted[n / 2], sorted[3 * n / 4] + 1e-9};
            for (boolean closedRight : new boolean[] {true, false}) {
                long[] counts = new long[cuts.length + 1];
                for (double v : c) {
                    counts[ScoringModel.binOf(cuts, v, closedRight)]++;
                }
                assertArrayEquals(counts, money.binCounts(cuts, closedRight), "kind " + kind);
            }
        }
    }

    @Test
    void keys_keepTheOrderOfValues() {
        double[] v = {Double.NEGATIVE_INFINITY, -1e300, -1, -Double.MIN_VALUE, 0.0, Double.MIN_VALUE, 1, 1e300,
            Double.POSITIVE_INFINITY};
        for (int i = 1; i < v.length; i++) {
            assertEquals(-1, Long.compareUnsigned(RankedMoney.key(v[i - 1]), RankedMoney.key(v[i])), v[i] + "");
            assertEquals(v[i], RankedMoney.value(RankedMoney.key(v[i])));
        }
        assertEquals(RankedMoney.key(0.0), RankedMoney.key(-0.0));
    }
}
