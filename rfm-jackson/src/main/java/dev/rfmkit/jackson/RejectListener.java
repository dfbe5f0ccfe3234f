package dev.rfmkit.jackson;

import dev.rfmkit.order.ExclusionReason;
import java.io.IOException;
import java.util.Optional;

/**
 * Told about every order line that was left out while reading an orders file, for instance to write a
 * rejects file.
 *
 * <p>Called once per excluded record, in file order, after the ingestion has counted it, from the
 * thread that reads. Not called in strict ingestion, where the first excluded line is an
 * {@link dev.rfmkit.order.OrderDataException} instead.
 */
@FunctionalInterface
public interface RejectListener {
    /**
     * A record was excluded.
     *
     * @param line the 1-based physical line on which the record starts, the header being line 1
     * @param reason why it was excluded
     * @param column the name of the column at fault, as the header writes it, if the problem is in one
     *     column
     * @param message what was wrong and what was expected, lower-case, without line and column, such as
     *     {@code "12,5O" is not a decimal number}
     * @param content the raw text of the record as it stands in the file, quotes and quoted line breaks
     *     included, without its line terminator
     * @throws IOException if the listener cannot record the reject; reading stops with it
     */
    void rejected(long line, ExclusionReason reason, Optional<String> column, String message, String content)
            throws IOException;

    /**
     * A listener that ignores rejects; the ingestion report still counts them.
     *
     * @return the listener
     */
    static RejectListener none() {
        return (line, reason, column, message, content) -> {
        };
    }
}
