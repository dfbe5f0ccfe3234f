package dev.rfmkit.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What ingestion did with every line: how many were read, included and excluded (by reason), and
 * the orders and customers they made.
 *
 * <p>Conservation: {@code linesRead() == includedLines() + excludedLines()}, and
 * {@code includedLines() == purchaseLines() + returnLines()}. Customers whose included lines are all
 * returns make no order and do not appear among the customers; they and their lines are counted in
 * {@link #customersWithoutOrders()} and {@link #linesOfCustomersWithoutOrders()}.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class IngestionReport {
    private final long linesRead;
    private final long purchaseLines;
    private final long returnLines;
    private final EnumMap<ExclusionReason, Long> excluded;
    private final long orders;
    private final int customers;
    private final int customersWithoutOrders;
    private final long linesOfCustomersWithoutOrders;
    private final long purchaseUnits;
    private final long returnUnits;
    private final LocalDate asOf;

    IngestionReport(long linesRead, long purchaseLines, long returnLines, long[] excludedCounts, long orders,
            int customers, int customersWithoutOrders, long linesOfCustomersWithoutOrders, long purchaseUnits,
            long returnUnits, LocalDate asOf) {
        this.linesRead = linesRead;
        this.purchaseLines = purchaseLines;
        this.returnLines = returnLines;
        this.excluded = new EnumMap<>(ExclusionReason.class);
        for (ExclusionReason r : ExclusionReason.values()) {
            this.excluded.put(r, excludedCounts[r.ordinal()]);
        }
        this.orders = orders;
        this.customers = customers;
        this.customersWithoutOrders = customersWithoutOrders;
        this.linesOfCustomersWithoutOrders = linesOfCustomersWithoutOrders;
        this.purchaseUnits = purchaseUnits;
        this.returnUnits = returnUnits;
        this.asOf = asOf;
    }

    /** Every line offered to ingestion, included or excluded. */
    public long linesRead() {
        return linesRead;
    }

    /** Lines that passed every rule: purchase lines plus return lines. */
    public long includedLines() {
        return purchaseLines + returnLines;
    }

    /** Included lines with an amount of zero or more. */
    public long purchaseLines() {
        return purchaseLines;
    }

    /** Included lines with a negative amount. */
    public long returnLines() {
        return returnLines;
    }

    /** All excluded lines, whatever the reason. */
    public long excludedLines() {
        long sum = 0;
        for (long n : excluded.values()) {
            sum += n;
        }
        return sum;
    }

    /**
     * The number of lines excluded for one reason.
     *
     * @param reason the reason
     * @return the count, 0 if none
     */
    public long excluded(ExclusionReason reason) {
        return excluded.get(reason);
    }

    /** Excluded lines by reason, every reason present (zero where none), in declaration order. */
    public Map<ExclusionReason, Long> excludedByReason() {
        return Collections.unmodifiableMap(excluded);
    }

    /** Distinct orders that count toward frequency, over all customers. */
    public long orders() {
        return orders;
    }

    /** Customers with at least one order: the rows of the result. */
    public int customers() {
        return customers;
    }

    /** Customers whose included lines are all returns, so that they have no order. */
    public int customersWithoutOrders() {
        return customersWithoutOrders;
    }

    /** The included lines of {@linkplain #customersWithoutOrders() customers without orders}. */
    public long linesOfCustomersWithoutOrders() {
        return linesOfCustomersWithoutOrders;
    }

    /** The exact sum of the included purchase amounts (zero or more), in currency units. */
    public BigDecimal purchaseAmount() {
        return Amounts.toDecimal(purchaseUnits);
    }

    /** The exact sum of the included return amounts (negative or zero), in currency units. */
    public BigDecimal returnAmount() {
        return Amounts.toDecimal(returnUnits);
    }

    /** The as-of date of the analysis, given or derived. */
    public LocalDate asOf() {
        return asOf;
    }

    @Override
    public String toString() {
        return "IngestionReport[linesRead=" + linesRead + ", included=" + includedLines() + ", excluded="
                + excludedLines() + " " + excluded + ", orders=" + orders + ", customers=" + customers
                + ", customersWithoutOrders=" + customersWithoutOrders + ", asOf=" + asOf + "]";
    }
}
