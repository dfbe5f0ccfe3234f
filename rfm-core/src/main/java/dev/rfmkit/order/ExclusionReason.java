package dev.rfmkit.order;

/**
 * Why an order line was left out of the analysis.
 *
 * <p>A line with several problems is counted once, under the first reason in declaration order:
 * a line too long to read is checked first, then a missing customer id, the date, the amount, the
 * status, the as-of date and last the look-back window.
 */
public enum ExclusionReason {
    /** The line (a record, with the line breaks inside its quoted fields) is longer than the reader's maximum. */
    LINE_TOO_LONG("line_too_long", "line too long"),
    /** The customer id is empty or only whitespace. */
    MISSING_CUSTOMER_ID("missing_customer_id", "missing customer id"),
    /** The date is empty or cannot be read as a date. */
    BAD_DATE("bad_date", "unparseable date"),
    /** The amount (or quantity or price) is empty or not a decimal number. */
    BAD_AMOUNT("bad_amount", "unparseable amount"),
    /** The amount (or quantity or price) is NaN or infinite. */
    NON_FINITE_AMOUNT("non_finite_amount", "amount NaN or infinite"),
    /** The status is one of the excluded statuses (compared ignoring case). */
    EXCLUDED_STATUS("excluded_status", "excluded status"),
    /** The line is dated after the as-of date. */
    AFTER_AS_OF("after_as_of", "date after the as-of date"),
    /** The line is dated before the look-back window. */
    BEFORE_WINDOW("before_window", "date before the look-back window");

    private final String code;
    private final String description;

    ExclusionReason(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The short stable code, such as {@code missing_customer_id}, used in reject files. */
    public String code() {
        return code;
    }

    /**
     * The reason of a code.
     *
     * @param code a code such as {@code bad_date}
     * @return the reason, or empty if no reason has that code
     */
    public static java.util.Optional<ExclusionReason> ofCode(String code) {
        for (ExclusionReason r : values()) {
            if (r.code.equals(code)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }

    /** A short human-readable description, such as {@code missing customer id}. */
    public String description() {
        return description;
    }
}
