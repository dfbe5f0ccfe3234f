package dev.rfmkit.order;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The key table against a {@link HashMap} of (owner, key) on seeded random keys. */
class KeyTableTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void matchesAHashMapOnRandomKeys(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // odd seeds: segments beyond 2^5 slots re-read their records to grow, as beyond 2^24 by default
        KeyTable table = seed % 2 == 0 ? new KeyTable() : new KeyTable(5);
        Map<List<Object>, Integer> expected = new HashMap<>();
        List<String> keys = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        String previous = "a";
        int previousOwner = 0;
        for (int n = 0; n < 60_000; n++) {
            String key;
            int owner;
            int kind = random.nextInt(10);
            if (kind < 3) { // the same key again, as the lines of one order come in a row
                key = previous;
                owner = previousOwner;
            } else if (kind < 5 && !keys.isEmpty()) { // any earlier key
                int i = random.nextInt(keys.size());
                key = keys.get(i);
                owner = owners.get(i);
            } else {
                key = randomKey(random);
                owner = random.nextInt(4) == 0 ? random.nextInt(1_000_000) : random.nextInt(3);
            }
            Integer want = expected.get(List.of(owner, key));
            int id = key.chars().allMatch(c -> c < 0x80) && random.nextBoolean()
                    ? getOrAddBytes(table, owner, key, random) : table.getOrAdd(owner, key);
            if (want == null) {
                assertTrue(table.added(), key);
                assertEquals(expected.size(), id, key);
                expected.put(List.of(owner, key), id);
                keys.add(key);
                owners.add(owner);
            } else {
                assertFalse(table.added(), key);
                assertEquals(want, id, key);
            }
            previous = key;
            previousOwner = owner;
        }
        assertEquals(expected.size(), table.size());
        int[] ids = new int[keys.size()];
        int[] wantOwners = new int[keys.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
            wantOwners[i] = owners.get(i);
        }
        assertArrayEquals(keys.toArray(new String[0]), table.keys(ids));
        assertArrayEquals(wantOwners, table.owners());
    }

    @Test
    void keysLongerThanAChunkAndThanALengthByte() {
        KeyTable table = new KeyTable();
        String huge = "x".repeat((1 << 20) + 17);
        String long300 = "é".repeat(300);
        assertEquals(0, table.getOrAdd(0, "short"));
        assertEquals(1, table.getOrAdd(0, huge));
        assertEquals(2, table.getOrAdd(0, long300));
        assertEquals(3, table.getOrAdd(1, huge));
        assertEquals(1, table.getOrAdd(0, "x".repeat((1 << 20) + 17)));
        assertEquals(0, table.getOrAdd(0, "short"));
        assertEquals(2, table.getOrAdd(0, "é".repeat(300)));
        assertArrayEquals(new String[] {"short", huge, long300, huge}, table.keys(new int[] {0, 1, 2, 3}));
        assertArrayEquals(new int[] {0, 0, 0, 1}, table.owners());
    }

    @Test
    void subsetOfKeysInIdOrder() {
        KeyTable table = new KeyTable();
        for (int i = 0; i < 10_000; i++) {
            table.getOrAdd(i % 7, "k" + i);
        }
        assertArrayEquals(new String[] {"k3", "k4", "k9999"}, table.keys(new int[] {3, 4, 9999}));
    }

    /** Looks a key up through the byte path, from a random place in a larger buffer. */
    private static int getOrAddBytes(KeyTable table, int owner, String key, SplittableRandom random) {
        byte[] bytes = key.getBytes(StandardCharsets.US_ASCII);
        int offset = random.nextInt(5);
        byte[] buffer = new byte[offset + bytes.length + random.nextInt(5)];
        System.arraycopy(bytes, 0, buffer, offset, bytes.length);
        return table.getOrAdd(owner, buffer, offset, offset + bytes.length);
    }

    private static String randomKey(SplittableRandom random) {
        int length = random.nextInt(10) == 0 ? random.nextInt(300) : random.nextInt(1, 14);
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(20);
            b.append(kind == 0 ? (char) random.nextInt(0x80, 0xFFFF) : (char) random.nextInt(0x20, 0x7F));
        }
        return b.toString();
    }
}
