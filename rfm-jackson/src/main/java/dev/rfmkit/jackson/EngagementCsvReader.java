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
import java.util.Map;
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
        Columns columns = new Columns(CsvHeader.read(records, sourceName));
        EngagementData.Builder builder = EngagementData.builder();
        while (records.next()) {
            records.requireWhole(columns.header);
            Map.Entry<String, EngagementFacts> facts = columns.facts(records);
            builder.add(facts.getKey(), facts.getValue());
        }
        return builder.build();
    }

    /**
     * A reader of engagement records whose fields were split elsewhere (rows of a Spark Dataset, say),
     * by the rules of a file's lines: the same columns, dates and errors.
     *
     * @param header the column names, in the order of the records' fields
     * @return the reader, for one thread
     * @throws OrderDataException if the header lacks the customer column or both date columns
     */
    public FieldReader fieldReader(List<String> header) {
        Objects.requireNonNull(header, "header");
        return new FieldReader(new Columns(CsvHeader.of(header, 1)));
    }

    /** Reads engagement records split elsewhere; see {@link #fieldReader}. Not thread-safe. */
    public final class FieldReader {
        private final Columns columns;

        private FieldReader(Columns columns) {
            this.columns = columns;
        }

        /**
         * Reads one record. A customer listed twice keeps the later date of each kind
         * ({@link EngagementFacts#latest}), as {@link EngagementData.Builder#add} merges them.
         *
         * @param line the record's line number for messages, or 0 if it has none
         * @param fields the fields, in header order; null fields read as empty
         * @return the customer id (stripped of surrounding whitespace) and its facts
         * @throws OrderDataException if the record's customer id is blank or a date is bad
         */
        public Map.Entry<String, EngagementFacts> read(long line, String[] fields) {
            return columns.facts(new OrderCsvReader.SplitFields(line, fields, format.delimiter()));
        }
    }

    /** The columns of a header, and how a record becomes engagement facts. */
    private final class Columns {
        final CsvHeader header;
        final int customer;
        final int click;
        final int visit;
        final CsvDates dates = CsvDates.of(format);

        Columns(CsvHeader header) {
            this.header = header;
            customer = header.indexOf(CUSTOMER);
            click = header.indexOf(CLICK);
            visit = header.indexOf(VISIT);
            List<String> missing = new ArrayList<>();
            if (customer < 0) {
                missing.add(CUSTOMER);
            }
            if (click < 0 && visit < 0) {
                missing.add(CLICK + " or " + VISIT);
            }
            if (!missing.isEmpty()) {
                throw header.missing(missing, click < 0 && visit < 0 ? " (at least one of the date columns is needed)"
                        : "");
            }
        }

        Map.Entry<String, EngagementFacts> facts(RecordFields records) {
            long line = records.line();
            String id = records.field(customer);
            if (id.isBlank()) {
                throw new OrderDataException(line, header.name(customer), null, "customer id is empty");
            }
            EngagementFacts facts = EngagementFacts.none();
            if (click >= 0) {
                LocalDate date = date(records, line, click);
                if (date != null) {
                    facts = facts.withLastEmailClick(date);
                }
            }
            if (visit >= 0) {
                LocalDate date = date(records, line, visit);
                if (date != null) {
                    facts = facts.withLastSiteVisit(date);
                }
            }
            return Map.entry(id.strip(), facts);
        }

        /** The date in a column, or null if the field is empty. */
        private LocalDate date(RecordFields records, long line, int column) {
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
    }

    @Override
    public String toString() {
        return "EngagementCsvReader[delimiter=" + OrderCsvFormat.show(format.delimiter()) + ", dates="
                + format.datePattern().orElse("iso") + ", zone=" + format.zone() + "]";
    }
}
