package dev.rfmkit.order;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Included order lines waiting to be aggregated, in columns: the customer key packed if it is short
 * (see {@link ShortKeys}), else as bytes (see {@link KeyTable}), its hash, the order key as bytes
 * (the encoding of both), the day and the amount. Aggregating lines in batches, grouped by the
 * customer's partition, keeps each partition's tables in the processor's cache while its lines are
 * counted in. Not thread-safe.
 */
final class IncludedLines {
    static final int CAPACITY = 1 << 14;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
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
    private long lastOrder; // the last line's order id packed, or ShortKeys.NONE

    boolean full() {
        return size >= limit;
    }

    void clear() {
        size = 0;
        fill = 0;
        limit = CAPACITY;
    }

    /**
     * Adds a line whose keys are bytes already in the table's encoding, with their {@link ShortKeys#pack
     * packed} forms ({@link ShortKeys#NONE} if they do not pack); order from -1 for none. A customer key
     * that packs is kept packed only, not as bytes (those of a line added as strings are kept, and not
     * read).
     */
    void add(byte[] bytes, int customerStart, int customerEnd, long customer, int orderStart, int orderEnd,
            long order, int epochDay, long amountUnits) {
        int customerLength = customer != ShortKeys.NONE ? 0 : customerEnd - customerStart;
        int orderLength = orderStart < 0 ? 0 : orderEnd - orderStart;
        if (orderStart >= 0 && size > 0 && sameOrder(bytes, customer, customerStart, customerLength, order,
                orderStart, orderLength, amountUnits)) {
            int last = size - 1;
            units[last] += amountUnits; // cannot overflow: the sum of all purchases (or returns) is checked first
            lines[last]++;
            day[last] = Math.min(day[last], epochDay);
            return;
        }
        room(customerLength + orderLength);
        int i = size++;
        if (customerLength > 0) { // a packed customer id is not kept as bytes
            copy(bytes, customerStart, customerLength);
        }
        customerFrom[i] = fill;
        customerTo[i] = fill + customerLength;
        fill += customerLength;
        if (orderStart < 0) {
            orderFrom[i] = -1;
            orderTo[i] = -1;
        } else {
            copy(bytes, orderStart, orderLength);
            orderFrom[i] = fill;
            orderTo[i] = fill + orderLength;
            fill += orderLength;
        }
        lastOrder = order;
        finish(i, customer, epochDay, amountUnits);
    }

    /** Copies bytes to the end of the keys, which has room for them; short keys as one word. */
    private void copy(byte[] bytes, int from, int length) {
        if (length <= Long.BYTES && from + Long.BYTES <= bytes.length && fill + Long.BYTES <= keys.length) {
            WORDS.set(keys, fill, (long) WORDS.get(bytes, from)); // the bytes past length are overwritten later
        } else {
            System.arraycopy(bytes, from, keys, fill, length);
        }
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
        lastOrder = order == null ? ShortKeys.NONE : ShortKeys.pack(keys, orderFrom[i], orderTo[i]);
        finish(i, ShortKeys.pack(keys, customerFrom[i], customerTo[i]), epochDay, amountUnits);
    }

    /**
     * Whether a line continues the last one: the same customer and order, and an amount of the same
     * sign, so that counting them together gives what counting them apart gives. Keys that pack are
     * equal exactly when their packed forms are; the others are compared by their bytes.
     */
    private boolean sameOrder(byte[] bytes, long customer, int customerStart, int customerLength, long order,
            int orderStart, int orderLength, long amountUnits) {
        int last = size - 1;
        // one branch for the four conditions (& evaluates all): a rare one, such as a return line right
        // after a purchase of the same order, then cannot send the compiled reading loop back to the
        // interpreter the first time it turns up
        boolean candidate = orderFrom[last] >= 0 & (units[last] >= 0) == (amountUnits >= 0)
                & customer == customerKey[last] & order == lastOrder;
        if (!candidate) {
            return false;
        }
        return (order != ShortKeys.NONE || sameBytes(orderFrom[last], orderTo[last], bytes, orderStart, orderLength))
                && (customer != ShortKeys.NONE
                        || sameBytes(customerFrom[last], customerTo[last], bytes, customerStart, customerLength));
    }

    private boolean sameBytes(int from, int to, byte[] bytes, int start, int length) {
        return to - from == length && Arrays.equals(keys, from, to, bytes, start, start + length);
    }

    private void finish(int i, long key, int epochDay, long amountUnits) {
        customerKey[i] = key;
        hash[i] = key != ShortKeys.NONE ? ShortKeys.hash(key)
                : KeyTable.hash(0, keys, customerFrom[i], customerTo[i] - customerFrom[i]);
        day[i] = epochDay;
        units[i] = amountUnits;
        lines[i] = 1;
    }

    private void room(int bytes) {
        if (fill + bytes > keys.length) {
            long size = Math.max(keys.length * 2L, fill + (long) bytes);
            keys = Arrays.copyOf(keys, (int) Math.min(Integer.MAX_VALUE - 8, size));
        }
    }
}
