package dev.rfmkit.benchmarks;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The baselines' way of reading an orders CSV ({@code customer_id,order_id,order_date,amount}) into
 * customers: a {@link BufferedReader}, {@code String.split}, {@link LocalDate#parse},
 * {@link BigDecimal} and a {@code HashMap<String, ...>} per customer with a {@code HashSet} of order
 * ids, what a Java developer writes first.
 */
final class ObviousJavaOrders {
    /** One customer: the amount summed, the order ids of purchases, the date of the last purchase. */
    static final class Customer {
        BigDecimal amount = BigDecimal.ZERO;
        final Set<String> orders = new HashSet<>();
        LocalDate last;
    }

    /** The customers by id, and the latest date of any line. */
    record Read(Map<String, Customer> customers, LocalDate latest) {
    }

    private ObviousJavaOrders() {
    }

    static Read read(byte[] csv) throws IOException {
        Map<String, Customer> customers = new HashMap<>();
        LocalDate latest = LocalDate.MIN;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(csv),
                StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                Customer c = customers.computeIfAbsent(f[0], id -> new Customer());
                BigDecimal amount = new BigDecimal(f[3]);
                LocalDate date = LocalDate.parse(f[2]);
                latest = date.isAfter(latest) ? date : latest;
                c.amount = c.amount.add(amount);
                if (amount.signum() >= 0 && c.orders.add(f[1])) {
                    c.last = c.last == null || date.isAfter(c.last) ? date : c.last;
                }
            }
        }
        return new Read(customers, latest);
    }
}
