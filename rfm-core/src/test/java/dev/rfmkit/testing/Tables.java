package dev.rfmkit.testing;

import dev.rfmkit.metrics.CustomerTable;
import dev.rfmkit.metrics.MonetaryMode;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.OrderLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Customer tables with chosen metrics, built the only public way: through order lines and ingestion.
 *
 * <p>A customer with recency r, frequency f and amount a gets f zero-or-more lines without order id,
 * the last dated D - r, the others one day earlier each; the first line carries the amount (a zero
 * amount still makes an order). A negative amount is carried by an extra return line, netted.
 */
public final class Tables {
    /** The as-of date of tables built here. */
    public static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);

    /** One customer's wanted metrics. */
    public record Spec(String id, int recencyDays, int frequency, BigDecimal amount) {
    }

    private Tables() {
    }

    public static Spec spec(String id, int recencyDays, int frequency, String amount) {
        return new Spec(id, recencyDays, frequency, new BigDecimal(amount));
    }

    public static Spec spec(String id, int recencyDays, int frequency, double amount) {
        return new Spec(id, recencyDays, frequency, BigDecimal.valueOf(amount));
    }

    /** The lines that give the customers the wanted metrics as of {@link #AS_OF}. */
    public static List<OrderLine> lines(List<Spec> specs) {
        List<OrderLine> lines = new ArrayList<>();
        for (Spec s : specs) {
            LocalDate last = AS_OF.minusDays(s.recencyDays());
            boolean negative = s.amount().signum() < 0;
            for (int i = 0; i < s.frequency(); i++) {
                BigDecimal amount = i == 0 && !negative ? s.amount() : BigDecimal.ZERO;
                lines.add(OrderLine.of(s.id(), last.minusDays(i), amount));
            }
            if (negative) {
                lines.add(OrderLine.of(s.id(), last, s.amount()));
            }
        }
        return lines;
    }

    public static CustomerTable table(List<Spec> specs) {
        return table(MonetaryMode.TOTAL, specs);
    }

    public static CustomerTable table(MonetaryMode mode, List<Spec> specs) {
        return CustomerTable.from(Lines.ingest(IngestionOptions.defaults().withAsOf(AS_OF), lines(specs)), mode);
    }

    public static CustomerTable table(Spec... specs) {
        return table(List.of(specs));
    }

    /** Customers "1".."n" with the given frequencies, recency 10 and amount 1. */
    public static CustomerTable frequencies(int... frequencies) {
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < frequencies.length; i++) {
            specs.add(spec(String.valueOf(i + 1), 10, frequencies[i], "1"));
        }
        return table(specs);
    }

    /** Customers "1".."n" with the given recencies, frequency 1 and amount 1. */
    public static CustomerTable recencies(int... days) {
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < days.length; i++) {
            specs.add(spec(String.valueOf(i + 1), days[i], 1, "1"));
        }
        return table(specs);
    }

    /** Customers "1".."n" with the given amounts, recency 10 and frequency 1. */
    public static CustomerTable amounts(String... amounts) {
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            specs.add(spec(String.valueOf(i + 1), 10, 1, amounts[i]));
        }
        return table(specs);
    }
}
