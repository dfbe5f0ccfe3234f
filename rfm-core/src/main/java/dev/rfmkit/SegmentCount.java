package dev.rfmkit;

import dev.rfmkit.segment.Segment;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * How many customers a segment holds, their orders and their revenue.
 *
 * @param segment the segment
 * @param customers the number of customers
 * @param orders the sum of their frequencies
 * @param revenue the exact sum of their included amounts
 */
public record SegmentCount(Segment segment, int customers, long orders, BigDecimal revenue) {
    /** Checks the components. */
    public SegmentCount {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(revenue, "revenue");
        if (customers < 0 || orders < 0) {
            throw new IllegalArgumentException("counts must not be negative (customers " + customers + ", orders "
                    + orders + ")");
        }
    }
}
