package dev.rfmkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rfm clv} on the CDNOW sample of the BG/NBD and Gamma-Gamma papers (in the test resources;
 * freely distributed for research): the published estimates, and every customer's row.
 */
final class ClvIT {
    private static final String SAMPLE = RfmJar.fixture("cdnow_sample.csv").toString();

    @Test
    void sample_printsThePublishedEstimates() {
        RfmJar.Run run = RfmJar.run("clv", SAMPLE, "--as-of", "1997-09-30", "--unit", "week", "--horizon", "39");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("BG/NBD       r 0.2426, alpha 4.4136, a 0.7929, b 2.4259; log-likelihood "
                + "-9582.4292 (2,357 customers)"), run.stderr());
        assertTrue(run.stderr().contains("Gamma-Gamma  p 6.2496, q 3.7442, gamma 15.4435"), run.stderr());
        assertTrue(run.stderr().contains("(946 customers with repeat purchases, 0 left out for zero spend)"),
                run.stderr());
        List<String> rows = run.stdout().lines().toList();
        assertEquals(2358, rows.size());
        assertEquals("customer_id,frequency,recency,T,monetary_value,p_alive,expected_purchases,expected_spend,clv",
                rows.get(0));
        // customer 1: x = 2, t_x = 30.43, T = 38.86, 1.226 expected purchases in 39 weeks (the paper)
        String[] one = rows.get(1).split(",");
        assertEquals("1", one[0]);
        assertEquals("2", one[1]);
        assertEquals(30.43, Double.parseDouble(one[2]), 0.005);
        assertEquals(38.86, Double.parseDouble(one[3]), 0.005);
        assertEquals(1.226, Double.parseDouble(one[6]), 0.0005);
        // a customer without repeat purchases: P(alive) = 1, m = 0, the population mean spend
        String[] three = rows.get(3).split(",");
        assertEquals("0", three[1]);
        assertEquals("1.000000", three[5]);
        assertEquals("0.000000", three[4]);
    }

    @Test
    void savedModels_giveTheSameRows(@TempDir Path dir) throws IOException {
        Path models = dir.resolve("clv.json");
        Path fitted = dir.resolve("fitted.csv");
        Path saved = dir.resolve("saved.csv");
        RfmJar.Run fit = RfmJar.run("clv", SAMPLE, "--as-of", "1997-09-30", "--unit", "week", "--horizon", "39",
                "--model-out", models.toString(), "--out", fitted.toString());
        assertEquals(0, fit.exitCode(), fit.stderr());
        assertTrue(Files.readString(models).contains("\"type\" : \"bg-nbd\""));
        RfmJar.Run again = RfmJar.run("clv", SAMPLE, "--as-of", "1997-09-30", "--unit", "week", "--horizon", "39",
                "--model", models.toString(), "--out", saved.toString());
        assertEquals(0, again.exitCode(), again.stderr());
        assertEquals(Files.readString(fitted), Files.readString(saved));
        RfmJar.Run days = RfmJar.run("clv", SAMPLE, "--as-of", "1997-09-30", "--unit", "day", "--horizon", "39",
                "--model", models.toString());
        assertEquals(2, days.exitCode());
        assertTrue(days.stderr().contains("the saved models were fitted with --unit week, not day"), days.stderr());
        Path future = dir.resolve("future.json");
        Files.writeString(future, Files.readString(models).replaceFirst("\"formatVersion\" : 1", "\"formatVersion\" : 3"));
        RfmJar.Run newer = RfmJar.run("clv", SAMPLE, "--as-of", "1997-09-30", "--unit", "week", "--horizon", "39",
                "--model", future.toString());
        assertEquals(1, newer.exitCode());
        assertEquals("rfm: " + future + ": formatVersion 3 is newer than this rfm reads (1); upgrade rfm to read it",
                newer.stderr().strip());
    }

    @Test
    void segments_addTheRfmSegmentAndPredictedValuePerSegment(@TempDir Path dir) throws IOException {
        Path html = dir.resolve("report.html");
        RfmJar.Run run = RfmJar.run("clv", SAMPLE, "--as-of", "1997-09-30", "--unit", "week", "--horizon", "39",
                "--segments", "--html", html.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        List<String> rows = run.stdout().lines().toList();
        assertTrue(rows.get(0).endsWith(",clv,segment"), rows.get(0));
        assertTrue(rows.stream().skip(1).allMatch(r -> r.matches(".*,[A-Z_]+")), "every row has a segment");
        assertTrue(run.stderr().contains("predicted CLV"), run.stderr());
        assertTrue(run.stderr().lines().anyMatch(l -> l.startsWith("CHAMPIONS ")), run.stderr());
        String page = Files.readString(html);
        assertTrue(page.contains("Predicted value (CLV)"));
        ReportIT.assertSelfContained(page);
    }

    @Test
    void badOptions_exit2() {
        RfmJar.Run noAsOf = RfmJar.run("clv", SAMPLE, "--unit", "week", "--horizon", "39");
        assertEquals(2, noAsOf.exitCode());
        assertTrue(noAsOf.stderr().contains("rfm clv needs --as-of"), noAsOf.stderr());
        RfmJar.Run month = RfmJar.run("clv", SAMPLE, "--as-of", "1997-09-30", "--unit", "month", "--horizon", "3");
        assertEquals(2, month.exitCode());
        assertTrue(month.stderr().contains("--unit must be day or week (was \"month\")"), month.stderr());
        assertEquals(2, RfmJar.run("clv", SAMPLE, "--as-of", "1997-09-30", "--unit", "week").exitCode());
        assertEquals(2, RfmJar.run("clv", SAMPLE, "--as-of", "1997-09-30", "--unit", "week", "--horizon", "39",
                "--html", "x.html").exitCode());
    }
}
