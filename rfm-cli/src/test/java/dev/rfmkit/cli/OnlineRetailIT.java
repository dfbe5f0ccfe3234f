package dev.rfmkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The acceptance run on the UCI Online Retail data (CC BY 4.0), compared row by row with
 * the output of an independent implementation of the specs (a short Python program written from
 * spec/metrics.md and spec/segments.md, not from this code), gzipped in the test resources. Skips
 * when {@code ../shared/data} is absent.
 */
final class OnlineRetailIT {
    private static final Path DATA = Path.of(System.getProperty("rfm.sharedData", "../../shared/data"),
            "online_retail.csv.gz");

    private static String[] args(String strategy, String... more) {
        List<String> args = new ArrayList<>(List.of("segment", DATA.toString(), "--customer-col", "CustomerID",
                "--order-col", "InvoiceNo", "--date-col", "InvoiceDate", "--quantity-col", "Quantity", "--price-col",
                "UnitPrice", "--returns", "ignore", "--as-of", "2011-12-10", "--strategy", strategy));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static String expected(String name) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                RfmJar.fixture("online-retail/" + name + ".expected.csv.gz")))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"quantile", "equal-count"})
    void everyCustomer_asTheIndependentImplementation(String strategy) throws IOException {
        assumeTrue(Files.isRegularFile(DATA), "skipped: " + DATA + " is not here (the shared data sets)");
        RfmJar.Run run = RfmJar.run(args(strategy));
        assertEquals(0, run.exitCode(), run.stderr());
        List<String> got = run.stdout().lines().toList();
        List<String> want = expected(strategy).lines().toList();
        assertEquals(4340, want.size());
        for (int i = 0; i < want.size(); i++) {
            assertEquals(want.get(i), got.get(i), "row " + i);
        }
        assertEquals(want.size(), got.size());
    }

    // the expected files hold customer_id,r,f,m: for K-Means, the optimal partition found by an
    // independent exact solver (rational arithmetic for R and F, a quadratic programme for M)
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kmeans|kmeans|",
        "kmeans-log1p|kmeans|--kmeans-transform=log1p",
        "fixed|fixed|--thresholds=r=30,60,90,180;f=1,2,3,5;m=250,500,1000,2500"})
    void scores_asTheIndependentImplementation(String expected, String strategy, String option) throws IOException {
        assumeTrue(Files.isRegularFile(DATA), "skipped: " + DATA + " is not here (the shared data sets)");
        RfmJar.Run run = option == null ? RfmJar.run(args(strategy)) : RfmJar.run(args(strategy, option));
        assertEquals(0, run.exitCode(), run.stderr());
        List<String> got = run.stdout().lines().toList();
        List<String> want = expected(expected).lines().toList();
        assertEquals(4340, want.size());
        assertEquals(want.size(), got.size());
        for (int i = 1; i < want.size(); i++) {
            String[] g = got.get(i).split(",");
            assertEquals(want.get(i), String.join(",", g[0], g[4], g[5], g[6]), "row " + i);
        }
    }

    // fit once, score later: the saved model gives the rows of a fresh fit
    @ParameterizedTest
    @ValueSource(strings = {"quantile", "kmeans"})
    void savedModel_givesTheRowsOfAFreshFit(String strategy, @TempDir Path dir) {
        assumeTrue(Files.isRegularFile(DATA), "skipped: " + DATA + " is not here (the shared data sets)");
        Path model = dir.resolve(strategy + ".json");
        String[] fitArgs = args(strategy, "--model-out", model.toString());
        fitArgs[0] = "fit";
        RfmJar.Run fit = RfmJar.run(fitArgs);
        assertEquals(0, fit.exitCode(), fit.stderr());
        RfmJar.Run fresh = RfmJar.run(args(strategy));
        // without --returns: the saved model brings "ignore"
        RfmJar.Run saved = RfmJar.run("segment", DATA.toString(), "--customer-col", "CustomerID", "--order-col",
                "InvoiceNo", "--date-col", "InvoiceDate", "--quantity-col", "Quantity", "--price-col", "UnitPrice",
                "--as-of", "2011-12-10", "--model", model.toString());
        assertEquals(0, saved.exitCode(), saved.stderr());
        assertEquals(4340, saved.stdout().lines().count());
        assertEquals(fresh.stdout(), saved.stdout());
    }

    @Test
    void summary_countsEveryLine() {
        assumeTrue(Files.isRegularFile(DATA), "skipped: " + DATA + " is not here (the shared data sets)");
        String err = RfmJar.run(args("quantile")).stderr();
        assertTrue(err.contains("lines read 541,909: included 406,829 (purchases 397,924, returns 8,905), excluded 135,080"),
                err);
        assertTrue(err.contains("orders 18,536, customers 4,339"), err);
        assertTrue(err.contains("total                     4,339  100.0%     8,911,407.90 100.0%"), err);
    }
}
