package dev.rfmkit.order;

import java.util.Optional;

/**
 * Where a reader sends order lines: {@link OrderIngestion}, or anything that passes lines on to one
 * and watches what it includes (such as the lifetime-value module, which also needs each purchase's
 * day).
 */
public interface OrderSink {
    /** The options that decide which lines are included (readers use its strictness). */
    IngestionOptions options();

    /**
     * Offers a line with its line number in the source.
     *
     * @param lineNumber the 1-based line number in the source (for messages)
     * @param line the line
     * @return the reason the line was excluded, empty if it was included
     * @throws OrderDataException in strict mode, if the line is excluded
     */
    Optional<ExclusionReason> accept(long lineNumber, OrderLine line);

    /**
     * Offers a line given as a view over the reader's bytes; the same as offering
     * {@link OrderLineView#toOrderLine()}, which is what this default does. Sinks on a hot path
     * override it to read the bytes without creating objects.
     *
     * @param lineNumber the 1-based line number in the source (for messages)
     * @param line the line, read only during this call
     * @return the reason the line was excluded, empty if it was included
     * @throws OrderDataException in strict mode, if the line is excluded
     */
    default Optional<ExclusionReason> accept(long lineNumber, OrderLineView line) {
        return accept(lineNumber, line.toOrderLine());
    }

    /**
     * Records a line that could not be turned into an {@link OrderLine}, counted under its reason.
     *
     * @param lineNumber the 1-based line number in the source
     * @param reason why the line is excluded
     * @param column the column at fault, or {@code null} if none
     * @param message what was wrong and what was expected
     * @throws OrderDataException in strict mode, always
     */
    void reject(long lineNumber, ExclusionReason reason, String column, String message);
}
