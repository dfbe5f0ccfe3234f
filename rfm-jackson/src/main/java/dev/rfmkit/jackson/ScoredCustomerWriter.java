package dev.rfmkit.jackson;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.rfmkit.RfmResult;
import dev.rfmkit.ScoredCustomer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Writes scored customers, one row per customer in the result's row order, as CSV or JSON Lines.
 *
 * <p>Columns (CSV header, JSON field names), in this order: {@code customer_id}, {@code recency_days},
 * {@code frequency}, {@code monetary} (two decimals, rounded half to even), {@code r}, {@code f},
 * {@code m}, {@code rfm} (the score code, such as {@code 545}), {@code segment} (the segment id).
 * CSV quotes fields only where needed; JSON Lines writes one object per line, {@code monetary} as a
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

    private static final CsvMapper CSV = new CsvMapper();
    private static final JsonFactory JSON = new JsonFactory();

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
        CsvSchema.Builder schema = CsvSchema.builder();
        for (String c : COLUMNS) {
            schema.addColumn(c);
        }
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (SequenceWriter rows = CSV.writerFor(String[].class)
                .with(schema.build().withHeader().withLineSeparator("\n"))
                .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                // one flush at the end, not one per row (a system call each on a file)
                .without(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .writeValues(writer)) {
            String[] row = new String[COLUMNS.size()];
            for (int i = 0; i < result.size(); i++) {
                ScoredCustomer c = result.customer(i);
                row[0] = excelSafe ? excelSafe(c.customerId()) : c.customerId();
                row[1] = Integer.toString(c.recencyDays());
                row[2] = Integer.toString(c.frequency());
                row[3] = c.monetary().toPlainString();
                row[4] = Integer.toString(c.score().r());
                row[5] = Integer.toString(c.score().f());
                row[6] = Integer.toString(c.score().m());
                row[7] = c.score().code();
                row[8] = excelSafe ? excelSafe(c.segment().id()) : c.segment().id();
                rows.write(row);
            }
        }
        writer.flush();
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
