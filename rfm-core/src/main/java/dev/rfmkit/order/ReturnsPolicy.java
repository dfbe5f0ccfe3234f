package dev.rfmkit.order;

/**
 * What happens to the money of return lines (lines with a negative amount).
 *
 * <p>Return lines never make an order by themselves, whatever the policy: an order counts toward
 * frequency only when it has at least one included line with an amount of zero or more.
 */
public enum ReturnsPolicy {
    /** Negative amounts are netted into the customer's monetary value (the default). */
    NET,
    /** Negative amounts are left out of the monetary value. */
    IGNORE
}
