package dev.rfmkit.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One customer's RFM metrics: a row of a {@link CustomerTable}.
 *
 * @param customerId the customer id
 * @param recencyDays whole days from the last order date to the as-of date
 * @param frequency the number of distinct orders, at least 1
 * @param monetary the monetary value in currency units (total or average, by the table's mode), as
 *     the nearest double; for statistics and scoring
 * @param totalAmount the exact sum of the included amounts
 * @param firstOrderDate the date of the first order
 * @param lastOrderDate the date of the last order
 */
public record CustomerMetrics(String customerId, int recencyDays, int frequency, double monetary,
        BigDecimal totalAmount, LocalDate firstOrderDate, LocalDate lastOrderDate) {
    /** Checks that no component is null. */
    public CustomerMetrics {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(totalAmount, "totalAmount");
        Objects.requireNonNull(firstOrderDate, "firstOrderDate");
        Objects.requireNonNull(lastOrderDate, "lastOrderDate");
    }
}
