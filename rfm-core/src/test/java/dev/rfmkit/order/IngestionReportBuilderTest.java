package dev.rfmkit.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

final class IngestionReportBuilderTest {
    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

    // a report rebuilt from its parts equals the one ingestion made
    @Test
    void rebuiltReport_equalsTheIngestedOne() {
        OrderIngestion ingestion = OrderIngestion.start(IngestionOptions.defaults().withAsOf(AS_OF));
        for (OrderLine line : List.of(OrderLine.of("a", AS_OF, new BigDecimal("10.50")).withOrderId("1"),
                OrderLine.of("a", AS_OF, new BigDecimal("-2.25")).withOrderId("2"),
                OrderLine.of("b", AS_OF, new BigDecimal("-1")).withOrderId("3"),
                OrderLine.of("", AS_OF, new BigDecimal("4")),
                OrderLine.of("c", AS_OF.plusDays(1), new BigDecimal("4")))) {
            ingestion.accept(line);
        }
        IngestionReport made = ingestion.finish().report();
        IngestionReport.Builder b = IngestionReport.builder().asOf(AS_OF)
                .includedLines(made.purchaseLines(), made.returnLines())
                .orders(made.orders(), made.customers())
                .customersWithoutOrders(made.customersWithoutOrders(), made.linesOfCustomersWithoutOrders())
                .amounts(made.purchaseAmount(), made.returnAmount());
        made.excludedByReason().forEach(b::excluded);
        IngestionReport rebuilt = b.build();
        assertEquals(made, rebuilt);
        assertEquals(made.hashCode(), rebuilt.hashCode());
        assertEquals(5, rebuilt.linesRead());
        assertEquals(1, rebuilt.customersWithoutOrders());
    }

    @Test
    void inconsistentParts_areRefused() {
        assertEquals("the as-of date is missing", assertThrows(IllegalArgumentException.class,
                () -> IngestionReport.builder().build()).getMessage());
        assertEquals("return lines must be 0 or more (was -1)", assertThrows(IllegalArgumentException.class,
                () -> IngestionReport.builder().asOf(AS_OF).includedLines(1, -1).build()).getMessage());
        assertEquals("every customer has an order: 1 orders for 2 customers", assertThrows(IllegalArgumentException.class,
                () -> IngestionReport.builder().asOf(AS_OF).orders(1, 2).build()).getMessage());
        assertEquals("customers without orders have only return lines, at least one each: 3 lines for 1 customers, "
                + "2 return lines", assertThrows(IllegalArgumentException.class, () -> IngestionReport.builder()
                        .asOf(AS_OF).includedLines(0, 2).customersWithoutOrders(1, 3).build()).getMessage());
        assertEquals("purchases sum to zero or more and returns to zero or less (were 1 and 2)", assertThrows(
                IllegalArgumentException.class, () -> IngestionReport.builder().asOf(AS_OF)
                        .amounts(BigDecimal.ONE, new BigDecimal("2")).build()).getMessage());
    }
}
