package dev.rfmkit.order;

import java.util.Arrays;

/**
 * The customers seen so far, with their orders, as columns indexed by dense ids.
 *
 * <p>Lines are counted in by blocks, in passes: first every line's table slot is touched, then the
 * customers are found, their states touched, their sums updated, then the same for the orders. Each
 * pass makes independent memory accesses, which the processor overlaps; counting line by line would
 * wait for one cache miss after the other, since a large table lies far outside the cache.
 *
 * <p>Not thread-safe.
 */
final class Customers {
    private static final int BLOCK = 256;

    private static final int NO_DAY_MIN = Integer.MAX_VALUE;
    private static final int NO_DAY_MAX = Integer.MIN_VALUE;

    // Customer ids of up to 8 ASCII characters are looked up packed, the others by their bytes; both
    // give the same dense ids, whose keys are kept here: packed, or the complement of the id in the table.
    private final ShortKeys shortIds = new ShortKeys();
    private final KeyTable otherTable = new KeyTable();
    private int[] customerOfOther = new int[4];
    private long[] keyOf = new long[4];
    // Per customer, side by side (one cache line): the included amount, the number of lines, and the
    // greatest order id so far: its first 8 bytes (big-endian) and its length << 36 | record position
    // (-1: no order yet).
    private static final int STATE = 4;
    private long[] state = new long[4 * STATE];
    // orders of lines without an order id, counted directly
    int[] looseOrders = new int[4];
    int[] firstDay = new int[4];
    int[] lastDay = new int[4];
    int customers;

    /** (customer, order id) to order; the order's customer is its owner there. */
    KeyTable orderIds = new KeyTable();
    private int[] orderDay = new int[4];
    private boolean[] orderCounted = new boolean[4];
    private int orderCount;

    // While every customer's order ids come in increasing order (by length, then bytes), as invoice
    // numbers do, an order id greater than the customer's greatest is new without a lookup, and one equal
    // to it is that order: the order ids are then only appended, not indexed. The first id that is
    // smaller indexes them all, and from then on every order id is looked up.
    private boolean ordersIndexed;

    private final int[] customerOf = new int[BLOCK];
    private final long[] orderHash = new long[BLOCK];
    private final boolean[] viaTable = new boolean[BLOCK];
    private long touched; // keeps the touching reads from being optimised away

    private int[] mine = new int[IncludedLines.CAPACITY];

    /**
     * Counts in the lines of the batch whose customers belong to a part: customers are split into
     * parts by their key's hash, so that parts can be counted on different threads.
     */
    void add(IncludedLines lines, boolean netReturns, int part, int parts) {
        int n = 0;
        for (int i = 0; i < lines.size; i++) {
            if (partOf(lines.hash[i], parts) == part) {
                mine[n++] = i;
            }
        }
        for (int from = 0; from < n; from += BLOCK) {
            addBlock(lines, from, Math.min(n, from + BLOCK), netReturns);
        }
    }

    /** The part of a customer key's hash, 0 to parts - 1. */
    static int partOf(long hash, int parts) {
        return ((int) hash & 0x7FFFFFFF) % parts;
    }

    /**
     * Counts a line into its order while order ids come in increasing order: true if done, false if the
     * id is smaller than the customer's greatest, after which all ids are indexed and looked up.
     */
    private boolean increasingOrder(int c, byte[] keys, int from, int to, int day, boolean purchase) {
        int length = to - from;
        long prefix = prefix(keys, from, length);
        long meta = state[STATE * c + 3];
        int cmp;
        if (meta == -1) {
            cmp = 1;
        } else {
            int maxLength = (int) (meta >>> 36);
            cmp = length != maxLength ? Integer.compare(length, maxLength)
                    : Long.compareUnsigned(prefix, state[STATE * c + 2]);
            if (cmp == 0 && length > 8) {
                cmp = -orderIds.compareKey(meta & ((1L << 36) - 1), keys, from, to);
            }
        }
        if (cmp > 0) {
            long position = orderIds.appendUnindexed(c, keys, from, to);
            state[STATE * c + 2] = prefix;
            state[STATE * c + 3] = (long) length << 36 | position;
            newOrder(day);
            orderCounted[orderCount - 1] = purchase;
            return true;
        }
        if (cmp == 0) {
            int o = orderIds.idAt(meta & ((1L << 36) - 1));
            orderDay[o] = Math.min(orderDay[o], day);
            orderCounted[o] |= purchase;
            return true;
        }
        orderIds.indexAll();
        ordersIndexed = true;
        return false;
    }

    /** The first 8 bytes of a key, big-endian, zero-padded: compared unsigned, they order keys of one length. */
    private static long prefix(byte[] keys, int from, int length) {
        long p = 0;
        int n = Math.min(8, length);
        for (int i = 0; i < n; i++) {
            p = p << 8 | (keys[from + i] & 0xFF);
        }
        return p << (8 * (8 - n));
    }

    /** Counts in the lines mine[from] to mine[to - 1], in passes (see the class comment). */
    private void addBlock(IncludedLines lines, int from, int to, boolean netReturns) {
        byte[] keys = lines.keys;
        long t = 0;
        for (int k = from; k < to; k++) {
            int i = mine[k];
            long h = lines.hash[i];
            t += lines.customerKey[i] != ShortKeys.NONE ? shortIds.touch(h) : otherTable.touch(h);
        }
        for (int k = from; k < to; k++) {
            int i = mine[k];
            long key = lines.customerKey[i];
            int c;
            if (key != ShortKeys.NONE) {
                c = shortIds.getOrAdd(key, lines.hash[i], customers);
                if (c == customers) {
                    newCustomer(key);
                }
            } else {
                int other = otherTable.getOrAdd(0, keys, lines.customerFrom[i], lines.customerTo[i], lines.hash[i]);
                if (otherTable.added()) {
                    if (other == customerOfOther.length) {
                        customerOfOther = Arrays.copyOf(customerOfOther, 2 * other);
                    }
                    customerOfOther[other] = customers;
                    newCustomer(~(long) other);
                }
                c = customerOfOther[other];
            }
            customerOf[k - from] = c;
        }
        for (int k = from; k < to; k++) {
            int c = customerOf[k - from];
            t += state[STATE * c] + state[STATE * c + STATE - 1]; // a customer's state may span two cache lines
        }
        for (int k = from; k < to; k++) {
            int i = mine[k];
            int c = customerOf[k - from];
            long units = lines.units[i];
            state[STATE * c + 1] += lines.lines[i];
            if (units >= 0 || netReturns) {
                state[STATE * c] = Math.addExact(state[STATE * c], units);
            }
            viaTable[k - from] = false;
            if (lines.orderFrom[i] < 0) {
                if (units >= 0) {
                    int day = lines.day[i];
                    looseOrders[c]++;
                    firstDay[c] = Math.min(firstDay[c], day);
                    lastDay[c] = Math.max(lastDay[c], day);
                }
                continue;
            }
            if (!ordersIndexed && increasingOrder(c, keys, lines.orderFrom[i], lines.orderTo[i], lines.day[i],
                    units >= 0)) {
                continue;
            }
            long h = KeyTable.hash(c, keys, lines.orderFrom[i], lines.orderTo[i] - lines.orderFrom[i]);
            orderHash[k - from] = h;
            viaTable[k - from] = true;
            t += orderIds.touch(h);
        }
        for (int k = from; k < to; k++) {
            if (!viaTable[k - from]) {
                continue;
            }
            int i = mine[k];
            int day = lines.day[i];
            int o = orderIds.getOrAdd(customerOf[k - from], keys, lines.orderFrom[i], lines.orderTo[i],
                    orderHash[k - from]);
            if (o == orderCount) {
                newOrder(day);
            } else {
                orderDay[o] = Math.min(orderDay[o], day);
            }
            orderCounted[o] |= lines.units[i] >= 0;
        }
        touched += t;
    }

    private void newCustomer(long key) {
        if (customers == looseOrders.length) {
            int n = customers * 2;
            keyOf = Arrays.copyOf(keyOf, n);
            state = Arrays.copyOf(state, STATE * n);
            looseOrders = Arrays.copyOf(looseOrders, n);
            firstDay = Arrays.copyOf(firstDay, n);
            lastDay = Arrays.copyOf(lastDay, n);
        }
        keyOf[customers] = key;
        state[STATE * customers + 3] = -1;
        firstDay[customers] = NO_DAY_MIN;
        lastDay[customers] = NO_DAY_MAX;
        customers++;
    }

    private void newOrder(int day) {
        if (orderCount == orderDay.length) {
            int n = orderCount * 2;
            orderDay = Arrays.copyOf(orderDay, n);
            orderCounted = Arrays.copyOf(orderCounted, n);
        }
        orderDay[orderCount] = day;
        orderCount++;
    }

    /**
     * Folds the orders into their customers and returns the customers with at least one counted order,
     * with the counts the report needs. The columns are compacted in place and handed over: this part
     * is spent afterwards.
     */
    Kept finish() {
        orderIds.forEachOwner((o, c) -> {
            if (orderCounted[o]) {
                looseOrders[c]++;
                firstDay[c] = Math.min(firstDay[c], orderDay[o]);
                lastDay[c] = Math.max(lastDay[c], orderDay[o]);
            }
        });
        orderIds = null;
        orderDay = null;
        orderCounted = null;
        int withOrders = 0;
        int others = 0;
        long totalOrders = 0;
        long linesWithoutOrders = 0;
        for (int c = 0; c < customers; c++) {
            if (looseOrders[c] > 0) {
                withOrders++;
                totalOrders += looseOrders[c];
                others += keyOf[c] < 0 ? 1 : 0;
            } else {
                linesWithoutOrders += state[STATE * c + 1];
            }
        }
        String[] otherIds = others == 0 ? null : otherIds(withOrders, others);
        // customers with orders moved to the front, in order; the amounts gathered to the front of the
        // state, which is read at STATE * c >= c, so nothing is overwritten before it is read
        long[] units = state;
        for (int c = 0, k = 0; c < customers; c++) {
            if (looseOrders[c] > 0) {
                keyOf[k] = Math.max(ShortKeys.NONE, keyOf[c]);
                looseOrders[k] = looseOrders[c];
                firstDay[k] = firstDay[c];
                lastDay[k] = lastDay[c];
                units[k] = state[STATE * c];
                k++;
            }
        }
        Kept out = new Kept(withOrders, keyOf, otherIds, looseOrders, firstDay, lastDay, units,
                customers - withOrders, totalOrders, linesWithoutOrders);
        keyOf = null;
        state = null;
        looseOrders = null;
        firstDay = null;
        lastDay = null;
        return out;
    }

    /**
     * The ids that are not packed of the customers with orders, in customer order, at their rows among
     * those customers; null at the rows of packed ids.
     */
    private String[] otherIds(int withOrders, int others) {
        int[] other = new int[others];
        for (int c = 0, o = 0; c < customers; c++) {
            if (looseOrders[c] > 0 && keyOf[c] < 0) {
                other[o++] = (int) ~keyOf[c];
            }
        }
        String[] otherKeys = otherTable.keys(other);
        String[] ids = new String[withOrders];
        for (int c = 0, k = 0, o = 0; c < customers; c++) {
            if (looseOrders[c] > 0) {
                if (keyOf[c] < 0) {
                    ids[k] = otherKeys[o++];
                }
                k++;
            }
        }
        return ids;
    }

    /**
     * The customers with orders of a part, in the first {@code size} rows of its columns (which may be
     * longer), and the part's counts. The packed ids are {@link ShortKeys#NONE} where an id is in
     * otherIds, which is null if every id is packed.
     */
    record Kept(int size, long[] packedIds, String[] otherIds, int[] orders, int[] first, int[] last, long[] units,
            int withoutOrders, long totalOrders, long linesWithoutOrders) {
    }
}
