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
    long[] amountUnits = new long[4];
    long[] lineCount = new long[4];
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

    /** Counts in all lines of the batch. */
    void add(IncludedLines lines, boolean netReturns) {
        for (int from = 0; from < lines.size; from += BLOCK) {
            addBlock(lines, from, Math.min(lines.size, from + BLOCK), netReturns);
        }
    }

    private void addBlock(IncludedLines lines, int from, int to, boolean netReturns) {
        byte[] keys = lines.keys;
        long t = 0;
        for (int i = from; i < to; i++) {
            t += customerIds.touch(lines.hash[i]);
        }
        for (int i = from; i < to; i++) {
            int c = customerIds.getOrAdd(0, keys, lines.customerFrom[i], lines.customerTo[i], lines.hash[i]);
            if (c == customers) {
                newCustomer();
            }
            customerOf[i - from] = c;
        }
        for (int i = from; i < to; i++) {
            int c = customerOf[i - from];
            long units = lines.units[i];
            lineCount[c]++;
            if (units >= 0 || netReturns) {
                amountUnits[c] = Math.addExact(amountUnits[c], units);
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
                orderHash[i - from] = h;
                t += orderIds.touch(h);
            }
        }
        for (int i = from; i < to; i++) {
            if (lines.orderFrom[i] < 0) {
                continue;
            }
            int day = lines.day[i];
            int o = orderIds.getOrAdd(customerOf[i - from], keys, lines.orderFrom[i], lines.orderTo[i],
                    orderHash[i - from]);
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
        if (customers == amountUnits.length) {
            int n = customers * 2;
            amountUnits = Arrays.copyOf(amountUnits, n);
            lineCount = Arrays.copyOf(lineCount, n);
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
     * Folds the orders into their customers: after this, looseOrders, firstDay and lastDay hold every
     * counted order of each customer, and the orders are gone.
     */
    void foldOrders() {
        int[] owners = orderIds.owners();
        for (int o = 0; o < orderCount; o++) {
            if (orderCounted[o]) {
                int c = owners[o];
                looseOrders[c]++;
                firstDay[c] = Math.min(firstDay[c], orderDay[o]);
                lastDay[c] = Math.max(lastDay[c], orderDay[o]);
            }
        }
        orderIds = null;
        orderDay = null;
        orderCounted = null;
    }
}
