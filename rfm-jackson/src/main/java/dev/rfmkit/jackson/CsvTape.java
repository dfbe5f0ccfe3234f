package dev.rfmkit.jackson;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A UTF-8 {@link Reader} over bytes that keeps the characters it has handed to the CSV parser, so that
 * the raw text of a record can be cut out of the input once the parser has read the record, and that
 * counts physical lines.
 *
 * <p>Characters are addressed by their absolute offset in the decoded text (a leading byte-order mark
 * is dropped and not counted), the offset Jackson reports as a token's character offset. Line counting
 * moves forward only: {@link #lineAt} counts line terminators ({@code \n}, {@code \r\n} and a lone
 * {@code \r}, each one terminator) from the previous position, and the characters before that position
 * may then be dropped. So the tape holds the current record plus the parser's read-ahead, never the
 * whole input.
 *
 * <p>Malformed UTF-8 is not replaced: the characters before it are handed out first, then reading
 * fails with a {@link MalformedInputException}, so that {@link #lineAt lineAt(decodedEnd())} is the
 * line of the bad bytes and {@link #malformedBytes()} shows them.
 *
 * <p>Not thread-safe.
 */
final class CsvTape extends Reader {
    private static final int MIN_ROOM = 8192;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private boolean endOfBytes;
    private boolean flushed;
    private boolean bomChecked;
    private MalformedInputException malformed;
    private String malformedBytes = "";

    private char[] buf = new char[1 << 15];
    private long base;
    private int delivered;
    private int end;
    private char lastChar;

    private long linePos;
    private long line = 1;

    // record framing: only whole records are handed out, so that a record longer than the maximum can
    // be replaced, before the parser sees any of it, by a marker record that keeps its line count
    private static final char MARKER = '\uE000';
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_SEEN = 3;
    private final char delimiter;
    private final char quote;
    private final int maxRecord;
    private int scanned;
    private int deliverable;
    private int recordStart;
    private int state = FIELD_START;
    private boolean skipping;
    private long skippedBreaks;
    private boolean previousCr;
    private final java.util.ArrayDeque<long[]> markerLines = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<Long> markerRecords = new java.util.ArrayDeque<>();

    CsvTape(InputStream in) {
        this(in, ',', '"', Integer.MAX_VALUE);
    }

    /**
     * A tape that replaces every record longer than maxRecord characters (its line terminator not
     * counted) by a marker record, which {@link #tooLong} reports.
     */
    CsvTape(InputStream in, char delimiter, char quote, int maxRecord) {
        this(in, delimiter, quote, maxRecord, 1);
    }

    /**
     * A tape over the rest of an input whose earlier lines were read elsewhere: the first line is
     * numbered firstLine, and a byte-order mark at its start is a character like any other.
     */
    CsvTape(InputStream in, char delimiter, char quote, int maxRecord, long firstLine) {
        this.in = Objects.requireNonNull(in, "in");
        this.line = firstLine;
        this.bomChecked = firstLine > 1;
        this.delimiter = delimiter;
        this.quote = quote;
        this.maxRecord = maxRecord;
    }

    /**
     * Whether the record starting at an offset stands for a record that was too long. Ask in increasing
     * order of offsets.
     */
    boolean tooLong(long recordOffset) {
        while (!markerRecords.isEmpty() && markerRecords.peekFirst() < recordOffset) {
            markerRecords.pollFirst();
        }
        return !markerRecords.isEmpty() && markerRecords.peekFirst() == recordOffset;
    }

    /** The maximum record length in characters. */
    int maxRecord() {
        return maxRecord;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, cbuf.length);
        if (len == 0) {
            return 0;
        }
        if (delivered == deliverable && !fill()) {
            return -1;
        }
        int n = Math.min(len, deliverable - delivered);
        System.arraycopy(buf, delivered, cbuf, off, n);
        delivered += n;
        return n;
    }

    /** Decodes until at least one more whole record can be handed out; false at the end of the input. */
    private boolean fill() throws IOException {
        while (deliverable == delivered) {
            if (malformed != null) {
                if (deliverable < end) { // hand out what came before the bad bytes first
                    deliverable = end;
                    return true;
                }
                throw malformed;
            }
            if (flushed) {
                if (skipping) {
                    endSkipping();
                }
                deliverable = end;
                return deliverable > delivered;
            }
            makeRoom();
            int before = end;
            CharBuffer out = CharBuffer.wrap(buf, end, buf.length - end);
            CoderResult result = decoder.decode(bytes, out, endOfBytes);
            if (result.isUnderflow() && endOfBytes) {
                result = decoder.flush(out);
                flushed = result.isUnderflow();
            }
            end = out.position();
            if (result.isError()) {
                malformed = new MalformedInputException(result.length());
                malformedBytes = hex(bytes, result.length());
            } else if (result.isUnderflow() && !endOfBytes && end == before) {
                readBytes();
            }
            if (!bomChecked && end > 0) {
                bomChecked = true;
                if (buf[0] == '\uFEFF') {
                    System.arraycopy(buf, 1, buf, 0, --end);
                }
            }
            if (end > before) {
                lastChar = buf[end - 1];
                scan();
            }
        }
        return true;
    }

    /**
     * Follows the CSV quoting over the newly decoded characters: marks whole records deliverable, and
     * drops the characters of a record that grows beyond the maximum, which ends as a marker record.
     */
    private void scan() {
        int w = scanned;
        for (int i = scanned; i < end; i++) {
            char c = buf[i];
            boolean terminator = c == '\n' || c == '\r';
            boolean recordEnds = false;
            switch (state) {
                case QUOTED -> {
                    if (c == quote) {
                        state = QUOTE_SEEN;
                    } else if (skipping && terminator && !(c == '\n' && previousCr)) {
                        skippedBreaks++;
                    }
                }
                case QUOTE_SEEN -> {
                    if (c == quote) {
                        state = QUOTED;
                    } else {
                        recordEnds = terminator;
                        state = c == delimiter || terminator ? FIELD_START : UNQUOTED;
                    }
                }
                default -> {
                    if (terminator) {
                        recordEnds = true;
                        state = FIELD_START;
                    } else if (state == FIELD_START && c == quote) {
                        state = QUOTED;
                    } else {
                        state = c == delimiter ? FIELD_START : UNQUOTED;
                    }
                }
            }
            previousCr = c == '\r';
            if (skipping) {
                if (recordEnds) {
                    endSkipping();
                    buf[w++] = c; // the marker is at recordStart; its terminator follows
                    deliverable = w;
                    recordStart = w;
                }
                continue;
            }
            buf[w++] = c;
            if (recordEnds) {
                deliverable = w;
                recordStart = w;
            } else if (w - recordStart > maxRecord) {
                // too long: drop what is held of it, counting the line breaks inside its quotes
                skipping = true;
                skippedBreaks = 0;
                for (int k = recordStart; k < w; k++) {
                    char b = buf[k];
                    if (b == '\n' && (k == recordStart || buf[k - 1] != '\r') || b == '\r') {
                        skippedBreaks++;
                    }
                }
                buf[recordStart] = MARKER;
                w = recordStart + 1;
            }
        }
        end = w;
        scanned = w;
    }

    /** Ends a dropped record: the marker at recordStart stands for it. */
    private void endSkipping() {
        markerLines.addLast(new long[] {base + recordStart, skippedBreaks});
        markerRecords.addLast(base + recordStart);
        skipping = false;
    }

    private void readBytes() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfBytes = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    /** Drops the characters before the line position, and grows the buffer if that is not enough. */
    private void makeRoom() {
        if (buf.length - end >= MIN_ROOM) {
            return;
        }
        int drop = (int) Math.min(linePos - base, delivered);
        if (drop > 0) {
            System.arraycopy(buf, drop, buf, 0, end - drop);
            base += drop;
            delivered -= drop;
            end -= drop;
            scanned -= drop;
            deliverable -= drop;
            recordStart -= drop;
        }
        if (buf.length - end < MIN_ROOM) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, end + MIN_ROOM));
        }
    }

    private static String hex(ByteBuffer b, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length && b.position() + i < b.limit(); i++) {
            sb.append(sb.length() == 0 ? "" : " ").append(String.format("%02X", b.get(b.position() + i) & 0xFF));
        }
        return sb.toString();
    }

    /**
     * The 1-based physical line at a character offset: one more than the number of line terminators
     * before it. Moves the line position forward to the offset; an offset before the line position
     * (which a correct caller never passes) yields the line at the position.
     *
     * @param offset the absolute character offset, at most {@link #decodedEnd()}
     * @return the line number
     */
    long lineAt(long offset) {
        if (offset <= linePos) {
            return line;
        }
        int from = (int) (linePos - base);
        int to = (int) (Math.min(offset, base + end) - base);
        long l = line;
        for (int i = from; i < to; i++) {
            if (!markerLines.isEmpty() && markerLines.peekFirst()[0] == base + i) {
                l += markerLines.pollFirst()[1]; // the line breaks inside the record the marker stands for
            }
            char c = buf[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= end || buf[i + 1] != '\n'))) {
                l++;
            }
        }
        line = l;
        linePos = base + to;
        return l;
    }

    /**
     * The number of physical lines in the whole input, once it has been read: the line terminators,
     * plus one for a last line without a terminator.
     *
     * @return the number of lines
     */
    long lines() {
        long endOffset = decodedEnd();
        long terminators = lineAt(endOffset) - 1;
        boolean openLastLine = endOffset > 0 && lastChar != '\n' && lastChar != '\r';
        return terminators + (openLastLine ? 1 : 0);
    }

    /** The absolute offset after the last character decoded so far. */
    long decodedEnd() {
        return base + end;
    }

    /** The bytes that are not UTF-8, in hex, after reading failed on them. */
    String malformedBytes() {
        return malformedBytes;
    }

    /**
     * The raw text of the record that starts at an offset, up to its line terminator (excluded) or the
     * end of the input: quoted fields may hold delimiters, doubled quotes and line terminators; a
     * quote opens a quoted field only as the field's first character, as in Jackson's CSV parser.
     *
     * @param start the absolute offset of the record, at or after the line position
     * @param delimiter the field delimiter
     * @param quote the quote character
     * @return the record as it stands in the input
     */
    String record(long start, char delimiter, char quote) {
        int from = (int) (start - base);
        if (from < 0 || from > end) {
            throw new IllegalStateException("record at offset " + start + " is no longer held (held from " + base + ")");
        }
        int i = from;
        boolean fieldStart = true;
        while (i < end) {
            char c = buf[i];
            if (fieldStart && c == quote) {
                i++;
                while (i < end) {
                    if (buf[i] == quote) {
                        if (i + 1 < end && buf[i + 1] == quote) {
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    i++;
                }
                fieldStart = false;
                continue;
            }
            if (c == '\n' || c == '\r') {
                break;
            }
            fieldStart = c == delimiter;
            i++;
        }
        return new String(buf, from, i - from);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
