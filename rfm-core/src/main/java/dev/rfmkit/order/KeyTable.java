package dev.rfmkit.order;

import java.util.Arrays;

/**
 * A compact map from (owner, key string) to dense ids 0, 1, 2, ...: customer ids to customers, and
 * (customer, order id) to orders. Exact (keys are compared in full, never by hash alone), and small:
 * keys live as bytes in one array (a char below 0x80 in one byte, others in three), so a typical
 * order costs about 30 bytes instead of the 130 of a {@code HashMap} with boxed keys. Open addressing
 * with linear probing, at most three quarters full. Not thread-safe.
 */
final class KeyTable {
    private int[] slots = new int[1 << 10]; // id + 1; 0 is empty
    private int mask = slots.length - 1;
    private int size;
    private int[] owner = new int[512];
    private int[] hash = new int[512];
    private int[] start = new int[513]; // start[id] .. start[id + 1] are the key's bytes
    private byte[] arena = new byte[4096];
    private byte[] probe = new byte[64];

    int size() {
        return size;
    }

    int owner(int id) {
        return owner[id];
    }

    /** The id of (owner, key), added as the next id if new: a new key gets id {@code size() - 1}. */
    int getOrAdd(int ownerId, String key) {
        int length = encode(key);
        int h = hash(ownerId, key);
        int i = h & mask;
        for (int s = slots[i]; s != 0; s = slots[i]) {
            int id = s - 1;
            if (hash[id] == h && owner[id] == ownerId && sameKey(id, length)) {
                return id;
            }
            i = (i + 1) & mask;
        }
        int id = add(ownerId, h, length);
        slots[i] = id + 1;
        if (size * 4 > slots.length * 3) {
            rehash();
        }
        return id;
    }

    /** The key of an id, decoded. */
    String key(int id) {
        int from = start[id];
        int to = start[id + 1];
        char[] chars = new char[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            byte b = arena[i];
            if (b >= 0) {
                chars[n++] = (char) b;
            } else {
                chars[n++] = (char) ((b & 0x0F) << 12 | (arena[i + 1] & 0x3F) << 6 | (arena[i + 2] & 0x3F));
                i += 2;
            }
        }
        return new String(chars, 0, n);
    }

    private static int hash(int ownerId, String key) {
        int h = key.hashCode() * 0x9E3779B9 ^ ownerId * 0x85EBCA6B;
        return h ^ (h >>> 16);
    }

    /** Encodes the key into the probe buffer; returns its length in bytes. */
    private int encode(String key) {
        int max = key.length() * 3;
        if (probe.length < max) {
            probe = new byte[Math.max(max, probe.length * 2)];
        }
        int n = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x80) {
                probe[n++] = (byte) c;
            } else {
                probe[n++] = (byte) (0x80 | c >>> 12);
                probe[n++] = (byte) (0x80 | (c >>> 6) & 0x3F);
                probe[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return n;
    }

    private boolean sameKey(int id, int length) {
        int from = start[id];
        return start[id + 1] - from == length && Arrays.equals(arena, from, from + length, probe, 0, length);
    }

    private int add(int ownerId, int h, int length) {
        if (size == owner.length) {
            int n = size * 2;
            owner = Arrays.copyOf(owner, n);
            hash = Arrays.copyOf(hash, n);
            start = Arrays.copyOf(start, n + 1);
        }
        int from = start[size];
        if (from + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(from + length, (int) Math.min(Integer.MAX_VALUE - 8, arena.length * 2L)));
        }
        System.arraycopy(probe, 0, arena, from, length);
        owner[size] = ownerId;
        hash[size] = h;
        start[size + 1] = from + length;
        return size++;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        mask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            int i = hash[id] & mask;
            while (slots[i] != 0) {
                i = (i + 1) & mask;
            }
            slots[i] = id + 1;
        }
    }
}
