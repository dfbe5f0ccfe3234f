package dev.rfmkit.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * A seeded orders CSV in rfmkit's default layout ({@code customer_id,order_id,order_date,amount}), made
 * in memory for the ingestion benchmarks: one customer per ten lines, orders of one to four
 * consecutive line items sharing customer and date, order ids increasing, dates over two years,
 * amounts with cents, every fiftieth line a return.
 */
public final class SyntheticOrders {
    /** How customers and amounts are spread. */
    public enum Shape {
        /** Every customer equally likely; amounts uniform up to 200.00. */
        UNIFORM,
        /** A few customers order often, most once or twice (u squared); amounts log-normal. */
        SKEWED,
        /** As skewed, with amounts from 20 price points and dates from 24 month ends. */
        HEAVY_TIES
    }

    private SyntheticOrders() {
    }

    /** The CSV of n lines, header included. */
    static byte[] csv(int lines, Shape shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int customers = Math.max(1, lines / 10);
        LocalDate start = LocalDate.of(2023, 1, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(lines * 33);
        StringBuilder line = new StringBuilder(64);
        out.writeBytes("customer_id,order_id,order_date,amount\n".getBytes(StandardCharsets.US_ASCII));
        long order = 10_000_000;
        int written = 0;
        while (written < lines) {
            double u = random.nextDouble();
            int customer = shape == Shape.UNIFORM ? random.nextInt(customers) : (int) (customers * u * u);
            LocalDate date = shape == Shape.HEAVY_TIES
                    ? start.plusMonths(random.nextInt(24)).withDayOfMonth(28) : start.plusDays(random.nextInt(730));
            int items = 1 + random.nextInt(4);
            for (int i = 0; i < items && written < lines; i++, written++) {
                long cents = switch (shape) {
                    case UNIFORM -> random.nextLong(1, 20_001);
                    case SKEWED -> Math.round(Math.exp(3 + random.nextGaussian() * 0.8) * 100);
                    case HEAVY_TIES -> 500L * (1 + random.nextInt(20)) - 1;
                };
                if (random.nextInt(50) == 0) {
                    cents = -cents;
                }
                line.setLength(0);
                line.append(customer).append(',').append(order).append(',').append(date).append(',')
                        .append(cents < 0 ? "-" : "").append(Math.abs(cents) / 100).append('.')
                        .append(Math.abs(cents) % 100 < 10 ? "0" : "").append(Math.abs(cents) % 100).append('\n');
                out.writeBytes(line.toString().getBytes(StandardCharsets.US_ASCII));
            }
            order++;
        }
        return out.toByteArray();
    }
}
