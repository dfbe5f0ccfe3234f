package dev.rfmkit.testing;

import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.IngestionResult;
import dev.rfmkit.order.OrderIngestion;
import dev.rfmkit.order.OrderLine;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Short factories for hand-written order lines. */
public final class Lines {
    private Lines() {
    }

    /** A line without order id: customer, ISO date, decimal amount. */
    public static OrderLine line(String customerId, String date, String amount) {
        return OrderLine.of(customerId, LocalDate.parse(date), new BigDecimal(amount));
    }

    /** A line of an order. */
    public static OrderLine line(String customerId, String orderId, String date, String amount) {
        return line(customerId, date, amount).withOrderId(orderId);
    }

    /** Ingests the lines with the options and finishes. */
    public static IngestionResult ingest(IngestionOptions options, Iterable<OrderLine> lines) {
        OrderIngestion ingestion = OrderIngestion.start(options);
        for (OrderLine l : lines) {
            ingestion.accept(l);
        }
        return ingestion.finish();
    }
}
