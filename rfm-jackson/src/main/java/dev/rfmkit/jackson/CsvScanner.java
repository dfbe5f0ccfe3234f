package dev.rfmkit.jackson;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fast path of {@link CsvRecords}: splits plain CSV lines into fields as byte ranges, without
 * decoding them, and stops at the first line it is not sure to read exactly as Jackson's CSV parser
 * does, so that the general path can take over the rest of the input from that line on.
 *
 * <p>A line is taken here when it ends in {@code \n} or {@code \r\n} (or the end of the input), fits in
 * the buffer and is at most the maximum record length in bytes, holds no NUL and no other
 * {@code \r}, is valid UTF-8, and every quote opens a field and closes it right before a delimiter or
 * the line's end (doubled quotes inside are an escaped quote). Anything else, such as a quoted line
 * break or text after a closing quote, is left to the general path: {@link #next()} then answers
 * {@link #HAND_OFF} and {@link #rest()} gives the input from the start of that line.
 *
 * <p>Not thread-safe.
 */
final class CsvScanner {
    static final int RECORD = 0;
    static final int END = 1;
    static final int HAND_OFF = 2;

    private static final int NEED_MORE = -1;
    private static final int NOT_CLOSED = -2; // a line break or NUL inside the quotes, or the input's end
    private static final byte QUOTE = '"';
    private static final int BUFFER = 1 << 20;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = QUOTE * LOW_BITS;

    private final InputStream in;
    private final byte delimiter;
    private final long delimiters; // the delimiter in every byte of a word
    private final int maxRecord;
    private byte[] buf = new byte[BUFFER];
    // The first reads are small, doubling up to the buffer's size: the scan then meets the end of what
    // was read while the JIT compiler still profiles it, instead of compiling it without that path and
    // again when the end of the first buffer comes.
    private int readSize = 1 << 13;
    private int pos;
    private int limit;
    private boolean eof;
    private boolean bomChecked;
    private long nextLine = 1;

    private long line;
    private int start;
    private int end;
    private int size;
    private int[] from = new int[16];
    private int[] to = new int[16];
    private boolean[] escaped = new boolean[16];
    private boolean ascii;

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private CharBuffer decoded = CharBuffer.allocate(256);

    CsvScanner(InputStream in, char delimiter, int maxRecord) {
        this.in = in;
        this.delimiter = (byte) delimiter;
        this.delimiters = delimiter * LOW_BITS;
        this.maxRecord = maxRecord;
    }

    /** Whether a scanner can read files with this delimiter (an ASCII character other than the quote). */
    static boolean supports(char delimiter) {
        return delimiter > 0 && delimiter < 0x80 && delimiter != QUOTE && delimiter != '\n' && delimiter != '\r';
    }

    /**
     * Moves to the next line.
     *
     * @return {@link #RECORD}, {@link #END} at the end of the input, or {@link #HAND_OFF} if the next
     *     line is for the general path
     */
    int next() throws IOException {
        if (!bomChecked) {
            skipBom();
        }
        while (true) {
            int r = scan();
            if (r != NEED_MORE) {
                return r;
            }
            if (!fill()) {
                return HAND_OFF; // a line longer than the buffer
            }
        }
    }

    private int scan() {
        int i = pos;
        int n = 0;
        long any = 0; // the bytes of the line or-ed: a high bit set if one is not ASCII
        from[0] = i;
        escaped[0] = false;
        while (true) {
            // ordinary bytes skipped eight at a time, up to the next one that needs a look
            while (i <= limit - Long.BYTES) {
                long word = (long) WORDS.get(buf, i);
                long special = special(word);
                if (special != 0) {
                    int ordinary = Long.numberOfTrailingZeros(special) & ~7; // in bits
                    any |= word & ((1L << ordinary) - 1);
                    i += ordinary >>> 3;
                    break;
                }
                any |= word;
                i += Long.BYTES;
            }
            if (i == limit) {
                if (!eof) {
                    return NEED_MORE;
                }
                if (i == pos) {
                    return END;
                }
                if (buf[i - 1] == '\r') {
                    return HAND_OFF;
                }
                return record(i, i, n, any);
            }
            byte b = buf[i];
            if (b == delimiter) {
                to[n] = i;
                n = field(n + 1, i + 1);
            } else if (b == '\n') {
                int lineEnd = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                return record(lineEnd, i + 1, n, any);
            } else if (b == QUOTE) {
                if (i != from[n]) {
                    return HAND_OFF;
                }
                int close = closingQuote(i + 1, n);
                if (close < 0) {
                    return close == NEED_MORE ? NEED_MORE : HAND_OFF;
                }
                from[n] = i + 1;
                to[n] = close;
                int after = close + 1;
                if (after == limit) {
                    if (!eof) {
                        return NEED_MORE;
                    }
                } else if (buf[after] != delimiter && buf[after] != '\n'
                        && !(buf[after] == '\r' && after + 1 < limit && buf[after + 1] == '\n')) {
                    if (buf[after] == '\r' && after + 1 == limit && !eof) {
                        return NEED_MORE;
                    }
                    return HAND_OFF;
                }
                for (int k = i + 1; k < close; k++) {
                    any |= buf[k];
                }
                if (after < limit && buf[after] == delimiter) {
                    n = field(n + 1, after + 1);
                    i = after + 1;
                } else if (after < limit && buf[after] == '\r') {
                    return record(after, after + 2, n, any, true);
                } else if (after < limit) {
                    return record(after, after + 1, n, any, true);
                } else {
                    return record(after, after, n, any, true);
                }
                continue;
            } else if (b == 0 || b == '\r' && (i + 1 < limit ? buf[i + 1] != '\n' : eof)) {
                return HAND_OFF;
            } else if (b == '\r') {
                if (i + 1 == limit) {
                    return NEED_MORE;
                }
            } else {
                any |= b;
            }
            i++;
        }
    }

    /**
     * The bytes of a word (little-endian) that need a look: the delimiter, a quote, and anything below
     * 0x0E (line breaks, NUL; tabs and the like are looked at and found ordinary). The lowest flag is
     * exact, which is all the scan reads (a flag above it may be a false one, from the borrow).
     */
    private long special(long word) {
        return below14(word) | zero(word ^ delimiters) | zero(word ^ QUOTES);
    }

    private static long zero(long v) {
        return (v - LOW_BITS) & ~v & HIGH_BITS;
    }

    private static long below14(long v) {
        return (v - 14 * LOW_BITS) & ~v & HIGH_BITS;
    }

    /** Starts field n at an offset; returns n. */
    private int field(int n, int offset) {
        if (n == from.length) {
            from = Arrays.copyOf(from, n * 2);
            to = Arrays.copyOf(to, n * 2);
            escaped = Arrays.copyOf(escaped, n * 2);
        }
        from[n] = offset;
        escaped[n] = false;
        return n;
    }

    /** The offset of the quote closing a field opened before i, NEED_MORE or NOT_CLOSED. */
    private int closingQuote(int i, int n) {
        escaped[n] = false;
        while (true) {
            if (i == limit) {
                return eof ? NOT_CLOSED : NEED_MORE;
            }
            byte b = buf[i];
            if (b == QUOTE) {
                if (i + 1 == limit && !eof) {
                    return NEED_MORE;
                }
                if (i + 1 < limit && buf[i + 1] == QUOTE) {
                    escaped[n] = true;
                    i += 2;
                    continue;
                }
                return i;
            }
            if (b == '\n' || b == '\r' || b == 0) {
                return NOT_CLOSED;
            }
            i++;
        }
    }

    private int record(int lineEnd, int next, int n, long any) {
        to[n] = lineEnd;
        return record(lineEnd, next, n, any, false);
    }

    private int record(int lineEnd, int next, int n, long any, boolean lastQuoted) {
        if (lineEnd - pos > maxRecord) {
            return HAND_OFF;
        }
        ascii = (any & HIGH_BITS) == 0;
        if (!ascii && !validUtf8(pos, lineEnd)) {
            return HAND_OFF;
        }
        line = nextLine++;
        start = pos;
        end = lineEnd;
        size = n + 1;
        pos = next;
        return RECORD;
    }

    private boolean validUtf8(int from, int to) {
        if (decoded.capacity() < to - from) {
            decoded = CharBuffer.allocate(to - from);
        }
        decoded.clear();
        decoder.reset();
        CoderResult r = decoder.decode(ByteBuffer.wrap(buf, from, to - from), decoded, true);
        return !r.isError() && !decoder.flush(decoded).isError();
    }

    /** Moves the unread bytes to the front and reads more; false if the buffer holds one line already. */
    private boolean fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            return false;
        }
        int r = in.read(buf, limit, Math.min(buf.length - limit, readSize));
        readSize = Math.min(BUFFER, readSize * 2);
        if (r < 0) {
            eof = true;
        } else {
            limit += r;
        }
        return true;
    }

    private void skipBom() throws IOException {
        bomChecked = true;
        while (limit < 3 && !eof) {
            fill();
        }
        if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            pos = 3;
        }
    }

    /** Closes the input. */
    void close() throws IOException {
        in.close();
    }

    /** The input from the start of the line {@link #next()} handed off, to its end. */
    InputStream rest() {
        return new SequenceInputStream(new ByteArrayInputStream(buf, pos, limit - pos), in);
    }

    /** The line number of the current record, or after a hand-off, of the line handed off. */
    long line() {
        return line;
    }

    /** The number of the next line to be read: after a hand-off, the line handed off. */
    long nextLine() {
        return nextLine;
    }

    /** The line on which the bytes read so far end. */
    long lineAtEnd() {
        long l = nextLine;
        for (int i = pos; i < limit; i++) {
            if (buf[i] == '\n') {
                l++;
            }
        }
        return l;
    }

    /** The physical lines read, once {@link #next()} answered {@link #END}. */
    long lines() {
        return nextLine - 1;
    }

    byte[] bytes() {
        return buf;
    }

    int size() {
        return size;
    }

    int from(int field) {
        return from[field];
    }

    int to(int field) {
        return to[field];
    }

    /** Whether a field was quoted with doubled quotes inside, so that its bytes are not its text. */
    boolean escaped(int field) {
        return escaped[field];
    }

    /** Whether the current line is all ASCII. */
    boolean ascii() {
        return ascii;
    }

    /** A field's text. */
    String field(int field) {
        String s = new String(buf, from[field], to[field] - from[field],
                ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        return escaped[field] ? s.replace("\"\"", "\"") : s;
    }

    /** The current line's raw text, without its terminator. */
    String content() {
        return new String(buf, start, end - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }
}
