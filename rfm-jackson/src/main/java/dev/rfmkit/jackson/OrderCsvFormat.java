package dev.rfmkit.jackson;

import java.io.Serializable;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * How an orders file is laid out: which columns hold what, the delimiter, the decimal separator, the
 * date pattern and the time zone of the calendar.
 *
 * <p>Columns are found by name in the header, ignoring case and the whitespace around header names.
 * The defaults are {@code customer_id}, {@code order_id}, {@code order_date}, {@code amount} and
 * {@code status}. The order id and status columns are optional while they keep their default names:
 * without an order id column every line is an order of its own, without a status column no line has a
 * status. Once named explicitly ({@link #withOrderColumn}, {@link #withStatusColumn}) they are required
 * like the others. The amount is read from one column, or computed exactly as quantity x price from two
 * ({@link #withQuantityAndPriceColumns}).
 *
 * <p>Dates are ISO dates or date-times unless a {@linkplain #withDatePattern pattern} is given: a
 * date-time with an offset is converted to its calendar date in the {@linkplain #zone() zone}; one
 * without an offset is taken as already local to that zone.
 *
 * <p>Immutable and safe to share between threads; start from {@link #defaults()} and derive with the
 * {@code withX} methods. Serializable, so that a cluster's tasks can take it along.
 */
public final class OrderCsvFormat implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The default maximum length of a line (a record), in characters: 1 MiB. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 20;

    private static final OrderCsvFormat DEFAULTS = new OrderCsvFormat("customer_id", "order_id", false,
            "order_date", "amount", null, null, "status", false, ',', '.', null, ZoneOffset.UTC, false, DEFAULT_MAX_LINE_LENGTH);

    private final String customerColumn;
    private final String orderColumn;
    private final boolean orderColumnExplicit;
    private final String dateColumn;
    private final String amountColumn;
    private final String quantityColumn;
    private final String priceColumn;
    private final String statusColumn;
    private final boolean statusColumnExplicit;
    private final char delimiter;
    private final char decimalSeparator;
    private final String datePattern;
    private final ZoneId zone;
    private final boolean lenientAmounts;
    private final int maxLineLength;

    private OrderCsvFormat(String customerColumn, String orderColumn, boolean orderColumnExplicit, String dateColumn,
            String amountColumn, String quantityColumn, String priceColumn, String statusColumn,
            boolean statusColumnExplicit, char delimiter, char decimalSeparator, String datePattern, ZoneId zone,
            boolean lenientAmounts, int maxLineLength) {
        this.lenientAmounts = lenientAmounts;
        this.maxLineLength = maxLineLength;
        this.customerColumn = customerColumn;
        this.orderColumn = orderColumn;
        this.orderColumnExplicit = orderColumnExplicit;
        this.dateColumn = dateColumn;
        this.amountColumn = amountColumn;
        this.quantityColumn = quantityColumn;
        this.priceColumn = priceColumn;
        this.statusColumn = statusColumn;
        this.statusColumnExplicit = statusColumnExplicit;
        this.delimiter = delimiter;
        this.decimalSeparator = decimalSeparator;
        this.datePattern = datePattern;
        this.zone = zone;
    }

    /**
     * The default format: columns {@code customer_id}, {@code order_id} (optional), {@code order_date},
     * {@code amount} and {@code status} (optional); {@code ','} as delimiter, {@code '.'} as decimal
     * separator, ISO dates, calendar dates in UTC.
     *
     * @return the default format
     */
    public static OrderCsvFormat defaults() {
        return DEFAULTS;
    }

    /**
     * With the name of the customer id column.
     *
     * @param name the column name, matched ignoring case and surrounding whitespace
     * @return the new format
     * @throws IllegalArgumentException if the name is blank
     */
    public OrderCsvFormat withCustomerColumn(String name) {
        return new OrderCsvFormat(column(name, "customer column"), orderColumn, orderColumnExplicit, dateColumn,
                amountColumn, quantityColumn, priceColumn, statusColumn, statusColumnExplicit, delimiter,
                decimalSeparator, datePattern, zone, lenientAmounts, maxLineLength);
    }

    /**
     * With the name of the order id column, which the file must then have. Lines of one customer with
     * the same order id form one order.
     *
     * @param name the column name, matched ignoring case and surrounding whitespace
     * @return the new format
     * @throws IllegalArgumentException if the name is blank
     */
    public OrderCsvFormat withOrderColumn(String name) {
        return new OrderCsvFormat(customerColumn, column(name, "order column"), true, dateColumn, amountColumn,
                quantityColumn, priceColumn, statusColumn, statusColumnExplicit, delimiter, decimalSeparator,
                datePattern, zone, lenientAmounts, maxLineLength);
    }

    /**
     * With the name of the date column.
     *
     * @param name the column name, matched ignoring case and surrounding whitespace
     * @return the new format
     * @throws IllegalArgumentException if the name is blank
     */
    public OrderCsvFormat withDateColumn(String name) {
        return new OrderCsvFormat(customerColumn, orderColumn, orderColumnExplicit, column(name, "date column"),
                amountColumn, quantityColumn, priceColumn, statusColumn, statusColumnExplicit, delimiter,
                decimalSeparator, datePattern, zone, lenientAmounts, maxLineLength);
    }

    /**
     * With the amount read from one column; replaces quantity and price columns if they were set.
     *
     * @param name the column name, matched ignoring case and surrounding whitespace
     * @return the new format
     * @throws IllegalArgumentException if the name is blank
     */
    public OrderCsvFormat withAmountColumn(String name) {
        return new OrderCsvFormat(customerColumn, orderColumn, orderColumnExplicit, dateColumn,
                column(name, "amount column"), null, null, statusColumn, statusColumnExplicit, delimiter,
                decimalSeparator, datePattern, zone, lenientAmounts, maxLineLength);
    }

    /**
     * With the amount computed as quantity x price from two columns, exactly (see
     * {@link dev.rfmkit.order.Amounts#multiply}); replaces the amount column.
     *
     * @param quantity the quantity column name, matched ignoring case and surrounding whitespace
     * @param price the unit price column name, matched the same way
     * @return the new format
     * @throws IllegalArgumentException if a name is blank
     */
    public OrderCsvFormat withQuantityAndPriceColumns(String quantity, String price) {
        return new OrderCsvFormat(customerColumn, orderColumn, orderColumnExplicit, dateColumn, null,
                column(quantity, "quantity column"), column(price, "price column"), statusColumn,
                statusColumnExplicit, delimiter, decimalSeparator, datePattern, zone, lenientAmounts, maxLineLength);
    }

    /**
     * With the name of the status column, which the file must then have.
     *
     * @param name the column name, matched ignoring case and surrounding whitespace
     * @return the new format
     * @throws IllegalArgumentException if the name is blank
     */
    public OrderCsvFormat withStatusColumn(String name) {
        return new OrderCsvFormat(customerColumn, orderColumn, orderColumnExplicit, dateColumn, amountColumn,
                quantityColumn, priceColumn, column(name, "status column"), true, delimiter, decimalSeparator,
                datePattern, zone, lenientAmounts, maxLineLength);
    }

    /**
     * With a field delimiter.
     *
     * @param delimiter {@code ','}, {@code ';'}, {@code '\t'} or {@code '|'}
     * @return the new format
     * @throws IllegalArgumentException if the delimiter is another character
     */
    public OrderCsvFormat withDelimiter(char delimiter) {
        if (delimiter != ',' && delimiter != ';' && delimiter != '\t' && delimiter != '|') {
            throw new IllegalArgumentException("delimiter must be ',', ';', tab or '|' (was " + show(delimiter) + ")");
        }
        return new OrderCsvFormat(customerColumn, orderColumn, orderColumnExplicit, dateColumn, amountColumn,
                quantityColumn, priceColumn, statusColumn, statusColumnExplicit, delimiter, decimalSeparator,
                datePattern, zone, lenientAmounts, maxLineLength);
    }

    /**
     * With a decimal separator for amounts, quantities and prices. Thousands separators are never
     * accepted. With {@code ','} the delimiter is usually {@code ';'}; with {@code ','} as both,
     * amounts must be quoted.
     *
     * @param separator {@code '.'} or {@code ','}
     * @return the new format
     * @throws IllegalArgumentException if the separator is another character
     */
    public OrderCsvFormat withDecimalSeparator(char separator) {
        if (separator != '.' && separator != ',') {
            throw new IllegalArgumentException("decimal separator must be '.' or ',' (was " + show(separator) + ")");
        }
        return new OrderCsvFormat(customerColumn, orderColumn, orderColumnExplicit, dateColumn, amountColumn,
                quantityColumn, priceColumn, statusColumn, statusColumnExplicit, delimiter, separator,
                datePattern, zone, lenientAmounts, maxLineLength);
    }

    /**
     * With a date pattern instead of ISO dates: {@link java.time.format.DateTimeFormatter} syntax,
     * such as {@code dd.MM.yyyy} or {@code MM/dd/yyyy HH:mm}. Month and day names are English and
     * matched ignoring case; dates are resolved strictly, so that {@code 30.02.2011} is a bad date. A
     * zone or offset in the text is converted to the calendar date in {@link #zone()}.
     *
     * @param pattern the pattern
     * @return the new format
     * @throws IllegalArgumentException if the pattern is blank or not a valid pattern
     */
    public OrderCsvFormat withDatePattern(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isBlank()) {
            throw new IllegalArgumentException("date pattern must not be blank");
        }
        CsvDates.compile(pattern);
        return new OrderCsvFormat(customerColumn, orderColumn, orderColumnExplicit, dateColumn, amountColumn,
                quantityColumn, priceColumn, statusColumn, statusColumnExplicit, delimiter, decimalSeparator,
                pattern, zone, lenientAmounts, maxLineLength);
    }

    /**
     * With the time zone whose calendar dates are the dates of the lines.
     *
     * @param zone the zone
     * @return the new format
     */
    public OrderCsvFormat withZone(ZoneId zone) {
        return new OrderCsvFormat(customerColumn, orderColumn, orderColumnExplicit, dateColumn, amountColumn,
                quantityColumn, priceColumn, statusColumn, statusColumnExplicit, delimiter, decimalSeparator,
                datePattern, Objects.requireNonNull(zone, "zone"), lenientAmounts, maxLineLength);
    }

    /** The name of the customer id column. */
    public String customerColumn() {
        return customerColumn;
    }

    /**
     * The name of the order id column; required in the file only if set with {@link #withOrderColumn}.
     */
    public String orderColumn() {
        return orderColumn;
    }

    /** The name of the date column. */
    public String dateColumn() {
        return dateColumn;
    }

    /** The name of the amount column, empty when the amount is quantity x price. */
    public Optional<String> amountColumn() {
        return Optional.ofNullable(amountColumn);
    }

    /** The name of the quantity column, present when the amount is quantity x price. */
    public Optional<String> quantityColumn() {
        return Optional.ofNullable(quantityColumn);
    }

    /** The name of the unit price column, present when the amount is quantity x price. */
    public Optional<String> priceColumn() {
        return Optional.ofNullable(priceColumn);
    }

    /** The name of the status column; required in the file only if set with {@link #withStatusColumn}. */
    public String statusColumn() {
        return statusColumn;
    }

    /** The field delimiter. */
    public char delimiter() {
        return delimiter;
    }

    /** The decimal separator of amounts, quantities and prices. */
    public char decimalSeparator() {
        return decimalSeparator;
    }

    /** The date pattern, empty for ISO dates and date-times. */
    public Optional<String> datePattern() {
        return Optional.ofNullable(datePattern);
    }

    /** The time zone whose calendar dates are the dates of the lines. */
    public ZoneId zone() {
        return zone;
    }

    boolean orderColumnRequired() {
        return orderColumnExplicit;
    }

    boolean statusColumnRequired() {
        return statusColumnExplicit;
    }

    private static String column(String name, String what) {
        String n = Objects.requireNonNull(name, what).strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return n;
    }

    /**
     * With amounts as people type them: thousands separators (in groups of three: {@code 1,234.50},
     * or {@code 1.234,50} with the decimal comma, also spaces and apostrophes) and a currency symbol
     * before or after ({@code $5}, {@code 12,50 €}) are accepted. Off by default: such amounts are
     * rejected as {@code bad_amount}, since a stray comma may as well be a broken column.
     *
     * @param lenient whether to accept them
     * @return the new format
     */
    public OrderCsvFormat withLenientAmounts(boolean lenient) {
        return new OrderCsvFormat(customerColumn, orderColumn, orderColumnExplicit, dateColumn, amountColumn,
                quantityColumn, priceColumn, statusColumn, statusColumnExplicit, delimiter, decimalSeparator, datePattern,
                zone, lenient, maxLineLength);
    }

    /**
     * With a maximum line length: a line (a record, with the line breaks inside its quoted fields)
     * longer than this many characters is not read but rejected as {@code line_too_long} (an error in
     * strict mode), and never held whole in memory.
     *
     * @param characters the maximum, 64 or more (default {@value #DEFAULT_MAX_LINE_LENGTH})
     * @return the new format
     * @throws IllegalArgumentException if the maximum is below 64
     */
    public OrderCsvFormat withMaxLineLength(int characters) {
        if (characters < 64) {
            throw new IllegalArgumentException("the maximum line length must be 64 or more (was " + characters + ")");
        }
        return new OrderCsvFormat(customerColumn, orderColumn, orderColumnExplicit, dateColumn, amountColumn,
                quantityColumn, priceColumn, statusColumn, statusColumnExplicit, delimiter, decimalSeparator, datePattern,
                zone, lenientAmounts, characters);
    }

    /** The maximum line length in characters. */
    public int maxLineLength() {
        return maxLineLength;
    }

    /** Whether thousands separators and currency symbols are accepted in amounts. */
    public boolean lenientAmounts() {
        return lenientAmounts;
    }

    static String show(char c) {
        return c == '\t' ? "tab" : "'" + c + "'";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrderCsvFormat f
                && customerColumn.equals(f.customerColumn)
                && orderColumn.equals(f.orderColumn)
                && orderColumnExplicit == f.orderColumnExplicit
                && dateColumn.equals(f.dateColumn)
                && Objects.equals(amountColumn, f.amountColumn)
                && Objects.equals(quantityColumn, f.quantityColumn)
                && Objects.equals(priceColumn, f.priceColumn)
                && statusColumn.equals(f.statusColumn)
                && statusColumnExplicit == f.statusColumnExplicit
                && delimiter == f.delimiter
                && decimalSeparator == f.decimalSeparator
                && Objects.equals(datePattern, f.datePattern)
                && zone.equals(f.zone)
                && lenientAmounts == f.lenientAmounts
                && maxLineLength == f.maxLineLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(customerColumn, orderColumn, orderColumnExplicit, dateColumn, amountColumn, quantityColumn,
                priceColumn, statusColumn, statusColumnExplicit, delimiter, decimalSeparator, datePattern, zone,
                lenientAmounts, maxLineLength);
    }

    @Override
    public String toString() {
        return "OrderCsvFormat[customer=" + customerColumn
                + ", order=" + orderColumn + (orderColumnExplicit ? "" : " (optional)")
                + ", date=" + dateColumn
                + (amountColumn != null ? ", amount=" + amountColumn
                        : ", quantity=" + quantityColumn + ", price=" + priceColumn)
                + ", status=" + statusColumn + (statusColumnExplicit ? "" : " (optional)")
                + ", delimiter=" + show(delimiter) + ", decimalSeparator=" + show(decimalSeparator)
                + ", dates=" + (datePattern == null ? "iso" : datePattern) + ", zone=" + zone
                + (lenientAmounts ? ", lenient amounts" : "") + ", maxLineLength=" + maxLineLength + "]";
    }
}
