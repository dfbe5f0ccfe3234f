package dev.rfmkit.jackson;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.rfmkit.RfmResult;
import dev.rfmkit.ScoredCustomer;
import dev.rfmkit.metrics.CustomerTable;
import dev.rfmkit.metrics.MonetaryMode;
import dev.rfmkit.score.RfmScores;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes scored customers, one row per customer in the result's row order, as CSV or JSON Lines.
 *
 * <p>Columns (CSV header, JSON field names), in this order: {@code customer_id}, {@code recency_days},
 * {@code frequency}, {@code monetary} (two decimals, rounded half to even), {@code r}, {@code f},
 * {@code m}, {@code rfm} (the score code, such as {@code 545}), {@code segment} (the segment id).
 * CSV quotes a cell (doubling its quotes) when it holds a comma, a quote or a line break, and, being
 * conservative, also when it is longer than 24 characters or holds a space or another character below
 * {@code '-'} or a backslash; JSON Lines writes one object per line, {@code monetary} as a
 * number and {@code rfm} as a string. Output is UTF-8 with {@code \n} line ends.
 *
 * <p>Stateless and safe to share between threads.
 */
public final class ScoredCustomerWriter {
    /** The output formats. */
    public enum Format {
        /** Comma-separated values with a header row. */
        CSV,
        /** JSON Lines: one JSON object per line. */
        JSONL
    }

    /** The column names, in output order. */
    public static final List<String> COLUMNS =
            List.of("customer_id", "recency_days", "frequency", "monetary", "r", "f", "m", "rfm", "segment");

    private static final JsonFactory JSON = new JsonFactory();
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final int BLOCK_ROWS = 1 << 15;
    // daemon threads, ended when idle
    private static final ExecutorService FORMATTER = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "rfmkit-csv-writer");
        t.setDaemon(true);
        return t;
    });

    private final Format format;
    private final boolean excelSafe;

    private ScoredCustomerWriter(Format format, boolean excelSafe) {
        this.format = format;
        this.excelSafe = excelSafe;
    }

    /**
     * A writer of one format.
     *
     * @param format CSV or JSON Lines
     * @return the writer
     */
    public static ScoredCustomerWriter of(Format format) {
        return new ScoredCustomerWriter(Objects.requireNonNull(format, "format"), false);
    }

    /**
     * The same writer, with CSV text cells made safe to open in a spreadsheet: a customer id or segment
     * that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return (which a
     * spreadsheet would run as a formula) gets a leading apostrophe. Off by default, so that ids stay
     * joinable with other data; numbers are never changed. JSON Lines output is not affected.
     *
     * @param safe whether to neutralise formula-like cells
     * @return the writer
     */
    public ScoredCustomerWriter withExcelSafe(boolean safe) {
        return new ScoredCustomerWriter(format, safe);
    }

    /**
     * A text cell made safe for spreadsheets: a leading apostrophe if it starts like a formula.
     *
     * @param cell the text
     * @return the cell, neutralised if needed
     */
    public static String excelSafe(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }

    /** The format this writer writes. */
    public Format format() {
        return format;
    }

    /**
     * Writes every customer of a result. The stream is flushed, not closed.
     *
     * @param result the result
     * @param out the stream to write to
     * @throws IOException if writing fails
     */
    public void write(RfmResult result, OutputStream out) throws IOException {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(out, "out");
        if (format == Format.CSV) {
            writeCsv(result, out, excelSafe);
        } else {
            writeJsonLines(result, out);
        }
    }

    private static void writeCsv(RfmResult result, OutputStream out, boolean excelSafe) throws IOException {
        CsvRows rows = new CsvRows(out, excelSafe, true);
        int n = result.size();
        if (n <= BLOCK_ROWS || CORES < 2) {
            writeRows(result, 0, n, rows);
            rows.flush();
            return;
        }
        // Blocks of rows are formatted two at a time, the second on another thread into memory, and
        // written in row order: the same bytes, in about half the time on two cores.
        ByteArrayOutputStream second = new ByteArrayOutputStream(BLOCK_ROWS * 64);
        for (int from = 0; from < n; from += 2 * BLOCK_ROWS) {
            int mid = Math.min(n, from + BLOCK_ROWS);
            int to = Math.min(n, mid + BLOCK_ROWS);
            second.reset();
            Future<?> formatting = mid < to ? FORMATTER.submit(() -> {
                CsvRows block = new CsvRows(second, excelSafe, false);
                writeRows(result, mid, to, block);
                block.flush();
                return null;
            }) : null;
            writeRows(result, from, mid, rows);
            if (formatting != null) {
                rows.flush();
                await(formatting);
                second.writeTo(out);
            }
        }
        rows.flush();
    }

    private static void writeRows(RfmResult result, int from, int to, CsvRows rows) throws IOException {
        CustomerTable customers = result.customers();
        RfmScores scores = result.scores();
        MonetaryMode mode = customers.monetaryMode();
        for (int i = from; i < to; i++) {
            rows.write(customers.customerId(i), customers.recencyDays(i), customers.frequency(i),
                    customers.totalAmountUnits(i), mode, scores.r(i), scores.f(i), scores.m(i), result.segment(i).id());
        }
    }

    /** Waits for a block being formatted and rethrows what it threw; an interrupt ends the writing. */
    private static void await(Future<?> formatting) throws IOException {
        try {
            formatting.get();
        } catch (InterruptedException e) {
            formatting.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing rows");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            } else if (cause instanceof RuntimeException r) {
                throw r;
            } else if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * A CSV writer of rows given one at a time, for results that are not an {@link RfmResult} in
     * memory (rows streamed from a cluster, say): the header now, then the same cells, quoting and
     * rounding as {@link #write} writes. CSV only.
     *
     * @param out the stream to write to; flushed by {@link CsvRows#flush()}, not closed
     * @return the row writer, for one thread
     * @throws IOException if the header cannot be written
     * @throws IllegalStateException if this writer's format is not CSV
     */
    public CsvRows csvRows(OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        if (format != Format.CSV) {
            throw new IllegalStateException("rows one at a time are written as CSV only (format is " + format + ")");
        }
        return new CsvRows(out, excelSafe, true);
    }

    /** Rows of {@code segment} CSV, one at a time; see {@link #csvRows}. Not thread-safe. */
    public static final class CsvRows {
        private final CsvOut csv;
        private final boolean excelSafe;

        private CsvRows(OutputStream out, boolean excelSafe, boolean header) throws IOException {
            this.csv = new CsvOut(out);
            this.excelSafe = excelSafe;
            if (header) {
                for (int c = 0; c < COLUMNS.size(); c++) {
                    csv.cell(c, COLUMNS.get(c));
                }
                csv.endRow();
            }
        }

        /**
         * Writes one customer.
         *
         * @param customerId the customer id
         * @param recencyDays the recency in days
         * @param frequency the number of orders
         * @param totalAmountUnits the sum of the customer's included amounts in units of 1/10,000; the
         *     monetary cell is {@link MonetaryMode#decimal} of it with 2 decimals
         * @param mode total or average order value
         * @param r the R score
         * @param f the F score
         * @param m the M score
         * @param segmentId the segment id
         * @throws IOException if writing fails
         */
        public void write(String customerId, int recencyDays, int frequency, long totalAmountUnits, MonetaryMode mode,
                int r, int f, int m, String segmentId) throws IOException {
            csv.cell(0, excelSafe ? excelSafe(customerId) : customerId);
            csv.number(1, recencyDays);
            csv.number(2, frequency);
            if (mode == MonetaryMode.TOTAL) {
                csv.cents(3, centsHalfEven(totalAmountUnits));
            } else {
                csv.cell(3, mode.decimal(totalAmountUnits, frequency, 2).toPlainString());
            }
            csv.number(4, r);
            csv.number(5, f);
            csv.number(6, m);
            if (r < 10 && f < 10 && m < 10) {
                csv.number(7, (r * 10 + f) * 10 + m);
            } else {
                csv.cell(7, r + "-" + f + "-" + m);
            }
            csv.cell(8, excelSafe ? excelSafe(segmentId) : segmentId);
            csv.endRow();
        }

        /**
         * Writes out what is buffered and flushes the stream.
         *
         * @throws IOException if writing fails
         */
        public void flush() throws IOException {
            csv.flush();
        }
    }

    /** Units (1/10,000) rounded half to even to cents, as {@link CustomerTable#monetaryDecimal} rounds. */
    static long centsHalfEven(long units) {
        long q = Math.floorDiv(units, 100);
        long r = Math.floorMod(units, 100);
        return r > 50 || (r == 50 && (q & 1) != 0) ? q + 1 : q;
    }

    /**
     * CSV rows as UTF-8 bytes into a buffer: a cell is quoted (its quotes doubled) when
     * {@link #needsQuotes}; rows end in {@code \n}.
     */
    private static final class CsvOut {
        private final OutputStream out;
        private final byte[] buf = new byte[1 << 16];
        private int n;

        CsvOut(OutputStream out) {
            this.out = out;
        }

        void cell(int column, String text) throws IOException {
            separate(column);
            int length = text.length();
            if (length <= 24) {
                // the usual cell: short, plain ASCII, copied in the same pass that checks it
                room(length);
                boolean plain = true;
                for (int i = 0; i < length; i++) {
                    char c = text.charAt(i);
                    plain &= c >= '-' && c != '\\' && c < 0x80;
                    buf[n + i] = (byte) c;
                }
                if (plain) {
                    n += length;
                    return;
                }
            }
            if (!needsQuotes(text)) {
                append(text);
                return;
            }
            room(1);
            buf[n++] = '"';
            append(text.replace("\"", "\"\""));
            room(1);
            buf[n++] = '"';
        }

        void number(int column, int value) throws IOException {
            separate(column);
            digits(value);
        }

        /** An amount in cents, written with two decimals as {@link java.math.BigDecimal#toPlainString} does. */
        void cents(int column, long cents) throws IOException {
            separate(column);
            room(24);
            if (cents < 0) {
                buf[n++] = '-';
            }
            long abs = Math.abs(cents); // cents of a long amount in units are far from Long.MIN_VALUE
            digits(abs / 100);
            buf[n++] = '.';
            buf[n++] = (byte) ('0' + abs % 100 / 10);
            buf[n++] = (byte) ('0' + abs % 10);
        }

        private void digits(long value) throws IOException {
            room(21);
            if (value < 0) {
                buf[n++] = '-';
                value = -value; // no cell here is Long.MIN_VALUE
            }
            int count = 1;
            for (long v = value; v >= 10; v /= 10) {
                count++;
            }
            for (int i = n + count - 1; i >= n; i--) {
                buf[i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            n += count;
        }

        void endRow() throws IOException {
            room(1);
            buf[n++] = '\n';
        }

        void flush() throws IOException {
            out.write(buf, 0, n);
            n = 0;
            out.flush();
        }

        private void separate(int column) throws IOException {
            if (column > 0) {
                room(1);
                buf[n++] = ',';
            }
        }

        /**
         * Jackson's conservative rule, kept so that output stays as it was: quoted when longer than 24
         * characters or holding a character below {@code '-'} (a space, comma, quote, line break...)
         * or a backslash.
         */
        private static boolean needsQuotes(String text) {
            if (text.length() > 24) {
                return true;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '-' || c == '\\') {
                    return true;
                }
            }
            return false;
        }

        private void append(String text) throws IOException {
            int length = text.length();
            if (length > buf.length / 4) { // a long cell: as bytes of its own
                room(buf.length);
                out.write(text.getBytes(StandardCharsets.UTF_8));
                return;
            }
            room(length);
            boolean ascii = true;
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    ascii = false;
                    break;
                }
                buf[n + i] = (byte) c;
            }
            if (ascii) {
                n += length;
                return;
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            room(bytes.length);
            System.arraycopy(bytes, 0, buf, n, bytes.length);
            n += bytes.length;
        }

        /** Makes room for a number of bytes, writing out the buffer if needed. */
        private void room(int bytes) throws IOException {
            if (n + bytes > buf.length) {
                out.write(buf, 0, n);
                n = 0;
            }
        }
    }

    private static void writeJsonLines(RfmResult result, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setRootValueSeparator(new SerializedString("\n"));
            for (int i = 0; i < result.size(); i++) {
                ScoredCustomer c = result.customer(i);
                g.writeStartObject();
                g.writeStringField("customer_id", c.customerId());
                g.writeNumberField("recency_days", c.recencyDays());
                g.writeNumberField("frequency", c.frequency());
                g.writeNumberField("monetary", c.monetary());
                g.writeNumberField("r", c.score().r());
                g.writeNumberField("f", c.score().f());
                g.writeNumberField("m", c.score().m());
                g.writeStringField("rfm", c.score().code());
                g.writeStringField("segment", c.segment().id());
                g.writeEndObject();
            }
            if (result.size() > 0) {
                g.writeRaw('\n');
            }
        }
        out.flush();
    }
}
