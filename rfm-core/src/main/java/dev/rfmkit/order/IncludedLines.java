package dev.rfmkit.order;

import java.util.Arrays;

/**
 * Included order lines waiting to be aggregated, in columns: their customer and order keys as bytes
 * (see {@link KeyTable}), the customer key packed if it is short (see {@link ShortKeys}), its hash, the
 * day and the amount. Aggregating lines in batches, grouped by the customer's partition, keeps each
 * partition's tables in the processor's cache while its lines are counted in. Not thread-safe.
 */
final class IncludedLines {
    static final int CAPACITY = 1 << 14;
    // A new batch is full at a few hundred lines, a cleared one at CAPACITY: the first hand-over of a
    // full batch then comes while the JIT compiler still profiles the reading loop, which it otherwise
    // compiles without that path, and compiles again when the first batch fills.
    private static final int FIRST_LIMIT = 256;
    private int limit = FIRST_LIMIT;

    int size;
    final long[] hash = new long[CAPACITY];
    final long[] customerKey = new long[CAPACITY]; // packed (see ShortKeys), or ShortKeys.NONE
    final int[] customerFrom = new int[CAPACITY];
    final int[] customerTo = new int[CAPACITY];
    final int[] orderFrom = new int[CAPACITY]; // -1: no order id
    final int[] orderTo = new int[CAPACITY];
    final int[] day = new int[CAPACITY];
    final long[] units = new long[CAPACITY];
    final int[] lines = new int[CAPACITY]; // consecutive lines of one order with amounts of one sign, merged
    byte[] keys = new byte[CAPACITY * 16];
    private int fill;

    boolean full() {
        return size >= limit;
    }

    void clear() {
        size = 0;
        fill = 0;
        limit = CAPACITY;
    }

    /** Adds a line whose keys are bytes already in the table's encoding; order from -1 for none. */
    void add(byte[] bytes, int customerStart, int customerEnd, int orderStart, int orderEnd, int epochDay,
            long amountUnits) {
        int customerLength = customerEnd - customerStart;
        int orderLength = orderStart < 0 ? 0 : orderEnd - orderStart;
        if (orderStart >= 0 && size > 0 && sameOrder(bytes, customerStart, customerLength, orderStart, orderLength,
                amountUnits)) {
            int last = size - 1;
            units[last] += amountUnits; // cannot overflow: the sum of all purchases (or returns) is checked first
            lines[last]++;
            day[last] = Math.min(day[last], epochDay);
            return;
        }
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

    /**
     * Whether a line continues the last one: the same customer and order, and an amount of the same
     * sign, so that counting them together gives what counting them apart gives.
     */
    private boolean sameOrder(byte[] bytes, int customerStart, int customerLength, int orderStart, int orderLength,
            long amountUnits) {
        int last = size - 1;
        return orderFrom[last] >= 0 && (units[last] >= 0) == (amountUnits >= 0)
                && customerTo[last] - customerFrom[last] == customerLength
                && orderTo[last] - orderFrom[last] == orderLength
                && java.util.Arrays.equals(keys, orderFrom[last], orderTo[last], bytes, orderStart, orderStart + orderLength)
                && java.util.Arrays.equals(keys, customerFrom[last], customerTo[last], bytes, customerStart,
                        customerStart + customerLength);
    }

    private void finish(int i, int epochDay, long amountUnits) {
        long key = ShortKeys.pack(keys, customerFrom[i], customerTo[i]);
        customerKey[i] = key;
        hash[i] = key != ShortKeys.NONE ? ShortKeys.hash(key)
                : KeyTable.hash(0, keys, customerFrom[i], customerTo[i] - customerFrom[i]);
        day[i] = epochDay;
        units[i] = amountUnits;
        lines[i] = 1;
    }

    private void room(int bytes) {
        if (fill + bytes > keys.length) {
            keys = Arrays.copyOf(keys, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(keys.length * 2L, fill + (long) bytes)));
        }
    }
}
