package dev.rfmkit.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rfmkit.order.OrderDataException;
import dev.rfmkit.segment.EngagementData;
import dev.rfmkit.segment.EngagementFacts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class EngagementCsvReaderTest {
    private static final EngagementCsvReader DEFAULT = EngagementCsvReader.of(OrderCsvFormat.defaults());

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path file = dir.resolve("engagement.csv");
        Files.writeString(file, content);
        return file;
    }

    private static EngagementFacts facts(String click, String visit) {
        return EngagementFacts.of(Optional.ofNullable(click).map(LocalDate::parse),
                Optional.ofNullable(visit).map(LocalDate::parse));
    }

    private static Optional<EngagementFacts> of(EngagementData data, String id) {
        return data.facts(id);
    }

    @Test
    void read_bothDates_collectedPerCustomer() throws IOException {
        EngagementData data = DEFAULT.read(write("""
                customer_id,last_email_click,last_site_visit
                c1,2011-11-01,2011-12-01
                c2,,2011-10-05 10:00:00
                c3,2011-09-09,
                c4,,
                """));
        assertEquals(4, data.size());
        assertEquals(Optional.of(facts("2011-11-01", "2011-12-01")), of(data, "c1"));
        assertEquals(Optional.of(facts(null, "2011-10-05")), of(data, "c2"));
        assertEquals(Optional.of(facts("2011-09-09", null)), of(data, "c3"));
        assertEquals(Optional.of(EngagementFacts.none()), of(data, "c4"));
        assertEquals(Optional.empty(), of(data, "c5"));
    }

    @Test
    void read_duplicateCustomer_keepsTheLaterDateOfEachKind() throws IOException {
        EngagementData data = DEFAULT.read(write("""
                customer_id,last_email_click,last_site_visit
                c1,2011-11-01,2011-01-01
                " c1 ",2011-10-01,2011-02-01
                c1,,
                """));
        assertEquals(1, data.size());
        assertEquals(Optional.of(facts("2011-11-01", "2011-02-01")), of(data, "c1"));
    }

    @Test
    void read_oneDateColumnOnly_andOtherColumnsIgnored() throws IOException {
        EngagementData clicks = DEFAULT.read(write("segment,CUSTOMER_ID, Last_Email_Click \nx,c1,2011-11-01\n"));
        assertEquals(Optional.of(facts("2011-11-01", null)), of(clicks, "c1"));
        EngagementData visits = DEFAULT.read(write("\uFEFFlast_site_visit,customer_id\n2011-12-01,c1\n"));
        assertEquals(Optional.of(facts(null, "2011-12-01")), of(visits, "c1"));
    }

    @Test
    void read_noDateColumn_errorListsTheColumns() throws IOException {
        Path file = write("customer_id,clicked\nc1,2011-11-01\n");
        OrderDataException e = assertThrows(OrderDataException.class, () -> DEFAULT.read(file));
        assertEquals("line 1: missing column last_email_click or last_site_visit (at least one of the date columns "
                + "is needed); the file has columns: customer_id, clicked", e.getMessage());
    }

    @Test
    void read_noCustomerColumn_error() throws IOException {
        Path file = write("id,last_site_visit\nc1,2011-11-01\n");
        OrderDataException e = assertThrows(OrderDataException.class, () -> DEFAULT.read(file));
        assertEquals("line 1: missing column customer_id; the file has columns: id, last_site_visit", e.getMessage());
    }

    @Test
    void read_badDate_throwsWithPhysicalLineAndColumn() throws IOException {
        Path file = write("customer_id,note,last_email_click\nc1,\"a\nb\",2011-11-01\nc2,x,2011-02-30\n");
        OrderDataException e = assertThrows(OrderDataException.class, () -> DEFAULT.read(file));
        assertEquals(4, e.line());
        assertEquals(Optional.of("last_email_click"), e.column());
        assertEquals("line 4, column last_email_click: \"2011-02-30\" is not a date (expected a date like 2011-12-09, "
                + "2011-12-09 12:50:00 or 2011-12-09T12:50:00+01:00)", e.getMessage());
    }

    @Test
    void read_blankCustomerId_throws() throws IOException {
        Path file = write("customer_id,last_email_click\nc1,2011-11-01\n  ,2011-11-01\n");
        OrderDataException e = assertThrows(OrderDataException.class, () -> DEFAULT.read(file));
        assertEquals("line 3, column customer_id: customer id is empty", e.getMessage());
    }

    @Test
    void read_fieldCountMismatch_throws() throws IOException {
        Path file = write("customer_id,last_email_click,last_site_visit\nc1,2011-11-01\n");
        OrderDataException e = assertThrows(OrderDataException.class, () -> DEFAULT.read(file));
        assertEquals("line 2: record has 2 fields, expected 3 as in the header", e.getMessage());
    }

    @Test
    void read_emptyFile_error() throws IOException {
        Path file = write("");
        OrderDataException e = assertThrows(OrderDataException.class, () -> DEFAULT.read(file));
        assertEquals(file + " is empty: no header", e.getMessage());
    }

    @Test
    void read_formatOptions_delimiterPatternAndZone() throws IOException {
        EngagementCsvReader reader = EngagementCsvReader.of(OrderCsvFormat.defaults().withDelimiter(';')
                .withDatePattern("dd.MM.yyyy HH:mmXXX").withZone(ZoneId.of("Europe/Berlin")));
        EngagementData data = reader.read(write("customer_id;last_email_click\nc1;09.12.2011 23:30Z\n"));
        assertEquals(Optional.of(facts("2011-12-10", null)), of(data, "c1"));
    }

    @Test
    void read_gzipStream_notClosed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write("customer_id,last_site_visit\r\nc1,2011-12-01\r\n".getBytes(StandardCharsets.UTF_8));
        }
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(bytes.toByteArray()) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        EngagementData data = DEFAULT.read(in, "<stdin>");
        assertEquals(Optional.of(facts(null, "2011-12-01")), of(data, "c1"));
        assertEquals(false, closed[0]);
    }
}
