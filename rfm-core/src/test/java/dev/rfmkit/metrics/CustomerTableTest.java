package dev.rfmkit.metrics;

import static dev.rfmkit.testing.Lines.line;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.OrderLine;
import dev.rfmkit.testing.Lines;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CustomerTableTest {
    private static final LocalDate D = LocalDate.of(2024, 4, 1);

    private static CustomerTable table(MonetaryMode mode, OrderLine... lines) {
        return CustomerTable.from(Lines.ingest(IngestionOptions.defaults().withAsOf(D), List.of(lines)), mode);
    }

    private static List<String> ids(CustomerTable t) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            ids.add(t.customerId(i));
        }
        return ids;
    }

    // customer 1: orders on 03-01 (10.00), 03-20 (20.01, two lines of one order) and 03-31 (0.01)
    //   recency = 04-01 - 03-31 = 1 day; frequency 3; total 30.02; average 30.02 / 3 = 10.00666... -> 10.01
    // customer 2: one order on D itself: recency 0
    private static final OrderLine[] FIXTURE = {
        line("1", "2024-03-01", "10.00"),
        line("1", "X", "2024-03-20", "20.00"),
        line("1", "X", "2024-03-22", "0.01"),
        line("1", "2024-03-31", "0.01"),
        line("2", "2024-04-01", "5.5"),
    };

    @Test
    void from_total_recencyFrequencyMonetary() {
        CustomerTable t = table(MonetaryMode.TOTAL, FIXTURE);
        assertEquals(D, t.asOf());
        assertEquals(MonetaryMode.TOTAL, t.monetaryMode());
        assertEquals(2, t.size());
        assertEquals(1, t.recencyDays(0));
        assertEquals(3, t.frequency(0));
        assertEquals(30.02, t.monetary(0));
        assertEquals(new BigDecimal("30.0200"), t.totalAmount(0));
        assertEquals(300_200L, t.totalAmountUnits(0));
        assertEquals(new BigDecimal("30.02"), t.monetaryDecimal(0, 2));
        assertEquals(0, t.recencyDays(1));
        assertEquals(1, t.frequency(1));
        assertEquals(5.5, t.monetary(1));
    }

    @Test
    void from_firstAndLastOrderDates() {
        CustomerTable t = table(MonetaryMode.TOTAL, FIXTURE);
        assertEquals(LocalDate.of(2024, 3, 1), t.firstOrderDate(0));
        assertEquals(LocalDate.of(2024, 3, 31), t.lastOrderDate(0));
        assertEquals(D, t.firstOrderDate(1));
        assertEquals(D, t.lastOrderDate(1));
    }

    @Test
    void from_average_dividesByOrders() {
        CustomerTable t = table(MonetaryMode.AVERAGE, FIXTURE);
        assertEquals(MonetaryMode.AVERAGE, t.monetaryMode());
        assertEquals(30.02 / 3, t.monetary(0), 1e-12);
        assertEquals(new BigDecimal("10.01"), t.monetaryDecimal(0, 2));
        assertEquals(new BigDecimal("10.0067"), t.monetaryDecimal(0, 4));
        // the total stays the total whatever the mode
        assertEquals(new BigDecimal("30.0200"), t.totalAmount(0));
    }

    @Test
    void monetaryDecimal_roundsHalfEven() {
        // totals 0.125 and 0.135 -> 0.12 and 0.14; averages 0.25 / 2 = 0.125 -> 0.12, 0.27 / 2 = 0.135 -> 0.14
        CustomerTable total = table(MonetaryMode.TOTAL,
                line("1", "2024-03-01", "0.125"),
                line("2", "2024-03-01", "0.135"));
        assertEquals(new BigDecimal("0.12"), total.monetaryDecimal(0, 2));
        assertEquals(new BigDecimal("0.14"), total.monetaryDecimal(1, 2));
        CustomerTable average = table(MonetaryMode.AVERAGE,
                line("1", "2024-03-01", "0.25"),
                line("1", "2024-03-02", "0"),
                line("2", "2024-03-01", "0.27"),
                line("2", "2024-03-02", "0"));
        assertEquals(new BigDecimal("0.12"), average.monetaryDecimal(0, 2));
        assertEquals(new BigDecimal("0.14"), average.monetaryDecimal(1, 2));
        assertEquals(new BigDecimal("0"), average.monetaryDecimal(0, 0));
    }

    @Test
    void monetaryDecimal_negativeTotal_halfEven() {
        // net returns: 1.00 - 1.125 = -0.125 -> -0.12
        CustomerTable t = table(MonetaryMode.TOTAL,
                line("1", "2024-03-01", "1.00"),
                line("1", "2024-03-01", "-1.125"));
        assertEquals(new BigDecimal("-0.12"), t.monetaryDecimal(0, 2));
        assertEquals(-0.125, t.monetary(0));
    }

    @Test
    void customer_recordMatchesColumns() {
        CustomerTable t = table(MonetaryMode.TOTAL, FIXTURE);
        assertEquals(new CustomerMetrics("1", 1, 3, 30.02, new BigDecimal("30.0200"), LocalDate.of(2024, 3, 1),
                LocalDate.of(2024, 3, 31)), t.customer(0));
    }

    @Test
    void columns_areCopies() {
        CustomerTable t = table(MonetaryMode.TOTAL, FIXTURE);
        int[] r = t.recencyColumn();
        assertArrayEquals(new int[] {1, 0}, r);
        assertArrayEquals(new int[] {3, 1}, t.frequencyColumn());
        assertArrayEquals(new double[] {30.02, 5.5}, t.monetaryColumn());
        r[0] = 99;
        assertEquals(1, t.recencyDays(0));
        assertNotSame(t.monetaryColumn(), t.monetaryColumn());
    }

    @Test
    void rows_numericIds_numericOrder() {
        CustomerTable t = table(MonetaryMode.TOTAL,
                line("10", "2024-03-01", "1"),
                line("2", "2024-03-01", "1"),
                line("100", "2024-03-01", "1"),
                line("-3", "2024-03-01", "1"),
                line("1", "2024-03-01", "1"));
        assertEquals(List.of("-3", "1", "2", "10", "100"), ids(t));
    }

    @Test
    void rows_mixedIds_lexicographicOrder() {
        CustomerTable t = table(MonetaryMode.TOTAL,
                line("10", "2024-03-01", "1"),
                line("2", "2024-03-01", "1"),
                line("a", "2024-03-01", "1"),
                line("B", "2024-03-01", "1"),
                line("1", "2024-03-01", "1"));
        assertEquals(List.of("1", "10", "2", "B", "a"), ids(t));
    }

    @Test
    void rows_sameValueWrittenDifferently_lexicographicTieBreak() {
        CustomerTable t = table(MonetaryMode.TOTAL,
                line("7", "2024-03-01", "1"),
                line("8", "2024-03-01", "1"),
                line("007", "2024-03-01", "2"),
                line("06", "2024-03-01", "1"));
        assertEquals(List.of("06", "007", "7", "8"), ids(t));
        // "7" and "007" are two customers
        assertEquals(4, t.size());
    }

    @Test
    void rows_hugeIntegerIds_numericOrder() {
        CustomerTable t = table(MonetaryMode.TOTAL,
                line("123456789012345678901", "2024-03-01", "1"),
                line("99999999999999999999", "2024-03-01", "1"),
                line("9", "2024-03-01", "1"));
        assertEquals(List.of("9", "99999999999999999999", "123456789012345678901"), ids(t));
    }
}
