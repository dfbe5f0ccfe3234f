package dev.rfmkit.jackson;

import dev.rfmkit.order.OrderDataException;
import dev.rfmkit.segment.EngagementData;
import dev.rfmkit.segment.EngagementFacts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads an engagement file into {@link EngagementData}.
 *
 * <p>The file is CSV with a header and the columns {@code customer_id}, {@code last_email_click} and
 * {@code last_site_visit}, found by name ignoring case and surrounding whitespace; other columns are
 * ignored. Each date column is optional in the header but at least one must be there, and each date
 * may be empty (not known). Dates are read as in orders files, with the delimiter, date pattern and
 * zone of an {@link OrderCsvFormat} (ISO dates, or date-times converted to calendar dates in the zone).
 * A customer listed twice keeps the later date of each kind. Input handling is that of
 * {@link OrderCsvReader}: UTF-8 with an optional byte-order mark, gzip recognised by its magic bytes,
 * quoted fields, blank lines skipped, physical line numbers with the header as line 1.
 *
 * <p>Engagement input is small and has no lenient mode: a blank customer id, a bad date or a record
 * with more or fewer fields than the header is an {@link OrderDataException} naming the line and
 * column.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class EngagementCsvReader {
    private static final String CUSTOMER = "customer_id";
    private static final String CLICK = "last_email_click";
    private static final String VISIT = "last_site_visit";

    private final OrderCsvFormat format;

    private EngagementCsvReader(OrderCsvFormat format) {
        this.format = format;
    }

    /**
     * A reader using the delimiter, date pattern and zone of an orders format; its column names and
     * decimal separator do not apply.
     *
     * @param format the format whose delimiter, date pattern and zone to use
     * @return the reader
     */
    public static EngagementCsvReader of(OrderCsvFormat format) {
        return new EngagementCsvReader(Objects.requireNonNull(format, "format"));
    }

    /**
     * Reads an engagement file.
     *
     * @param file the file, plain or gzip-compressed
     * @return the engagement facts by customer
     * @throws IOException if the file cannot be read
     * @throws OrderDataException if the file is empty, lacks a column, or has a bad line
     */
    public EngagementData read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file);
                CsvRecords records = CsvRecords.open(in, format.delimiter(), format.maxLineLength())) {
            return read(records, file.toString());
        }
    }

    /**
     * Reads engagement facts from a stream, which is read to its end and not closed.
     *
     * @param in the bytes, plain or gzip-compressed
     * @param sourceName the name of the input, for messages
     * @return the engagement facts by customer
     * @throws IOException if the stream cannot be read
     * @throws OrderDataException if the input is empty, lacks a column, or has a bad line
     */
    public EngagementData read(InputStream in, String sourceName) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        try (CsvRecords records = CsvRecords.open(CsvRecords.unclosable(in), format.delimiter(), format.maxLineLength())) {
            return read(records, sourceName);
        }
    }

    private EngagementData read(CsvRecords records, String sourceName) throws IOException {
        CsvHeader header = CsvHeader.read(records, sourceName);
        int customer = header.indexOf(CUSTOMER);
        int click = header.indexOf(CLICK);
        int visit = header.indexOf(VISIT);
        List<String> missing = new ArrayList<>();
        if (customer < 0) {
            missing.add(CUSTOMER);
        }
        if (click < 0 && visit < 0) {
            missing.add(CLICK + " or " + VISIT);
        }
        if (!missing.isEmpty()) {
            throw header.missing(missing, click < 0 && visit < 0 ? " (at least one of the date columns is needed)" : "");
        }
        CsvDates dates = CsvDates.of(format);
        EngagementData.Builder builder = EngagementData.builder();
        while (records.next()) {
            long line = records.line();
            records.requireWhole(header);
            String id = records.field(customer);
            if (id.isBlank()) {
                throw new OrderDataException(line, header.name(customer), null, "customer id is empty");
            }
            EngagementFacts facts = EngagementFacts.none();
            if (click >= 0) {
                LocalDate date = date(records, line, click, header, dates);
                if (date != null) {
                    facts = facts.withLastEmailClick(date);
                }
            }
            if (visit >= 0) {
                LocalDate date = date(records, line, visit, header, dates);
                if (date != null) {
                    facts = facts.withLastSiteVisit(date);
                }
            }
            builder.add(id, facts);
        }
        return builder.build();
    }

    /** The date in a column, or null if the field is empty. */
    private static LocalDate date(CsvRecords records, long line, int column, CsvHeader header, CsvDates dates) {
        String text = records.field(column);
        if (text.isBlank()) {
            return null;
        }
        try {
            return dates.parse(text);
        } catch (DateTimeException e) {
            throw new OrderDataException(line, header.name(column), null, dates.problem(text));
        }
    }

    @Override
    public String toString() {
        return "EngagementCsvReader[delimiter=" + OrderCsvFormat.show(format.delimiter()) + ", dates="
                + format.datePattern().orElse("iso") + ", zone=" + format.zone() + "]";
    }
}
