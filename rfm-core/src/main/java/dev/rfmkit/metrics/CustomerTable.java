package dev.rfmkit.metrics;

import dev.rfmkit.order.Amounts;
import dev.rfmkit.order.CustomerOrders;
import dev.rfmkit.order.IngestionResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * RFM metrics of every customer as of one date, as primitive columns beside the customer ids.
 *
 * <ul>
 *   <li>recency: whole calendar days from the customer's last order date to the as-of date D (a last
 *       order on D gives 0);</li>
 *   <li>frequency: the number of distinct orders;</li>
 *   <li>monetary: the sum of the included amounts ({@link MonetaryMode#TOTAL}) or that sum divided by
 *       the number of orders ({@link MonetaryMode#AVERAGE}); exact as a decimal
 *       ({@link #monetaryDecimal}), and as the nearest {@code double} for scoring.</li>
 * </ul>
 *
 * <p>Rows are in {@link dev.rfmkit.order.CustomerIdOrder} order: the same input gives the same table
 * whatever the order of its lines. Immutable and safe to share between threads.
 */
public final class CustomerTable {
    private final LocalDate asOf;
    private final MonetaryMode mode;
    // ids, orders, amounts and dates are read from the ingestion's columns, not copied: both are
    // immutable, and a copy of a million rows costs more than the rest of building the table
    private final CustomerOrders orders;
    private final int[] recency;
    private final double[] monetary;

    private CustomerTable(LocalDate asOf, MonetaryMode mode, CustomerOrders orders, int[] recency, double[] monetary) {
        this.asOf = asOf;
        this.mode = mode;
        this.orders = orders;
        this.recency = recency;
        this.monetary = monetary;
    }

    /**
     * Computes the metrics of every customer of an ingestion result, as of its as-of date.
     *
     * @param result the ingestion result
     * @param mode total or average order value
     * @return the table
     */
    public static CustomerTable from(IngestionResult result, MonetaryMode mode) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(mode, "mode");
        CustomerOrders c = result.customers();
        int n = c.size();
        long asOfDay = result.asOf().toEpochDay();
        int[] recency = new int[n];
        double[] monetary = new double[n];
        for (int i = 0; i < n; i++) {
            recency[i] = Math.toIntExact(asOfDay - c.lastOrderEpochDay(i));
            monetary[i] = mode.value(c.amountUnits(i), c.orders(i));
        }
        return new CustomerTable(result.asOf(), mode, c, recency, monetary);
    }

    /** The as-of date D the recency is counted to. */
    public LocalDate asOf() {
        return asOf;
    }

    /** Whether monetary is the total or the average order value. */
    public MonetaryMode monetaryMode() {
        return mode;
    }

    /** The number of customers (rows). */
    public int size() {
        return recency.length;
    }

    /**
     * The customer id of a row.
     *
     * @param row the row, 0-based
     * @return the id
     */
    public String customerId(int row) {
        return orders.customerId(row);
    }

    /**
     * Days from the last order to the as-of date.
     *
     * @param row the row
     * @return the recency in days, 0 or more
     */
    public int recencyDays(int row) {
        return recency[row];
    }

    /**
     * The number of distinct orders.
     *
     * @param row the row
     * @return the frequency, at least 1
     */
    public int frequency(int row) {
        return orders.orders(row);
    }

    /**
     * The monetary value in currency units, as the nearest double.
     *
     * @param row the row
     * @return the monetary value
     */
    public double monetary(int row) {
        return monetary[row];
    }

    /**
     * The monetary value, exact, rounded half to even to a number of decimals.
     *
     * @param row the row
     * @param scale the number of decimals, such as 2
     * @return the rounded monetary value
     */
    public BigDecimal monetaryDecimal(int row, int scale) {
        return mode.decimal(orders.amountUnits(row), orders.orders(row), scale);
    }

    /**
     * The exact sum of the customer's included amounts (the revenue), whatever the monetary mode.
     *
     * @param row the row
     * @return the total amount
     */
    public BigDecimal totalAmount(int row) {
        return Amounts.toDecimal(orders.amountUnits(row));
    }

    /**
     * The exact sum of the customer's included amounts in units of 1/10,000 of the currency unit.
     *
     * @param row the row
     * @return the total in units
     */
    public long totalAmountUnits(int row) {
        return orders.amountUnits(row);
    }

    /**
     * The date of the first order.
     *
     * @param row the row
     * @return the date
     */
    public LocalDate firstOrderDate(int row) {
        return LocalDate.ofEpochDay(orders.firstOrderEpochDay(row));
    }

    /**
     * The date of the last order.
     *
     * @param row the row
     * @return the date
     */
    public LocalDate lastOrderDate(int row) {
        return LocalDate.ofEpochDay(orders.lastOrderEpochDay(row));
    }

    /**
     * One row as a record.
     *
     * @param row the row
     * @return the customer's metrics
     */
    public CustomerMetrics customer(int row) {
        return new CustomerMetrics(customerId(row), recency[row], frequency(row), monetary[row], totalAmount(row),
                firstOrderDate(row), lastOrderDate(row));
    }

    /** A copy of the recency column. */
    public int[] recencyColumn() {
        return recency.clone();
    }

    /** A copy of the frequency column. */
    public int[] frequencyColumn() {
        return orders.ordersColumn();
    }

    /** A copy of the monetary column. */
    public double[] monetaryColumn() {
        return monetary.clone();
    }

    @Override
    public String toString() {
        return "CustomerTable[" + recency.length + " customers, asOf=" + asOf + ", monetary=" + mode + "]";
    }
}
