package dev.rfmkit.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of an orders export: a customer, an optional order id, a calendar date, an exact amount
 * and an optional status.
 *
 * <p>Several lines with the same order id (for the same customer) form one order; a line without an
 * order id is an order of its own. A negative amount is a return. The customer id may be blank here:
 * ingestion then excludes the line with {@link ExclusionReason#MISSING_CUSTOMER_ID}, so that it is
 * counted rather than lost.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class OrderLine {
    private final String customerId;
    private final String orderId;
    private final LocalDate date;
    private final long amountUnits;
    private final String status;

    private OrderLine(String customerId, String orderId, LocalDate date, long amountUnits, String status) {
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.orderId = orderId;
        this.date = Objects.requireNonNull(date, "date");
        this.amountUnits = amountUnits;
        this.status = status;
    }

    /**
     * A line without order id and status.
     *
     * @param customerId the customer id; surrounding whitespace is ignored
     * @param date the calendar date of the line
     * @param amount the amount in currency units; more than four decimals are rounded half to even
     * @return the line
     */
    public static OrderLine of(String customerId, LocalDate date, BigDecimal amount) {
        return new OrderLine(customerId, null, date, Amounts.toUnits(Objects.requireNonNull(amount, "amount")), null);
    }

    /**
     * A line without order id and status, its amount given in units (1/10,000 of the currency unit).
     *
     * @param customerId the customer id; surrounding whitespace is ignored
     * @param date the calendar date of the line
     * @param amountUnits the amount in units, see {@link Amounts}
     * @return the line
     */
    public static OrderLine ofUnits(String customerId, LocalDate date, long amountUnits) {
        return new OrderLine(customerId, null, date, amountUnits, null);
    }

    /**
     * This line with an order id; a blank id means none.
     *
     * @param orderId the order id; surrounding whitespace is ignored
     * @return a copy of this line with the order id
     */
    public OrderLine withOrderId(String orderId) {
        String id = Objects.requireNonNull(orderId, "orderId").strip();
        return new OrderLine(customerId, id.isEmpty() ? null : id, date, amountUnits, status);
    }

    /**
     * This line with a status; a blank status means none.
     *
     * @param status the status, such as {@code paid} or {@code cancelled}
     * @return a copy of this line with the status
     */
    public OrderLine withStatus(String status) {
        String s = Objects.requireNonNull(status, "status").strip();
        return new OrderLine(customerId, orderId, date, amountUnits, s.isEmpty() ? null : s);
    }

    /** The customer id as given (possibly blank, which ingestion excludes). */
    public String customerId() {
        return customerId;
    }

    /** The order id, if the line has one. */
    public Optional<String> orderId() {
        return Optional.ofNullable(orderId);
    }

    /** The calendar date of the line. */
    public LocalDate date() {
        return date;
    }

    /** The exact amount in currency units, with four decimals. */
    public BigDecimal amount() {
        return Amounts.toDecimal(amountUnits);
    }

    /** The amount in units of 1/10,000 of the currency unit. */
    public long amountUnits() {
        return amountUnits;
    }

    /** The status, if the line has one. */
    public Optional<String> status() {
        return Optional.ofNullable(status);
    }

    String orderIdOrNull() {
        return orderId;
    }

    String statusOrNull() {
        return status;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrderLine other
                && customerId.equals(other.customerId)
                && Objects.equals(orderId, other.orderId)
                && date.equals(other.date)
                && amountUnits == other.amountUnits
                && Objects.equals(status, other.status);
    }

    @Override
    public int hashCode() {
        return Objects.hash(customerId, orderId, date, amountUnits, status);
    }

    @Override
    public String toString() {
        return "OrderLine[customerId=" + customerId + ", orderId=" + orderId + ", date=" + date
                + ", amount=" + amount().toPlainString() + ", status=" + status + "]";
    }
}
