package dev.rfmkit.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rfmkit.metrics.CustomerTable;
import dev.rfmkit.metrics.MonetaryMode;
import dev.rfmkit.testing.RandomOrders;
import dev.rfmkit.testing.Seeds;
import dev.rfmkit.testing.ShowSeed;
import dev.rfmkit.testing.Tables;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(ShowSeed.class)
final class KMeansStrategyTest {
    static java.util.stream.Stream<Long> seeds() {
        return Seeds.seeds();
    }

    private static KMeansModel model(ScoringFit fit) {
        return assertInstanceOf(KMeansModel.class, fit.model());
    }

    // three groups of days: the most recent group scores R 3, the oldest R 1
    @Test
    void recency_isReversed() {
        ScoringFit fit = ScoringStrategy.kmeans(3).fit(Tables.recencies(1, 2, 3, 50, 51, 52, 300, 301, 302));
        int[] r = new int[9];
        for (int i = 0; i < r.length; i++) {
            r[i] = fit.scores().get(i).r();
        }
        assertArrayEquals(new int[] {3, 3, 3, 2, 2, 2, 1, 1, 1}, r);
        Clusters c = model(fit).clusters(Dimension.RECENCY);
        assertArrayEquals(new double[] {2, 51, 301}, c.centres());
        assertArrayEquals(new double[] {26.5, 176}, fit.model().cutPoints(Dimension.RECENCY));
        assertEquals(List.of(1, 2, 3), fit.model().levelsInUse(Dimension.RECENCY));
    }

    // centres 1 and 3: a new value 2 lies exactly between them and goes to the lower cluster
    @Test
    void valueOnTheMidpoint_goesToTheLowerCluster() {
        ScoringModel model = ScoringStrategy.kmeans(2).fit(Tables.frequencies(1, 1, 3, 3)).model();
        assertEquals(1, model.score(10, 2, 1).f());
        assertEquals(2, model.score(10, 3, 1).f());
        assertEquals(1, model.score(10, 1, 1).f());
        assertArrayEquals(new double[] {2}, model.cutPoints(Dimension.FREQUENCY));
    }

    @Test
    void singleCustomer_isOneClusterPerDimension() {
        KMeansModel model = model(ScoringStrategy.kmeans().fit(Tables.table(Tables.spec("only", 12, 3, "99.90"))));
        for (Dimension d : Dimension.values()) {
            assertEquals(1, model.clusters(d).count());
            assertEquals(0.0, model.clusters(d).totalSumOfSquares());
        }
        assertEquals(99.9, model.clusters(Dimension.MONETARY).centre(0), 1e-12);
        assertEquals(RfmScore.of(5, 1, 1), model.score(12, 3, 99.9));
        assertEquals(RfmScore.of(5, 1, 1), model.score(400, 30, 5000)); // every value: the one cluster
    }

    @Test
    void fewerDistinctValuesThanK_leaveLevelsUnused() {
        KMeansModel model = model(ScoringStrategy.kmeans(5).fit(Tables.frequencies(1, 1, 2, 1)));
        assertEquals(List.of(1, 2), model.levelsInUse(Dimension.FREQUENCY));
        assertArrayEquals(new double[] {1.5, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY}, model.cutPoints(Dimension.FREQUENCY));
        assertEquals(2, model.score(10, 99, 1).f()); // beyond every fitted value: the highest cluster in use
        assertEquals(List.of(5), model.levelsInUse(Dimension.RECENCY)); // one recency value: one cluster, R 5
        assertEquals(1, model.clusters(Dimension.RECENCY).count());
    }

    // per dimension, the model's clusters are the optimal clustering of the column, and the model
    // scores every fitting customer into the cluster that holds its value
    @ParameterizedTest
    @MethodSource("seeds")
    void model_reproducesTheOptimalPartition(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int trial = 0; trial < 20; trial++) {
            CustomerTable table = RandomOrders.table(RandomOrders.lines(rnd, 400),
                    rnd.nextBoolean() ? MonetaryMode.TOTAL : MonetaryMode.AVERAGE);
            int k = 2 + rnd.nextInt(9);
            boolean log = rnd.nextBoolean() && allAbove(table.monetaryColumn(), -1);
            KMeansStrategy strategy = ScoringStrategy.kmeans(k)
                    .withTransform(log ? KMeansTransform.LOG1P : KMeansTransform.NONE);
            ScoringFit fit = strategy.fit(table);
            KMeansModel model = model(fit);
            for (Dimension d : Dimension.values()) {
                double[] column = column(table, d);
                double[] clustered = column.clone();
                for (int i = 0; i < clustered.length; i++) {
                    clustered[i] = strategy.transform().apply(clustered[i]);
                }
                Clusters expected = OptimalKMeans.cluster(clustered, k);
                Clusters c = model.clusters(d);
                assertArrayEquals(expected.centres(), c.centres(), "k=" + k + " " + d);
                assertArrayEquals(expected.sizes(), c.sizes());
                for (int row = 0; row < table.size(); row++) {
                    int cluster = clusterOf(c, column[row]);
                    int score = fit.scores().get(row).get(d);
                    assertEquals(d.scoreOfBin(cluster, k), score, d + " of row " + row);
                    RfmScore again = model.score(table.recencyDays(row), table.frequency(row), table.monetary(row));
                    assertEquals(score, again.get(d));
                }
            }
        }
    }

    private static boolean allAbove(double[] values, double bound) {
        for (double v : values) {
            if (v <= bound) {
                return false;
            }
        }
        return true;
    }

    private static double[] column(CustomerTable t, Dimension d) {
        return switch (d) {
            case RECENCY -> java.util.Arrays.stream(t.recencyColumn()).asDoubleStream().toArray();
            case FREQUENCY -> java.util.Arrays.stream(t.frequencyColumn()).asDoubleStream().toArray();
            case MONETARY -> t.monetaryColumn();
        };
    }

    private static int clusterOf(Clusters c, double value) {
        for (int i = 0; i < c.count(); i++) {
            if (value >= c.lowerBound(i) && value <= c.upperBound(i)) {
                return i;
            }
        }
        throw new AssertionError(value + " is in no cluster of " + c);
    }

    // money spread over three orders of magnitude: clustered as log(1 + value), the cut point in
    // currency units bins exactly as the midpoint does in the log space
    @Test
    void log1p_clustersInTheLogSpace() {
        CustomerTable t = Tables.amounts("9", "10", "11", "99", "100", "110", "990", "1000", "1100", "20000");
        KMeansModel none = model(ScoringStrategy.kmeans(3).fit(t));
        KMeansModel log = model(ScoringStrategy.kmeans(3).withTransform(KMeansTransform.LOG1P).fit(t));
        assertArrayEquals(new long[] {6, 3, 1}, none.clusters(Dimension.MONETARY).sizes());
        Clusters c = log.clusters(Dimension.MONETARY);
        assertArrayEquals(new long[] {3, 3, 4}, c.sizes());
        assertEquals((Math.log(10) + Math.log(11) + Math.log(12)) / 3, c.centre(0), 1e-12);
        assertEquals(100.0, c.lowerBound(1) + 1); // bounds are in currency units
        assertEquals(KMeansTransform.LOG1P, log.transform());
        double cut = log.cutPoints(Dimension.MONETARY)[0];
        double midpoint = (c.centre(0) + c.centre(1)) / 2;
        assertTrue(StrictMath.log1p(cut) <= midpoint && StrictMath.log1p(Math.nextUp(cut)) > midpoint, "cut " + cut);
        assertEquals(1, log.score(1, 1, cut).m());
        assertEquals(2, log.score(1, 1, Math.nextUp(cut)).m());
    }

    @Test
    void log1p_refusesMoneyOfMinusOneOrLess() {
        CustomerTable t = Tables.table(Tables.spec("a", 1, 1, "5"), Tables.spec("b", 1, 1, "-1"));
        assertEquals("the log1p transform needs values above -1; monetary of customer b is -1.0",
                assertThrows(IllegalArgumentException.class, () -> ScoringStrategy.kmeans()
                        .withTransform(KMeansTransform.LOG1P).fit(t)).getMessage());
        assertEquals(2, ScoringStrategy.kmeans().fit(t).model().levelsInUse(Dimension.MONETARY).size());
    }

    @Test
    void fitModel_checksItsColumns() {
        KMeansStrategy s = ScoringStrategy.kmeans(3);
        assertEquals("columns must have the same length (recency 2, frequency 1, monetary 2)",
                assertThrows(IllegalArgumentException.class,
                        () -> s.fitModel(new int[2], new int[1], new double[2])).getMessage());
        assertEquals("cannot fit a model to no customers", assertThrows(IllegalArgumentException.class,
                () -> s.fitModel(new int[0], new int[0], new double[0])).getMessage());
        assertEquals("monetary of row 1 is not finite (was NaN)", assertThrows(IllegalArgumentException.class,
                () -> s.fitModel(new int[2], new int[2], new double[] {1, Double.NaN})).getMessage());
        assertEquals("the log1p transform needs values above -1; monetary of row 0 is -3.0",
                assertThrows(IllegalArgumentException.class, () -> s.withTransform(KMeansTransform.LOG1P)
                        .fitModel(new int[1], new int[1], new double[] {-3})).getMessage());
        KMeansModel m = s.fitModel(new int[] {1, 5, 9}, new int[] {1, 1, 2}, new double[] {3, 4, 5});
        assertEquals(RfmScore.of(3, 1, 1), m.score(1, 1, 3));
        assertEquals(RfmScore.of(1, 2, 3), m.score(9, 2, 5));
    }

    @Test
    void strategy_describesItself() {
        KMeansStrategy s = ScoringStrategy.kmeans();
        assertEquals("kmeans", s.name());
        assertEquals(5, s.bins());
        assertEquals(KMeansTransform.NONE, s.transform());
        assertEquals("kmeans(5, none)", s.toString());
        assertEquals("kmeans(7, log1p)", ScoringStrategy.kmeans(7).withTransform(KMeansTransform.LOG1P).toString());
        assertEquals(KMeansTransform.LOG1P, KMeansTransform.of("LOG1P"));
        assertEquals("K-Means transform must be none or log1p (was \"sqrt\")",
                assertThrows(IllegalArgumentException.class, () -> KMeansTransform.of("sqrt")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ScoringStrategy.kmeans(11));
        assertEquals("kmeans", ScoringStrategy.kmeans().fit(Tables.frequencies(1, 2)).model().strategy());
    }
}
