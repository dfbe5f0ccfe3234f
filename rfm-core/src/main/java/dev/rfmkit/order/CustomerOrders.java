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
    private final String[] ids;
    private final int[] orders;
    private final int[] firstDay;
    private final int[] lastDay;
    private final long[] amountUnits;

    CustomerOrders(String[] ids, int[] orders, int[] firstDay, int[] lastDay, long[] amountUnits) {
        this.ids = ids;
        this.orders = orders;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.amountUnits = amountUnits;
    }

    /** The number of customers (rows). */
    public int size() {
        return ids.length;
    }

    /**
     * The customer id of a row.
     *
     * @param row the row, 0-based
     * @return the id
     */
    public String customerId(int row) {
        return ids[row];
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
        return "CustomerOrders[" + ids.length + " customers"
                + (ids.length > 0 ? ", first=" + ids[0] + ", last=" + ids[ids.length - 1] : "") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomerOrders other && Arrays.equals(ids, other.ids) && Arrays.equals(orders, other.orders)
                && Arrays.equals(firstDay, other.firstDay) && Arrays.equals(lastDay, other.lastDay)
                && Arrays.equals(amountUnits, other.amountUnits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids) * 31 + Arrays.hashCode(amountUnits);
    }
}
