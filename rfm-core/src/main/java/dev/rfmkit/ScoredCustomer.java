package dev.rfmkit;

import dev.rfmkit.score.RfmScore;
import dev.rfmkit.segment.Segment;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One customer's result: metrics, score and segment.
 *
 * @param customerId the customer id
 * @param recencyDays days from the last order to the as-of date
 * @param frequency the number of orders
 * @param monetary the monetary value (total or average order value), exact, rounded half to even to
 *     two decimals
 * @param totalAmount the exact sum of the customer's included amounts
 * @param score the RFM score
 * @param segment the segment, after the engagement overlay
 */
public record ScoredCustomer(String customerId, int recencyDays, int frequency, BigDecimal monetary,
        BigDecimal totalAmount, RfmScore score, Segment segment) {
    /** Checks that no component is null. */
    public ScoredCustomer {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(monetary, "monetary");
        Objects.requireNonNull(totalAmount, "totalAmount");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(segment, "segment");
    }
}
