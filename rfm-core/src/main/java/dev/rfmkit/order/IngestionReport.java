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

    /**
     * A builder of reports, for a report read back from where it was stored; ingestion makes its own.
     * Every count starts at zero; the lines read are the included plus the excluded lines.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link IngestionReport}; not thread-safe. */
    public static final class Builder {
        private LocalDate asOf;
        private long purchaseLines;
        private long returnLines;
        private final long[] excluded = new long[ExclusionReason.values().length];
        private long orders;
        private int customers;
        private int customersWithoutOrders;
        private long linesOfCustomersWithoutOrders;
        private BigDecimal purchaseAmount = BigDecimal.ZERO;
        private BigDecimal returnAmount = BigDecimal.ZERO;

        private Builder() {
        }

        /**
         * Sets the as-of date.
         *
         * @param date the date
         * @return this builder
         */
        public Builder asOf(LocalDate date) {
            this.asOf = java.util.Objects.requireNonNull(date, "date");
            return this;
        }

        /**
         * Sets the included lines.
         *
         * @param purchases lines with an amount of zero or more
         * @param returns lines with a negative amount
         * @return this builder
         */
        public Builder includedLines(long purchases, long returns) {
            this.purchaseLines = purchases;
            this.returnLines = returns;
            return this;
        }

        /**
         * Sets the lines excluded for one reason.
         *
         * @param reason the reason
         * @param lines the count
         * @return this builder
         */
        public Builder excluded(ExclusionReason reason, long lines) {
            excluded[reason.ordinal()] = lines;
            return this;
        }

        /**
         * Sets the orders and the customers with orders.
         *
         * @param orders distinct orders
         * @param customers customers with at least one order
         * @return this builder
         */
        public Builder orders(long orders, int customers) {
            this.orders = orders;
            this.customers = customers;
            return this;
        }

        /**
         * Sets the customers whose included lines are all returns.
         *
         * @param customers their number
         * @param lines their included lines
         * @return this builder
         */
        public Builder customersWithoutOrders(int customers, long lines) {
            this.customersWithoutOrders = customers;
            this.linesOfCustomersWithoutOrders = lines;
            return this;
        }

        /**
         * Sets the included amounts.
         *
         * @param purchases the sum of purchase amounts, zero or more
         * @param returns the sum of return amounts, zero or less
         * @return this builder
         */
        public Builder amounts(BigDecimal purchases, BigDecimal returns) {
            this.purchaseAmount = java.util.Objects.requireNonNull(purchases, "purchases");
            this.returnAmount = java.util.Objects.requireNonNull(returns, "returns");
            return this;
        }

        /**
         * Builds the report.
         *
         * @return the report
         * @throws IllegalArgumentException if the as-of date is missing, a count is negative, there are
         *     fewer orders than customers, more lines of customers without orders than return lines,
         *     or an amount has the wrong sign or more than four decimals
         */
        public IngestionReport build() {
            if (asOf == null) {
                throw new IllegalArgumentException("the as-of date is missing");
            }
            long excludedLines = 0;
            for (ExclusionReason r : ExclusionReason.values()) {
                nonNegative("lines excluded as " + r.code(), excluded[r.ordinal()]);
                excludedLines = Math.addExact(excludedLines, excluded[r.ordinal()]);
            }
            nonNegative("purchase lines", purchaseLines);
            nonNegative("return lines", returnLines);
            nonNegative("orders", orders);
            nonNegative("customers", customers);
            nonNegative("customers without orders", customersWithoutOrders);
            nonNegative("lines of customers without orders", linesOfCustomersWithoutOrders);
            if (orders < customers) {
                throw new IllegalArgumentException("every customer has an order: " + orders + " orders for " + customers
                        + " customers");
            }
            if (linesOfCustomersWithoutOrders > returnLines || linesOfCustomersWithoutOrders < customersWithoutOrders) {
                throw new IllegalArgumentException("customers without orders have only return lines, at least one "
                        + "each: " + linesOfCustomersWithoutOrders + " lines for " + customersWithoutOrders
                        + " customers, " + returnLines + " return lines");
            }
            if (purchaseAmount.signum() < 0 || returnAmount.signum() > 0) {
                throw new IllegalArgumentException("purchases sum to zero or more and returns to zero or less (were "
                        + purchaseAmount + " and " + returnAmount + ")");
            }
            return new IngestionReport(Math.addExact(purchaseLines + returnLines, excludedLines), purchaseLines,
                    returnLines, excluded.clone(), orders, customers, customersWithoutOrders,
                    linesOfCustomersWithoutOrders, units(purchaseAmount), units(returnAmount), asOf);
        }

        private static long units(BigDecimal amount) {
            if (amount.stripTrailingZeros().scale() > Amounts.SCALE) {
                throw new IllegalArgumentException("amounts have at most " + Amounts.SCALE + " decimals (was " + amount
                        + ")");
            }
            try {
                return Amounts.toUnits(amount);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("amount out of range: " + amount, e);
            }
        }

        private static void nonNegative(String what, long n) {
            if (n < 0) {
                throw new IllegalArgumentException(what + " must be 0 or more (was " + n + ")");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IngestionReport r && linesRead == r.linesRead && purchaseLines == r.purchaseLines
                && returnLines == r.returnLines && excluded.equals(r.excluded) && orders == r.orders
                && customers == r.customers && customersWithoutOrders == r.customersWithoutOrders
                && linesOfCustomersWithoutOrders == r.linesOfCustomersWithoutOrders
                && purchaseUnits == r.purchaseUnits && returnUnits == r.returnUnits && asOf.equals(r.asOf);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(linesRead, purchaseLines, returnLines, excluded, orders, customers, purchaseUnits,
                returnUnits, asOf);
    }

    @Override
    public String toString() {
        return "IngestionReport[linesRead=" + linesRead + ", included=" + includedLines() + ", excluded="
                + excludedLines() + " " + excluded + ", orders=" + orders + ", customers=" + customers
                + ", customersWithoutOrders=" + customersWithoutOrders + ", asOf=" + asOf + "]";
    }
}
