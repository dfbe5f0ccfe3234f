package dev.rfmkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rfmkit.html.HtmlReport;
import dev.rfmkit.metrics.CustomerTable;
import dev.rfmkit.metrics.MonetaryMode;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.OrderIngestion;
import dev.rfmkit.order.OrderLine;
import dev.rfmkit.report.RfmMatrix;
import dev.rfmkit.report.SegmentSummary;
import dev.rfmkit.score.RfmScore;
import dev.rfmkit.score.ScoringModel;
import dev.rfmkit.score.ScoringStrategy;
import dev.rfmkit.segment.SegmentScheme;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Models, schemes and reports are immutable and safe to share: eight threads using one model, one
 * scheme and one result at once get exactly what one thread gets.
 */
final class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    private static RfmResult result(ScoringStrategy strategy) {
        SplittableRandom rnd = new SplittableRandom(8);
        OrderIngestion ingestion = OrderIngestion.start(IngestionOptions.defaults().withAsOf(AS_OF));
        for (int i = 0; i < 40_000; i++) {
            ingestion.accept(OrderLine.ofUnits("c" + rnd.nextInt(5_000), AS_OF.minusDays(rnd.nextInt(700)),
                    rnd.nextLong(0, 5_000_000)).withOrderId("o" + i / 2));
        }
        return RfmAnalysis.builder().ingestion(IngestionOptions.defaults().withAsOf(AS_OF)).strategy(strategy).build()
                .analyse(ingestion.finish());
    }

    /** Runs the task on eight threads released together and returns their answers. */
    private static <T> List<T> onEightThreads(Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneModelAndScheme_scoreTheSameFromEightThreads() throws Exception {
        SegmentScheme scheme = SegmentScheme.twelve();
        for (ScoringStrategy s : List.of(ScoringStrategy.quantile(), ScoringStrategy.equalCount(5),
                ScoringStrategy.kmeans(), ScoringStrategy.rfmPackage())) {
            RfmResult r = result(s);
            ScoringModel model = r.model();
            CustomerTable t = r.customers();
            int[] expectedCells = new int[t.size()];
            model.scoreCells(t.recencyColumn(), t.frequencyColumn(), t.monetaryColumn(), expectedCells);
            String[] expectedSegments = new String[t.size()];
            for (int i = 0; i < t.size(); i++) {
                expectedSegments[i] = scheme.classify(RfmScore.ofCell(expectedCells[i], 5)).id();
            }
            for (int[] cells : onEightThreads(() -> {
                int[] out = new int[t.size()];
                for (int round = 0; round < 5; round++) {
                    model.scoreCells(t.recencyColumn(), t.frequencyColumn(), t.monetaryColumn(), out);
                }
                return out;
            })) {
                assertArrayEquals(expectedCells, cells, s.toString());
            }
            for (String[] segments : onEightThreads(() -> {
                String[] out = new String[t.size()];
                for (int i = 0; i < t.size(); i++) {
                    RfmScore score = model.score(t.recencyDays(i), t.frequency(i), t.monetary(i));
                    out[i] = scheme.classify(score).id();
                }
                return out;
            })) {
                assertArrayEquals(expectedSegments, segments, s.toString());
            }
        }
    }

    @Test
    void fitsAndReports_areTheSameFromEightThreads() throws Exception {
        RfmResult r = result(ScoringStrategy.quantile());
        SegmentSummary summary = SegmentSummary.of(r);
        RfmMatrix matrix = RfmMatrix.of(r);
        String page = HtmlReport.of(r).render();
        ScoringModel kmeans = ScoringStrategy.kmeans().fit(r.customers()).model();
        for (Object[] answer : onEightThreads(() -> new Object[] {SegmentSummary.of(r), RfmMatrix.of(r),
            HtmlReport.of(r).render(), ScoringStrategy.kmeans().fit(r.customers()).model().toString()})) {
            assertEquals(summary, answer[0]);
            assertEquals(matrix, answer[1]);
            assertEquals(page, answer[2]);
            assertEquals(kmeans.toString(), answer[3]);
        }
        assertEquals(MonetaryMode.TOTAL, r.customers().monetaryMode());
    }
}
