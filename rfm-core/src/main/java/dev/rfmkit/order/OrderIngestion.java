package dev.rfmkit.order;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Streaming ingestion of order lines: takes lines one at a time, applies the exclusion rules, and
 * keeps only per-customer and per-order state, never the lines.
 *
 * <p>The rules, in the order they are checked (a line is counted once, under the first that applies):
 * missing customer id; unparseable date or amount and non-finite amounts (reported by the reader
 * through {@link #reject}); a status in the excluded set; a date after the as-of date; a date before
 * the look-back window. Included lines with the same order id and customer form one order, dated by
 * its earliest included line; a line without order id is an order of its own. An order counts when it
 * has an included line with an amount of zero or more. Return lines (negative amounts) are netted into
 * the customer's amount or left out, by the {@link ReturnsPolicy}.
 *
 * <p>Order ids are scoped by customer: the same order id under two customers makes two orders.
 *
 * <p>Not thread-safe: one ingestion is fed from one thread. The result of {@link #finish()} does not
 * depend on the order in which lines were offered.
 */
public final class OrderIngestion implements OrderSink {
    private static final int NO_DAY_MIN = Integer.MAX_VALUE;
    private static final int NO_DAY_MAX = Integer.MIN_VALUE;

    private final IngestionOptions options;
    private final Set<String> excludedStatuses;
    private final boolean netReturns;
    private final int asOfDay;
    private final int windowStartDay;
    private final boolean hasAsOf;

    private KeyTable customerIds = new KeyTable();
    private long[] amountUnits = new long[1024];
    private long[] lineCount = new long[1024];
    // orders of lines without an order id, counted directly
    private int[] looseOrders = new int[1024];
    private int[] firstDay = new int[1024];
    private int[] lastDay = new int[1024];
    private int customers;

    /** (customer, order id) to order; the order's customer is its owner there. */
    private KeyTable orderIds = new KeyTable();
    private int[] orderDay = new int[1024];
    private boolean[] orderCounted = new boolean[1024];
    private int orderCount;

    private long linesRead;
    private long purchaseLines;
    private long returnLines;
    private final long[] excluded = new long[ExclusionReason.values().length];
    private long purchaseUnits;
    private long returnUnits;
    private int latestDay = NO_DAY_MAX;
    private boolean finished;

    private OrderIngestion(IngestionOptions options) {
        this.options = options;
        this.excludedStatuses = options.excludedStatuses();
        this.netReturns = options.returns() == ReturnsPolicy.NET;
        this.hasAsOf = options.asOf().isPresent();
        this.asOfDay = hasAsOf ? Math.toIntExact(options.asOf().get().toEpochDay()) : Integer.MAX_VALUE;
        if (options.windowDays().isPresent() && !hasAsOf) {
            throw new IllegalArgumentException("a look-back window needs an explicit as-of date");
        }
        this.windowStartDay = options.windowDays().isPresent()
                ? asOfDay - options.windowDays().getAsInt() + 1 : Integer.MIN_VALUE;
    }

    /**
     * Starts an ingestion.
     *
     * @param options the rules to apply
     * @return a new, empty ingestion
     * @throws IllegalArgumentException if a window is set without an as-of date
     */
    public static OrderIngestion start(IngestionOptions options) {
        return new OrderIngestion(Objects.requireNonNull(options, "options"));
    }

    /** The options this ingestion applies. */
    @Override
    public IngestionOptions options() {
        return options;
    }

    /**
     * Offers the next line, numbered one more than the previous line offered or rejected.
     *
     * @param line the line
     * @return the reason the line was excluded, empty if it was included
     * @throws OrderDataException in strict mode, if the line is excluded
     */
    public Optional<ExclusionReason> accept(OrderLine line) {
        return accept(linesRead + 1, line);
    }

    /**
     * Offers a line with its line number in the source (for messages).
     *
     * @param lineNumber the 1-based line number in the source
     * @param line the line
     * @return the reason the line was excluded, empty if it was included
     * @throws OrderDataException in strict mode, if the line is excluded
     * @throws IllegalStateException if the ingestion is finished
     */
    @Override
    public Optional<ExclusionReason> accept(long lineNumber, OrderLine line) {
        Objects.requireNonNull(line, "line");
        checkOpen();
        linesRead++;
        String customerId = line.customerId().strip();
        Optional<ExclusionReason> excluded = check(lineNumber, customerId.isEmpty(), line.statusOrNull(),
                line.date().toEpochDay());
        if (excluded != null) {
            return excluded;
        }
        int c = customer(customerIds.getOrAdd(0, customerId));
        boolean purchase = include(c, (int) line.date().toEpochDay(), line.amountUnits());
        String orderId = line.orderIdOrNull();
        if (orderId == null) {
            looseOrder(c, (int) line.date().toEpochDay(), purchase);
        } else {
            order(orderIds.getOrAdd(c, orderId), (int) line.date().toEpochDay(), purchase);
        }
        return Optional.empty();
    }

    /**
     * Offers a line given as a view over a reader's bytes, with the same rules and results as
     * {@link #accept(long, OrderLine)} for {@link OrderLineView#toOrderLine()}, without creating objects
     * for ids in ASCII.
     *
     * @param lineNumber the 1-based line number in the source (for messages)
     * @param line the line, read only during this call
     * @return the reason the line was excluded, empty if it was included
     * @throws OrderDataException in strict mode, if the line is excluded
     * @throws IllegalStateException if the ingestion is finished
     */
    @Override
    public Optional<ExclusionReason> accept(long lineNumber, OrderLineView line) {
        byte[] bytes = line.bytes();
        int customerFrom = trimStart(bytes, line.customerFrom(), line.customerTo());
        int customerTo = trimEnd(bytes, customerFrom, line.customerTo());
        int orderFrom = line.orderFrom();
        int orderTo = line.orderTo();
        if (orderFrom >= 0) {
            orderFrom = trimStart(bytes, orderFrom, orderTo);
            orderTo = trimEnd(bytes, orderFrom, orderTo);
        }
        if (!ascii(bytes, customerFrom, customerTo) || (orderFrom >= 0 && !ascii(bytes, orderFrom, orderTo))) {
            // other whitespace and other characters: the string way knows them
            return accept(lineNumber, line.toOrderLine());
        }
        checkOpen();
        linesRead++;
        int day = line.epochDay();
        Optional<ExclusionReason> excluded = check(lineNumber, customerFrom == customerTo, line.statusOrNull(), day);
        if (excluded != null) {
            return excluded;
        }
        int c = customer(customerIds.getOrAdd(0, bytes, customerFrom, customerTo));
        boolean purchase = include(c, day, line.amountUnits());
        if (orderFrom == orderTo) {
            looseOrder(c, day, purchase);
        } else {
            order(orderIds.getOrAdd(c, bytes, orderFrom, orderTo), day, purchase);
        }
        return Optional.empty();
    }

    /** The exclusion rules after the reader's; null if the line passes them. */
    private Optional<ExclusionReason> check(long lineNumber, boolean blankCustomer, String status, long epochDay) {
        if (blankCustomer) {
            return exclude(lineNumber, ExclusionReason.MISSING_CUSTOMER_ID, "customer id is empty");
        }
        if (status != null && excludedStatuses.contains(IngestionOptions.normalStatus(status))) {
            return exclude(lineNumber, ExclusionReason.EXCLUDED_STATUS, "status \"" + status + "\" is excluded");
        }
        if (epochDay > asOfDay) {
            return exclude(lineNumber, ExclusionReason.AFTER_AS_OF,
                    "date " + LocalDate.ofEpochDay(epochDay) + " is after the as-of date " + options.asOf().get());
        }
        if (epochDay < windowStartDay) {
            return exclude(lineNumber, ExclusionReason.BEFORE_WINDOW, "date " + LocalDate.ofEpochDay(epochDay)
                    + " is before the window, which starts " + LocalDate.ofEpochDay(windowStartDay));
        }
        return null;
    }

    private static int trimStart(byte[] bytes, int from, int to) {
        while (from < to && isAsciiWhitespace(bytes[from])) {
            from++;
        }
        return from;
    }

    private static int trimEnd(byte[] bytes, int from, int to) {
        while (to > from && isAsciiWhitespace(bytes[to - 1])) {
            to--;
        }
        return to;
    }

    /** {@link Character#isWhitespace} for a byte below 0x80. */
    private static boolean isAsciiWhitespace(byte b) {
        return b == ' ' || (b >= 9 && b <= 13) || (b >= 28 && b <= 31);
    }

    private static boolean ascii(byte[] bytes, int from, int to) {
        int any = 0;
        for (int i = from; i < to; i++) {
            any |= bytes[i];
        }
        return any >= 0;
    }

    /**
     * Records a line that the reader could not turn into an {@link OrderLine} (an unparseable date or
     * amount), so that it is counted under its reason.
     *
     * @param lineNumber the 1-based line number in the source
     * @param reason why the line is excluded
     * @param column the column at fault, or {@code null} if none
     * @param message what was wrong and what was expected
     * @throws OrderDataException in strict mode, always
     * @throws IllegalStateException if the ingestion is finished
     */
    @Override
    public void reject(long lineNumber, ExclusionReason reason, String column, String message) {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        checkOpen();
        linesRead++;
        excluded[reason.ordinal()]++;
        if (options.strict()) {
            throw new OrderDataException(lineNumber, column, reason, message);
        }
    }

    private Optional<ExclusionReason> exclude(long lineNumber, ExclusionReason reason, String message) {
        excluded[reason.ordinal()]++;
        if (options.strict()) {
            throw new OrderDataException(lineNumber, null, reason, message);
        }
        return Optional.of(reason);
    }

    /** The customer's index, set up if the table just added it. */
    private int customer(int c) {
        if (c == customers) {
            newCustomer();
        }
        return c;
    }

    /** Counts an included line into its customer; returns whether it is a purchase. */
    private boolean include(int c, int day, long units) {
        lineCount[c]++;
        latestDay = Math.max(latestDay, day);
        boolean purchase = units >= 0;
        if (purchase) {
            purchaseLines++;
            purchaseUnits = Math.addExact(purchaseUnits, units);
            amountUnits[c] = Math.addExact(amountUnits[c], units);
        } else {
            returnLines++;
            returnUnits = Math.addExact(returnUnits, units);
            if (netReturns) {
                amountUnits[c] = Math.addExact(amountUnits[c], units);
            }
        }
        return purchase;
    }

    /** A line without order id: an order of its own, counted if it is a purchase. */
    private void looseOrder(int c, int day, boolean purchase) {
        if (purchase) {
            looseOrders[c]++;
            firstDay[c] = Math.min(firstDay[c], day);
            lastDay[c] = Math.max(lastDay[c], day);
        }
    }

    /** A line of an order: the order is dated by its earliest line and counts once it has a purchase. */
    private void order(int o, int day, boolean purchase) {
        if (o == orderCount) {
            newOrder(day);
        } else {
            orderDay[o] = Math.min(orderDay[o], day);
        }
        orderCounted[o] |= purchase;
    }

    private void newCustomer() {
        if (customers == amountUnits.length) {
            int n = customers * 2;
            amountUnits = Arrays.copyOf(amountUnits, n);
            lineCount = Arrays.copyOf(lineCount, n);
            looseOrders = Arrays.copyOf(looseOrders, n);
            firstDay = Arrays.copyOf(firstDay, n);
            lastDay = Arrays.copyOf(lastDay, n);
        }
        firstDay[customers] = NO_DAY_MIN;
        lastDay[customers] = NO_DAY_MAX;
        customers++;
    }

    private void newOrder(int day) {
        if (orderCount == orderDay.length) {
            int n = orderCount * 2;
            orderDay = Arrays.copyOf(orderDay, n);
            orderCounted = Arrays.copyOf(orderCounted, n);
        }
        orderDay[orderCount] = day;
        orderCount++;
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("ingestion is finished");
        }
    }

    /**
     * The lines offered so far, included or excluded: for progress reports while a large input is
     * read. Read it from the thread that feeds the lines.
     *
     * @return the number of lines
     */
    public long linesRead() {
        return linesRead;
    }

    /**
     * Finishes the ingestion: folds orders into customers and sorts customers by id.
     *
     * @return the per-customer order facts, the report and the as-of date
     * @throws IllegalStateException if already finished, or if no as-of date was given and no line was
     *     included, so that none can be derived
     */
    public IngestionResult finish() {
        checkOpen();
        finished = true;
        LocalDate asOf;
        if (hasAsOf) {
            asOf = options.asOf().get();
        } else if (latestDay != NO_DAY_MAX) {
            asOf = LocalDate.ofEpochDay(latestDay + 1L);
        } else {
            throw new IllegalStateException("no order line was included (" + linesRead
                    + " read), so no as-of date can be derived");
        }
        int[] orders = Arrays.copyOf(looseOrders, customers);
        int[] first = Arrays.copyOf(firstDay, customers);
        int[] last = Arrays.copyOf(lastDay, customers);
        int[] owners = orderIds.owners();
        for (int o = 0; o < orderCount; o++) {
            if (orderCounted[o]) {
                int c = owners[o];
                orders[c]++;
                first[c] = Math.min(first[c], orderDay[o]);
                last[c] = Math.max(last[c], orderDay[o]);
            }
        }
        int withOrders = 0;
        long totalOrders = 0;
        long linesWithoutOrders = 0;
        for (int c = 0; c < customers; c++) {
            if (orders[c] > 0) {
                withOrders++;
                totalOrders += orders[c];
            } else {
                linesWithoutOrders += lineCount[c];
            }
        }
        owners = null;
        orderIds = null; // the orders are folded into customers: free their keys before the ids are decoded
        orderDay = null;
        orderCounted = null;
        int[] keptIndex = new int[withOrders];
        for (int c = 0, k = 0; c < customers; c++) {
            if (orders[c] > 0) {
                keptIndex[k++] = c;
            }
        }
        String[] keptIds = customerIds.keys(keptIndex);
        int[] perm = CustomerIdOrder.sortedPermutation(keptIds);
        String[] outIds = new String[withOrders];
        int[] outOrders = new int[withOrders];
        int[] outFirst = new int[withOrders];
        int[] outLast = new int[withOrders];
        long[] outUnits = new long[withOrders];
        for (int r = 0; r < withOrders; r++) {
            int c = keptIndex[perm[r]];
            outIds[r] = keptIds[perm[r]];
            outOrders[r] = orders[c];
            outFirst[r] = first[c];
            outLast[r] = last[c];
            outUnits[r] = amountUnits[c];
        }
        customerIds = null;
        IngestionReport report = new IngestionReport(linesRead, purchaseLines, returnLines, excluded, totalOrders,
                withOrders, customers - withOrders, linesWithoutOrders, purchaseUnits, returnUnits, asOf);
        return new IngestionResult(new CustomerOrders(outIds, outOrders, outFirst, outLast, outUnits), report, asOf);
    }
}
