package dev.rfmkit.jackson;

import dev.rfmkit.order.Amounts;
import dev.rfmkit.order.ExclusionReason;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.OrderDataException;
import dev.rfmkit.order.OrderIngestion;
import dev.rfmkit.order.OrderSink;
import dev.rfmkit.order.OrderLine;
import dev.rfmkit.order.OrderLineView;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Streams an orders file into an {@link OrderIngestion} (or any {@link OrderSink}), one record at a time,
 * never holding the file.
 *
 * <p><b>Input.</b> CSV with a header row, laid out as the {@link OrderCsvFormat} says; UTF-8, a leading
 * byte-order mark ignored; gzip-compressed input recognised by its magic bytes (so files named
 * {@code .gz} and compressed standard input alike). Quoted fields may hold delimiters, doubled quotes
 * ({@code ""}) and line breaks. Lines that are empty or hold only whitespace are skipped: they are no
 * record and are not counted by the ingestion.
 *
 * <p><b>Line numbers</b> are 1-based physical lines of the file, the header being line 1 (or later,
 * after leading blank lines). A record whose quoted field holds line breaks spans several lines and is
 * numbered by its first; the records after it are numbered by the lines they really start on.
 *
 * <p><b>Per record</b>, in this order (the order of {@link ExclusionReason}): a blank customer id is
 * {@link ExclusionReason#MISSING_CUSTOMER_ID}; an empty or unreadable date is
 * {@link ExclusionReason#BAD_DATE}; an empty or unreadable amount (or quantity or price) is
 * {@link ExclusionReason#BAD_AMOUNT}, and a NaN or infinite one
 * {@link ExclusionReason#NON_FINITE_AMOUNT}. These the reader reports through
 * {@link OrderIngestion#reject}, naming the column. Otherwise the record becomes an {@link OrderLine}
 * (with its order id and status when the file has those columns; a blank one means none) offered to
 * {@link OrderIngestion#accept(long, OrderLine)}, which applies the status, as-of and window rules.
 * Every excluded record is also passed to the {@link RejectListener} with its raw text.
 *
 * <p><b>Field counts.</b> A record with more or fewer fields than the header is an
 * {@link OrderDataException} in strict ingestion ({@link IngestionOptions#strict()}). In lenient
 * ingestion, missing trailing fields are read as empty and extra fields are ignored: a record cut short
 * before its required values is then excluded by the checks above for the first empty one (usually a
 * bad date or amount), while one that lacks only an optional order id or status is included.
 *
 * <p><b>Errors.</b> In strict ingestion the first excluded record is an {@link OrderDataException}
 * with its line, column and reason, raised by the ingestion. Input that cannot be read as a whole is an
 * {@link OrderDataException} in either mode: an empty input, duplicate column names, missing required
 * columns (the message lists the columns the file has), malformed CSV (an unclosed quote, text after a
 * closing quote) and malformed UTF-8.
 *
 * <p>Immutable and safe to share between threads; each call reads independently.
 */
public final class OrderCsvReader {
    private final OrderCsvFormat format;

    private OrderCsvReader(OrderCsvFormat format) {
        this.format = format;
    }

    /**
     * A reader of files in a format.
     *
     * @param format the layout of the files
     * @return the reader
     */
    public static OrderCsvReader of(OrderCsvFormat format) {
        return new OrderCsvReader(Objects.requireNonNull(format, "format"));
    }

    /** The layout of the files this reader reads. */
    public OrderCsvFormat format() {
        return format;
    }

    /**
     * Reads an orders file into an ingestion.
     *
     * @param file the file, plain or gzip-compressed
     * @param ingestion the ingestion to feed; left open, so that several files can feed it
     * @param rejects told about each excluded record
     * @return how many records and lines were read
     * @throws IOException if the file cannot be read, or the listener fails
     * @throws OrderDataException if the file cannot be read as orders, or, in strict ingestion, at the
     *     first excluded record
     */
    public ReadStats read(Path file, OrderSink ingestion, RejectListener rejects) throws IOException {
        Objects.requireNonNull(file, "file");
        check(ingestion, rejects);
        try (InputStream in = Files.newInputStream(file);
                CsvRecords records = CsvRecords.open(in, format.delimiter(), format.maxLineLength())) {
            return read(records, file.toString(), ingestion, rejects);
        }
    }

    /**
     * Reads orders from a stream into an ingestion. The stream is read to its end and not closed.
     *
     * @param in the bytes, plain or gzip-compressed
     * @param sourceName the name of the input, such as a file name or {@code <stdin>}, for messages
     * @param ingestion the ingestion to feed; left open, so that several inputs can feed it
     * @param rejects told about each excluded record
     * @return how many records and lines were read
     * @throws IOException if the stream cannot be read, or the listener fails
     * @throws OrderDataException if the input cannot be read as orders, or, in strict ingestion, at the
     *     first excluded record
     */
    public ReadStats read(InputStream in, String sourceName, OrderSink ingestion, RejectListener rejects)
            throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        return read(in, sourceName, ingestion, rejects, true);
    }

    /**
     * A reader of records whose fields were split elsewhere, such as the rows of a Spark Dataset read
     * from CSV files: each record is checked and turned into an order line by exactly the rules that
     * apply to a line of a file in this format (columns found by name, dates, amounts, quantity x price,
     * the same exclusion reasons and messages).
     *
     * @param header the column names, in the order of the records' fields
     * @param ingestion the ingestion to feed
     * @param rejects told about each excluded record; its content is the fields joined by the
     *     delimiter, quoted where needed
     * @return the reader, for one thread
     * @throws OrderDataException if the header lacks a required column or names one twice
     */
    public FieldReader fieldReader(List<String> header, OrderSink ingestion, RejectListener rejects) {
        Objects.requireNonNull(header, "header");
        check(ingestion, rejects);
        CsvHeader h = CsvHeader.of(header, 1);
        Columns columns = new Columns(h);
        return new FieldReader(new RecordReader(columns, CsvDates.of(format), ingestion, rejects), columns.customer);
    }

    /** Reads records split elsewhere; see {@link #fieldReader}. Not thread-safe. */
    public final class FieldReader {
        private final RecordReader reader;
        private final int customerColumn;

        private FieldReader(RecordReader reader, int customerColumn) {
            this.reader = reader;
            this.customerColumn = customerColumn;
        }

        /**
         * Reads one record.
         *
         * @param line the record's line number for messages and rejects (1-based, the header being
         *     line 1), or 0 if it has none
         * @param fields the fields, in header order; null fields read as empty
         * @throws IOException if the reject listener fails
         * @throws OrderDataException in strict ingestion, at the first excluded record
         */
        public void read(long line, String[] fields) throws IOException {
            reader.readFields(new SplitFields(line, fields, format.delimiter()));
        }

        /**
         * The index of the customer id column in the header, found as the format's columns are found
         * (ignoring case and surrounding whitespace): for grouping records by customer before reading them.
         */
        public int customerColumn() {
            return customerColumn;
        }
    }

    /** A record split elsewhere. */
    record SplitFields(long line, String[] fields, char delimiter) implements RecordFields {
        @Override
        public int size() {
            return fields.length;
        }

        @Override
        public String field(int index) {
            return index >= fields.length || fields[index] == null ? "" : fields[index];
        }

        @Override
        public String content() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    sb.append(delimiter);
                }
                String f = field(i);
                if (f.indexOf(delimiter) >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                    sb.append('"').append(f.replace("\"", "\"\"")).append('"');
                } else {
                    sb.append(f);
                }
            }
            return sb.toString();
        }
    }

    /** Reads with or without the fast path for plain lines; the results are the same either way. */
    ReadStats read(InputStream in, String sourceName, OrderSink ingestion, RejectListener rejects, boolean fast)
            throws IOException {
        check(ingestion, rejects);
        try (CsvRecords records = CsvRecords.open(CsvRecords.unclosable(in), format.delimiter(), format.maxLineLength(),
                fast)) {
            return read(records, sourceName, ingestion, rejects);
        }
    }

    private static void check(OrderSink ingestion, RejectListener rejects) {
        Objects.requireNonNull(ingestion, "ingestion");
        Objects.requireNonNull(rejects, "rejects");
    }

    private ReadStats read(CsvRecords records, String sourceName, OrderSink ingestion, RejectListener rejects)
            throws IOException {
        CsvHeader header = CsvHeader.read(records, sourceName);
        Columns columns = new Columns(header);
        RecordReader reader = new RecordReader(columns, CsvDates.of(format), ingestion, rejects);
        long count = 0;
        while (records.next()) {
            count++;
            reader.read(records);
        }
        return new ReadStats(count, records.lines());
    }

    /** The header's indexes of the format's columns; -1 for an optional column the file lacks. */
    private final class Columns {
        final CsvHeader header;
        final int customer;
        final int order;
        final int date;
        final int amount;
        final int quantity;
        final int price;
        final int status;

        Columns(CsvHeader header) {
            this.header = header;
            List<String> missing = new ArrayList<>();
            customer = required(header, format.customerColumn(), missing);
            order = format.orderColumnRequired() ? required(header, format.orderColumn(), missing)
                    : header.indexOf(format.orderColumn());
            date = required(header, format.dateColumn(), missing);
            amount = format.amountColumn().isPresent() ? required(header, format.amountColumn().get(), missing) : -1;
            quantity = format.quantityColumn().isPresent()
                    ? required(header, format.quantityColumn().get(), missing) : -1;
            price = format.priceColumn().isPresent() ? required(header, format.priceColumn().get(), missing) : -1;
            status = format.statusColumnRequired() ? required(header, format.statusColumn(), missing)
                    : header.indexOf(format.statusColumn());
            if (!missing.isEmpty()) {
                throw header.missing(missing, "");
            }
        }

        private static int required(CsvHeader header, String name, List<String> missing) {
            int i = header.indexOf(name);
            if (i < 0) {
                missing.add(name);
            }
            return i;
        }
    }

    /** A record the reader excludes itself, before it could become an {@link OrderLine}. */
    private static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        final ExclusionReason reason;
        final int column;

        Rejected(ExclusionReason reason, int column, String message) {
            super(message, null, false, false);
            this.reason = reason;
            this.column = column;
        }
    }

    /** Turns records into order lines for one read. */
    private final class RecordReader {
        private final Columns columns;
        private final CsvHeader header;
        private final CsvDates dates;
        private final OrderSink ingestion;
        private final RejectListener rejects;
        private final boolean strict;
        private final char decimalSeparator;
        private final boolean lenientAmounts;
        private final boolean plainFields;
        private final OrderLineView view = new OrderLineView();
        private final AsciiText text = new AsciiText();
        private final PlainDates plainDates = new PlainDates();

        RecordReader(Columns columns, CsvDates dates, OrderSink ingestion, RejectListener rejects) {
            this.columns = columns;
            this.header = columns.header;
            this.dates = dates;
            this.ingestion = ingestion;
            this.rejects = rejects;
            this.strict = ingestion.options().strict();
            this.decimalSeparator = format.decimalSeparator();
            this.lenientAmounts = format.lenientAmounts();
            this.plainFields = format.datePattern().isEmpty() && !lenientAmounts;
        }

        void read(CsvRecords records) throws IOException {
            CsvScanner plain = records.plain();
            if (plain != null && plainFields && plain.ascii() && readPlain(records, plain)) {
                return;
            }
            long line = records.line();
            if (records.tooLong()) {
                String message = "line is longer than " + records.maxRecord() + " characters";
                ingestion.reject(line, ExclusionReason.LINE_TOO_LONG, null, message);
                rejects.rejected(line, ExclusionReason.LINE_TOO_LONG, Optional.empty(), message,
                        "(not kept: longer than " + records.maxRecord() + " characters)");
                return;
            }
            readFields(records);
        }

        /** Reads a record of the general path, split by this module's reader or elsewhere. */
        void readFields(RecordFields records) throws IOException {
            long line = records.line();
            checkFieldCount(records);
            OrderLine orderLine;
            try {
                orderLine = orderLine(records);
            } catch (Rejected r) {
                String column = header.name(r.column);
                ingestion.reject(line, r.reason, column, r.getMessage());
                rejects.rejected(line, r.reason, Optional.of(column), r.getMessage(), records.content());
                return;
            }
            Optional<ExclusionReason> excluded = ingestion.accept(line, orderLine);
            if (excluded.isPresent()) {
                ExclusionReason reason = excluded.get();
                int column = reason == ExclusionReason.EXCLUDED_STATUS ? columns.status
                        : reason == ExclusionReason.MISSING_CUSTOMER_ID ? columns.customer : columns.date;
                rejects.rejected(line, reason, Optional.of(header.name(column)), message(reason, orderLine),
                        records.content());
            }
        }

        private void checkFieldCount(RecordFields records) {
            if (strict && records.size() != header.size()) {
                throw new OrderDataException(records.line(), null, null, "record has " + records.size()
                        + " fields, expected " + header.size() + " as in the header");
            }
        }

        /**
         * Reads an ASCII record of the fast path straight from its bytes, when its customer id, date and
         * amount are in their common forms; false, having done nothing, if it needs the general path
         * (which reads it to the same result, or rejects it with the precise reason).
         */
        private boolean readPlain(CsvRecords records, CsvScanner plain) throws IOException {
            int customer = columns.customer;
            int size = plain.size();
            if (customer >= size || plain.escaped(customer) || blank(plain, customer)) {
                return false;
            }
            int day = columns.date < size && !plain.escaped(columns.date)
                    ? plainDates.epochDay(plain.bytes(), plain.from(columns.date), plain.to(columns.date))
                    : PlainDates.NONE;
            if (day == PlainDates.NONE) {
                return false;
            }
            long units;
            try {
                if (columns.amount >= 0) {
                    units = number(plain, columns.amount);
                } else {
                    units = Amounts.multiply(number(plain, columns.quantity), number(plain, columns.price));
                }
            } catch (NumberFormatException | ArithmeticException e) {
                return false;
            }
            int orderFrom = -1;
            int orderTo = -1;
            if (columns.order >= 0 && columns.order < size) {
                if (plain.escaped(columns.order)) {
                    return false;
                }
                orderFrom = plain.from(columns.order);
                orderTo = plain.to(columns.order);
            }
            String status = null;
            if (columns.status >= 0) {
                status = records.field(columns.status).strip();
                status = status.isEmpty() ? null : status;
            }
            checkFieldCount(records);
            view.set(plain.bytes(), plain.from(customer), plain.to(customer), orderFrom, orderTo, day, units, status);
            long line = records.line();
            Optional<ExclusionReason> excluded = ingestion.accept(line, view);
            if (excluded.isPresent()) {
                ExclusionReason reason = excluded.get();
                int column = reason == ExclusionReason.EXCLUDED_STATUS ? columns.status : columns.date;
                rejects.rejected(line, reason, Optional.of(header.name(column)), message(reason, view.toOrderLine()),
                        records.content());
            }
            return true;
        }

        private static boolean blank(CsvScanner plain, int field) {
            byte[] bytes = plain.bytes();
            for (int i = plain.from(field); i < plain.to(field); i++) {
                if (!Character.isWhitespace(bytes[i])) {
                    return false;
                }
            }
            return true;
        }

        /** A number field of the fast path; NumberFormatException if it needs the general path. */
        private long number(CsvScanner plain, int field) {
            if (field >= plain.size() || plain.escaped(field)) {
                throw new NumberFormatException();
            }
            long units = PlainAmounts.parse(plain.bytes(), plain.from(field), plain.to(field), decimalSeparator);
            return units != PlainAmounts.NONE ? units
                    : Amounts.parse(text.of(plain.bytes(), plain.from(field), plain.to(field)), decimalSeparator);
        }

        private OrderLine orderLine(RecordFields records) throws Rejected {
            String customer = records.field(columns.customer);
            if (customer.isBlank()) {
                throw new Rejected(ExclusionReason.MISSING_CUSTOMER_ID, columns.customer, "customer id is empty");
            }
            String dateText = records.field(columns.date);
            LocalDate date;
            try {
                date = dates.parse(dateText);
            } catch (DateTimeException e) {
                throw new Rejected(ExclusionReason.BAD_DATE, columns.date, dates.problem(dateText));
            }
            long units;
            if (columns.amount >= 0) {
                units = number(records.field(columns.amount), columns.amount);
            } else {
                String q = records.field(columns.quantity);
                String p = records.field(columns.price);
                long quantity = number(q, columns.quantity);
                long price = number(p, columns.price);
                try {
                    units = Amounts.multiply(quantity, price);
                } catch (ArithmeticException e) {
                    throw new Rejected(ExclusionReason.BAD_AMOUNT, columns.quantity,
                            "quantity " + q.strip() + " x price " + p.strip() + " is out of range");
                }
            }
            OrderLine line = OrderLine.ofUnits(customer, date, units);
            if (columns.order >= 0) {
                line = line.withOrderId(records.field(columns.order));
            }
            if (columns.status >= 0) {
                line = line.withStatus(records.field(columns.status));
            }
            return line;
        }

        private long number(String text, int column) throws Rejected {
            try {
                return Amounts.parse(lenientAmounts ? LenientAmounts.normalize(text, decimalSeparator) : text,
                        decimalSeparator);
            } catch (NumberFormatException e) {
                if (text.isBlank()) {
                    throw new Rejected(ExclusionReason.BAD_AMOUNT, column, "value is empty (expected a number)");
                }
                if (Amounts.isNonFinite(text)) {
                    throw new Rejected(ExclusionReason.NON_FINITE_AMOUNT, column,
                            "\"" + text + "\" is not a finite number");
                }
                char other = decimalSeparator == '.' ? ',' : '.';
                String hint = text.indexOf(other) >= 0
                        ? " (the decimal separator is " + OrderCsvFormat.show(decimalSeparator) + ")" : "";
                throw new Rejected(ExclusionReason.BAD_AMOUNT, column, e.getMessage() + hint);
            }
        }

        private String message(ExclusionReason reason, OrderLine line) {
            IngestionOptions options = ingestion.options();
            switch (reason) {
                case EXCLUDED_STATUS:
                    return "status \"" + line.status().orElse("") + "\" is excluded";
                case AFTER_AS_OF:
                    return "date " + line.date() + " is after the as-of date "
                            + options.asOf().map(LocalDate::toString).orElse("?");
                case BEFORE_WINDOW:
                    return "date " + line.date() + " is before the look-back window of "
                            + options.windowDays().orElse(0) + " days"
                            + options.asOf().map(d -> ", which starts "
                                    + d.minusDays(options.windowDays().orElse(1) - 1L)).orElse("");
                case MISSING_CUSTOMER_ID:
                    return "customer id is empty";
                default:
                    return reason.description();
            }
        }
    }

    /**
     * What one read went through.
     *
     * @param records the data records read (excluded ones included; the header and blank lines not)
     * @param lines the physical lines of the input, header and blank lines included
     */
    public record ReadStats(long records, long lines) {
        /**
         * Checks the counts.
         *
         * @param records the data records read
         * @param lines the physical lines of the input
         * @throws IllegalArgumentException if a count is negative
         */
        public ReadStats {
            if (records < 0 || lines < 0) {
                throw new IllegalArgumentException("counts must not be negative (was " + records + " records, "
                        + lines + " lines)");
            }
        }
    }

    @Override
    public String toString() {
        return "OrderCsvReader[" + format + "]";
    }
}
