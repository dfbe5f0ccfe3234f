package dev.rfmkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rfm migrate}, checked against a count made here from the two files. */
final class MigrateIT {
    private static final String ORDERS = RfmJar.fixture("orders.csv").toString();
    private static final Path ONLINE_RETAIL = Path.of(System.getProperty("rfm.sharedData", "../../shared/data"),
            "online_retail.csv.gz");

    /** customer_id -> segment, by splitting lines (ids without commas; segment the last column). */
    private static Map<String, String> segments(Path file) throws IOException {
        Map<String, String> m = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            m.put(f[0], f[f.length - 1]);
        }
        return m;
    }

    /** The expected CSV: every (from, to) pair with its count, empty for new and gone, sorted. */
    private static String independentCount(Path before, Path after) throws IOException {
        Map<String, String> b = segments(before);
        Map<String, String> a = segments(after);
        TreeMap<String, Integer> pairs = new TreeMap<>();
        for (String id : b.keySet()) {
            pairs.merge(b.get(id) + "," + a.getOrDefault(id, ""), 1, Integer::sum);
        }
        for (String id : a.keySet()) {
            if (!b.containsKey(id)) {
                pairs.merge("," + a.get(id), 1, Integer::sum);
            }
        }
        StringBuilder s = new StringBuilder("from_segment,to_segment,customers\n");
        pairs.forEach((k, v) -> s.append(k).append(',').append(v).append('\n'));
        return s.toString();
    }

    private static Path segment(Path dir, String name, String... args) {
        Path out = dir.resolve(name);
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--out");
        all.add(out.toString());
        RfmJar.Run run = RfmJar.run(all.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.stderr());
        return out;
    }

    @Test
    void migrate_countsEveryTransition(@TempDir Path dir) throws IOException {
        Path before = segment(dir, "before.csv", "segment", ORDERS, "--as-of", "2023-12-31");
        Path after = segment(dir, "after.csv", "segment", ORDERS, "--as-of", "2024-01-31");
        RfmJar.Run csv = RfmJar.run("migrate", before.toString(), after.toString(), "--format", "csv");
        assertEquals(0, csv.exitCode(), csv.stderr());
        assertEquals(independentCount(before, after), csv.stdout());
        assertTrue(csv.stdout().lines().anyMatch(l -> l.startsWith(",")), "new customers: " + csv.stdout());
        RfmJar.Run text = RfmJar.run("migrate", before.toString(), after.toString());
        assertEquals(0, text.exitCode(), text.stderr());
        assertTrue(text.stdout().startsWith("from \\ to"), text.stdout());
        int beforeCount = segments(before).size();
        int afterCount = segments(after).size();
        assertTrue(text.stdout().contains(String.format("customers before %d, after %d", beforeCount, afterCount)),
                text.stdout());
        assertTrue(text.stdout().contains("(new)") && text.stdout().contains("(gone)"));
    }

    @Test
    void migrate_badInput(@TempDir Path dir) throws IOException {
        Path before = segment(dir, "before.csv", "segment", ORDERS, "--as-of", "2024-01-31");
        RfmJar.Run missing = RfmJar.run("migrate", before.toString(), dir.resolve("none.csv").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.stderr().contains("no such file"), missing.stderr());
        Path twice = dir.resolve("twice.csv");
        Files.writeString(twice, "customer_id,segment\n1,LOST\n2,NEW\n1,NEW\n");
        RfmJar.Run dup = RfmJar.run("migrate", before.toString(), twice.toString());
        assertEquals(1, dup.exitCode());
        assertTrue(dup.stderr().contains("line 4") && dup.stderr().contains("customer 1 is listed twice (first on line 2)"),
                dup.stderr());
        Path orders = RfmJar.fixture("orders.csv");
        RfmJar.Run notSegments = RfmJar.run("migrate", before.toString(), orders.toString());
        assertEquals(1, notSegments.exitCode());
        assertTrue(notSegments.stderr().contains("segment"), notSegments.stderr());
        assertEquals(2, RfmJar.run("migrate", before.toString(), before.toString(), "--format", "xml").exitCode());
    }

    // half a year apart on the UCI data: every transition as counted here
    @Test
    void onlineRetail_halfAYearApart(@TempDir Path dir) throws IOException {
        assumeTrue(Files.isRegularFile(ONLINE_RETAIL), "skipped: " + ONLINE_RETAIL + " is not here (the shared data sets)");
        String[] common = {"segment", ONLINE_RETAIL.toString(), "--customer-col", "CustomerID", "--order-col",
            "InvoiceNo", "--date-col", "InvoiceDate", "--quantity-col", "Quantity", "--price-col", "UnitPrice",
            "--returns", "ignore", "--as-of"};
        List<String> a = new ArrayList<>(List.of(common));
        a.add("2011-06-30");
        List<String> b = new ArrayList<>(List.of(common));
        b.add("2011-12-10");
        Path before = segment(dir, "june.csv", a.toArray(String[]::new));
        Path after = segment(dir, "december.csv", b.toArray(String[]::new));
        RfmJar.Run csv = RfmJar.run("migrate", before.toString(), after.toString(), "--format", "csv");
        assertEquals(0, csv.exitCode(), csv.stderr());
        assertEquals(independentCount(before, after), csv.stdout());
        long total = csv.stdout().lines().skip(1).mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1)))
                .sum();
        long gone = csv.stdout().lines().skip(1).filter(l -> l.matches("[A-Z_]+,,\\d+")).count();
        assertEquals(0, gone); // nobody vanishes: orders only accumulate
        assertEquals(4339, total);
    }
}
