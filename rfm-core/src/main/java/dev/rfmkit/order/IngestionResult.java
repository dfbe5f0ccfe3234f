package dev.rfmkit.order;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The outcome of ingestion: per-customer order facts, the report on every line, and the as-of date
 * (given, or derived as the day after the latest included line).
 *
 * @param customers per-customer order facts, customers with at least one order
 * @param report what happened to every line
 * @param asOf the as-of date of the analysis
 */
public record IngestionResult(CustomerOrders customers, IngestionReport report, LocalDate asOf) {
    /** Checks that no component is null. */
    public IngestionResult {
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(asOf, "asOf");
    }
}
