package dev.rfmkit.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Packed short keys: which keys pack, that packing keeps them apart, and the map against a HashMap. */
class ShortKeysTest {

    private static long pack(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        return ShortKeys.pack(bytes, 0, bytes.length);
    }

    @Test
    void packs_oneToEightAsciiBytes_only() {
        for (String key : List.of("1", "745912", "C-17850", "12345678", " a\t", "\u007f", "abcdefgh")) {
            long packed = pack(key);
            assertNotEquals(ShortKeys.NONE, packed, key);
            assertEquals(key, ShortKeys.unpack(packed));
        }
        for (String key : List.of("", "123456789", "ü", "abcdefgü", "long customer id")) {
            assertEquals(ShortKeys.NONE, pack(key), key);
        }
        byte[] line = "x,745912,y".getBytes(StandardCharsets.US_ASCII);
        assertEquals(pack("745912"), ShortKeys.pack(line, 2, 8));
    }

    /**
     * The word-at-a-time packing against the byte loop: every key of 0 to 9 bytes at every offset of
     * seeded arrays, with ASCII and non-ASCII bytes before, in and after the key.
     */
    @Test
    void pack_wordAtATime_asByteByByte() {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int round = 0; round < 400; round++) {
            byte[] bytes = new byte[1 + rnd.nextInt(24)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (rnd.nextInt(8) == 0 ? rnd.nextInt(256) : rnd.nextInt(128));
            }
            for (int from = 0; from <= bytes.length; from++) {
                for (int to = from; to <= Math.min(bytes.length, from + 9); to++) {
                    assertEquals(ShortKeys.packByBytes(bytes, from, to), ShortKeys.pack(bytes, from, to),
                            "bytes " + java.util.Arrays.toString(bytes) + " from " + from + " to " + to);
                }
            }
        }
    }

    @Test
    void packedKeys_equalExactlyWhenKeysAre() {
        // every key of up to 2 characters from a small alphabet, and keys that differ by length or a
        // leading zero: all distinct, all distinct once packed
        String alphabet = "\u0001 09Aaz\u007f";
        List<String> keys = new ArrayList<>();
        for (char a : alphabet.toCharArray()) {
            keys.add(String.valueOf(a));
            for (char b : alphabet.toCharArray()) {
                keys.add("" + a + b);
            }
        }
        keys.addAll(List.of("7", "07", "007", "0007", "00000007", "70000000", "7000000"));
        Map<Long, String> seen = new HashMap<>();
        for (String key : keys) {
            String other = seen.put(pack(key), key);
            assertEquals(null, other, key + " and " + other + " pack alike");
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void getOrAdd_asAHashMap(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ShortKeys table = new ShortKeys();
        Map<Long, Integer> expected = new HashMap<>();
        for (int n = 0; n < 200_000; n++) {
            String key = Integer.toString(random.nextInt(1, seed == 1 ? 50 : 100_000), seed == 3 ? 36 : 10);
            long packed = pack(key);
            Integer id = expected.get(packed);
            int next = expected.size();
            assertEquals(id == null ? next : id, table.getOrAdd(packed, ShortKeys.hash(packed), next), key);
            expected.putIfAbsent(packed, next);
            assertEquals(expected.size(), table.size());
        }
    }

    @Test
    void integers_asCustomerIdOrderReadsThem() {
        for (String key : List.of("0", "7", "007", "-7", "-0", "12345678", "-1234567", "99999999")) {
            assertEquals(true, ShortKeys.isInteger(pack(key)), key);
            assertEquals(Long.parseLong(key), ShortKeys.integerValue(pack(key)), key);
        }
        for (String key : List.of("-", "+3", "1-2", "7a", " 7", "7 ", "1.5", "--1", "a")) {
            assertEquals(CustomerIdOrder.isInteger(key), ShortKeys.isInteger(pack(key)), key);
            assertEquals(false, ShortKeys.isInteger(pack(key)), key);
        }
    }
}
