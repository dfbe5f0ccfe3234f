package dev.rfmkit.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rfmkit.metrics.CustomerTable;
import dev.rfmkit.metrics.MonetaryMode;
import dev.rfmkit.testing.RandomOrders;
import dev.rfmkit.testing.Seeds;
import dev.rfmkit.testing.ShowSeed;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Models rebuilt from their parts (as a saved model is read back) score exactly as the fitted ones. */
@ExtendWith(ShowSeed.class)
final class ModelFromPartsTest {
    static java.util.stream.Stream<Long> seeds() {
        return Seeds.seeds();
    }

    static ScoringModel rebuilt(ScoringModel m) {
        if (m instanceof KMeansModel k) {
            Map<Dimension, Clusters> clusters = new EnumMap<>(Dimension.class);
            for (Dimension d : Dimension.values()) {
                Clusters c = k.clusters(d);
                double[] lower = new double[c.count()];
                double[] upper = new double[c.count()];
                double[] ss = new double[c.count()];
                for (int i = 0; i < c.count(); i++) {
                    lower[i] = c.lowerBound(i);
                    upper[i] = c.upperBound(i);
                    ss[i] = c.sumOfSquares(i);
                }
                clusters.put(d, Clusters.of(c.centres(), lower, upper, c.sizes(), ss));
            }
            return KMeansModel.of(k.bins(), k.transform(), clusters);
        }
        Map<Dimension, double[]> cuts = new EnumMap<>(Dimension.class);
        Map<Dimension, List<Integer>> levels = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            cuts.put(d, m.cutPoints(d));
            levels.put(d, m.levelsInUse(d));
        }
        return ScoringModel.ofCutPoints(m.strategy(), m.bins(), cuts, levels);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyModelType_rebuiltFromItsParts_scoresTheSame(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int trial = 0; trial < 10; trial++) {
            CustomerTable table = RandomOrders.table(RandomOrders.lines(rnd, 200), MonetaryMode.TOTAL);
            int k = 2 + rnd.nextInt(9);
            double[] r = new double[k - 1];
            double[] f = new double[k - 1];
            double[] m = new double[k - 1];
            for (int j = 0; j < k - 1; j++) {
                r[j] = 20 * (j + 1);
                f[j] = j + 1;
                m[j] = 100 * (j + 1);
            }
            for (ScoringStrategy s : List.of(ScoringStrategy.quantile(k), ScoringStrategy.equalCount(k),
                    ScoringStrategy.kmeans(k), ScoringStrategy.fixed(r, f, m), ScoringStrategy.rfmPackage(k))) {
                ScoringModel fitted = s.fit(table).model();
                ScoringModel again = rebuilt(fitted);
                assertEquals(fitted.strategy(), again.strategy());
                assertEquals(fitted.closedRight(), again.closedRight());
                for (Dimension d : Dimension.values()) {
                    assertArrayEquals(fitted.cutPoints(d), again.cutPoints(d), s + " " + d);
                    assertEquals(fitted.levelsInUse(d), again.levelsInUse(d));
                }
                for (int i = 0; i < 200; i++) {
                    int days = rnd.nextInt(900);
                    int orders = 1 + rnd.nextInt(30);
                    double money = rnd.nextInt(100_000) / 100.0 - 50;
                    assertEquals(fitted.score(days, orders, money), again.score(days, orders, money), s.toString());
                }
            }
        }
    }

    @Test
    void cutPointParts_areValidated() {
        Map<Dimension, double[]> cuts = new EnumMap<>(Dimension.class);
        Map<Dimension, List<Integer>> levels = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            cuts.put(d, new double[] {1, 2});
            levels.put(d, List.of(1, 2, 3));
        }
        assertEquals(3, ScoringModel.ofCutPoints("quantile", 3, cuts, levels).bins());
        assertEquals("strategy must be one of [equal-count, fixed, quantile, rfm-package] (was \"kmeans\")",
                assertThrows(IllegalArgumentException.class,
                        () -> ScoringModel.ofCutPoints("kmeans", 3, cuts, levels)).getMessage());
        assertEquals("R: 4 bins need 3 cut points (was 2)", assertThrows(IllegalArgumentException.class,
                () -> ScoringModel.ofCutPoints("quantile", 4, cuts, levels)).getMessage());
        cuts.put(Dimension.MONETARY, new double[] {2, 1});
        assertEquals("M: cut points must be ascending (2.0 then 1.0)", assertThrows(IllegalArgumentException.class,
                () -> ScoringModel.ofCutPoints("quantile", 3, cuts, levels)).getMessage());
        cuts.put(Dimension.MONETARY, new double[] {1, Double.POSITIVE_INFINITY});
        assertEquals("M: cut point 2 must be a finite number (was Infinity)", assertThrows(
                IllegalArgumentException.class, () -> ScoringModel.ofCutPoints("fixed", 3, cuts, levels)).getMessage());
        assertEquals(1, ScoringModel.ofCutPoints("equal-count", 3, cuts, levels).score(1, 1, 5).m() - 1);
        cuts.put(Dimension.MONETARY, new double[] {1, 1});
        assertEquals("M: cut points must be strictly ascending (1.0 then 1.0)", assertThrows(
                IllegalArgumentException.class, () -> ScoringModel.ofCutPoints("fixed", 3, cuts, levels)).getMessage());
        levels.put(Dimension.FREQUENCY, List.of(2, 1));
        assertEquals("F: levels in use must be strictly ascending (2 then 1)", assertThrows(
                IllegalArgumentException.class, () -> ScoringModel.ofCutPoints("quantile", 3, cuts, levels)).getMessage());
    }

    @Test
    void clusterParts_areValidated() {
        double[] one = {1};
        assertEquals("cluster 2: centres must be strictly ascending (5.0 then 5.0)", assertThrows(
                IllegalArgumentException.class, () -> Clusters.of(new double[] {5, 5}, new double[] {1, 6},
                        new double[] {5, 7}, new long[] {1, 1}, new double[] {0, 0})).getMessage());
        assertEquals("cluster 2: lower bound 5.0 must be above the upper bound of the cluster before (5.0)",
                assertThrows(IllegalArgumentException.class, () -> Clusters.of(new double[] {4, 6},
                        new double[] {1, 5}, new double[] {5, 7}, new long[] {1, 1}, new double[] {0, 0})).getMessage());
        assertEquals("cluster 1: size must be 1 or more (was 0)", assertThrows(IllegalArgumentException.class,
                () -> Clusters.of(one, one, one, new long[] {0}, new double[] {0})).getMessage());
        Clusters c = Clusters.of(new double[] {9}, one, one, new long[] {1}, new double[] {0});
        Map<Dimension, Clusters> all = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            all.put(d, c);
        }
        assertEquals("R: the centre of cluster 1 (9.0) is outside its bounds 1.0 .. 1.0", assertThrows(
                IllegalArgumentException.class, () -> KMeansModel.of(5, KMeansTransform.NONE, all)).getMessage());
    }
}
