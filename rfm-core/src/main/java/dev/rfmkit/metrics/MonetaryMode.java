package dev.rfmkit.metrics;

/** Which money figure is a customer's monetary value. */
public enum MonetaryMode {
    /** The sum of the customer's included amounts (the default). */
    TOTAL,
    /** The average order value: the sum of the included amounts divided by the number of orders. */
    AVERAGE
}
