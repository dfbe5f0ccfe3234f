package dev.rfmkit.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The batch scoring loop, its unrolled path for up to five bins included, against one-row scoring. */
class ScoreCellsTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void scoreCells_asScoreOfEachRow(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int k = 2 + random.nextInt(8);
        boolean closedRight = random.nextInt(3) > 0;
        double[][] cuts = new double[3][];
        for (int d = 0; d < 3; d++) {
            cuts[d] = new double[k - 1];
            for (int j = 0; j < k - 1; j++) {
                cuts[d][j] = switch (random.nextInt(6)) {
                    case 0 -> random.nextInt(10); // whole numbers: values equal to a cut point
                    case 1 -> random.nextInt(10) + 0.5;
                    case 2 -> closedRight && j == 0 ? Double.NEGATIVE_INFINITY : random.nextInt(10);
                    case 3 -> closedRight && j == k - 2 ? Double.POSITIVE_INFINITY : random.nextInt(10);
                    default -> random.nextDouble() * 20 - 5;
                };
            }
            Arrays.sort(cuts[d]);
        }
        List<Integer> all = java.util.stream.IntStream.rangeClosed(1, k).boxed().toList();
        CutPointModel model = new CutPointModel(closedRight ? "quantile" : "rfm-package", k, cuts[0], cuts[1], cuts[2],
                Map.of(Dimension.RECENCY, all, Dimension.FREQUENCY, all, Dimension.MONETARY, all), closedRight);
        int n = 5000;
        int[] r = new int[n];
        int[] f = new int[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = random.nextInt(50) == 0 ? (random.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE)
                    : random.nextInt(-3, 14);
            f[i] = random.nextInt(-3, 14);
            m[i] = random.nextInt(4) == 0 ? random.nextInt(-3, 14)
                    : random.nextInt(50) == 0 ? Double.NEGATIVE_INFINITY : random.nextDouble() * 20 - 5;
        }
        int[] cells = new int[n];
        model.scoreCells(r, f, m, cells);
        for (int i = 0; i < n; i++) {
            assertEquals(model.score(r[i], f[i], m[i]).cell(k), cells[i], "row " + i + " of k = " + k);
        }
        m[n / 2] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> model.scoreCells(r, f, m, cells));
    }
}
