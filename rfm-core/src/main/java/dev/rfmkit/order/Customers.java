package dev.rfmkit.order;

import java.util.Arrays;

/**
 * The customers seen so far, with their orders, as columns indexed by dense ids.
 *
 * <p>Lines are counted in by blocks, in passes: first every line's table slot is touched, then the
 * customers are found, then their sums updated, then the same for the orders. Each pass makes
 * independent memory accesses, which the processor overlaps; counting line by line would wait for one
 * cache miss after the other, since a large table lies far outside the cache.
 *
 * <p>Not thread-safe.
 */
final class Customers {
    private static final int BLOCK = 256;

    private static final int NO_DAY_MIN = Integer.MAX_VALUE;
    private static final int NO_DAY_MAX = Integer.MIN_VALUE;

    final KeyTable customerIds = new KeyTable();
    // per customer, side by side (one cache line): the included amount and the number of lines
    private long[] sums = new long[8];
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

    private final int[] customerOf = new int[BLOCK];
    private final long[] orderHash = new long[BLOCK];
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

    /** Counts in the lines mine[from] to mine[to - 1], in passes (see the class comment). */
    private void addBlock(IncludedLines lines, int from, int to, boolean netReturns) {
        byte[] keys = lines.keys;
        long t = 0;
        for (int k = from; k < to; k++) {
            t += customerIds.touch(lines.hash[mine[k]]);
        }
        for (int k = from; k < to; k++) {
            int i = mine[k];
            int c = customerIds.getOrAdd(0, keys, lines.customerFrom[i], lines.customerTo[i], lines.hash[i]);
            if (c == customers) {
                newCustomer();
            }
            customerOf[k - from] = c;
        }
        for (int k = from; k < to; k++) {
            int i = mine[k];
            int c = customerOf[k - from];
            long units = lines.units[i];
            sums[2 * c + 1] += lines.lines[i];
            if (units >= 0 || netReturns) {
                sums[2 * c] = Math.addExact(sums[2 * c], units);
            }
            if (lines.orderFrom[i] < 0) {
                if (units >= 0) {
                    int day = lines.day[i];
                    looseOrders[c]++;
                    firstDay[c] = Math.min(firstDay[c], day);
                    lastDay[c] = Math.max(lastDay[c], day);
                }
            } else {
                long h = KeyTable.hash(c, keys, lines.orderFrom[i], lines.orderTo[i] - lines.orderFrom[i]);
                orderHash[k - from] = h;
                t += orderIds.touch(h);
            }
        }
        for (int k = from; k < to; k++) {
            int i = mine[k];
            if (lines.orderFrom[i] < 0) {
                continue;
            }
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

    private void newCustomer() {
        if (customers == looseOrders.length) {
            int n = customers * 2;
            sums = Arrays.copyOf(sums, 2 * n);
            looseOrders = Arrays.copyOf(looseOrders, n);
            firstDay = Arrays.copyOf(firstDay, n);
            lastDay = Arrays.copyOf(lastDay, n);
        }
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
     * with the counts the report needs. The orders and keys are gone afterwards.
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
        long totalOrders = 0;
        long linesWithoutOrders = 0;
        for (int c = 0; c < customers; c++) {
            if (looseOrders[c] > 0) {
                withOrders++;
                totalOrders += looseOrders[c];
            } else {
                linesWithoutOrders += sums[2 * c + 1];
            }
        }
        int[] kept = new int[withOrders];
        for (int c = 0, k = 0; c < customers; c++) {
            if (looseOrders[c] > 0) {
                kept[k++] = c;
            }
        }
        Kept out = new Kept(customerIds.keys(kept), new int[withOrders], new int[withOrders], new int[withOrders],
                new long[withOrders], customers - withOrders, totalOrders, linesWithoutOrders);
        for (int k = 0; k < withOrders; k++) {
            int c = kept[k];
            out.orders[k] = looseOrders[c];
            out.first[k] = firstDay[c];
            out.last[k] = lastDay[c];
            out.units[k] = sums[2 * c];
        }
        return out;
    }

    /** The customers with orders of a part, in columns, and the part's counts. */
    record Kept(String[] ids, int[] orders, int[] first, int[] last, long[] units, int withoutOrders,
            long totalOrders, long linesWithoutOrders) {
    }
}
