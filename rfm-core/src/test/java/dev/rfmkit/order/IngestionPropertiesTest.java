package dev.rfmkit.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rfmkit.testing.Seeds;
import dev.rfmkit.testing.ShowSeed;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ingestion against an independent reference model, over seeded random lines with every kind of
 * exclusion, returns, shared and repeated order ids, zero amounts, and reader-side rejects.
 */
@ExtendWith(ShowSeed.class)
final class IngestionPropertiesTest {
    private static final LocalDate D = LocalDate.of(2024, 6, 30);
    private static final ExclusionReason[] READER_REASONS = {
        ExclusionReason.BAD_DATE, ExclusionReason.BAD_AMOUNT, ExclusionReason.NON_FINITE_AMOUNT,
        ExclusionReason.LINE_TOO_LONG};
    private static final String[] STATUSES = {"paid", "Shipped", "CANCELLED", "canceled", "Refunded", "unpaid",
        "FAILED", "voided", " Paid "};

    /** One input: a line offered, or (line == null) a line the reader rejected. */
    private record Input(OrderLine line, ExclusionReason rejected) {
    }

    private record Case(List<Input> inputs, IngestionOptions options) {
    }

    static Stream<Arguments> cases() {
        return Seeds.seeds().flatMap(seed -> Stream.of(ReturnsPolicy.values()).map(p -> Arguments.of(seed, p)));
    }

    private static Case generate(long seed, ReturnsPolicy policy) {
        return generate(seed, policy, 1);
    }

    /** A case; scale multiplies the numbers of customers, orders and lines. */
    private static Case generate(long seed, ReturnsPolicy policy, int scale) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int customers = 1 + rnd.nextInt(60 * scale);
        boolean numeric = rnd.nextBoolean();
        String[] ids = new String[customers];
        for (int i = 0; i < customers; i++) {
            ids[i] = numeric ? String.valueOf(rnd.nextInt(1, 500 * scale))
                    // short ASCII ids are looked up packed, others by their bytes: both, mixed
                    : (rnd.nextInt(15) == 0 ? "ü" : rnd.nextInt(6) == 0 ? "customer-" : "k") + rnd.nextInt(1, 500 * scale);
        }
        String[] orderIds = new String[1 + rnd.nextInt(40 * scale)];
        for (int i = 0; i < orderIds.length; i++) {
            orderIds[i] = "o" + i;
        }
        IngestionOptions options = IngestionOptions.defaults().withAsOf(D).withReturns(policy);
        if (rnd.nextBoolean()) {
            options = options.withWindowDays(1 + rnd.nextInt(90));
        }
        int n = rnd.nextInt(1500 * scale);
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(25) == 0) {
                inputs.add(new Input(null, READER_REASONS[rnd.nextInt(READER_REASONS.length)]));
                continue;
            }
            String customer = rnd.nextInt(30) == 0 ? (rnd.nextBoolean() ? "" : "  ") : ids[rnd.nextInt(customers)];
            if (rnd.nextInt(10) == 0) {
                customer = (rnd.nextBoolean() ? " " : "\u2003") + customer + "\t";
            }
            LocalDate date = D.minusDays(rnd.nextInt(-5, 120));
            long cents = switch (rnd.nextInt(12)) {
                case 0 -> 0;
                case 1, 2 -> -rnd.nextLong(1, 10_000);
                case 3 -> rnd.nextLong(1, 1_000_000_000_000_00L / scale); // up to 1e12 currency units
                case 4 -> -rnd.nextLong(1, 1_000_000_000_000_00L / scale);
                default -> rnd.nextLong(1, 100_000);
            };
            // amounts with up to four decimals
            OrderLine line = OrderLine.of(customer, date, BigDecimal.valueOf(cents * 100 + rnd.nextInt(100), 4));
            int o = rnd.nextInt(orderIds.length + orderIds.length / 2 + 1);
            if (o < orderIds.length) {
                line = line.withOrderId(orderIds[o]);
            }
            if (rnd.nextInt(4) == 0) {
                line = line.withStatus(STATUSES[rnd.nextInt(STATUSES.length)]);
            }
            inputs.add(new Input(line, null));
            if (rnd.nextInt(20) == 0) {
                inputs.add(new Input(line, null)); // a repeated line
            }
        }
        return new Case(inputs, options);
    }

    private static IngestionResult run(Case c, List<Input> inputs) {
        OrderIngestion in = OrderIngestion.start(c.options());
        long number = 1;
        for (Input input : inputs) {
            number++;
            if (input.line() == null) {
                in.reject(number, input.rejected(), null, "rejected by the reader");
            } else {
                in.accept(number, input.line());
            }
        }
        return in.finish();
    }

    /** The reference: what ingestion must give, computed line by line with BigDecimal. */
    private static final class Expected {
        final Map<ExclusionReason, Long> excluded = new EnumMap<>(ExclusionReason.class);
        final Map<String, BigDecimal> amount = new HashMap<>();
        final Map<String, Integer> looseOrders = new HashMap<>();
        final Map<String, Long> includedLines = new HashMap<>();
        /** (customer, order id) -> has a purchase line; and its earliest line date. */
        final Map<List<String>, Boolean> orderCounts = new HashMap<>();
        final Map<List<String>, LocalDate> orderDate = new HashMap<>();
        final Map<String, LocalDate> first = new HashMap<>();
        final Map<String, LocalDate> last = new HashMap<>();
        BigDecimal purchases = BigDecimal.ZERO;
        BigDecimal returns = BigDecimal.ZERO;
        long purchaseLines;
        long returnLines;
        long read;

        Expected(Case c) {
            for (ExclusionReason r : ExclusionReason.values()) {
                excluded.put(r, 0L);
            }
            Set<String> statuses = c.options().excludedStatuses();
            boolean net = c.options().returns() == ReturnsPolicy.NET;
            LocalDate windowStart = c.options().windowDays().isPresent()
                    ? D.minusDays(c.options().windowDays().getAsInt() - 1L) : LocalDate.MIN;
            for (Input input : c.inputs()) {
                read++;
                if (input.line() == null) {
                    excluded.merge(input.rejected(), 1L, Long::sum);
                    continue;
                }
                OrderLine l = input.line();
                String id = l.customerId().strip();
                ExclusionReason reason = null;
                if (id.isEmpty()) {
                    reason = ExclusionReason.MISSING_CUSTOMER_ID;
                } else if (l.status().isPresent()
                        && statuses.contains(l.status().get().strip().toLowerCase(Locale.ROOT))) {
                    reason = ExclusionReason.EXCLUDED_STATUS;
                } else if (l.date().isAfter(D)) {
                    reason = ExclusionReason.AFTER_AS_OF;
                } else if (l.date().isBefore(windowStart)) {
                    reason = ExclusionReason.BEFORE_WINDOW;
                }
                if (reason != null) {
                    excluded.merge(reason, 1L, Long::sum);
                    continue;
                }
                includedLines.merge(id, 1L, Long::sum);
                BigDecimal a = l.amount();
                boolean purchase = a.signum() >= 0;
                if (purchase) {
                    purchaseLines++;
                    purchases = purchases.add(a);
                    amount.merge(id, a, BigDecimal::add);
                } else {
                    returnLines++;
                    returns = returns.add(a);
                    amount.merge(id, net ? a : BigDecimal.ZERO, BigDecimal::add);
                }
                if (l.orderId().isEmpty()) {
                    if (purchase) {
                        looseOrders.merge(id, 1, Integer::sum);
                        dated(id, l.date());
                    }
                } else {
                    List<String> key = List.of(id, l.orderId().get());
                    orderCounts.merge(key, purchase, Boolean::logicalOr);
                    orderDate.merge(key, l.date(), (x, y) -> x.isBefore(y) ? x : y);
                }
            }
            for (Map.Entry<List<String>, Boolean> e : orderCounts.entrySet()) {
                if (e.getValue()) {
                    String id = e.getKey().get(0);
                    looseOrders.merge(id, 1, Integer::sum);
                    dated(id, orderDate.get(e.getKey()));
                }
            }
        }

        private void dated(String id, LocalDate date) {
            first.merge(id, date, (x, y) -> x.isBefore(y) ? x : y);
            last.merge(id, date, (x, y) -> x.isAfter(y) ? x : y);
        }

        int orders(String id) {
            return looseOrders.getOrDefault(id, 0);
        }
    }

    @ParameterizedTest(name = "seed={0}, returns={1}")
    @MethodSource("cases")
    void ingestion_conservation_everyLineIncludedOrExcluded(long seed, ReturnsPolicy policy) {
        Case c = generate(seed, policy);
        IngestionReport report = run(c, c.inputs()).report();
        Expected e = new Expected(c);
        assertEquals(c.inputs().size(), report.linesRead());
        assertEquals(report.linesRead(), report.includedLines() + report.excludedLines());
        assertEquals(report.includedLines(), report.purchaseLines() + report.returnLines());
        assertEquals(e.excluded, report.excludedByReason());
        assertEquals(e.purchaseLines, report.purchaseLines());
        assertEquals(e.returnLines, report.returnLines());
    }

    @ParameterizedTest(name = "seed={0}, returns={1}")
    @MethodSource("cases")
    void ingestion_customersAsReference(long seed, ReturnsPolicy policy) {
        Case c = generate(seed, policy);
        IngestionResult r = run(c, c.inputs());
        Expected e = new Expected(c);
        CustomerOrders got = r.customers();
        Set<String> withOrders = new HashSet<>();
        long linesWithout = 0;
        int without = 0;
        long orders = 0;
        for (String id : e.includedLines.keySet()) {
            if (e.orders(id) > 0) {
                withOrders.add(id);
                orders += e.orders(id);
            } else {
                without++;
                linesWithout += e.includedLines.get(id);
            }
        }
        assertEquals(withOrders.size(), got.size());
        assertEquals(withOrders.size(), r.report().customers());
        assertEquals(without, r.report().customersWithoutOrders());
        assertEquals(linesWithout, r.report().linesOfCustomersWithoutOrders());
        assertEquals(orders, r.report().orders());
        for (int i = 0; i < got.size(); i++) {
            String id = got.customerId(i);
            assertTrue(withOrders.contains(id), "unexpected customer " + id);
            assertEquals(e.orders(id), got.orders(i), "orders of " + id);
            assertEquals(0, e.amount.get(id).compareTo(got.amount(i)), "amount of " + id);
            assertEquals(e.first.get(id), LocalDate.ofEpochDay(got.firstOrderEpochDay(i)), "first order of " + id);
            assertEquals(e.last.get(id), LocalDate.ofEpochDay(got.lastOrderEpochDay(i)), "last order of " + id);
            if (i > 0) {
                List<String> pair = List.of(got.customerId(i - 1), id);
                assertTrue(CustomerIdOrder.forIds(withOrders).compare(pair.get(0), pair.get(1)) < 0,
                        "rows out of order: " + pair);
            }
        }
    }

    @ParameterizedTest(name = "seed={0}, returns={1}")
    @MethodSource("cases")
    void ingestion_exactMoneyTotals(long seed, ReturnsPolicy policy) {
        Case c = generate(seed, policy);
        IngestionResult r = run(c, c.inputs());
        Expected e = new Expected(c);
        BigDecimal customersSum = BigDecimal.ZERO;
        for (int i = 0; i < r.customers().size(); i++) {
            customersSum = customersSum.add(r.customers().amount(i));
        }
        assertEquals(0, customersSum.compareTo(r.customers().totalAmount()));
        assertEquals(0, e.purchases.compareTo(r.report().purchaseAmount()), "purchases");
        assertEquals(0, e.returns.compareTo(r.report().returnAmount()), "returns");
        // independent sum over the customers who have orders
        BigDecimal expected = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> a : e.amount.entrySet()) {
            if (e.orders(a.getKey()) > 0) {
                expected = expected.add(a.getValue());
            }
        }
        assertEquals(0, expected.compareTo(customersSum), "sum of customer amounts");
    }

    /** Inputs large enough to fill many batches, counted in the background while the next fills. */
    @ParameterizedTest(name = "seed={0}")
    @ValueSource(longs = {11, 12, 13})
    void ingestion_largeInputs_asReference(long seed) {
        Case c = generate(seed, ReturnsPolicy.NET, 60);
        assertAsReference(c, run(c, c.inputs()));
    }

    /** The customers and exclusions of a result are the reference's. */
    private static void assertAsReference(Case c, IngestionResult r) {
        Expected e = new Expected(c);
        assertEquals(e.excluded, r.report().excludedByReason());
        CustomerOrders got = r.customers();
        assertEquals(e.includedLines.keySet().stream().filter(id -> e.orders(id) > 0).count(), got.size());
        for (int i = 0; i < got.size(); i++) {
            String id = got.customerId(i);
            assertEquals(e.orders(id), got.orders(i), "orders of " + id);
            assertEquals(0, e.amount.get(id).compareTo(got.amount(i)), "amount of " + id);
            assertEquals(e.first.get(id), LocalDate.ofEpochDay(got.firstOrderEpochDay(i)), "first order of " + id);
            assertEquals(e.last.get(id), LocalDate.ofEpochDay(got.lastOrderEpochDay(i)), "last order of " + id);
        }
    }

    /** Customers split into any number of parts, counted in the background or not: the same result. */
    @ParameterizedTest(name = "seed={0}")
    @ValueSource(longs = {21, 22})
    void ingestion_partsAndThreads_changeNothing(long seed) {
        Case c = generate(seed, ReturnsPolicy.IGNORE, 40);
        IngestionResult one = run(c, c.inputs());
        for (int parts = 1; parts <= 3; parts++) {
            for (boolean background : new boolean[] {false, true}) {
                OrderIngestion in = OrderIngestion.start(c.options(), parts, background);
                long number = 1;
                for (Input input : c.inputs()) {
                    number++;
                    if (input.line() == null) {
                        in.reject(number, input.rejected(), null, "rejected by the reader");
                    } else {
                        in.accept(number, input.line());
                    }
                }
                IngestionResult other = in.finish();
                assertEquals(one.customers(), other.customers(), parts + " parts, background " + background);
                assertEquals(one.customers().hashCode(), other.customers().hashCode());
                assertEquals(one.report(), other.report(), parts + " parts, background " + background);
            }
        }
    }

    /**
     * Order ids that grow per customer, as invoice numbers do (the path that appends them without a
     * lookup), with long ids sharing their first bytes, the greatest order repeated after other lines,
     * and at times one smaller id, after which every id is looked up: as the reference.
     */
    @ParameterizedTest(name = "seed={0}")
    @ValueSource(longs = {31, 32, 33, 34, 35, 36, 37, 38})
    void ingestion_increasingOrderIds_asReference(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int customers = 1 + rnd.nextInt(3000);
        String prefix = rnd.nextBoolean() ? "" : "ORDER-2024-";
        long next = rnd.nextBoolean() ? 1 : 999_990;
        String[] latest = new String[customers];
        List<Input> inputs = new ArrayList<>();
        int n = rnd.nextInt(1, 60_000);
        int breakAt = rnd.nextBoolean() ? rnd.nextInt(n) : -1;
        for (int k = 0; k < n; k++) {
            int c = rnd.nextInt(customers);
            String order;
            if (k == breakAt || (breakAt >= 0 && k > breakAt && rnd.nextInt(50) == 0)) {
                order = prefix + rnd.nextLong(1, next); // smaller than the greatest (or an earlier order)
            } else if (latest[c] != null && rnd.nextInt(4) == 0) {
                order = latest[c]; // the customer's greatest order again, after other customers' lines
            } else {
                order = prefix + next++;
                latest[c] = order;
            }
            LocalDate date = D.minusDays(rnd.nextInt(0, 100));
            long cents = rnd.nextInt(10) == 0 ? -rnd.nextLong(1, 5000) : rnd.nextLong(0, 100_000);
            inputs.add(new Input(OrderLine.of("c" + c, date, BigDecimal.valueOf(cents, 2)).withOrderId(order), null));
        }
        Case c = new Case(inputs, IngestionOptions.defaults().withAsOf(D).withReturns(ReturnsPolicy.NET));
        assertAsReference(c, run(c, inputs));
    }

    /** Lines offered as views over bytes give what the same lines give as objects. */
    @ParameterizedTest(name = "seed={0}, returns={1}")
    @MethodSource("cases")
    void ingestion_viewsOfBytesAsLines(long seed, ReturnsPolicy policy) {
        Case c = generate(seed, policy, seed % 5 == 0 ? 20 : 1);
        IngestionResult asLines = run(c, c.inputs());
        OrderIngestion in = OrderIngestion.start(c.options());
        SplittableRandom rnd = new SplittableRandom(seed);
        OrderLineView view = new OrderLineView();
        long number = 1;
        for (Input input : c.inputs()) {
            number++;
            if (input.line() == null) {
                in.reject(number, input.rejected(), null, "rejected by the reader");
                continue;
            }
            OrderLine line = input.line();
            byte[] customer = line.customerId().getBytes(StandardCharsets.UTF_8);
            byte[] order = line.orderId().orElse("").getBytes(StandardCharsets.UTF_8);
            int pad = rnd.nextInt(4);
            byte[] buffer = new byte[pad + customer.length + order.length + rnd.nextInt(4)];
            java.util.Arrays.fill(buffer, (byte) 'x');
            System.arraycopy(customer, 0, buffer, pad, customer.length);
            System.arraycopy(order, 0, buffer, pad + customer.length, order.length);
            int orderFrom = line.orderId().isPresent() ? pad + customer.length : -1;
            int orderTo = line.orderId().isPresent() ? orderFrom + order.length : -1;
            in.accept(number, view.set(buffer, pad, pad + customer.length, orderFrom, orderTo,
                    (int) line.date().toEpochDay(), line.amountUnits(), line.status().orElse(null)));
        }
        IngestionResult asViews = in.finish();
        assertEquals(asLines.customers(), asViews.customers());
        assertEquals(asLines.report(), asViews.report());
    }

    @ParameterizedTest(name = "seed={0}, returns={1}")
    @MethodSource("cases")
    void ingestion_independentOfLineOrder(long seed, ReturnsPolicy policy) {
        Case c = generate(seed, policy);
        IngestionResult a = run(c, c.inputs());
        List<Input> shuffled = new ArrayList<>(c.inputs());
        Collections.shuffle(shuffled, new Random(seed * 31 + 7));
        IngestionResult b = run(c, shuffled);
        Collections.reverse(shuffled);
        IngestionResult reversed = run(c, shuffled);
        for (IngestionResult other : List.of(b, reversed)) {
            assertEquals(a.customers(), other.customers());
            assertEquals(a.asOf(), other.asOf());
            IngestionReport x = a.report();
            IngestionReport y = other.report();
            assertEquals(x.excludedByReason(), y.excludedByReason());
            assertEquals(x.purchaseLines(), y.purchaseLines());
            assertEquals(x.returnLines(), y.returnLines());
            assertEquals(x.orders(), y.orders());
            assertEquals(x.customers(), y.customers());
            assertEquals(x.customersWithoutOrders(), y.customersWithoutOrders());
            assertEquals(x.linesOfCustomersWithoutOrders(), y.linesOfCustomersWithoutOrders());
            assertEquals(x.purchaseAmount(), y.purchaseAmount());
            assertEquals(x.returnAmount(), y.returnAmount());
        }
    }

    @ParameterizedTest(name = "seed={0}, returns={1}")
    @MethodSource("cases")
    void ingestion_strict_failsOnFirstExcludedInput(long seed, ReturnsPolicy policy) {
        Case c = generate(seed, policy);
        IngestionOptions strict = c.options().withStrict(true);
        OrderIngestion in = OrderIngestion.start(strict);
        long number = 1;
        Optional<ExclusionReason> firstReason = Optional.empty();
        long firstLine = -1;
        try {
            for (Input input : c.inputs()) {
                number++;
                if (input.line() == null) {
                    in.reject(number, input.rejected(), null, "rejected");
                } else {
                    in.accept(number, input.line());
                }
            }
        } catch (OrderDataException ex) {
            firstReason = ex.reason();
            firstLine = ex.line();
        }
        // the reference: the first input the lenient reference excludes
        long expectedLine = -1;
        ExclusionReason expectedReason = null;
        for (int i = 0; i < c.inputs().size(); i++) {
            Expected one = new Expected(new Case(List.of(c.inputs().get(i)), c.options()));
            for (Map.Entry<ExclusionReason, Long> x : one.excluded.entrySet()) {
                if (x.getValue() > 0) {
                    expectedReason = x.getKey();
                }
            }
            if (expectedReason != null) {
                expectedLine = i + 2;
                break;
            }
        }
        assertEquals(expectedLine, firstLine);
        assertEquals(Optional.ofNullable(expectedReason), firstReason);
    }
}
