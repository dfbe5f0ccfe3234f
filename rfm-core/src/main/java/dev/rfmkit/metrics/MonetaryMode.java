package dev.rfmkit.metrics;

import dev.rfmkit.order.Amounts;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Which money figure is a customer's monetary value. */
public enum MonetaryMode {
    /** The sum of the customer's included amounts (the default). */
    TOTAL,
    /** The average order value: the sum of the included amounts divided by the number of orders. */
    AVERAGE;

    /**
     * A customer's monetary value in currency units, as the nearest double: what scoring uses.
     *
     * @param totalUnits the sum of the customer's included amounts, in units of 1/10,000
     * @param orders the customer's number of orders, at least 1
     * @return the monetary value
     */
    public double value(long totalUnits, int orders) {
        return this == TOTAL ? Amounts.toDouble(totalUnits)
                : totalUnits / ((double) orders * Amounts.UNITS_PER_CURRENCY_UNIT);
    }

    /**
     * A customer's monetary value, exact, rounded half to even to a number of decimals: what the
     * results show.
     *
     * @param totalUnits the sum of the customer's included amounts, in units of 1/10,000
     * @param orders the customer's number of orders, at least 1
     * @param scale the number of decimals, such as 2
     * @return the rounded monetary value
     */
    public BigDecimal decimal(long totalUnits, int orders, int scale) {
        BigDecimal total = Amounts.toDecimal(totalUnits);
        return this == TOTAL ? total.setScale(scale, RoundingMode.HALF_EVEN)
                : total.divide(BigDecimal.valueOf(orders), scale, RoundingMode.HALF_EVEN);
    }
}
