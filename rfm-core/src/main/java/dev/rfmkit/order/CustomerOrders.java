package dev.rfmkit.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Per-customer order facts from ingestion, one row per customer with at least one order, rows in
 * {@link CustomerIdOrder} order: the number of orders, the first and last order dates and the
 * included amount (net or purchases only, by the returns policy).
 *
 * <p>An order's date is the earliest date among its included lines. Columns are primitive; dates are
 * held as epoch days. Immutable and safe to share between threads.
 */
public final class CustomerOrders {
    // The columns are the ingestion's own, handed over, so they may be longer than the rows. The ids
    // are packed (see ShortKeys) where they pack, else strings: no string per customer is made until
    // one is asked for.
    private final int size;
    private final long[] packedIds;
    private final String[] otherIds; // null where packed; null if every id is packed
    private final int[] orders;
    private final int[] firstDay;
    private final int[] lastDay;
    private final long[] amountUnits;

    CustomerOrders(int size, long[] packedIds, String[] otherIds, int[] orders, int[] firstDay, int[] lastDay,
            long[] amountUnits) {
        this.size = size;
        this.packedIds = packedIds;
        this.otherIds = otherIds;
        this.orders = orders;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.amountUnits = amountUnits;
    }

    /** The number of customers (rows). */
    public int size() {
        return size;
    }

    /**
     * The customer id of a row.
     *
     * @param row the row, 0-based
     * @return the id
     */
    public String customerId(int row) {
        if (row >= size) {
            throw outOfBounds(row);
        }
        long packed = packedIds[row];
        return packed != ShortKeys.NONE ? ShortKeys.unpack(packed) : otherIds[row];
    }

    /**
     * The number of distinct orders of a row's customer, at least 1.
     *
     * @param row the row
     * @return the order count
     */
    public int orders(int row) {
        if (row >= size) {
            throw outOfBounds(row);
        }
        return orders[row];
    }

    /**
     * The order counts of all rows, in row order.
     *
     * @return a copy of the column
     */
    public int[] ordersColumn() {
        return Arrays.copyOf(orders, size);
    }

    /**
     * The date of the customer's first order, as an epoch day.
     *
     * @param row the row
     * @return the epoch day ({@link LocalDate#toEpochDay()})
     */
    public int firstOrderEpochDay(int row) {
        if (row >= size) {
            throw outOfBounds(row);
        }
        return firstDay[row];
    }

    /**
     * The date of the customer's last order, as an epoch day.
     *
     * @param row the row
     * @return the epoch day ({@link LocalDate#toEpochDay()})
     */
    public int lastOrderEpochDay(int row) {
        if (row >= size) {
            throw outOfBounds(row);
        }
        return lastDay[row];
    }

    /**
     * The customer's included amount in units (1/10,000 of the currency unit).
     *
     * @param row the row
     * @return the amount in units
     */
    public long amountUnits(int row) {
        if (row >= size) {
            throw outOfBounds(row);
        }
        return amountUnits[row];
    }

    /**
     * The customer's included amount, exact.
     *
     * @param row the row
     * @return the amount in currency units
     */
    public BigDecimal amount(int row) {
        return Amounts.toDecimal(amountUnits(row));
    }

    /** The sum of all customers' included amounts, exact. */
    public BigDecimal totalAmount() {
        long sum = 0;
        for (int row = 0; row < size; row++) {
            sum = Math.addExact(sum, amountUnits[row]);
        }
        return Amounts.toDecimal(sum);
    }

    // The columns may be longer than the rows, so each accessor checks the row against the size (a
    // negative row fails on the array). The check is written out in each: a call in an accessor costs
    // a million-row loop dearly until the JIT compiler has inlined it.
    private IndexOutOfBoundsException outOfBounds(int row) {
        return new IndexOutOfBoundsException("row " + row + " out of bounds for " + size + " rows");
    }

    @Override
    public String toString() {
        int n = size();
        return "CustomerOrders[" + n + " customers"
                + (n > 0 ? ", first=" + customerId(0) + ", last=" + customerId(n - 1) : "") + "]";
    }

    @Override
    public boolean equals(Object o) {
        // an id is packed exactly when it packs, so equal ids are stored alike
        if (!(o instanceof CustomerOrders other) || other.size != size) {
            return false;
        }
        for (int row = 0; row < size; row++) {
            if (packedIds[row] != other.packedIds[row] || orders[row] != other.orders[row]
                    || firstDay[row] != other.firstDay[row] || lastDay[row] != other.lastDay[row]
                    || amountUnits[row] != other.amountUnits[row]
                    || packedIds[row] == ShortKeys.NONE && !otherIds[row].equals(other.otherIds[row])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int row = 0; row < size; row++) {
            long packed = packedIds[row];
            h = (h * 31 + (packed != ShortKeys.NONE ? Long.hashCode(packed) : otherIds[row].hashCode())) * 31
                    + Long.hashCode(amountUnits[row]);
        }
        return h;
    }
}
