package dev.rfmkit.cli;

import dev.rfmkit.jackson.OrderCsvFormat;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.ReturnsPolicy;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that say how to read an orders file and which lines to include (cli.md, "Input"). */
final class InputOptions {
    @Option(names = "--customer-col", paramLabel = "NAME", description = "Customer id column (default: customer_id).")
    String customerCol;

    @Option(names = "--order-col", paramLabel = "NAME",
            description = "Order id column (default: order_id if present; without it every line is an order).")
    String orderCol;

    @Option(names = "--date-col", paramLabel = "NAME", description = "Order date column (default: order_date).")
    String dateCol;

    @Option(names = "--amount-col", paramLabel = "NAME", description = "Amount column (default: amount).")
    String amountCol;

    @Option(names = "--quantity-col", paramLabel = "NAME", description = "Quantity column; amount = quantity x price.")
    String quantityCol;

    @Option(names = "--price-col", paramLabel = "NAME", description = "Unit price column; amount = quantity x price.")
    String priceCol;

    @Option(names = "--status-col", paramLabel = "NAME", description = "Status column (default: status if present).")
    String statusCol;

    @Option(names = "--exclude-status", paramLabel = "STATUS", split = ",",
            description = "Statuses to exclude, any case (default: cancelled,canceled,refunded,unpaid,failed,voided).")
    List<String> excludeStatus;

    @Option(names = "--date-format", paramLabel = "PATTERN",
            description = "java.time pattern for dates (default: ISO dates and date-times).")
    String dateFormat;

    @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of the calendar (default: UTC).")
    String zone;

    @Option(names = "--delimiter", paramLabel = "DELIM", description = "Field delimiter: ',' (default), ';', 'tab' or '|'.")
    String delimiter;

    @Option(names = "--decimal-separator", paramLabel = "SEP", description = "Decimal separator: '.' (default) or ','.")
    String decimalSeparator;

    @Option(names = "--max-line-length", paramLabel = "CHARS",
            description = "Longest line (record) read, in characters (default: 1048576); longer lines are rejected as "
                    + "line_too_long, never held in memory.")
    Integer maxLineLength;

    @Option(names = "--lenient-amounts", description = "Accept thousands separators and currency symbols in amounts "
            + "(1,234.50, $5, 12,50 \u20ac); without it such amounts are rejected as bad_amount.")
    boolean lenientAmounts;

    @Option(names = "--returns", paramLabel = "POLICY",
            description = "Money of return lines: net (default) or ignore.")
    ReturnsPolicy returns;

    @Option(names = "--strict", description = "Make the first bad line an error (exit 1) instead of skipping it.")
    boolean strict;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Analysis date, inclusive (default: the day after the latest included order).")
    String asOf;

    @Option(names = "--window", paramLabel = "DAYS", description = "Look-back window in days (default: unlimited).")
    Integer window;

    /** The CSV format these options describe. */
    OrderCsvFormat format() {
        OrderCsvFormat f = OrderCsvFormat.defaults();
        if (customerCol != null) {
            f = f.withCustomerColumn(customerCol);
        }
        if (orderCol != null) {
            f = f.withOrderColumn(orderCol);
        }
        if (dateCol != null) {
            f = f.withDateColumn(dateCol);
        }
        if ((quantityCol == null) != (priceCol == null)) {
            throw new UsageException("--quantity-col and --price-col go together (amount = quantity x price)");
        }
        if (quantityCol != null) {
            if (amountCol != null) {
                throw new UsageException("give either --amount-col or --quantity-col with --price-col, not both");
            }
            f = f.withQuantityAndPriceColumns(quantityCol, priceCol);
        } else if (amountCol != null) {
            f = f.withAmountColumn(amountCol);
        }
        if (statusCol != null) {
            f = f.withStatusColumn(statusCol);
        }
        if (dateFormat != null) {
            try {
                DateTimeFormatter.ofPattern(dateFormat);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--date-format \"" + dateFormat + "\" is not a java.time pattern: "
                        + e.getMessage());
            }
            f = f.withDatePattern(dateFormat);
        }
        if (zone != null) {
            try {
                f = f.withZone(ZoneId.of(zone));
            } catch (DateTimeException e) {
                throw new UsageException("--zone \"" + zone + "\" is not a time zone (e.g. UTC, Europe/Berlin)");
            }
        }
        if (delimiter != null) {
            f = f.withDelimiter(switch (delimiter) {
                case ",", ";", "|" -> delimiter.charAt(0);
                case "tab", "\\t", "\t" -> '\t';
                default -> throw new UsageException("--delimiter must be ',', ';', 'tab' or '|' (was \"" + delimiter
                        + "\")");
            });
        }
        if (decimalSeparator != null) {
            if (!decimalSeparator.equals(".") && !decimalSeparator.equals(",")) {
                throw new UsageException("--decimal-separator must be '.' or ',' (was \"" + decimalSeparator + "\")");
            }
            f = f.withDecimalSeparator(decimalSeparator.charAt(0));
        }
        if (lenientAmounts) {
            f = f.withLenientAmounts(true);
        }
        if (maxLineLength != null) {
            try {
                f = f.withMaxLineLength(maxLineLength);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--max-line-length: " + e.getMessage());
            }
        }
        return f;
    }

    /** The explicit as-of date, if given. */
    LocalDate asOfDate() {
        if (asOf == null) {
            return null;
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeException e) {
            throw new UsageException("--as-of \"" + asOf + "\" is not a date (expected YYYY-MM-DD)");
        }
    }

    /** The returns policy: --returns, or net. */
    ReturnsPolicy returns() {
        return returns == null ? ReturnsPolicy.NET : returns;
    }

    /**
     * The ingestion options.
     *
     * @param asOfDate the as-of date (explicit or derived by a first pass), or null for none
     * @param withWindow whether to apply the look-back window (it needs an as-of date)
     */
    IngestionOptions ingestion(LocalDate asOfDate, boolean withWindow) {
        IngestionOptions o = IngestionOptions.defaults().withReturns(returns()).withStrict(strict);
        if (asOfDate != null) {
            o = o.withAsOf(asOfDate);
        }
        if (window != null && withWindow) {
            if (window < 1) {
                throw new UsageException("--window must be at least 1 day (was " + window + ")");
            }
            o = o.withWindowDays(window);
        }
        if (excludeStatus != null) {
            o = o.withExcludedStatuses(excludeStatus.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        }
        return o;
    }
}
