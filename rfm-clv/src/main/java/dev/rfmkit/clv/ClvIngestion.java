package dev.rfmkit.clv;

import dev.rfmkit.order.ExclusionReason;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.IngestionResult;
import dev.rfmkit.order.OrderIngestion;
import dev.rfmkit.order.OrderLine;
import dev.rfmkit.order.OrderSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Streams order lines into a {@link PurchaseHistory}: every line goes through the core's
 * {@link OrderIngestion}, so lines are included or excluded exactly as for RFM (and counted in the
 * same report); of the included lines, the purchases (amount zero or more) are kept by customer and
 * day. Give it to a reader as its {@link OrderSink}. Not thread-safe; one use.
 */
public final class ClvIngestion implements OrderSink {
    private final OrderIngestion ingestion;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private int[] customerOf = new int[1024];
    private int[] dayOf = new int[1024];
    private long[] unitsOf = new long[1024];
    private int purchases;

    private ClvIngestion(IngestionOptions options) {
        this.ingestion = OrderIngestion.start(options);
    }

    /**
     * Starts an ingestion.
     *
     * @param options the inclusion rules (the as-of date is the end of the calibration period)
     * @return the ingestion
     */
    public static ClvIngestion start(IngestionOptions options) {
        return new ClvIngestion(Objects.requireNonNull(options, "options"));
    }

    @Override
    public IngestionOptions options() {
        return ingestion.options();
    }

    /**
     * Offers the next line.
     *
     * @param line the line
     * @return the reason the line was excluded, empty if it was included
     */
    public Optional<ExclusionReason> accept(OrderLine line) {
        return accept(ingestion.linesRead() + 1, line);
    }

    @Override
    public Optional<ExclusionReason> accept(long lineNumber, OrderLine line) {
        Optional<ExclusionReason> excluded = ingestion.accept(lineNumber, line);
        if (excluded.isEmpty() && line.amountUnits() >= 0) {
            String id = line.customerId().strip();
            Integer c = index.get(id);
            if (c == null) {
                c = ids.size();
                index.put(id, c);
                ids.add(id);
            }
            if (purchases == customerOf.length) {
                int n = purchases * 2;
                customerOf = java.util.Arrays.copyOf(customerOf, n);
                dayOf = java.util.Arrays.copyOf(dayOf, n);
                unitsOf = java.util.Arrays.copyOf(unitsOf, n);
            }
            customerOf[purchases] = c;
            dayOf[purchases] = Math.toIntExact(line.date().toEpochDay());
            unitsOf[purchases] = line.amountUnits();
            purchases++;
        }
        return excluded;
    }

    @Override
    public void reject(long lineNumber, ExclusionReason reason, String column, String message) {
        ingestion.reject(lineNumber, reason, column, message);
    }

    /**
     * Ends the ingestion and summarises each customer's purchases as of the as-of date.
     *
     * @param unit the time unit of recency and age
     * @return the histories, one per customer with a purchase, in customer id order
     * @throws IllegalStateException if no line was included
     */
    public PurchaseHistory finish(ClvUnit unit) {
        IngestionResult result = ingestion.finish();
        return PurchaseHistory.of(result, unit, ids, customerOf, dayOf, unitsOf, purchases);
    }
}
