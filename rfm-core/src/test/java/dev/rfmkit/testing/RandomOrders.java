package dev.rfmkit.testing;

import dev.rfmkit.metrics.CustomerTable;
import dev.rfmkit.metrics.MonetaryMode;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.OrderLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded random order lines that look like shop exports: skewed frequencies (most customers order
 * once), recency with ties, money with cents and repeated prices, multi-line orders, some returns,
 * numeric or alphanumeric customer ids. Every line is included when ingested as of {@link Tables#AS_OF}.
 */
public final class RandomOrders {
    private RandomOrders() {
    }

    /** Random lines of up to maxCustomers customers (at least one), in random order. */
    public static List<OrderLine> lines(SplittableRandom rnd, int maxCustomers) {
        int n = 1 + rnd.nextInt(maxCustomers);
        boolean numericIds = rnd.nextBoolean();
        double frequencyScale = 0.2 + rnd.nextDouble() * 3;
        int maxRecency = 1 + rnd.nextInt(rnd.nextBoolean() ? 30 : 800);
        long[] pricePool = new long[1 + rnd.nextInt(8)];
        for (int i = 0; i < pricePool.length; i++) {
            pricePool[i] = rnd.nextLong(0, 20_000);
        }
        Set<String> ids = new HashSet<>();
        List<OrderLine> lines = new ArrayList<>();
        while (ids.size() < n) {
            String id = numericIds ? String.valueOf(rnd.nextInt(1, 10 * maxCustomers + 10))
                    : "c" + Integer.toString(rnd.nextInt(1, 36 * 36 * 36), 36);
            if (!ids.add(id)) {
                continue;
            }
            int frequency = Math.min(40, 1 + (int) Math.floor(-Math.log(1 - rnd.nextDouble()) * frequencyScale));
            LocalDate last = Tables.AS_OF.minusDays(rnd.nextInt(maxRecency));
            for (int o = 0; o < frequency; o++) {
                LocalDate date = o == 0 ? last : last.minusDays(rnd.nextInt(400));
                int items = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(3) : 1;
                String orderId = items > 1 || rnd.nextBoolean() ? id + "-" + o : "";
                for (int i = 0; i < items; i++) {
                    long cents = rnd.nextInt(3) == 0 ? pricePool[rnd.nextInt(pricePool.length)] : rnd.nextLong(0, 50_000);
                    lines.add(OrderLine.of(id, date, BigDecimal.valueOf(cents, 2)).withOrderId(orderId));
                }
                if (rnd.nextInt(10) == 0) {
                    lines.add(OrderLine.of(id, date, BigDecimal.valueOf(-rnd.nextLong(1, 5_000), 2)).withOrderId(orderId));
                }
            }
        }
        Collections.shuffle(lines, new java.util.Random(rnd.nextLong()));
        return lines;
    }

    public static CustomerTable table(List<OrderLine> lines, MonetaryMode mode) {
        return CustomerTable.from(Lines.ingest(IngestionOptions.defaults().withAsOf(Tables.AS_OF), lines), mode);
    }

    /** A copy of the lines in another random order. */
    public static List<OrderLine> shuffled(List<OrderLine> lines, long seed) {
        List<OrderLine> copy = new ArrayList<>(lines);
        Collections.shuffle(copy, new java.util.Random(seed));
        return copy;
    }
}
