package dev.rfmkit.order;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One order line whose customer and order ids are UTF-8 bytes in the caller's buffer: a mutable,
 * reusable carrier with which a reader feeds an {@link OrderSink} without creating strings or
 * {@link OrderLine} objects for every line.
 *
 * <p>It means exactly what the {@link OrderLine} of {@link #toOrderLine()} means: surrounding
 * whitespace of the ids is ignored, a blank order id is none, a blank status is none. A sink reads it
 * only while it is being offered and keeps nothing of it, so the caller may reuse the buffer and the
 * view for the next line.
 *
 * <p>Not thread-safe: one view belongs to one reading thread.
 */
public final class OrderLineView {
    private static final long MIN_DAY = LocalDate.MIN.toEpochDay();
    private static final long MAX_DAY = LocalDate.MAX.toEpochDay();

    private byte[] bytes = new byte[0];
    private int customerFrom;
    private int customerTo;
    private int orderFrom = -1;
    private int orderTo = -1;
    private int epochDay;
    private long amountUnits;
    private String status;

    /** An empty view; {@link #set} fills it. */
    public OrderLineView() {
    }

    /**
     * Points the view at a line.
     *
     * @param bytes the buffer holding the ids, UTF-8
     * @param customerFrom the index of the customer id's first byte
     * @param customerTo the index after the customer id's last byte
     * @param orderFrom the index of the order id's first byte, or -1 if the line has no order id
     * @param orderTo the index after the order id's last byte, or -1 if the line has no order id
     * @param epochDay the line's date as an epoch day ({@link LocalDate#toEpochDay()})
     * @param amountUnits the amount in units (1/10,000 of the currency unit), see {@link Amounts}
     * @param status the status, or {@code null} if none
     * @return this view
     * @throws IndexOutOfBoundsException if a range lies outside the buffer
     * @throws IllegalArgumentException if the date is outside the range of {@link LocalDate}
     */
    public OrderLineView set(byte[] bytes, int customerFrom, int customerTo, int orderFrom, int orderTo,
            int epochDay, long amountUnits, String status) {
        Objects.checkFromToIndex(customerFrom, customerTo, bytes.length);
        if (orderFrom != -1 || orderTo != -1) {
            Objects.checkFromToIndex(orderFrom, orderTo, bytes.length);
        }
        if (epochDay < MIN_DAY || epochDay > MAX_DAY) {
            throw new IllegalArgumentException("epoch day " + epochDay + " is outside the range of dates");
        }
        this.bytes = bytes;
        this.customerFrom = customerFrom;
        this.customerTo = customerTo;
        this.orderFrom = orderFrom;
        this.orderTo = orderTo;
        this.epochDay = epochDay;
        this.amountUnits = amountUnits;
        this.status = status;
        return this;
    }

    /** The line as an {@link OrderLine}, for sinks that take lines one object at a time. */
    public OrderLine toOrderLine() {
        OrderLine line = OrderLine.ofUnits(customerId(), LocalDate.ofEpochDay(epochDay), amountUnits);
        if (orderFrom >= 0) {
            line = line.withOrderId(new String(bytes, orderFrom, orderTo - orderFrom, StandardCharsets.UTF_8));
        }
        return status == null ? line : line.withStatus(status);
    }

    /** The customer id, decoded (as given: possibly blank or with surrounding whitespace). */
    public String customerId() {
        return new String(bytes, customerFrom, customerTo - customerFrom, StandardCharsets.UTF_8);
    }

    /** The date as an epoch day. */
    public int epochDay() {
        return epochDay;
    }

    /** The amount in units. */
    public long amountUnits() {
        return amountUnits;
    }

    /** The status, or {@code null} if none. */
    public String statusOrNull() {
        return status;
    }

    byte[] bytes() {
        return bytes;
    }

    int customerFrom() {
        return customerFrom;
    }

    int customerTo() {
        return customerTo;
    }

    int orderFrom() {
        return orderFrom;
    }

    int orderTo() {
        return orderTo;
    }

    @Override
    public String toString() {
        return "OrderLineView[" + toOrderLine() + "]";
    }
}
