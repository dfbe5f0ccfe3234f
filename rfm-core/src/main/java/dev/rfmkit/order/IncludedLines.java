package dev.rfmkit.order;

import java.util.Arrays;

/**
 * Included order lines waiting to be aggregated, in columns: their customer and order keys as bytes
 * (see {@link KeyTable}), the customer key's hash, the day and the amount. Aggregating lines in
 * batches, grouped by the customer's partition, keeps each partition's tables in the processor's cache
 * while its lines are counted in. Not thread-safe.
 */
final class IncludedLines {
    static final int CAPACITY = 1 << 14;

    int size;
    final long[] hash = new long[CAPACITY];
    final int[] customerFrom = new int[CAPACITY];
    final int[] customerTo = new int[CAPACITY];
    final int[] orderFrom = new int[CAPACITY]; // -1: no order id
    final int[] orderTo = new int[CAPACITY];
    final int[] day = new int[CAPACITY];
    final long[] units = new long[CAPACITY];
    byte[] keys = new byte[CAPACITY * 16];
    private int fill;

    boolean full() {
        return size == CAPACITY;
    }

    void clear() {
        size = 0;
        fill = 0;
    }

    /** Adds a line whose keys are bytes already in the table's encoding; order from -1 for none. */
    void add(byte[] bytes, int customerStart, int customerEnd, int orderStart, int orderEnd, int epochDay,
            long amountUnits) {
        int customerLength = customerEnd - customerStart;
        int orderLength = orderStart < 0 ? 0 : orderEnd - orderStart;
        room(customerLength + orderLength);
        int i = size++;
        System.arraycopy(bytes, customerStart, keys, fill, customerLength);
        customerFrom[i] = fill;
        customerTo[i] = fill + customerLength;
        fill += customerLength;
        if (orderStart < 0) {
            orderFrom[i] = -1;
            orderTo[i] = -1;
        } else {
            System.arraycopy(bytes, orderStart, keys, fill, orderLength);
            orderFrom[i] = fill;
            orderTo[i] = fill + orderLength;
            fill += orderLength;
        }
        finish(i, epochDay, amountUnits);
    }

    /** Adds a line whose keys are strings; a null order id is none. */
    void add(String customer, String order, int epochDay, long amountUnits) {
        room(3 * (customer.length() + (order == null ? 0 : order.length())));
        int i = size++;
        customerFrom[i] = fill;
        fill += KeyTable.encode(customer, keys, fill);
        customerTo[i] = fill;
        if (order == null) {
            orderFrom[i] = -1;
            orderTo[i] = -1;
        } else {
            orderFrom[i] = fill;
            fill += KeyTable.encode(order, keys, fill);
            orderTo[i] = fill;
        }
        finish(i, epochDay, amountUnits);
    }

    private void finish(int i, int epochDay, long amountUnits) {
        hash[i] = KeyTable.hash(0, keys, customerFrom[i], customerTo[i] - customerFrom[i]);
        day[i] = epochDay;
        units[i] = amountUnits;
    }

    private void room(int bytes) {
        if (fill + bytes > keys.length) {
            keys = Arrays.copyOf(keys, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(keys.length * 2L, fill + (long) bytes)));
        }
    }
}
