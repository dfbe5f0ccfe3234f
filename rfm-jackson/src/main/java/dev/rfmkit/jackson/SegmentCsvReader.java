package dev.rfmkit.jackson;

import dev.rfmkit.order.OrderDataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the output of {@code rfm segment} (CSV) back as each customer's segment id, for comparing
 * snapshots ({@link dev.rfmkit.report.Migration}). Only the columns {@code customer_id} and
 * {@code segment} are used, found by name ignoring case; other columns are ignored. Input handling
 * is that of {@link OrderCsvReader}: UTF-8 with an optional byte-order mark, gzip recognised by its
 * magic bytes, quoted fields, physical line numbers with the header as line 1.
 *
 * <p>There is no lenient mode: an empty customer id or segment, a customer listed twice or a record
 * with more or fewer fields than the header is an {@link OrderDataException} naming the line.
 */
public final class SegmentCsvReader {
    private static final String CUSTOMER = "customer_id";
    private static final String SEGMENT = "segment";

    private SegmentCsvReader() {
    }

    /**
     * Reads a segment file.
     *
     * @param file the file, plain or gzip-compressed
     * @return segment id by customer id, in file order, immutable
     * @throws IOException if the file cannot be read
     * @throws OrderDataException if a column is missing or a line is bad
     */
    public static Map<String, String> read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file); CsvRecords records = CsvRecords.open(in, ',')) {
            return read(records, file.toString());
        }
    }

    /**
     * Reads segments from a stream, which is read to its end and not closed.
     *
     * @param in the bytes, plain or gzip-compressed
     * @param sourceName the name of the input, for messages
     * @return segment id by customer id, in input order, immutable
     * @throws IOException if the stream cannot be read
     * @throws OrderDataException if a column is missing or a line is bad
     */
    public static Map<String, String> read(InputStream in, String sourceName) throws IOException {
        Objects.requireNonNull(in, "in");
        try (CsvRecords records = CsvRecords.open(CsvRecords.unclosable(in), ',')) {
            return read(records, Objects.requireNonNull(sourceName, "sourceName"));
        }
    }

    private static Map<String, String> read(CsvRecords records, String sourceName) throws IOException {
        CsvHeader header = CsvHeader.read(records, sourceName);
        int customer = header.indexOf(CUSTOMER);
        int segment = header.indexOf(SEGMENT);
        List<String> missing = new ArrayList<>();
        if (customer < 0) {
            missing.add(CUSTOMER);
        }
        if (segment < 0) {
            missing.add(SEGMENT);
        }
        if (!missing.isEmpty()) {
            throw header.missing(missing, " (is it the output of rfm segment?)");
        }
        Map<String, String> segments = new LinkedHashMap<>();
        Map<String, Long> lineOf = new LinkedHashMap<>();
        while (records.next()) {
            long line = records.line();
            records.requireWhole(header);
            String id = records.field(customer).strip();
            if (id.isEmpty()) {
                throw new OrderDataException(line, header.name(customer), null, "customer id is empty");
            }
            String seg = records.field(segment).strip();
            if (seg.isEmpty()) {
                throw new OrderDataException(line, header.name(segment), null, "segment is empty");
            }
            Long first = lineOf.putIfAbsent(id, line);
            if (first != null) {
                throw new OrderDataException(line, header.name(customer), null, "customer " + id
                        + " is listed twice (first on line " + first + ")");
            }
            segments.put(id, seg);
        }
        return Collections.unmodifiableMap(segments);
    }
}
