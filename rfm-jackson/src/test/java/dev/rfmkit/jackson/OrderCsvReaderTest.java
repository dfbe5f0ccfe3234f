package dev.rfmkit.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rfmkit.order.ExclusionReason;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.IngestionReport;
import dev.rfmkit.order.IngestionResult;
import dev.rfmkit.order.OrderDataException;
import dev.rfmkit.order.OrderIngestion;
import dev.rfmkit.order.ReturnsPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class OrderCsvReaderTest {
    private static final LocalDate AS_OF = LocalDate.of(2012, 1, 1);
    private static final IngestionOptions LENIENT = IngestionOptions.defaults().withAsOf(AS_OF);
    private static final IngestionOptions STRICT = LENIENT.withStrict(true);
    private static final OrderCsvFormat DEFAULTS = OrderCsvFormat.defaults();

    @TempDir
    Path dir;

    private record Reject(long line, ExclusionReason reason, Optional<String> column, String message, String content) {
    }

    private static final class Rejects implements RejectListener {
        final List<Reject> list = new ArrayList<>();

        @Override
        public void rejected(long line, ExclusionReason reason, Optional<String> column, String message,
                String content) {
            list.add(new Reject(line, reason, column, message, content));
        }
    }

    /** What one read produced. */
    private record Read(IngestionResult result, OrderCsvReader.ReadStats stats, List<Reject> rejects) {
        IngestionReport report() {
            return result.report();
        }

        Map<String, BigDecimal> amounts() {
            Map<String, BigDecimal> m = new TreeMap<>();
            for (int i = 0; i < result.customers().size(); i++) {
                m.put(result.customers().customerId(i), result.customers().amount(i).stripTrailingZeros());
            }
            return m;
        }

        Map<String, Integer> orders() {
            Map<String, Integer> m = new TreeMap<>();
            for (int i = 0; i < result.customers().size(); i++) {
                m.put(result.customers().customerId(i), result.customers().orders(i));
            }
            return m;
        }

        Reject only() {
            assertEquals(1, rejects.size(), () -> "rejects: " + rejects);
            return rejects.get(0);
        }
    }

    private Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private Read read(String csv) throws IOException {
        return read(csv, DEFAULTS, LENIENT);
    }

    private Read read(String csv, OrderCsvFormat format, IngestionOptions options) throws IOException {
        return read(write("orders.csv", csv), format, options);
    }

    private static Read read(Path file, OrderCsvFormat format, IngestionOptions options) throws IOException {
        OrderIngestion ingestion = OrderIngestion.start(options);
        Rejects rejects = new Rejects();
        OrderCsvReader.ReadStats stats = OrderCsvReader.of(format).read(file, ingestion, rejects);
        return new Read(ingestion.finish(), stats, rejects.list);
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s).stripTrailingZeros();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    // ---------------------------------------------------------------- binary and broken input

    @Test
    void nulByte_isAnErrorNamingTheLine() throws IOException {
        OrderDataException e = assertThrows(OrderDataException.class,
                () -> read("customer_id,order_date,amount\n1,2024-01-01,5\n2\u0000,2024-01-01,3\n"));
        assertEquals("line 3: input holds a NUL byte: binary data, not a CSV text file", e.getMessage());
    }

    @Test
    void truncatedOrCorruptGzip_isAnErrorNotAStackTrace() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,order_date,amount\n");
        for (int i = 1; i <= 3000; i++) {
            csv.append(i).append(",2024-01-01,5\n");
        }
        byte[] gz = gzip(csv.toString());
        Path truncated = write("t.csv.gz", java.util.Arrays.copyOf(gz, gz.length / 2));
        OrderDataException e = assertThrows(OrderDataException.class, () -> read(truncated, DEFAULTS, LENIENT));
        assertTrue(e.getMessage().contains("the gzip data is truncated or corrupt (Unexpected end of ZLIB input stream)"),
                e.getMessage());
        Path junk = write("j.csv.gz", new byte[] {0x1f, (byte) 0x8b, 'j', 'u', 'n', 'k', 'j', 'u', 'n', 'k'});
        assertEquals("line 1: the gzip data is truncated or corrupt (Unsupported compression method)",
                assertThrows(OrderDataException.class, () -> read(junk, DEFAULTS, LENIENT)).getMessage());
    }

    // a line longer than the maximum is rejected, never held; the line numbers after it stay right
    @Test
    void tooLongLines_areRejectedWithTheirLineNumbers() throws IOException {
        String longField = "x".repeat(500);
        String csv = "customer_id,order_id,order_date,amount\n"
                + "1,a,2011-06-01,5\n" // 2
                + "2," + longField + ",2011-06-01,5\n" // 3: too long
                + "3,\"b\n" + longField + "\nc\",2011-06-01,5\n" // 4-6: too long, line breaks in quotes
                + "4,d,2011-06-01,5\r\n" // 7
                + "5,e,2011-06-0x,5\n" // 8: bad date, to see its line
                + "6," + longField; // 9: too long, at the end without a line break
        OrderCsvFormat format = DEFAULTS.withMaxLineLength(200);
        Read r = read(csv, format, LENIENT);
        assertEquals(List.of("3 line_too_long", "4 line_too_long", "8 bad_date", "9 line_too_long"),
                r.rejects().stream().map(x -> x.line() + " " + x.reason().code()).toList());
        assertEquals(2, r.result().customers().size());
        assertEquals(3, r.result().report().excluded(ExclusionReason.LINE_TOO_LONG));
        assertEquals(6, r.result().report().linesRead());
        assertEquals(9, r.stats().lines());
        assertTrue(r.rejects().get(0).content().startsWith("(not kept"), r.rejects().get(0).content());
        OrderDataException strict = assertThrows(OrderDataException.class, () -> read(csv, format, STRICT));
        assertEquals("line 3: line is longer than 200 characters", strict.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withMaxLineLength(10));
        Read all = read(csv, DEFAULTS, LENIENT);
        assertEquals(List.of("8 bad_date", "9 bad_date"), all.rejects().stream().map(x -> x.line() + " " + x.reason().code()).toList());
    }

    // ---------------------------------------------------------------- basics

    @Test
    void read_simpleFile_feedsIngestion() throws IOException {
        Read r = read("""
                customer_id,order_id,order_date,amount
                c1,o1,2011-01-01,10.00
                c1,o1,2011-01-02,5.50
                c2,o2,2011-02-01,7
                """);
        assertEquals(new OrderCsvReader.ReadStats(3, 4), r.stats());
        assertEquals(Map.of("c1", dec("15.5"), "c2", dec("7")), r.amounts());
        assertEquals(Map.of("c1", 1, "c2", 1), r.orders());
        assertEquals(2, r.report().orders());
        assertEquals(List.of(), r.rejects());
    }

    @Test
    void read_noOrderColumn_everyLineItsOwnOrder() throws IOException {
        Read r = read("""
                customer_id,order_date,amount
                c1,2011-01-01,1
                c1,2011-01-01,2
                """);
        assertEquals(Map.of("c1", 2), r.orders());
    }

    @Test
    void read_caseInsensitiveHeadersWithSpaces_foundByName() throws IOException {
        Read r = read(" Amount ,ORDER_DATE,\tCustomer_ID\n3.25,2011-05-05,c9\n");
        assertEquals(Map.of("c9", dec("3.25")), r.amounts());
    }

    @Test
    void read_byteOrderMark_ignored() throws IOException {
        Read r = read("\uFEFFcustomer_id,order_date,amount\nc1,2011-01-01,2\n");
        assertEquals(Map.of("c1", dec("2")), r.amounts());
        assertEquals(new OrderCsvReader.ReadStats(1, 2), r.stats());
    }

    @Test
    void read_gzipFile_decompressed() throws IOException {
        Path file = write("orders.csv.gz", gzip("\uFEFFcustomer_id,order_date,amount\nc1,2011-01-01,2\nc2,2011-01-01,3\n"));
        Read r = read(file, DEFAULTS, LENIENT);
        assertEquals(Map.of("c1", dec("2"), "c2", dec("3")), r.amounts());
    }

    @Test
    void read_gzipStream_detectedByMagicBytes() throws IOException {
        InputStream in = new ByteArrayInputStream(gzip("customer_id,order_date,amount\nc1,2011-01-01,2\n"));
        OrderIngestion ingestion = OrderIngestion.start(LENIENT);
        OrderCsvReader.ReadStats stats = OrderCsvReader.of(DEFAULTS).read(in, "<stdin>", ingestion,
                RejectListener.none());
        assertEquals(new OrderCsvReader.ReadStats(1, 2), stats);
        assertEquals(1, ingestion.finish().report().customers());
    }

    @Test
    void read_plainStream_readAndLeftOpen() throws IOException {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream("customer_id,order_date,amount\nc1,2011-01-01,2"
                .getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        OrderIngestion ingestion = OrderIngestion.start(LENIENT);
        OrderCsvReader.ReadStats stats = OrderCsvReader.of(DEFAULTS).read(in, "<stdin>", ingestion,
                RejectListener.none());
        assertEquals(new OrderCsvReader.ReadStats(1, 2), stats);
        assertEquals(false, closed[0]);
    }

    @Test
    void read_quotedDelimitersAndQuotes_unquoted() throws IOException {
        Read r = read("customer_id,order_date,amount,note\n\"Smith, \"\"Jr\"\"\",2011-01-01,\"1,5\",x\n", DEFAULTS.withDecimalSeparator(','), LENIENT);
        assertEquals(Map.of("Smith, \"Jr\"", dec("1.5")), r.amounts());
    }

    @Test
    void read_quotedNewline_keepsPhysicalLineNumbers() throws IOException {
        String csv = "customer_id,order_date,amount,note\n"
                + "c1,2011-01-01,1,\"two\nlines\"\n"
                + ",2011-01-01,1,\"three\r\nphysical\nlines\"\n"
                + "c2,2011-01-01,oops,plain\n";
        Read r = read(csv);
        assertEquals(List.of(
                new Reject(4, ExclusionReason.MISSING_CUSTOMER_ID, Optional.of("customer_id"), "customer id is empty",
                        ",2011-01-01,1,\"three\r\nphysical\nlines\""),
                new Reject(7, ExclusionReason.BAD_AMOUNT, Optional.of("amount"), "\"oops\" is not a decimal number",
                        "c2,2011-01-01,oops,plain")), r.rejects());
        // header 1, first record 2-3, second 4-6, third 7
        assertEquals(new OrderCsvReader.ReadStats(3, 7), r.stats());
    }

    @Test
    void read_crlfAndLoneCr_eachOneLine() throws IOException {
        Read r = read("customer_id,order_date,amount\r\nc1,2011-01-01,1\rc2,2011-01-01,x\r\nc3,2011-01-01,y");
        assertEquals(List.of(3L, 4L), r.rejects().stream().map(Reject::line).toList());
        assertEquals(List.of("c2,2011-01-01,x", "c3,2011-01-01,y"), r.rejects().stream().map(Reject::content).toList());
        assertEquals(new OrderCsvReader.ReadStats(3, 4), r.stats());
    }

    @Test
    void read_blankLines_skippedButCounted() throws IOException {
        Read r = read("\ncustomer_id,order_date,amount\n\nc1,2011-01-01,1\n   \nc2,2011-01-01,bad\n\n");
        assertEquals(6, r.only().line());
        assertEquals(new OrderCsvReader.ReadStats(2, 7), r.stats());
        assertEquals(2, r.report().linesRead());
    }

    @Test
    void read_semicolonDelimiterWithCommaDecimals() throws IOException {
        Read r = read("""
                customer_id;order_date;amount
                c1;2011-01-01;12,50
                c1;2011-01-02;"1.000,00"
                c2;2011-01-02;-0,5
                """, DEFAULTS.withDelimiter(';').withDecimalSeparator(','), LENIENT);
        assertEquals(Map.of("c1", dec("12.5")), r.amounts());
        assertEquals(0, new BigDecimal("-0.5").compareTo(r.report().returnAmount()));
        Reject reject = r.only();
        assertEquals(3, reject.line());
        assertEquals(ExclusionReason.BAD_AMOUNT, reject.reason());
        assertEquals("\"1.000,00\" is not a decimal number (the decimal separator is ',')", reject.message());
        assertEquals("c1;2011-01-02;\"1.000,00\"", reject.content());
    }

    @ParameterizedTest
    @ValueSource(chars = {'\t', '|'})
    void read_tabAndPipeDelimiters(char delimiter) throws IOException {
        String d = String.valueOf(delimiter);
        Read r = read(String.join(d, "customer_id", "order_date", "amount") + "\n"
                + String.join(d, "a,b", "2011-01-01", "4.5") + "\n", DEFAULTS.withDelimiter(delimiter), LENIENT);
        assertEquals(Map.of("a,b", dec("4.5")), r.amounts());
    }

    @Test
    void read_quantityTimesPrice_exact() throws IOException {
        Read r = read("""
                CustomerID,InvoiceNo,InvoiceDate,Quantity,UnitPrice
                c1,i1,2011-01-01 08:26:00,3,0.1
                c2,i2,2011-01-01 08:26:00,6,2.55
                c3,i3,2011-01-01 08:26:00,-2,1.25
                c3,i4,2011-01-01 08:26:00,1,0.00005
                """, DEFAULTS.withCustomerColumn("customerid").withOrderColumn("invoiceno")
                .withDateColumn("invoicedate").withQuantityAndPriceColumns("quantity", "unitprice"), LENIENT);
        assertEquals(0, new BigDecimal("0.3").compareTo(r.amounts().get("c1")));
        assertEquals(0, new BigDecimal("15.30").compareTo(r.amounts().get("c2")));
        // -2.50 netted, 0.00005 rounded half to even to 0.0000
        assertEquals(0, new BigDecimal("-2.50").compareTo(r.amounts().get("c3")));
        assertEquals(0, new BigDecimal("15.6").compareTo(r.report().purchaseAmount()));
    }

    @Test
    void read_quantityOrPriceBad_rejectedNamingThatColumn() throws IOException {
        Read r = read("""
                customer_id,order_date,qty,price
                c1,2011-01-01,x,1
                c1,2011-01-01,1,NaN
                c1,2011-01-01,1e7,1e12
                """, DEFAULTS.withQuantityAndPriceColumns("qty", "price"), LENIENT);
        assertEquals(List.of(
                new Reject(2, ExclusionReason.BAD_AMOUNT, Optional.of("qty"), "\"x\" is not a decimal number",
                        "c1,2011-01-01,x,1"),
                new Reject(3, ExclusionReason.NON_FINITE_AMOUNT, Optional.of("price"), "\"NaN\" is not a finite number",
                        "c1,2011-01-01,1,NaN"),
                new Reject(4, ExclusionReason.BAD_AMOUNT, Optional.of("qty"), "quantity 1e7 x price 1e12 is out of range",
                        "c1,2011-01-01,1e7,1e12")), r.rejects());
    }

    @Test
    void read_orderIdAndStatus_groupedAndFiltered() throws IOException {
        Read r = read("""
                customer_id,order_id,order_date,amount,status
                c1,o1,2011-01-01,1,paid
                c1,o1,2011-01-03,2,
                c1,o2,2011-01-05,4,Cancelled
                c1, ,2011-01-06,8,paid
                """);
        assertEquals(Map.of("c1", 2), r.orders());
        assertEquals(Map.of("c1", dec("11")), r.amounts());
        assertEquals(new Reject(4, ExclusionReason.EXCLUDED_STATUS, Optional.of("status"),
                "status \"Cancelled\" is excluded", "c1,o2,2011-01-05,4,Cancelled"), r.only());
    }

    // ---------------------------------------------------------------- every reject reason

    @Test
    void read_everyReason_lineColumnMessageAndContent() throws IOException {
        String csv = """
                customer_id,order_date,amount,status
                  ,2011-01-01,1,paid
                c1,,1,paid
                c1,2011-02-30,1,paid
                c1,09.12.2011,1,paid
                c1,2011-01-01,12,5O,paid
                c1,2011-01-01,,paid
                c1,2011-01-01,-Infinity,paid
                c1,2011-01-01,1,VOIDED
                c1,2011-12-31,1,paid
                c1,2010-12-01,1,paid
                c1,2011-06-01,1,paid
                """;
        OrderIngestion ingestion = OrderIngestion.start(IngestionOptions.defaults()
                .withAsOf(LocalDate.of(2011, 12, 10)).withWindowDays(365));
        Rejects rejects = new Rejects();
        OrderCsvReader.of(DEFAULTS).read(write("orders.csv", csv), ingestion, rejects);
        String iso = "(expected a date like 2011-12-09, 2011-12-09 12:50:00 or 2011-12-09T12:50:00+01:00)";
        assertEquals(List.of(
                new Reject(2, ExclusionReason.MISSING_CUSTOMER_ID, Optional.of("customer_id"), "customer id is empty",
                        "  ,2011-01-01,1,paid"),
                new Reject(3, ExclusionReason.BAD_DATE, Optional.of("order_date"), "value is empty " + iso,
                        "c1,,1,paid"),
                new Reject(4, ExclusionReason.BAD_DATE, Optional.of("order_date"), "\"2011-02-30\" is not a date " + iso,
                        "c1,2011-02-30,1,paid"),
                new Reject(5, ExclusionReason.BAD_DATE, Optional.of("order_date"), "\"09.12.2011\" is not a date " + iso,
                        "c1,09.12.2011,1,paid"),
                // lenient: the extra field is ignored, so "12" is the amount and "5O" the status
                new Reject(7, ExclusionReason.BAD_AMOUNT, Optional.of("amount"), "value is empty (expected a number)",
                        "c1,2011-01-01,,paid"),
                new Reject(8, ExclusionReason.NON_FINITE_AMOUNT, Optional.of("amount"),
                        "\"-Infinity\" is not a finite number", "c1,2011-01-01,-Infinity,paid"),
                new Reject(9, ExclusionReason.EXCLUDED_STATUS, Optional.of("status"), "status \"VOIDED\" is excluded",
                        "c1,2011-01-01,1,VOIDED"),
                new Reject(10, ExclusionReason.AFTER_AS_OF, Optional.of("order_date"),
                        "date 2011-12-31 is after the as-of date 2011-12-10", "c1,2011-12-31,1,paid"),
                new Reject(11, ExclusionReason.BEFORE_WINDOW, Optional.of("order_date"),
                        "date 2010-12-01 is before the look-back window of 365 days, which starts 2010-12-11",
                        "c1,2010-12-01,1,paid")), rejects.list);
        IngestionReport report = ingestion.finish().report();
        assertEquals(11, report.linesRead());
        assertEquals(2, report.includedLines());
        assertEquals(3, report.excluded(ExclusionReason.BAD_DATE));
        assertEquals(1, report.excluded(ExclusionReason.BAD_AMOUNT));
    }

    @Test
    void read_badAmount_messageShowsValue() throws IOException {
        Reject reject = read("customer_id,order_date,amount\nc1,2011-01-01,\"12,5O\"\n").only();
        assertEquals(new Reject(2, ExclusionReason.BAD_AMOUNT, Optional.of("amount"),
                "\"12,5O\" is not a decimal number (the decimal separator is '.')", "c1,2011-01-01,\"12,5O\""), reject);
    }

    @Test
    void read_columnNamesInMessages_asTheHeaderWritesThem() throws IOException {
        Reject reject = read("Customer_ID,Order_Date,AMOUNT\nc1,2011-13-01,1\n").only();
        assertEquals(Optional.of("Order_Date"), reject.column());
    }

    // ---------------------------------------------------------------- strict

    @Test
    void read_strictBadAmount_throwsWithLineColumnAndReason() throws IOException {
        Path file = write("orders.csv",
                "customer_id,order_date,amount,note\nc1,2011-01-01,1,\"a\nb\"\nc1,2011-01-01,\"12,5O\",x\n");
        OrderDataException e = assertThrows(OrderDataException.class, () -> read(file, DEFAULTS, STRICT));
        assertEquals(4, e.line());
        assertEquals(Optional.of("amount"), e.column());
        assertEquals(Optional.of(ExclusionReason.BAD_AMOUNT), e.reason());
        assertEquals("line 4, column amount: \"12,5O\" is not a decimal number (the decimal separator is '.')",
                e.getMessage());
    }

    @Test
    void read_strictMissingCustomer_throwsWithColumn() throws IOException {
        Path file = write("orders.csv", "customer_id,order_date,amount\nc1,2011-01-01,1\n,2011-01-01,1\n");
        OrderDataException e = assertThrows(OrderDataException.class, () -> read(file, DEFAULTS, STRICT));
        assertEquals("line 3, column customer_id: customer id is empty", e.getMessage());
        assertEquals(Optional.of(ExclusionReason.MISSING_CUSTOMER_ID), e.reason());
    }

    @Test
    void read_strictBadDate_throwsWithColumn() throws IOException {
        Path file = write("orders.csv", "customer_id,order_date,amount\nc1,2011-02-30,1\n");
        OrderDataException e = assertThrows(OrderDataException.class, () -> read(file, DEFAULTS, STRICT));
        assertEquals(2, e.line());
        assertEquals(Optional.of("order_date"), e.column());
        assertEquals(Optional.of(ExclusionReason.BAD_DATE), e.reason());
    }

    @Test
    void read_strictExcludedStatus_throwsFromIngestion() throws IOException {
        Path file = write("orders.csv", "customer_id,order_date,amount,status\nc1,2011-01-01,1,refunded\n");
        OrderDataException e = assertThrows(OrderDataException.class, () -> read(file, DEFAULTS, STRICT));
        assertEquals(2, e.line());
        assertEquals(Optional.of(ExclusionReason.EXCLUDED_STATUS), e.reason());
    }

    @Test
    void read_strictFieldCountMismatch_throws() throws IOException {
        Path shortRecord = write("short.csv", "customer_id,order_date,amount,status\nc1,2011-01-01,1\n");
        OrderDataException e = assertThrows(OrderDataException.class, () -> read(shortRecord, DEFAULTS, STRICT));
        assertEquals("line 2: record has 3 fields, expected 4 as in the header", e.getMessage());
        Path longRecord = write("long.csv", "customer_id,order_date,amount\nc1,2011-01-01,1\nc1,2011-01-01,1,x\n");
        e = assertThrows(OrderDataException.class, () -> read(longRecord, DEFAULTS, STRICT));
        assertEquals("line 3: record has 4 fields, expected 3 as in the header", e.getMessage());
    }

    @Test
    void read_lenientShortAndLongRecords_missingFieldsEmptyExtraIgnored() throws IOException {
        Read r = read("""
                customer_id,order_date,amount,status
                c1,2011-01-01,1
                c2,2011-01-01
                c3
                c4,2011-01-01,2,paid,extra,fields
                """);
        assertEquals(Map.of("c1", dec("1"), "c4", dec("2")), r.amounts());
        assertEquals(List.of(ExclusionReason.BAD_AMOUNT, ExclusionReason.BAD_DATE),
                r.rejects().stream().map(Reject::reason).toList());
        assertEquals(List.of(3L, 4L), r.rejects().stream().map(Reject::line).toList());
    }

    // ---------------------------------------------------------------- header

    @Test
    void read_missingColumn_messageListsFoundColumns() throws IOException {
        Path file = write("orders.csv", "InvoiceNo,CustomerID,InvoiceDate,Quantity\n1,2,3,4\n");
        OrderDataException e = assertThrows(OrderDataException.class, () -> read(file, DEFAULTS, LENIENT));
        assertEquals("line 1: missing columns customer_id, order_date, amount; the file has columns: "
                + "InvoiceNo, CustomerID, InvoiceDate, Quantity", e.getMessage());
        assertEquals(1, e.line());
        assertEquals(Optional.empty(), e.column());
    }

    @Test
    void read_explicitOrderOrStatusColumnMissing_error() throws IOException {
        Path file = write("orders.csv", "customer_id,order_date,amount\nc1,2011-01-01,1\n");
        OrderDataException e = assertThrows(OrderDataException.class,
                () -> read(file, DEFAULTS.withOrderColumn("order_id"), LENIENT));
        assertEquals("line 1: missing column order_id; the file has columns: customer_id, order_date, amount",
                e.getMessage());
        e = assertThrows(OrderDataException.class, () -> read(file, DEFAULTS.withStatusColumn("state"), LENIENT));
        assertTrue(e.getMessage().startsWith("line 1: missing column state;"), e.getMessage());
    }

    @Test
    void read_duplicateColumns_error() throws IOException {
        Path file = write("orders.csv", "customer_id,order_date,amount,Amount\nc1,2011-01-01,1,2\n");
        OrderDataException e = assertThrows(OrderDataException.class, () -> read(file, DEFAULTS, LENIENT));
        assertEquals("line 1: duplicate column Amount: columns 3 (amount) and 4 have the same name, ignoring case",
                e.getMessage());
    }

    @Test
    void read_emptyFile_error() throws IOException {
        for (String content : List.of("", "\uFEFF", "\n\n  \n")) {
            Path file = write("empty.csv", content);
            OrderDataException e = assertThrows(OrderDataException.class, () -> read(file, DEFAULTS, LENIENT));
            assertEquals(file + " is empty: no header", e.getMessage());
            assertEquals(0, e.line());
        }
    }

    @Test
    void read_headerOnly_noRecords() throws IOException {
        OrderIngestion ingestion = OrderIngestion.start(LENIENT);
        OrderCsvReader.ReadStats stats = OrderCsvReader.of(DEFAULTS).read(
                write("orders.csv", "customer_id,order_date,amount"), ingestion, RejectListener.none());
        assertEquals(new OrderCsvReader.ReadStats(0, 1), stats);
    }

    // ---------------------------------------------------------------- malformed input

    @Test
    void read_unclosedQuote_errorNamesLine() throws IOException {
        Path file = write("orders.csv", "customer_id,order_date,amount\nc1,2011-01-01,1\nc2,\"2011-01-01,1\nc3,x,y\n");
        OrderDataException e = assertThrows(OrderDataException.class, () -> read(file, DEFAULTS, LENIENT));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("line 3: malformed csv: missing closing quote"), e.getMessage());
    }

    @Test
    void read_textAfterClosingQuote_errorNamesLine() throws IOException {
        Path file = write("orders.csv", "customer_id,order_date,amount\n\"c1\"x,2011-01-01,1\n");
        OrderDataException e = assertThrows(OrderDataException.class, () -> read(file, DEFAULTS, LENIENT));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("line 2: malformed csv: unexpected character"), e.getMessage());
    }

    @Test
    void read_invalidUtf8_errorNamesLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("customer_id,order_date,amount\nc1,2011-01-01,1\nM".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xFC); // Latin-1 u-umlaut
        bytes.writeBytes("ller,2011-01-01,1\n".getBytes(StandardCharsets.UTF_8));
        Path file = write("orders.csv", bytes.toByteArray());
        OrderDataException e = assertThrows(OrderDataException.class, () -> read(file, DEFAULTS, LENIENT));
        assertEquals("line 3: input is not valid UTF-8 (bytes FC)", e.getMessage());
    }

    @Test
    void read_multiByteUtf8_keptIntact() throws IOException {
        Read r = read("customer_id,order_date,amount\nMüller 東京 😀,2011-01-01,x\n");
        assertEquals("Müller 東京 😀,2011-01-01,x", r.only().content());
    }

    // ---------------------------------------------------------------- dates

    @Test
    void read_dateTimeWithOffset_convertedByZone() throws IOException {
        String csv = "customer_id,order_date,amount\nc1,2011-12-09T23:30:00-02:00,1\nc2,2011-12-09 23:30:00,1\n";
        Read utc = read(csv, DEFAULTS, IngestionOptions.defaults().withAsOf(LocalDate.of(2011, 12, 9)));
        assertEquals(new Reject(2, ExclusionReason.AFTER_AS_OF, Optional.of("order_date"),
                "date 2011-12-10 is after the as-of date 2011-12-09", "c1,2011-12-09T23:30:00-02:00,1"), utc.only());
        Read minusTwo = read(csv, DEFAULTS.withZone(ZoneId.of("-02:00")),
                IngestionOptions.defaults().withAsOf(LocalDate.of(2011, 12, 9)));
        assertEquals(List.of(), minusTwo.rejects());
        Read berlin = read("customer_id,order_date,amount\nc1,2011-12-09T23:30:00Z,1\n",
                DEFAULTS.withZone(ZoneId.of("Europe/Berlin")), IngestionOptions.defaults().withAsOf(LocalDate.of(2011, 12, 9)));
        assertEquals(ExclusionReason.AFTER_AS_OF, berlin.only().reason());
    }

    @Test
    void read_customDatePattern() throws IOException {
        Read r = read("""
                customer_id;order_date;amount
                c1;09.12.2011;1
                c2;30.02.2011;1
                c3;2011-12-09;1
                """, DEFAULTS.withDelimiter(';').withDatePattern("dd.MM.yyyy"), LENIENT);
        assertEquals(Map.of("c1", dec("1")), r.amounts());
        assertEquals(LocalDate.of(2011, 12, 9).toEpochDay(), r.result().customers().lastOrderEpochDay(0));
        assertEquals(List.of(
                new Reject(3, ExclusionReason.BAD_DATE, Optional.of("order_date"),
                        "\"30.02.2011\" is not a date (expected the date pattern dd.MM.yyyy)", "c2;30.02.2011;1"),
                new Reject(4, ExclusionReason.BAD_DATE, Optional.of("order_date"),
                        "\"2011-12-09\" is not a date (expected the date pattern dd.MM.yyyy)", "c3;2011-12-09;1")),
                r.rejects());
    }

    // ---------------------------------------------------------------- format

    @Test
    void format_invalidOptions_rejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withDelimiter(':'));
        assertEquals("delimiter must be ',', ';', tab or '|' (was ':')", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withDecimalSeparator(' '));
        assertEquals("decimal separator must be '.' or ',' (was ' ')", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withDatePattern("dd.MM.yyyy{"));
        assertTrue(e.getMessage().startsWith("date pattern \"dd.MM.yyyy{\" is not valid: "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withCustomerColumn(" "));
        assertEquals("customer column must not be blank", e.getMessage());
        assertThrows(NullPointerException.class, () -> DEFAULTS.withZone(null));
    }

    @Test
    void format_withX_derivesWithoutChangingTheOriginal() {
        OrderCsvFormat f = DEFAULTS.withQuantityAndPriceColumns("q", "p").withDelimiter('\t').withZone(ZoneId.of("Europe/Berlin"));
        assertEquals(Optional.empty(), f.amountColumn());
        assertEquals(Optional.of("q"), f.quantityColumn());
        assertEquals(Optional.of("p"), f.priceColumn());
        assertEquals('\t', f.delimiter());
        assertEquals(Optional.of("amount"), DEFAULTS.amountColumn());
        assertEquals(',', DEFAULTS.delimiter());
        assertEquals(ZoneId.of("UTC").normalized(), DEFAULTS.zone().normalized());
        assertEquals(Optional.of("a"), f.withAmountColumn("a").amountColumn());
        assertEquals(Optional.empty(), f.withAmountColumn("a").quantityColumn());
        assertEquals(f, DEFAULTS.withQuantityAndPriceColumns("q", "p").withDelimiter('\t')
                .withZone(ZoneId.of("Europe/Berlin")));
        assertEquals(DEFAULTS.hashCode(), OrderCsvFormat.defaults().hashCode());
    }

    // ---------------------------------------------------------------- robustness

    /**
     * Many records with long quoted fields holding line breaks, so that records straddle Jackson's and
     * the tape's buffer boundaries: every reject keeps its physical line number and raw text.
     */
    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20_240_101L})
    void read_manyRecordsAcrossBuffers_linesAndContentExact(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("customer_id,order_date,note,amount\n");
        List<Reject> expected = new ArrayList<>();
        long line = 2;
        int records = 3000;
        for (int i = 0; i < records; i++) {
            StringBuilder note = new StringBuilder();
            int kind = random.nextInt(5);
            int length = random.nextInt(10) == 0 ? 2000 + random.nextInt(9000) : random.nextInt(40);
            long breaks = 0;
            for (int k = 0; k < length; k++) {
                int c = random.nextInt(60);
                if (kind >= 2 && c == 0) {
                    note.append(random.nextBoolean() ? "\n" : "\r\n");
                    breaks++;
                } else if (kind >= 2 && c == 1) {
                    note.append("\"\"");
                } else if (kind >= 2 && c == 2) {
                    note.append(',');
                } else {
                    note.append((char) ('a' + random.nextInt(26)));
                }
            }
            String noteField = kind >= 2 ? "\"" + note + "\"" : note.toString();
            boolean bad = random.nextInt(4) == 0;
            String record = (bad ? "" : "c" + random.nextInt(100)) + ",2011-01-01," + noteField + "," + i;
            if (bad) {
                expected.add(new Reject(line, ExclusionReason.MISSING_CUSTOMER_ID, Optional.of("customer_id"),
                        "customer id is empty", record));
            }
            csv.append(record).append(random.nextInt(3) == 0 ? "\r\n" : "\n");
            line += 1 + breaks;
        }
        Read r = read(csv.toString());
        assertEquals(expected, r.rejects());
        assertEquals(new OrderCsvReader.ReadStats(records, line - 1), r.stats());
    }

    // ---------------------------------------------------------------- real data

    private static Path sharedData() {
        String property = System.getProperty("rfm.sharedData");
        return property != null ? Path.of(property) : Path.of("..", "..", "shared", "data");
    }

    @Test
    void read_onlineRetail_matchesKnownTotals() throws IOException {
        Path file = sharedData().resolve("online_retail.csv.gz");
        Assumptions.assumeTrue(Files.isRegularFile(file), "online_retail.csv.gz not found at "
                + file.toAbsolutePath().normalize() + "; set -Drfm.sharedData=DIR to run this test");
        OrderCsvFormat format = DEFAULTS.withCustomerColumn("CustomerID").withOrderColumn("InvoiceNo")
                .withDateColumn("InvoiceDate").withQuantityAndPriceColumns("Quantity", "UnitPrice");
        IngestionOptions options = IngestionOptions.defaults().withReturns(ReturnsPolicy.IGNORE)
                .withAsOf(LocalDate.of(2011, 12, 10));
        Read r = read(file, format, options);
        assertEquals(new OrderCsvReader.ReadStats(541_909, 541_910), r.stats());
        IngestionReport report = r.report();
        assertEquals(541_909, report.linesRead());
        assertEquals(135_080, report.excluded(ExclusionReason.MISSING_CUSTOMER_ID));
        assertEquals(135_080, report.excludedLines());
        assertEquals(135_080, r.rejects().size());
        assertTrue(r.rejects().stream().allMatch(j -> j.column().equals(Optional.of("CustomerID"))));
        assertEquals(4_339, report.customers());
        assertEquals(18_536, report.orders());
        // the data set's README gives 8,911,407.90, rounded to cents; some unit prices have three decimals
        assertEquals(new BigDecimal("8911407.9040"), report.purchaseAmount());
        assertEquals(new BigDecimal("8911407.90"), report.purchaseAmount().setScale(2, RoundingMode.HALF_EVEN));
    }
}
