package dev.rfmkit.order;

import java.util.Objects;
import java.util.Optional;

/**
 * Bad order or engagement data: names the line, the column where known, and what was expected.
 *
 * <p>Thrown in strict ingestion for the first excluded line, and by readers for input that cannot be
 * read at all (a missing column, an empty file). Line numbers are 1-based physical lines of the
 * source, the header being line 1; {@code 0} means the problem is not tied to one line.
 */
public final class OrderDataException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final long line;
    private final String column;
    private final ExclusionReason reason;

    /**
     * Creates the exception.
     *
     * @param line the 1-based line number, or 0 when the problem concerns no single line
     * @param column the column name, or {@code null} when the problem concerns no single column
     * @param reason the exclusion reason, or {@code null} when the problem is not a line exclusion
     * @param message what was wrong and what was expected, without the line and column
     */
    public OrderDataException(long line, String column, ExclusionReason reason, String message) {
        super(format(line, column, Objects.requireNonNull(message, "message")));
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    private static String format(long line, String column, String message) {
        StringBuilder sb = new StringBuilder();
        if (line > 0) {
            sb.append("line ").append(line);
        }
        if (column != null) {
            sb.append(sb.length() > 0 ? ", " : "").append("column ").append(column);
        }
        return sb.length() == 0 ? message : sb.append(": ").append(message).toString();
    }

    /** The 1-based line number, or 0 when the problem concerns no single line. */
    public long line() {
        return line;
    }

    /** The column the problem is in, if it is in one column. */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }

    /** The exclusion reason, if this is a line that lenient ingestion would have excluded. */
    public Optional<ExclusionReason> reason() {
        return Optional.ofNullable(reason);
    }
}
