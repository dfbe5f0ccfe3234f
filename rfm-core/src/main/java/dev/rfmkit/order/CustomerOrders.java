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
    // the ids packed (see ShortKeys) where they pack, else as strings: no string per customer is made
    // until one is asked for
    private final long[] packedIds;
    private final String[] otherIds; // null where packed; null if every id is packed
    private final int[] orders;
    private final int[] firstDay;
    private final int[] lastDay;
    private final long[] amountUnits;

    CustomerOrders(long[] packedIds, String[] otherIds, int[] orders, int[] firstDay, int[] lastDay,
            long[] amountUnits) {
        this.packedIds = packedIds;
        this.otherIds = otherIds;
        this.orders = orders;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.amountUnits = amountUnits;
    }

    /** The number of customers (rows). */
    public int size() {
        return packedIds.length;
    }

    /**
     * The customer id of a row.
     *
     * @param row the row, 0-based
     * @return the id
     */
    public String customerId(int row) {
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
        return orders[row];
    }

    /**
     * The date of the customer's first order, as an epoch day.
     *
     * @param row the row
     * @return the epoch day ({@link LocalDate#toEpochDay()})
     */
    public int firstOrderEpochDay(int row) {
        return firstDay[row];
    }

    /**
     * The date of the customer's last order, as an epoch day.
     *
     * @param row the row
     * @return the epoch day ({@link LocalDate#toEpochDay()})
     */
    public int lastOrderEpochDay(int row) {
        return lastDay[row];
    }

    /**
     * The customer's included amount in units (1/10,000 of the currency unit).
     *
     * @param row the row
     * @return the amount in units
     */
    public long amountUnits(int row) {
        return amountUnits[row];
    }

    /**
     * The customer's included amount, exact.
     *
     * @param row the row
     * @return the amount in currency units
     */
    public BigDecimal amount(int row) {
        return Amounts.toDecimal(amountUnits[row]);
    }

    /** The sum of all customers' included amounts, exact. */
    public BigDecimal totalAmount() {
        long sum = 0;
        for (long a : amountUnits) {
            sum = Math.addExact(sum, a);
        }
        return Amounts.toDecimal(sum);
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
        return o instanceof CustomerOrders other && Arrays.equals(packedIds, other.packedIds)
                && Arrays.equals(otherIds, other.otherIds) && Arrays.equals(orders, other.orders)
                && Arrays.equals(firstDay, other.firstDay) && Arrays.equals(lastDay, other.lastDay)
                && Arrays.equals(amountUnits, other.amountUnits);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(packedIds) * 31 + Arrays.hashCode(otherIds)) * 31 + Arrays.hashCode(amountUnits);
    }
}
