package dev.rfmkit.order;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

final class CustomerIdOrderTest {
    @Test
    void forIds_allIntegers_numeric() {
        assertEquals(CustomerIdOrder.NUMERIC, CustomerIdOrder.forIds(List.of("2", "10", "-3", "007")));
        assertEquals(CustomerIdOrder.NUMERIC, CustomerIdOrder.forIds(List.of()));
    }

    @Test
    void forIds_anyNonInteger_lexicographic() {
        assertEquals(CustomerIdOrder.LEXICOGRAPHIC, CustomerIdOrder.forIds(List.of("2", "10", "a")));
        assertEquals(CustomerIdOrder.LEXICOGRAPHIC, CustomerIdOrder.forIds(List.of("2", "1.5")));
        assertEquals(CustomerIdOrder.LEXICOGRAPHIC, CustomerIdOrder.forIds(List.of("2", "-")));
        assertEquals(CustomerIdOrder.LEXICOGRAPHIC, CustomerIdOrder.forIds(List.of("2", "+3")));
        assertEquals(CustomerIdOrder.LEXICOGRAPHIC, CustomerIdOrder.forIds(List.of("2", " 3")));
    }

    @Test
    void numeric_twoBeforeTen_sevenAfterZeroZeroSeven() {
        assertTrue(CustomerIdOrder.NUMERIC.compare("2", "10") < 0);
        assertTrue(CustomerIdOrder.NUMERIC.compare("-10", "-2") < 0);
        assertTrue(CustomerIdOrder.NUMERIC.compare("007", "7") < 0);
        assertTrue(CustomerIdOrder.NUMERIC.compare("7", "007") > 0);
        assertEquals(0, CustomerIdOrder.NUMERIC.compare("7", "7"));
        assertTrue(CustomerIdOrder.NUMERIC.compare("99999999999999999999", "100000000000000000000") < 0);
    }

    @Test
    void lexicographic_byCodePoint() {
        assertTrue(CustomerIdOrder.LEXICOGRAPHIC.compare("10", "2") < 0);
        assertTrue(CustomerIdOrder.LEXICOGRAPHIC.compare("B", "a") < 0);
        assertTrue(CustomerIdOrder.LEXICOGRAPHIC.compare("a", "ab") < 0);
        // U+FF21 (fullwidth A) sorts before U+1F600 by code point, though its UTF-16 unit is larger
        assertTrue(CustomerIdOrder.LEXICOGRAPHIC.compare("\uFF21", "\uD83D\uDE00") < 0);
    }

    @Test
    void sortedPermutation_numericAndMixed() {
        assertArrayEquals(new int[] {2, 1, 0}, CustomerIdOrder.sortedPermutation(new String[] {"10", "2", "1"}));
        assertArrayEquals(new int[] {0, 1, 2}, CustomerIdOrder.sortedPermutation(new String[] {"10", "2", "x"}));
        assertArrayEquals(new int[] {1, 0, 2},
                CustomerIdOrder.sortedPermutation(new String[] {"7", "007", "8"}));
        assertArrayEquals(new int[] {2, 1, 0}, CustomerIdOrder.sortedPermutation(
                new String[] {"1234567890123456789012", "99999999999999999999", "5"}));
        assertArrayEquals(new int[0], CustomerIdOrder.sortedPermutation(new String[0]));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void sortedPermutation_asTheComparatorOnRandomIds(long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        int n = random.nextInt(1, 200_000);
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            long value = switch (random.nextInt(4)) {
                case 0 -> random.nextLong(); // any long, negative ones too
                case 1 -> random.nextLong(-50, 50); // many ties
                default -> random.nextLong(1_000_000);
            };
            String id = Long.toString(value);
            ids[i] = random.nextInt(20) == 0 && value >= 0 ? "00" + id : id;
        }
        int[] perm = CustomerIdOrder.sortedPermutation(ids);
        java.util.List<String> sorted = new java.util.ArrayList<>(java.util.Arrays.asList(ids));
        sorted.sort(CustomerIdOrder.NUMERIC);
        for (int r = 0; r < n; r++) {
            org.junit.jupiter.api.Assertions.assertEquals(sorted.get(r), ids[perm[r]], "row " + r);
        }
        assertEquals(n, java.util.Arrays.stream(perm).distinct().count());
    }

    @Test
    void sortedPermutation_ofPackedIds_asOfStrings() {
        // ids that pack (up to 8 ASCII characters) and ids that do not, integers or not, of one value
        // written differently, negative, longer than a long: the permutation of the strings
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        List<List<String>> pools = List.of(
                List.of("7", "007", "-7", "-0", "0", "12345678", "123456789", "99999999999999999999", "-1", "10"),
                List.of("7", "007", "a", "ü1", "B", "customer-1", "-", "+3", "ab", "a b"),
                List.of("1", "2", "3", "10", "20", "100", "0010", "-20", "1234567890123", "42"));
        for (List<String> pool : pools) {
            for (int round = 0; round < 200; round++) {
                int n = random.nextInt(0, 30);
                List<String> ids = new java.util.ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String id = pool.get(random.nextInt(pool.size()));
                    ids.add(random.nextInt(4) == 0 ? id + random.nextInt(1000) : id);
                }
                String[] strings = ids.toArray(String[]::new);
                long[] packed = new long[n];
                String[] others = new String[n];
                for (int i = 0; i < n; i++) {
                    byte[] bytes = KeyTableBytes.of(strings[i]);
                    packed[i] = ShortKeys.pack(bytes, 0, bytes.length);
                    others[i] = packed[i] == ShortKeys.NONE ? strings[i] : null;
                }
                int[] expected = CustomerIdOrder.sortedPermutation(strings);
                int[] actual = CustomerIdOrder.sortedPermutation(packed, others, packed.length);
                for (int i = 0; i < n; i++) {
                    assertEquals(strings[expected[i]], strings[actual[i]], ids.toString());
                }
            }
        }
    }

    /** Strings as the key table encodes them: ASCII as its bytes, other characters as three bytes each. */
    private static final class KeyTableBytes {
        static byte[] of(String s) {
            byte[] bytes = new byte[3 * s.length()];
            return java.util.Arrays.copyOf(bytes, KeyTable.encode(s, bytes, 0));
        }
    }
}
