package dev.rfmkit.jackson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.rfmkit.order.OrderDataException;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The records of a CSV input, read with Jackson's streaming CSV parser as arrays of strings, each with
 * its physical line number and, on demand, its raw text.
 *
 * <p>How line numbers and raw text are found: Jackson reads from a {@link CsvTape}, which keeps the
 * characters it has handed out. The character offset Jackson reports for the first field of a record
 * is where the record starts; the tape counts the line terminators before that offset, which gives the
 * 1-based physical line (quoted line breaks of earlier records included), and cuts the record's text
 * from that offset to its unquoted line terminator.
 *
 * <p>Blank lines (a record of one field whose raw text is empty or only whitespace) are skipped. Input
 * is UTF-8; a leading byte-order mark is ignored; gzip-compressed input is recognised by its magic
 * bytes. Malformed CSV (an unclosed quote, text after a closing quote) and malformed UTF-8 are an
 * {@link OrderDataException} naming the line.
 *
 * <p>Not thread-safe.
 */
final class CsvRecords implements Closeable, RecordFields {
    private static final CsvFactory FACTORY = new CsvFactory();
    private static final char QUOTE = '"';

    private final char delimiter;
    private final int maxRecord;
    // the fast path reads plain lines until the first it leaves to Jackson's parser, which then reads the rest
    private CsvScanner scanner;
    private boolean fromScanner;
    private CsvTape tape;
    private CsvParser parser;
    private String[] fields = new String[16];
    private int size;
    private long start;
    private long line;
    private String content;
    private boolean tooLong;

    private CsvRecords(InputStream in, char delimiter, int maxRecord, boolean fast) throws IOException {
        this.delimiter = delimiter;
        this.maxRecord = maxRecord;
        if (fast && CsvScanner.supports(delimiter)) {
            scanner = new CsvScanner(in, delimiter, maxRecord);
        } else {
            startParser(in, 1);
        }
    }

    private void startParser(InputStream in, long firstLine) throws IOException {
        tape = new CsvTape(in, delimiter, QUOTE, maxRecord, firstLine);
        parser = FACTORY.createParser(tape);
        parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(delimiter).withQuoteChar(QUOTE));
    }

    /**
     * Opens the records of a stream; closing the records closes the stream.
     *
     * @param in the bytes, plain or gzip-compressed
     * @param delimiter the field delimiter
     * @return the records
     * @throws IOException if the stream cannot be read
     */
    static CsvRecords open(InputStream in, char delimiter) throws IOException {
        return open(in, delimiter, OrderCsvFormat.DEFAULT_MAX_LINE_LENGTH);
    }

    /**
     * Opens the records of a stream; a record longer than maxRecord characters is not read but
     * reported by {@link #tooLong()}.
     */
    static CsvRecords open(InputStream in, char delimiter, int maxRecord) throws IOException {
        return open(in, delimiter, maxRecord, true);
    }

    /**
     * Opens the records of a stream, with or without the fast path for plain lines ({@link CsvScanner});
     * the records are the same either way.
     */
    static CsvRecords open(InputStream in, char delimiter, int maxRecord, boolean fast) throws IOException {
        return new CsvRecords(decompressed(in), delimiter, maxRecord, fast);
    }

    /**
     * For readers without a lenient mode: the current record must have been read whole and have as
     * many fields as the header.
     *
     * @throws OrderDataException naming the line otherwise
     */
    void requireWhole(CsvHeader header) {
        if (tooLong) {
            throw new OrderDataException(line, null, null, "line is longer than " + maxRecord() + " characters");
        }
        if (size != header.size()) {
            throw new OrderDataException(line, null, null, "record has " + size + " fields, expected " + header.size()
                    + " as in the header");
        }
    }

    /** Whether the current record was longer than the maximum (its fields are not read). */
    boolean tooLong() {
        return tooLong;
    }

    /** The maximum record length in characters. */
    int maxRecord() {
        return maxRecord;
    }

    /**
     * A stream whose {@code close()} leaves the given stream open, for streams the caller owns.
     *
     * @param in the caller's stream
     * @return a stream reading from it
     */
    static InputStream unclosable(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // the caller owns the stream
            }
        };
    }

    private static InputStream decompressed(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 2);
        byte[] magic = new byte[2];
        int n = 0;
        while (n < 2) {
            int r = pushback.read(magic, n, 2 - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        pushback.unread(magic, 0, n);
        boolean gzip = n == 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B;
        if (!gzip) {
            return pushback;
        }
        try {
            return new GZIPInputStream(pushback, 1 << 16);
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            throw new OrderDataException(1, null, null, "the gzip data is truncated or corrupt (" + e.getMessage() + ")");
        }
    }

    /**
     * Moves to the next record that is not a blank line.
     *
     * @return false at the end of the input
     * @throws IOException if the input cannot be read
     * @throws OrderDataException if the input is not valid CSV or not valid UTF-8
     */
    boolean next() throws IOException {
        while (readRecord()) {
            if (size != 1 || !field(0).isBlank() || !content().isBlank()) {
                return true;
            }
        }
        return false;
    }

    private boolean readRecord() throws IOException {
        size = 0;
        start = -1;
        content = null;
        if (scanner != null) {
            int r;
            try {
                r = scanner.next();
            } catch (java.io.EOFException | java.util.zip.ZipException e) {
                throw new OrderDataException(scanner.lineAtEnd(), null, null,
                        "the gzip data is truncated or corrupt (" + e.getMessage() + ")");
            }
            if (r == CsvScanner.RECORD) {
                fromScanner = true;
                size = scanner.size();
                line = scanner.line();
                tooLong = false;
                return true;
            }
            fromScanner = false;
            if (r == CsvScanner.END) {
                return false;
            }
            InputStream rest = scanner.rest();
            long firstLine = scanner.nextLine();
            scanner = null;
            startParser(rest, firstLine);
        }
        try {
            JsonToken t = parser.nextToken();
            if (t == null) {
                return false;
            }
            if (t != JsonToken.START_ARRAY) {
                throw new IllegalStateException("expected the start of a record, got " + t);
            }
            boolean nul = false;
            while ((t = parser.nextToken()) == JsonToken.VALUE_STRING) {
                if (size == 0) {
                    start = parser.currentTokenLocation().getCharOffset();
                }
                String field = parser.getText();
                nul |= field.indexOf('\0') >= 0;
                add(field);
            }
            if (nul) {
                throw new OrderDataException(tape.lineAt(start), null, null,
                        "input holds a NUL byte: binary data, not a CSV text file");
            }
            if (t != JsonToken.END_ARRAY || size == 0) {
                throw new IllegalStateException("expected a field or the end of a record, got " + t);
            }
            line = tape.lineAt(start);
            tooLong = tape.tooLong(start);
            return true;
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            throw new OrderDataException(tape.lineAt(tape.decodedEnd()), null, null,
                    "the gzip data is truncated or corrupt (" + e.getMessage() + ")");
        } catch (CharacterCodingException e) {
            throw new OrderDataException(tape.lineAt(tape.decodedEnd()), null, null,
                    "input is not valid UTF-8 (bytes " + tape.malformedBytes() + ")");
        } catch (JsonProcessingException e) {
            long offset = start >= 0 ? start : parser.currentTokenLocation().getCharOffset();
            throw new OrderDataException(offset < 0 ? 0 : tape.lineAt(offset), null, null,
                    "malformed csv: " + decapitalize(e.getOriginalMessage()));
        }
    }

    private void add(String value) {
        if (size == fields.length) {
            fields = Arrays.copyOf(fields, size * 2);
        }
        fields[size++] = value;
    }

    private static String decapitalize(String s) {
        if (s == null || s.isEmpty()) {
            return "unreadable record";
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** The 1-based physical line on which the current record starts. */
    @Override
    public long line() {
        return line;
    }

    /** The number of fields of the current record. */
    @Override
    public int size() {
        return size;
    }

    /**
     * A field of the current record.
     *
     * @param index the 0-based field index
     * @return the field, unquoted; the empty string if the record has fewer fields
     */
    @Override
    public String field(int index) {
        if (index >= size) {
            return "";
        }
        return fromScanner ? scanner.field(index) : fields[index];
    }

    /** The fast path's view of the current record (its fields as bytes), or null if Jackson read it. */
    CsvScanner plain() {
        return fromScanner ? scanner : null;
    }

    /** The raw text of the current record as it stands in the input, without its line terminator. */
    @Override
    public String content() {
        if (content == null) {
            content = fromScanner ? scanner.content() : tape.record(start, delimiter, QUOTE);
        }
        return content;
    }

    /** The number of physical lines of the input; valid once {@link #next()} returned false. */
    long lines() {
        return tape == null ? scanner.lines() : tape.lines();
    }

    @Override
    public void close() throws IOException {
        if (parser == null) {
            scanner.close();
            return;
        }
        try {
            parser.close();
        } finally {
            tape.close();
        }
    }
}
