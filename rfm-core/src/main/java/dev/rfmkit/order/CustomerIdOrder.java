package dev.rfmkit.order;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * The order of customer ids used for output rows and for breaking ties: numeric when every id is an
 * integer, otherwise lexicographic.
 *
 * <p>An integer id is an optional minus sign followed by ASCII digits ({@code 17850}, {@code -3},
 * {@code 007}). When all ids are integers they are ordered by numeric value, and ids of equal value
 * written differently ({@code 7} and {@code 007}) lexicographically. Otherwise ids are ordered
 * lexicographically by Unicode code point.
 */
public enum CustomerIdOrder implements Comparator<String> {
    /** By numeric value, then lexicographically; only for integer ids. */
    NUMERIC {
        @Override
        public int compare(String a, String b) {
            int c = compareIntegers(a, b);
            return c != 0 ? c : LEXICOGRAPHIC.compare(a, b);
        }
    },
    /** By Unicode code point, as Python and R (in the C locale) compare strings. */
    LEXICOGRAPHIC {
        @Override
        public int compare(String a, String b) {
            int n = Math.min(a.length(), b.length());
            for (int i = 0; i < n; i++) {
                char x = a.charAt(i);
                char y = b.charAt(i);
                if (x != y) {
                    if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                        return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                    }
                    return Character.compare(x, y);
                }
            }
            return Integer.compare(a.length(), b.length());
        }
    };

    /**
     * The order for a set of ids: {@link #NUMERIC} when every id is an integer, else
     * {@link #LEXICOGRAPHIC}.
     *
     * @param ids the ids
     * @return the order to use for them
     */
    public static CustomerIdOrder forIds(Iterable<String> ids) {
        for (String id : ids) {
            if (!isInteger(id)) {
                return LEXICOGRAPHIC;
            }
        }
        return NUMERIC;
    }

    /**
     * The permutation that sorts the ids in the order {@link #forIds} chooses for them.
     *
     * @param ids the ids, not modified
     * @return indexes into ids, in sorted order
     */
    public static int[] sortedPermutation(String[] ids) {
        CustomerIdOrder order = forIds(Arrays.asList(ids));
        if (order == NUMERIC) {
            long[] keys = new long[ids.length];
            boolean allLong = true;
            for (int i = 0; i < ids.length && allLong; i++) {
                String id = ids[i];
                int digits = id.length() - (id.charAt(0) == '-' ? 1 : 0);
                if (digits > 18) {
                    allLong = false;
                } else {
                    keys[i] = Long.parseLong(id);
                }
            }
            if (allLong) {
                return byIntegerValues(keys, i -> ids[i]);
            }
        }
        Integer[] boxed = new Integer[ids.length];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> order.compare(ids[a], ids[b]));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    /**
     * {@link #sortedPermutation(String[])} of ids given packed ({@link ShortKeys}) or, where the packed
     * id is {@link ShortKeys#NONE}, as strings: integer ids are ordered without making a string of
     * each. Only the first {@code size} ids are sorted; the arrays may be longer.
     */
    static int[] sortedPermutation(long[] packedIds, String[] otherIds, int size) {
        IntFunction<String> id = i -> packedIds[i] != ShortKeys.NONE ? ShortKeys.unpack(packedIds[i]) : otherIds[i];
        long[] keys = new long[size];
        for (int i = 0; i < keys.length; i++) {
            long packed = packedIds[i];
            String other = packed == ShortKeys.NONE ? otherIds[i] : null;
            boolean integer = other == null ? ShortKeys.isInteger(packed)
                    : isInteger(other) && other.length() - (other.charAt(0) == '-' ? 1 : 0) <= 18;
            if (!integer) {
                String[] ids = new String[keys.length];
                Arrays.setAll(ids, id);
                return sortedPermutation(ids);
            }
            keys[i] = other == null ? ShortKeys.integerValue(packed) : Long.parseLong(other);
        }
        return byIntegerValues(keys, id);
    }

    /** The permutation sorting integer ids by value, ids of one value written differently by their text. */
    private static int[] byIntegerValues(long[] keys, IntFunction<String> id) {
        int[] perm = radixPermutation(keys);
        // ids of equal value written differently (7, 007) stand next to each other: order them
        for (int from = 0; from < perm.length; ) {
            int to = from + 1;
            while (to < perm.length && keys[perm[to]] == keys[perm[from]]) {
                to++;
            }
            if (to - from > 1) {
                Integer[] run = new Integer[to - from];
                for (int i = from; i < to; i++) {
                    run[i - from] = perm[i];
                }
                Arrays.sort(run, (a, b) -> LEXICOGRAPHIC.compare(id.apply(a), id.apply(b)));
                for (int i = from; i < to; i++) {
                    perm[i] = run[i - from];
                }
            }
            from = to;
        }
        return perm;
    }

    static int[] radixPermutation(long[] keys) {
        int n = keys.length;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        int[] other = new int[n];
        int[] count = new int[1 << 16];
        for (int shift = 0; shift < 64; shift += 16) {
            Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[digit(keys[i], shift)]++;
            }
            if (n == 0 || count[digit(keys[0], shift)] == n) {
                continue;
            }
            for (int d = 0, sum = 0; d < count.length; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int p = perm[i];
                other[count[digit(keys[p], shift)]++] = p;
            }
            int[] t = perm;
            perm = other;
            other = t;
        }
        return perm;
    }

    private static int digit(long key, int shift) {
        return (int) ((key ^ Long.MIN_VALUE) >>> shift) & 0xFFFF; // sign flipped: negatives first
    }

    /**
     * Whether an id is an integer: an optional minus sign followed by ASCII digits.
     *
     * @param id the id
     * @return true if all ids being integers would order it numerically
     */
    public static boolean isInteger(String id) {
        Objects.requireNonNull(id, "id");
        int start = id.startsWith("-") ? 1 : 0;
        if (id.length() == start) {
            return false;
        }
        for (int i = start; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int compareIntegers(String a, String b) {
        if (a.length() <= 18 && b.length() <= 18) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return new BigInteger(a).compareTo(new BigInteger(b));
    }
}
