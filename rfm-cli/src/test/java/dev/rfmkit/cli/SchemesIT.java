package dev.rfmkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schemes and the R package mode through the jar: {@code rfm schemes}, {@code --scheme}, {@code rfm-package}. */
final class SchemesIT {
    private static final String ORDERS = RfmJar.fixture("orders.csv").toString();
    private static final String RFM_PACKAGE_ORDERS = RfmJar.fixture("rfm-package.csv").toString();

    private static List<String> segmentColumn(String csv) {
        return csv.lines().skip(1).map(l -> l.substring(l.lastIndexOf(',') + 1)).toList();
    }

    @Test
    void segment_classicEleven_fourStage_onTheHandCheckedFixture() {
        RfmJar.Run classic = RfmJar.run("segment", ORDERS, "--as-of", "2024-01-31", "--scheme", "classic-eleven");
        assertEquals(0, classic.exitCode(), classic.stderr());
        // cells 543 314 412 111 454 212 111 545 313 245, looked up in the published list
        assertEquals(List.of("LOYAL", "PROMISING", "NEW", "LOST", "CHAMPIONS", "HIBERNATING", "LOST", "CHAMPIONS",
                "PROMISING", "AT_RISK"), segmentColumn(classic.stdout()));
        assertTrue(classic.stderr().contains("scheme classic-eleven"), classic.stderr());
        RfmJar.Run four = RfmJar.run("segment", ORDERS, "--as-of", "2024-01-31", "--scheme", "four-stage");
        assertEquals(List.of("FREQUENT", "TYPICAL", "TYPICAL", "LOST", "FREQUENT", "AT_RISK", "LOST", "FREQUENT",
                "TYPICAL", "AT_RISK"), segmentColumn(four.stdout()));
    }

    @Test
    void segment_rfmPackage_handCheckedEdgesAndRules() throws IOException {
        RfmJar.Run run = RfmJar.run("segment", RFM_PACKAGE_ORDERS, "--amount-col", "revenue", "--as-of", "2006-12-31",
                "--strategy", "rfm-package", "--scheme", "rfm-package");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(Files.readString(RfmJar.fixture("rfm-package.expected.csv"), StandardCharsets.UTF_8), run.stdout());
    }

    @Test
    void segment_rfmPackage_onThePackagesOwnData_countsEveryRowAsATransaction() {
        java.nio.file.Path data = java.nio.file.Path.of(System.getProperty("rfm.sharedData", "../../shared/data"),
                "rfm_orders.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(data),
                "skipped: " + data + " is not here (the shared data sets)");
        RfmJar.Run run = RfmJar.run("segment", data.toString(), "--amount-col", "revenue", "--as-of", "2006-12-31",
                "--strategy", "rfm-package", "--scheme", "rfm-package");
        assertEquals(0, run.exitCode(), run.stderr());
        List<String> rows = run.stdout().lines().skip(1).toList();
        assertEquals(995, rows.size());
        // the package's own test: transaction_count sums to 4,906 on this table
        assertEquals(4906, rows.stream().mapToInt(l -> Integer.parseInt(l.split(",")[l.split(",").length - 7])).sum());
        assertTrue(rows.contains("\"Abbey O'Reilly\",205,6,472.00,3,4,3,343,POTENTIAL_LOYALIST"), rows.get(0));
    }

    @Test
    void segment_rfmPackage_thresholdsAreEdgesAsGiven() {
        RfmJar.Run run = RfmJar.run("segment", RFM_PACKAGE_ORDERS, "--amount-col", "revenue", "--as-of", "2006-12-31",
                "--strategy", "rfm-package", "--scheme", "rfm-package", "--thresholds", "f=1,2,3,4");
        assertEquals(0, run.exitCode(), run.stderr());
        // frequencies 1, 2, 3, 1, 5 against edges 1, 2, 3, 4 closed on the left: F 2, 3, 4, 2, 5
        assertEquals(List.of("2", "3", "4", "2", "5"),
                run.stdout().lines().skip(1).map(l -> l.split(",")[5]).toList());
        assertEquals("b,10,2,40.00,4,3,2,432,POTENTIAL_LOYALIST", run.stdout().lines().toList().get(2));
    }

    @Test
    void segment_schemeFile_usedAsGiven() {
        RfmJar.Run run = RfmJar.run("segment", ORDERS, "--as-of", "2024-01-31", "--scheme",
                RfmJar.fixture("r-example-scheme.json").toString());
        assertEquals(0, run.exitCode(), run.stderr());
        // 543 -> Loyal Customers (R2-5 F3-5 M3-5); 412 -> Potential Loyalist; 111 -> Lost (R1-2 F1-2 M1-2)
        List<String> segments = segmentColumn(run.stdout());
        assertEquals("LOYAL_CUSTOMERS", segments.get(0));
        assertEquals("POTENTIAL_LOYALIST", segments.get(2));
        assertEquals("LOST", segments.get(3));
        assertTrue(run.stderr().contains("scheme r-example"), run.stderr());
    }

    @Test
    void segment_fixedThresholds_rightClosed() {
        RfmJar.Run run = RfmJar.run("segment", ORDERS, "--as-of", "2024-01-31", "--strategy", "fixed", "--thresholds",
                "r=7,30,90,180;f=1,2,3,4;m=20,50,100,200");
        assertEquals(0, run.exitCode(), run.stderr());
        // e.g. customer 8: 0 days, 2 orders, 200.00 -> R5, F2 (1 < 2), M4 (200 is not above 200)
        assertEquals(List.of("522", "314", "512", "111", "434", "212", "111", "524", "312", "225"),
                run.stdout().lines().skip(1).map(l -> l.split(",")[7]).toList());
        assertEquals(List.of("POTENTIAL_LOYALIST", "NEEDS_ATTENTION", "NEW", "LOST", "LOYAL", "HIBERNATING", "LOST",
                "PROMISING", "ABOUT_TO_SLEEP", "AT_RISK"), segmentColumn(run.stdout()));
        assertTrue(run.stderr().contains("strategy fixed"), run.stderr());
        RfmJar.Run missing = RfmJar.run("segment", ORDERS, "--strategy", "fixed", "--thresholds", "r=7,30,90,180");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.stderr().contains("--strategy fixed needs thresholds for r, f and m (F is missing)"),
                missing.stderr());
        RfmJar.Run repeated = RfmJar.run("segment", ORDERS, "--strategy", "fixed", "--thresholds",
                "r=7,30,90,180;f=1,2,2,4;m=20,50,100,200");
        assertTrue(repeated.stderr().contains("F thresholds must be strictly ascending (2.0 then 2.0)"),
                repeated.stderr());
        assertEquals(2, RfmJar.run("segment", ORDERS, "--strategy", "fixed").exitCode());
    }

    // checked against a brute force over every partition in exact arithmetic; frequency has three
    // distinct values, so three clusters and F 4 and 5 stay unused
    @Test
    void segment_kmeans_optimalClustersPerDimension() {
        RfmJar.Run run = RfmJar.run("segment", ORDERS, "--as-of", "2024-01-31", "--strategy", "kmeans");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(List.of("522", "413", "512", "211", "533", "311", "111", "524", "412", "325"),
                run.stdout().lines().skip(1).map(l -> l.split(",")[7]).toList());
        assertTrue(run.stderr().contains("strategy kmeans,"), run.stderr());
        RfmJar.Run log = RfmJar.run("segment", ORDERS, "--as-of", "2024-01-31", "--strategy", "kmeans",
                "--kmeans-transform", "log1p");
        assertEquals(0, log.exitCode(), log.stderr());
        assertTrue(log.stderr().contains("strategy kmeans (log1p),"), log.stderr());
    }

    @Test
    void segment_kmeansOptions_areChecked(@TempDir Path dir) throws IOException {
        RfmJar.Run transformAlone = RfmJar.run("segment", ORDERS, "--kmeans-transform", "log1p");
        assertEquals(2, transformAlone.exitCode());
        assertTrue(transformAlone.stderr().contains("--kmeans-transform needs --strategy kmeans"),
                transformAlone.stderr());
        RfmJar.Run unknown = RfmJar.run("segment", ORDERS, "--strategy", "kmeans", "--kmeans-transform", "sqrt");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.stderr().contains("--kmeans-transform must be none or log1p (was \"sqrt\")"),
                unknown.stderr());
        Path refunds = dir.resolve("refunds.csv");
        Files.writeString(refunds, "customer_id,order_id,order_date,amount\n1,A,2024-01-02,10.00\n2,B,2024-01-03,5.00\n"
                + "2,C,2024-01-04,-9.00\n");
        RfmJar.Run negative = RfmJar.run("segment", refunds.toString(), "--strategy", "kmeans", "--kmeans-transform",
                "log1p");
        assertEquals(1, negative.exitCode());
        assertTrue(negative.stderr().contains("refunds.csv: the log1p transform needs values above -1; monetary of "
                + "customer 2 is -4.0"), negative.stderr());
        assertEquals(1, negative.stderr().lines().count(), negative.stderr());
    }

    @Test
    void badSchemeAndStrategyOptions_exit2() {
        RfmJar.Run unknown = RfmJar.run("segment", ORDERS, "--scheme", "seven");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.stderr().contains("--scheme must be one of twelve, classic-eleven, rfm-package, rf-grid, "
                + "lifecycle-six, four-stage or a scheme file"), unknown.stderr());
        RfmJar.Run thresholdsWithoutStrategy = RfmJar.run("segment", ORDERS, "--thresholds", "r=1,2,3,4");
        assertEquals(2, thresholdsWithoutStrategy.exitCode());
        assertTrue(thresholdsWithoutStrategy.stderr().contains("--thresholds needs --strategy fixed or rfm-package"));
        RfmJar.Run badThresholds = RfmJar.run("segment", ORDERS, "--strategy", "rfm-package", "--thresholds",
                "r=30,20,90,180");
        assertEquals(2, badThresholds.exitCode());
        assertTrue(badThresholds.stderr().contains("the cut points of R must be ascending (30 before 20)"),
                badThresholds.stderr());
        RfmJar.Run wrongCount = RfmJar.run("segment", ORDERS, "--strategy", "rfm-package", "--thresholds", "m=1,2");
        assertTrue(wrongCount.stderr().contains("5 bins need 4 cut points for M (was 2)"), wrongCount.stderr());
        RfmJar.Run missingFile = RfmJar.run("segment", ORDERS, "--scheme", "nowhere.json");
        assertEquals(2, missingFile.exitCode());
        assertTrue(missingFile.stderr().contains("no such file: nowhere.json"), missingFile.stderr());
    }

    @Test
    void schemes_listsTheBuiltInSchemes() {
        RfmJar.Run run = RfmJar.run("schemes");
        assertEquals(0, run.exitCode(), run.stderr());
        for (String name : List.of("twelve", "classic-eleven", "rfm-package", "rf-grid", "lifecycle-six", "four-stage")) {
            assertTrue(run.stdout().lines().anyMatch(l -> l.startsWith(name + " ")), name + "\n" + run.stdout());
        }
        assertTrue(run.stdout().contains("LOST_BUT_ENGAGED"));
    }

    @Test
    void schemes_showsGridsValidationAndTexts() {
        RfmJar.Run run = RfmJar.run("schemes", "twelve");
        assertEquals(0, run.exitCode(), run.stderr());
        String out = run.stdout();
        assertTrue(out.contains("scheme twelve: 5 bins, 12 rules, no fallback"), out);
        assertTrue(out.contains("overlay: LOST -> LOST_BUT_ENGAGED when email click within 180 days or site visit "
                + "within 90 days"), out);
        // M=5, R=5: F=1 and F=2 are Promising, F=3 Loyal, F=4 and F=5 Champions
        assertTrue(out.contains("M=5    F=1   F=2   F=3   F=4   F=5\n  R=5  PRO   PRO   LOY   CHA   CHA"), out);
        assertTrue(out.contains("every rule fires"), out);
        assertTrue(out.contains("Champions (CHAMPIONS)"), out);
        RfmJar.Run german = RfmJar.run("schemes", "twelve", "--lang", "de");
        assertTrue(german.stdout().contains("(CANT_LOSE_THEM)"), german.stdout());
        assertTrue(!german.stdout().contains("Can't Lose Them (Losing VIPs) (CANT_LOSE_THEM)"), german.stdout());
    }

    @Test
    void schemes_unknownNameOrBadFile_sayWhat() throws IOException {
        RfmJar.Run unknown = RfmJar.run("schemes", "seven");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.stderr().contains("no scheme \"seven\": the built-in schemes are twelve, classic-eleven"),
                unknown.stderr());
        java.nio.file.Path bad = Files.createTempFile("scheme", ".json");
        try {
            Files.writeString(bad, "{\"format\": \"rfmkit-scheme\", \"version\": 1, \"name\": \"s\", \"bins\": 5, "
                    + "\"segments\": [], \"rules\": [{\"segment\": \"X\", \"cells\": [\"555\"]}]}");
            RfmJar.Run run = RfmJar.run("schemes", bad.toString());
            assertEquals(1, run.exitCode());
            assertTrue(run.stderr().contains(bad + ", rules[0].segment: segment X is not declared"), run.stderr());
        } finally {
            Files.delete(bad);
        }
    }

    @Test
    void schemes_fileWithShadowedRules_reportsThem() {
        RfmJar.Run run = RfmJar.run("schemes", RfmJar.fixture("r-example-scheme.json").toString());
        assertEquals(0, run.exitCode(), run.stderr());
        for (String rule : List.of("rule 4 (NEW_CUSTOMERS", "rule 5 (PROMISING", "rule 9 (CANT_LOSE_THEM")) {
            assertTrue(run.stdout().contains("warning: " + rule), run.stdout());
        }
        assertTrue(run.stdout().contains("NEVER FIRES"), run.stdout());
    }
}
