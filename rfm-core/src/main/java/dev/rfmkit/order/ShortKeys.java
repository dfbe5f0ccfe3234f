package dev.rfmkit.order;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A map from short keys to dense ids, for the common customer id of at most 8 ASCII characters
 * (numbers, short codes). Such a key is packed into one {@code long}, which is its own identity, so a
 * lookup compares one number in one slot: no key bytes are stored elsewhere or compared. Keys that do
 * not pack go to a {@link KeyTable}.
 *
 * <p>Open addressing with linear probing, at most three quarters full; each slot holds the packed key
 * and its id side by side. Not thread-safe.
 */
final class ShortKeys {
    /** No packed key is 0: it holds a length of 1 to 8. */
    static final long NONE = 0;

    private static final VarHandle BIG_ENDIAN = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private long[] slots = new long[2 * 16]; // key, id
    private int mask = 15;
    private int size;

    /**
     * The packed key of bytes: their length (1 to 8) in bits 56 to 59 and 7 bits per byte below, in
     * order; {@link #NONE} if there are none, more than 8, or one is not ASCII. Two byte strings that
     * pack have equal keys exactly when they are equal.
     */
    static long pack(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 8) {
            return NONE;
        }
        if (to < Long.BYTES) {
            return packByBytes(bytes, from, to);
        }
        // the word that ends with the key, the bytes before it masked off: the key's last byte lowest
        long word = (long) BIG_ENDIAN.get(bytes, to - Long.BYTES) & -1L >>> (Long.SIZE - Byte.SIZE * length);
        if ((word & 0x8080808080808080L) != 0) {
            return NONE;
        }
        // 7 bits of each byte side by side: pairs of bytes, then of pairs, then of quads
        word = word & 0x007F007F007F007FL | (word & 0x7F007F007F007F00L) >>> 1;
        word = word & 0x00003FFF00003FFFL | (word & 0x3FFF00003FFF0000L) >>> 2;
        word = word & 0x000000000FFFFFFFL | (word & 0x0FFFFFFF00000000L) >>> 4;
        return word | (long) length << 56;
    }

    /** {@link #pack} one byte at a time, for a key that ends in the first 7 bytes of an array. */
    static long packByBytes(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 8) {
            return NONE;
        }
        long key = 0;
        int any = 0;
        for (int i = from; i < to; i++) {
            any |= bytes[i];
            key = key << 7 | bytes[i];
        }
        return any < 0 ? NONE : key | (long) length << 56;
    }

    /** The text of a packed key. */
    static String unpack(long key) {
        int length = (int) (key >>> 56);
        byte[] bytes = new byte[length];
        for (int i = length - 1; i >= 0; i--) {
            bytes[i] = (byte) (key & 0x7F);
            key >>>= 7;
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Whether a packed key is an integer as {@link CustomerIdOrder#isInteger} reads one: an optional minus, digits. */
    static boolean isInteger(long key) {
        int length = (int) (key >>> 56);
        int digits = 0;
        for (int i = length - 1; i >= 0; i--) {
            int c = (int) (key >>> (7 * i)) & 0x7F;
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c != '-' || i != length - 1) {
                return false;
            }
        }
        return digits > 0;
    }

    /** The value of a packed key that {@link #isInteger is an integer}. */
    static long integerValue(long key) {
        int length = (int) (key >>> 56);
        int first = (int) (key >>> (7 * (length - 1))) & 0x7F;
        long value = 0;
        for (int i = first == '-' ? length - 2 : length - 1; i >= 0; i--) {
            value = value * 10 + (((int) (key >>> (7 * i)) & 0x7F) - '0');
        }
        return first == '-' ? -value : value;
    }

    /** The hash of a packed key: all of its bits mixed, for slots and for splitting keys into parts. */
    static long hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        h ^= h >>> 32;
        h *= 0xC2B2AE3D27D4EB4FL;
        return h ^ h >>> 29;
    }

    int size() {
        return size;
    }

    /** Reads the slot a hash starts at, so that a later {@link #getOrAdd} finds it in the cache. */
    long touch(long h) {
        return slots[2 * home(h)];
    }

    /**
     * The id of a packed key, or, if it is new, {@code next}, which it then has.
     *
     * @param key a packed key, not {@link #NONE}
     * @param h its {@link #hash}
     * @param next the id to give a new key
     */
    int getOrAdd(long key, long h, int next) {
        int i = home(h);
        for (long k = slots[2 * i]; k != NONE; k = slots[2 * i]) {
            if (k == key) {
                return (int) slots[2 * i + 1];
            }
            i = (i + 1) & mask;
        }
        slots[2 * i] = key;
        slots[2 * i + 1] = next;
        if (++size * 4L > (mask + 1) * 3L) {
            grow();
        }
        return next;
    }

    private int home(long h) {
        return (int) (h >>> 32) & mask;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[2 * old.length];
        mask = old.length - 1;
        for (int j = 0; j < old.length; j += 2) {
            long key = old[j];
            if (key != NONE) {
                int i = home(hash(key));
                while (slots[2 * i] != NONE) {
                    i = (i + 1) & mask;
                }
                slots[2 * i] = key;
                slots[2 * i + 1] = old[j + 1];
            }
        }
    }
}
