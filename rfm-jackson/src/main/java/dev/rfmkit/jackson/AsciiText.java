package dev.rfmkit.jackson;

import java.nio.charset.StandardCharsets;

/**
 * A reusable view of ASCII bytes as characters, so that text parsers can read a field of the fast path
 * in place. Not thread-safe.
 */
final class AsciiText implements CharSequence {
    private byte[] bytes = new byte[0];
    private int from;
    private int length;

    /** Points the view at bytes from (inclusive) to (exclusive); returns it. */
    AsciiText of(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.from = from;
        this.length = to - from;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        return (char) bytes[from + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    @Override
    public String toString() {
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }
}
