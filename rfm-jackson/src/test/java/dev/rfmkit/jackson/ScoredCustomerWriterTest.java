package dev.rfmkit.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rfmkit.RfmAnalysis;
import dev.rfmkit.RfmResult;
import dev.rfmkit.metrics.MonetaryMode;
import dev.rfmkit.order.OrderLine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The CSV writer: money to the cent as BigDecimal rounds it, and cells that read back as written. */
class ScoredCustomerWriterTest {

    @Test
    void centsHalfEven_asBigDecimal() {
        SplittableRandom random = new SplittableRandom(5);
        List<Long> units = new ArrayList<>(List.of(0L, 50L, -50L, 150L, -150L, 250L, -250L, 49L, 51L, -49L, -51L,
                1L, -1L, 99L, -99L, Long.MAX_VALUE, Long.MIN_VALUE + 100));
        for (int i = 0; i < 100_000; i++) {
            long v = random.nextInt(3) == 0 ? random.nextLong(-1_000_000, 1_000_000) : random.nextLong();
            units.add(random.nextBoolean() ? v : v / 100 * 100 + 50);
        }
        for (long u : units) {
            BigDecimal expected = BigDecimal.valueOf(u, 4).setScale(2, RoundingMode.HALF_EVEN);
            assertEquals(expected, BigDecimal.valueOf(ScoredCustomerWriter.centsHalfEven(u), 2), "units " + u);
        }
    }

    @Test
    void csvCellsReadBackAsWritten() throws IOException {
        String[] ids = {"plain", "with,comma", "say \"hi\"", "two\nlines", "cr\rhere", " lead", "trail ", "ümlaut",
            "😀", "=1+2", "", "x".repeat(40_000)};
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            lines.add(OrderLine.of(ids[i].isEmpty() ? "e" : ids[i], LocalDate.of(2024, 1, 1 + i),
                    new BigDecimal("10.005").multiply(BigDecimal.valueOf(i + 1))));
        }
        for (MonetaryMode mode : MonetaryMode.values()) {
            RfmResult result = RfmAnalysis.builder().monetary(mode).build().run(lines);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ScoredCustomerWriter.of(ScoredCustomerWriter.Format.CSV).write(result, out);
            try (CsvRecords records = CsvRecords.open(new ByteArrayInputStream(out.toByteArray()), ',')) {
                records.next();
                assertEquals(ScoredCustomerWriter.COLUMNS.size(), records.size());
                for (int row = 0; row < result.size(); row++) {
                    records.next();
                    assertEquals(result.customers().customerId(row), records.field(0));
                    assertEquals(result.customers().monetaryDecimal(row, 2).toPlainString(), records.field(3));
                    assertEquals(result.scores().get(row).code(), records.field(7));
                    assertEquals(result.segment(row).id(), records.field(8));
                }
            }
        }
    }

    @Test
    void largeResults_sameBytesAsRowByRow() throws IOException {
        // more than three blocks of rows and a part: formatted in blocks on two threads, written in order
        SplittableRandom random = new SplittableRandom(11);
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < 3 * 32_768 + 123; i++) {
            String id = (i % 7 == 0 ? "=c" : "c") + Integer.toString(random.nextInt(1 << 30), 36) + "-" + i;
            lines.add(OrderLine.of(id, LocalDate.of(2024, 1, 1).plusDays(random.nextInt(365)),
                    BigDecimal.valueOf(random.nextLong(-5_000, 500_000), 2)));
        }
        RfmResult result = RfmAnalysis.builder().build().run(lines);
        for (boolean excelSafe : new boolean[] {false, true}) {
            ScoredCustomerWriter writer = ScoredCustomerWriter.of(ScoredCustomerWriter.Format.CSV)
                    .withExcelSafe(excelSafe);
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            writer.write(result, whole);
            ByteArrayOutputStream oneByOne = new ByteArrayOutputStream();
            ScoredCustomerWriter.CsvRows rows = writer.csvRows(oneByOne);
            for (int i = 0; i < result.size(); i++) {
                rows.write(result.customers().customerId(i), result.customers().recencyDays(i),
                        result.customers().frequency(i), result.customers().totalAmountUnits(i),
                        result.customers().monetaryMode(), result.scores().r(i), result.scores().f(i),
                        result.scores().m(i), result.segment(i).id());
            }
            rows.flush();
            assertEquals(oneByOne.toString(java.nio.charset.StandardCharsets.UTF_8),
                    whole.toString(java.nio.charset.StandardCharsets.UTF_8), "excelSafe " + excelSafe);
        }
    }
}
