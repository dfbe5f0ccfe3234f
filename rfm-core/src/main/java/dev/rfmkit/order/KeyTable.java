package dev.rfmkit.order;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A compact map from (owner, key) to dense ids 0, 1, 2, ...: customer ids that {@link ShortKeys} does
 * not take to customers, and (customer, order id) to orders. Exact (keys are compared in full, never by hash alone) and small.
 *
 * <p>Keys are byte strings: ASCII text is its own bytes; a string with other characters is encoded
 * with one byte per char below 0x80 and three per other char, so that equal strings, and only they,
 * have equal bytes whichever way they came in. Each key is appended once to an arena of 256 KiB chunks
 * as a record {@code [id int][owner int][length][bytes]}; the slot table holds, per entry, 24 bits of
 * the hash and the record's position. A lookup therefore touches one slot and one record (two cache
 * misses at most), and the arena never moves, so growing it copies nothing. A typical order costs
 * about 25 bytes. The last key found is checked first: the lines of one order, and the orders of one
 * customer, usually follow each other.
 *
 * <p>Open addressing with linear probing, at most three quarters full. Not thread-safe.
 */
final class KeyTable {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    // A position is 36 bits: the chunk (18 bits) and the offset in it (18 bits). Chunks hold 256 KiB,
    // below the size at which G1 allocates an array as "humongous", in regions of its own (on a small
    // heap, a 1 MiB array would take two 1 MiB regions); a larger record has a chunk of its own.
    private static final int CHUNK_BITS = 18;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final int CHUNK_CAPACITY = CHUNK_SIZE;
    private static final int MAX_CHUNKS = 1 << (36 - CHUNK_BITS);
    private static final int TAG_SHIFT = 36;
    private static final long POSITION_MASK = (1L << TAG_SHIFT) - 1;
    private static final int LONG_KEY = 0xFF; // length byte meaning "an int length follows"

    // The slots are split into segments by the hash's top bits, each grown on its own: growing one
    // allocates and re-places a sixteenth of the table, so that a large table never needs room for two
    // copies of itself at once. A slot is 0 if empty, else tag << 36 | position + 1, the tag being the
    // hash's top 28 bits. A key's slot is found by the hash bits just below the segment's, which the tag
    // holds: so a segment of up to 2^24 slots grows without reading a single record.
    private static final int SEGMENT_BITS = 4;
    private final long[][] slots = new long[1 << SEGMENT_BITS][];
    private final int[] used = new int[1 << SEGMENT_BITS];
    private final int tagIndexBits;
    private int indexed; // ids below this are in the slots

    private int size;

    private byte[][] chunks = new byte[4][];
    private int[] chunkFill = new int[4];
    private int chunkCount;
    private byte[] chunk = new byte[0];
    private int fill;

    private byte[] probe = new byte[64];

    private boolean lastValid;
    private int lastOwner;
    private long lastPosition;
    private int lastId;
    private boolean added;

    KeyTable() {
        this(64 - TAG_SHIFT - SEGMENT_BITS);
    }

    /**
     * A table that finds keys' new slots from their tags only in segments of up to 2^tagIndexBits
     * slots (at most 24, the default), and reads the records beyond: small values test the latter.
     */
    KeyTable(int tagIndexBits) {
        this.tagIndexBits = Math.min(tagIndexBits, 64 - TAG_SHIFT - SEGMENT_BITS);
        for (int seg = 0; seg < slots.length; seg++) {
            slots[seg] = new long[4];
        }
    }

    int size() {
        return size;
    }

    /** Whether the latest {@code getOrAdd} added its key. */
    boolean added() {
        return added;
    }

    /** The id of (owner, key), added as the next id if new. */
    int getOrAdd(int owner, String key) {
        int length = encode(key);
        return getOrAdd(owner, probe, 0, length);
    }

    /**
     * The id of (owner, key bytes), added as the next id if new. The bytes must be the key's encoding
     * as this class defines it: for ASCII text, the text's bytes.
     */
    int getOrAdd(int owner, byte[] key, int from, int to) {
        int length = to - from;
        if (lastValid && lastOwner == owner && sameKey(lastPosition, key, from, length)) {
            added = false;
            return lastId;
        }
        return find(owner, key, from, length, hash(owner, key, from, length));
    }

    /** {@link #getOrAdd(int, byte[], int, int)} with the key's {@link #hash}, computed earlier. */
    int getOrAdd(int owner, byte[] key, int from, int to, long h) {
        int length = to - from;
        if (lastValid && lastOwner == owner && sameKey(lastPosition, key, from, length)) {
            added = false;
            return lastId;
        }
        return find(owner, key, from, length, h);
    }

    /**
     * Adds a key known to be new without indexing it: it gets the next id, and lookups do not find it
     * until {@link #indexAll()}. For a caller that can tell new keys without a lookup; it must not call
     * {@link #getOrAdd} before indexing everything.
     *
     * @return the record's position, for {@link #compareKey} and {@link #idAt}
     */
    long appendUnindexed(int owner, byte[] key, int from, int to) {
        long position = append(owner, key, from, to - from);
        size++;
        lastValid = false;
        return position;
    }

    /** Indexes the keys added by {@link #appendUnindexed} so far: afterwards lookups find every key. */
    void indexAll() {
        for (Cursor c = new Cursor(); c.next(); ) {
            if (c.id < indexed) {
                continue;
            }
            long h = hash(c.owner, chunks[c.chunkIndex], c.keyFrom, c.keyLength);
            int seg = segmentOf(h);
            long[] segment = slots[seg];
            int mask = segment.length - 1;
            int i = index(h, segment.length);
            while (segment[i] != 0) {
                i = (i + 1) & mask;
            }
            long position = (long) c.chunkIndex << CHUNK_BITS | (c.keyFrom - 8 - lengthBytes(c.keyLength));
            segment[i] = (h >>> TAG_SHIFT) << TAG_SHIFT | position + 1;
            if (++used[seg] * 4L > segment.length * 3L) {
                grow(seg);
            }
        }
        indexed = size;
    }

    /**
     * Compares the key at a position with key bytes: by length, then bytes as unsigned values.
     *
     * @return negative, zero or positive as the stored key is less than, equal to or greater than the
     *     given one
     */
    int compareKey(long position, byte[] key, int from, int to) {
        byte[] c = chunks[(int) (position >>> CHUNK_BITS)];
        int at = ((int) position & (CHUNK_SIZE - 1)) + 8;
        int stored = lengthAt(c, at);
        int length = to - from;
        if (stored != length) {
            return Integer.compare(stored, length);
        }
        at += lengthBytes(length);
        return Arrays.compareUnsigned(c, at, at + length, key, from, to);
    }

    /**
     * Reads the slot a hash starts at and, if its tag matches, the start of that record: a read ahead of
     * a lookup, so that a later {@link #getOrAdd} finds both in the cache.
     *
     * @return a value of the read, to be kept so that the read is not optimised away
     */
    long touch(long h) {
        long[] segment = slots[segmentOf(h)];
        long s = segment[index(h, segment.length)];
        if (s != 0 && s >>> TAG_SHIFT == h >>> TAG_SHIFT) {
            long position = (s & POSITION_MASK) - 1;
            return s + chunks[(int) (position >>> CHUNK_BITS)][(int) position & (CHUNK_SIZE - 1)];
        }
        return s;
    }

    private int find(int owner, byte[] key, int from, int length, long h) {
        long tag = h >>> TAG_SHIFT;
        int seg = segmentOf(h);
        long[] segment = slots[seg];
        int mask = segment.length - 1;
        int i = index(h, segment.length);
        for (long s = segment[i]; s != 0; s = segment[i]) {
            if (s >>> TAG_SHIFT == tag) {
                long position = (s & POSITION_MASK) - 1;
                if (ownerAt(position) == owner && sameKey(position, key, from, length)) {
                    remember(owner, position, idAt(position));
                    added = false;
                    return lastId;
                }
            }
            i = (i + 1) & mask;
        }
        long position = append(owner, key, from, length);
        segment[i] = tag << TAG_SHIFT | position + 1;
        int id = size++;
        indexed = size;
        if (++used[seg] * 4L > segment.length * 3L) {
            grow(seg);
        }
        remember(owner, position, id);
        added = true;
        return id;
    }

    private void remember(int owner, long position, int id) {
        lastValid = true;
        lastOwner = owner;
        lastPosition = position;
        lastId = id;
    }

    /** Receives the owner of each id. */
    interface OwnerConsumer {
        void accept(int id, int owner);
    }

    /** Tells the owner of every id, in id order, without an array of them all. */
    void forEachOwner(OwnerConsumer consumer) {
        for (Cursor c = new Cursor(); c.next(); ) {
            consumer.accept(c.id, c.owner);
        }
    }

    /** The owners of all ids, indexed by id. */
    int[] owners() {
        int[] owners = new int[size];
        forEachOwner((id, owner) -> owners[id] = owner);
        return owners;
    }

    /** The keys of the given ids, decoded; ids must be increasing. */
    String[] keys(int[] ids) {
        String[] keys = new String[ids.length];
        Cursor c = new Cursor();
        for (int k = 0; k < ids.length; k++) {
            while (c.id != ids[k]) {
                if (!c.next()) {
                    throw new IllegalArgumentException("no id " + ids[k] + " or ids not increasing");
                }
            }
            keys[k] = c.key();
        }
        return keys;
    }

    /** Walks the records in id order, which is the order they were appended in. */
    private final class Cursor {
        int chunkIndex;
        int offset;
        int id = -1;
        int owner;
        int keyFrom;
        int keyLength;

        boolean next() {
            if (id + 1 >= size) {
                return false;
            }
            while (offset >= filled(chunkIndex)) {
                chunkIndex++;
                offset = 0;
            }
            byte[] c = chunks[chunkIndex];
            id = (int) INT.get(c, offset);
            owner = (int) INT.get(c, offset + 4);
            keyLength = lengthAt(c, offset + 8);
            keyFrom = offset + 8 + lengthBytes(keyLength);
            offset = keyFrom + keyLength;
            return true;
        }

        String key() {
            return decode(chunks[chunkIndex], keyFrom, keyLength);
        }
    }

    private int filled(int chunkIndex) {
        return chunkIndex == chunkCount - 1 ? fill : chunkFill[chunkIndex];
    }

    private static String decode(byte[] bytes, int from, int length) {
        int ascii = 0;
        for (int i = from; i < from + length; i++) {
            ascii |= bytes[i];
        }
        if (ascii >= 0) {
            // the common case, and a copy straight into the string's own bytes
            return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[length];
        int n = 0;
        for (int i = from; i < from + length; i++) {
            byte b = bytes[i];
            if (b >= 0) {
                chars[n++] = (char) b;
            } else {
                chars[n++] = (char) ((b & 0x0F) << 12 | (bytes[i + 1] & 0x3F) << 6 | (bytes[i + 2] & 0x3F));
                i += 2;
            }
        }
        return new String(chars, 0, n);
    }

    /** The hash of (owner, key bytes); the table uses its top 28 bits, the rest are free to split keys by. */
    static long hash(int owner, byte[] key, int from, int length) {
        long h = owner * 0x9E3779B97F4A7C15L ^ length;
        int i = from;
        int end = from + length;
        for (; i + 8 <= end; i += 8) {
            h = (h ^ (long) LONG.get(key, i)) * 0xC2B2AE3D27D4EB4FL;
            h ^= h >>> 29;
        }
        int rest = end - i;
        if (rest > 0) {
            long tail;
            if (i + 8 <= key.length) { // one read, the bytes after the key masked off
                tail = (long) LONG.get(key, i) & (-1L >>> (64 - 8 * rest));
            } else {
                tail = 0;
                for (int k = rest - 1; k >= 0; k--) {
                    tail = tail << 8 | (key[i + k] & 0xFF);
                }
            }
            h = (h ^ tail) * 0xC2B2AE3D27D4EB4FL;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ h >>> 33;
    }

    /** Encodes the key into the probe buffer; returns its length in bytes. */
    private int encode(String key) {
        int max = key.length() * 3;
        if (probe.length < max) {
            probe = new byte[Math.max(max, probe.length * 2)];
        }
        return encode(key, probe, 0);
    }

    /**
     * Writes a key's bytes as this table defines them into a buffer with room for three bytes per char.
     *
     * @return the number of bytes written
     */
    static int encode(String key, byte[] into, int at) {
        int n = at;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x80) {
                into[n++] = (byte) c;
            } else {
                into[n++] = (byte) (0x80 | c >>> 12);
                into[n++] = (byte) (0x80 | (c >>> 6) & 0x3F);
                into[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return n - at;
    }

    int idAt(long position) {
        return (int) INT.get(chunks[(int) (position >>> CHUNK_BITS)], (int) position & (CHUNK_SIZE - 1));
    }

    private int ownerAt(long position) {
        return (int) INT.get(chunks[(int) (position >>> CHUNK_BITS)], ((int) position & (CHUNK_SIZE - 1)) + 4);
    }

    private boolean sameKey(long position, byte[] key, int from, int length) {
        byte[] c = chunks[(int) (position >>> CHUNK_BITS)];
        int at = ((int) position & (CHUNK_SIZE - 1)) + 8;
        int stored = lengthAt(c, at);
        if (stored != length) {
            return false;
        }
        at += lengthBytes(length);
        for (int i = 0; i < length; i++) {
            if (c[at + i] != key[from + i]) {
                return false;
            }
        }
        return true;
    }

    private static int lengthAt(byte[] c, int at) {
        int b = c[at] & 0xFF;
        return b == LONG_KEY ? (int) INT.get(c, at + 1) : b;
    }

    private static int lengthBytes(int length) {
        return length < LONG_KEY ? 1 : 5;
    }

    private long append(int owner, byte[] key, int from, int length) {
        int record = 8 + lengthBytes(length) + length;
        if (fill + record > chunk.length) {
            newChunk(record);
        }
        int at = fill;
        INT.set(chunk, at, size);
        INT.set(chunk, at + 4, owner);
        if (length < LONG_KEY) {
            chunk[at + 8] = (byte) length;
        } else {
            chunk[at + 8] = (byte) LONG_KEY;
            INT.set(chunk, at + 9, length);
        }
        System.arraycopy(key, from, chunk, at + 8 + lengthBytes(length), length);
        fill += record;
        return (long) (chunkCount - 1) << CHUNK_BITS | at;
    }

    /** Starts a chunk; a record larger than a chunk gets one of its own, at offset 0. */
    private void newChunk(int record) {
        if (chunkCount == MAX_CHUNKS) {
            throw new IllegalStateException("more keys than " + (MAX_CHUNKS / 4) + " GiB");
        }
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
            chunkFill = Arrays.copyOf(chunkFill, chunkCount * 2);
        }
        if (chunkCount > 0) {
            chunkFill[chunkCount - 1] = fill;
        }
        // the first chunk is small, so that small tables stay cheap
        int capacity = chunkCount == 0 ? 256 : chunkCount < 4 ? 1 << 14 : CHUNK_CAPACITY;
        chunk = new byte[Math.max(capacity, record)];
        chunks[chunkCount++] = chunk;
        fill = 0;
    }

    private static int segmentOf(long h) {
        return (int) (h >>> (64 - SEGMENT_BITS));
    }

    /** The home slot of a hash in a segment of a length: the hash bits just below the segment's. */
    private static int index(long h, int length) {
        return (int) (h << SEGMENT_BITS >>> (64 - Integer.numberOfTrailingZeros(length)));
    }

    /**
     * Doubles a segment's slots. Up to 2^24 slots, a key's new slot comes from the tag in its old one;
     * beyond, its record is read to hash it again.
     */
    private void grow(int seg) {
        long[] old = slots[seg];
        long[] segment = new long[old.length * 2];
        int mask = segment.length - 1;
        boolean tagsSuffice = Integer.numberOfTrailingZeros(segment.length) <= tagIndexBits;
        for (long s : old) {
            if (s == 0) {
                continue;
            }
            long h;
            if (tagsSuffice) {
                h = s >>> TAG_SHIFT << TAG_SHIFT;
            } else {
                long position = (s & POSITION_MASK) - 1;
                byte[] c = chunks[(int) (position >>> CHUNK_BITS)];
                int at = (int) position & (CHUNK_SIZE - 1);
                int length = lengthAt(c, at + 8);
                h = hash((int) INT.get(c, at + 4), c, at + 8 + lengthBytes(length), length);
            }
            int i = index(h, segment.length);
            while (segment[i] != 0) {
                i = (i + 1) & mask;
            }
            segment[i] = s;
        }
        slots[seg] = segment;
    }
}
