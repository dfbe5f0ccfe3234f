package dev.rfmkit.order;

import java.time.LocalDate;
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
 * <p>Included lines are counted into their customers in batches of a few thousand; on a machine with
 * more than one core, full batches are counted on a background (daemon) thread while the caller fills
 * the next ones (up to 16 batches, about 16 MB, wait there). Batches are counted one at a time and in
 * order, so the result is the same either way.
 * Lines given as {@link OrderLineView}s are read without creating objects; memory grows with the
 * customers and orders, never with the lines.
 *
 * <p>Not thread-safe: one ingestion is fed from one thread. The result of {@link #finish()} does not
 * depend on the order in which lines were offered.
 */
public final class OrderIngestion implements OrderSink {
    private static final int NO_DAY_MAX = Integer.MIN_VALUE;
    // Customers are split into parts by hash, each counted on a thread of its own while the caller reads
    // on: one part per core but the caller's (at most 4), none in the background on a single core; more
    // threads than cores only take turns. How many parts there are changes nothing in the result.
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final int DEFAULT_PARTS = Math.max(1, Math.min(4, CORES - 1));

    private final IngestionOptions options;
    private final Set<String> excludedStatuses;
    private final boolean netReturns;
    private final int asOfDay;
    private final int windowStartDay;
    private final boolean hasAsOf;

    // Included lines wait in a batch, counted into the customers in passes that overlap cache misses.
    // On a machine with more than one core, full batches are counted on other threads while the next
    // ones fill; batches are counted one at a time and in order, so the result is the same either way.
    private IncludedLines batch = new IncludedLines();
    private final BatchCounter counter;

    private long linesRead;
    private long purchaseLines;
    private long returnLines;
    private final long[] excluded = new long[ExclusionReason.values().length];
    private long purchaseUnits;
    private long returnUnits;
    private int latestDay = NO_DAY_MAX;
    private boolean finished;

    private OrderIngestion(IngestionOptions options, int partCount, boolean background) {
        this.options = options;
        this.excludedStatuses = options.excludedStatuses();
        this.netReturns = options.returns() == ReturnsPolicy.NET;
        this.counter = new BatchCounter(partCount, background, BatchCounter.IN_FLIGHT, netReturns);
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
        return new OrderIngestion(Objects.requireNonNull(options, "options"), DEFAULT_PARTS, CORES > 1);
    }

    /** An ingestion with a given number of parts, counted in the background or not: for tests. */
    static OrderIngestion start(IngestionOptions options, int parts, boolean background) {
        return new OrderIngestion(Objects.requireNonNull(options, "options"), parts, background);
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
        include(line.date().toEpochDay(), line.amountUnits());
        batch.add(customerId, line.orderIdOrNull(), (int) line.date().toEpochDay(), line.amountUnits());
        flushIfFull();
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
        if (orderFrom == orderTo) {
            orderFrom = -1; // a blank order id is none
        }
        // a key that packs is ASCII; only the others are looked at again
        long customerKey = ShortKeys.pack(bytes, customerFrom, customerTo);
        long orderKey = orderFrom < 0 ? ShortKeys.NONE : ShortKeys.pack(bytes, orderFrom, orderTo);
        if ((customerKey == ShortKeys.NONE && !ascii(bytes, customerFrom, customerTo))
                || (orderKey == ShortKeys.NONE && orderFrom >= 0 && !ascii(bytes, orderFrom, orderTo))) {
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
        include(day, line.amountUnits());
        batch.add(bytes, customerFrom, customerTo, customerKey, orderFrom, orderTo, orderKey, day, line.amountUnits());
        flushIfFull();
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

    /** Counts an included line into the totals (checked here, in line order, so that no sum can overflow later). */
    private void include(long day, long units) {
        latestDay = Math.max(latestDay, (int) day);
        if (units >= 0) {
            purchaseLines++;
            purchaseUnits = Math.addExact(purchaseUnits, units);
        } else {
            returnLines++;
            returnUnits = Math.addExact(returnUnits, units);
        }
    }

    private void flushIfFull() {
        if (batch.full()) {
            batch = counter.count(batch);
        }
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
     * The latest date of the lines included so far (purchases and returns), as the default as-of date
     * is derived from it: for ingestions split into parts (on a cluster, say) whose as-of date is
     * derived from all parts together. Read it from the thread that feeds the lines.
     *
     * @return the date, or empty if no line was included
     */
    public Optional<LocalDate> latestIncludedDate() {
        return latestDay == NO_DAY_MAX ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(latestDay));
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
        Customers.Kept[] kept = counter.finish(batch);
        batch = null;
        int withOrders = 0;
        int withoutOrders = 0;
        long totalOrders = 0;
        long linesWithoutOrders = 0;
        for (Customers.Kept k : kept) {
            withOrders += k.size();
            withoutOrders += k.withoutOrders();
            totalOrders += k.totalOrders();
            linesWithoutOrders += k.linesWithoutOrders();
        }
        Customers.Kept all = kept.length == 1 ? kept[0] : concatenate(kept, withOrders);
        int[] perm = CustomerIdOrder.sortedPermutation(all.packedIds(), all.otherIds(), withOrders);
        permute(perm, all);
        IngestionReport report = new IngestionReport(linesRead, purchaseLines, returnLines, excluded, totalOrders,
                withOrders, withoutOrders, linesWithoutOrders, purchaseUnits, returnUnits, asOf);
        CustomerOrders customers = new CustomerOrders(withOrders, all.packedIds(), all.otherIds(), all.orders(),
                all.first(), all.last(), all.units());
        return new IngestionResult(customers, report, asOf);
    }

    /** The customers of the parts in one set of columns, part after part. */
    private static Customers.Kept concatenate(Customers.Kept[] kept, int rows) {
        long[] packed = new long[rows];
        String[] others = null;
        int[] orders = new int[rows];
        int[] first = new int[rows];
        int[] last = new int[rows];
        long[] units = new long[rows];
        int at = 0;
        for (Customers.Kept k : kept) {
            int n = k.size();
            System.arraycopy(k.packedIds(), 0, packed, at, n);
            if (k.otherIds() != null) {
                others = others != null ? others : new String[rows];
                System.arraycopy(k.otherIds(), 0, others, at, n);
            }
            System.arraycopy(k.orders(), 0, orders, at, n);
            System.arraycopy(k.first(), 0, first, at, n);
            System.arraycopy(k.last(), 0, last, at, n);
            System.arraycopy(k.units(), 0, units, at, n);
            at += n;
        }
        return new Customers.Kept(rows, packed, others, orders, first, last, units, 0, 0, 0);
    }

    /**
     * Reorders the columns in place so that row r holds what row perm[r] held: each cycle of the
     * permutation is followed once, moving every column along it. perm is spent (each entry is set
     * to its own index once its row is filled). In place, as a million-row table's columns copied
     * would be tens of megabytes of fresh memory.
     */
    private static void permute(int[] perm, Customers.Kept c) {
        long[] packed = c.packedIds();
        String[] others = c.otherIds();
        int[] orders = c.orders();
        int[] first = c.first();
        int[] last = c.last();
        long[] units = c.units();
        for (int start = 0; start < perm.length; start++) {
            if (perm[start] == start) {
                continue;
            }
            long packedAt = packed[start];
            String otherAt = others == null ? null : others[start];
            int ordersAt = orders[start];
            int firstAt = first[start];
            int lastAt = last[start];
            long unitsAt = units[start];
            int to = start;
            while (true) {
                int from = perm[to];
                perm[to] = to;
                if (from == start) {
                    break;
                }
                packed[to] = packed[from];
                if (others != null) {
                    others[to] = others[from];
                }
                orders[to] = orders[from];
                first[to] = first[from];
                last[to] = last[from];
                units[to] = units[from];
                to = from;
            }
            packed[to] = packedAt;
            if (others != null) {
                others[to] = otherAt;
            }
            orders[to] = ordersAt;
            first[to] = firstAt;
            last[to] = lastAt;
            units[to] = unitsAt;
        }
    }
}
