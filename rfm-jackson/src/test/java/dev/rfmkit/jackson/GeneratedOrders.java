package dev.rfmkit.jackson;

import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.IngestionResult;
import dev.rfmkit.order.OrderIngestion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * An orders CSV generated as it is read (never held in memory): line items, two lines per order,
 * orders spread over the customers, dates over two years, amounts with cents, every 50th line a
 * return. Run as a program, it streams the file through the CSV reader into ingestion and prints the
 * counts; {@link BoundedMemoryTest} runs it in a JVM with a small heap.
 */
final class GeneratedOrders extends InputStream {
    static final LocalDate AS_OF = LocalDate.of(2025, 1, 1);

    private final long lines;
    private final int customers;
    private long line = -1;
    private byte[] current = "customer_id,order_id,order_date,amount\n".getBytes(StandardCharsets.US_ASCII);
    private int at;

    GeneratedOrders(long lines, int customers) {
        this.lines = lines;
        this.customers = customers;
    }

    @Override
    public int read() {
        if (at == current.length && !advance()) {
            return -1;
        }
        return current[at++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len) {
            if (at == current.length && !advance()) {
                return n == 0 ? -1 : n;
            }
            int k = Math.min(len - n, current.length - at);
            System.arraycopy(current, at, b, off + n, k);
            at += k;
            n += k;
        }
        return n;
    }

    private boolean advance() {
        if (++line >= lines) {
            return false;
        }
        long order = line / 2;
        long mixed = order * 0x9E3779B97F4A7C15L;
        int customer = (int) Math.floorMod(mixed, (long) customers);
        LocalDate date = AS_OF.minusDays(Math.floorMod(mixed >>> 17, 730L));
        long cents = Math.floorMod(line * 0xC2B2AE3D27D4EB4FL, 50_000L) + 1;
        String amount = (line % 50 == 49 ? "-" : "") + cents / 100 + "." + String.format("%02d", cents % 100);
        current = (customer + ",o" + order + "," + date + "," + amount + "\n").getBytes(StandardCharsets.US_ASCII);
        at = 0;
        return true;
    }

    /** Streams the given number of lines over the given customers; prints lines, orders, customers. */
    public static void main(String[] args) throws IOException {
        long lines = Long.parseLong(args[0]);
        int customers = Integer.parseInt(args[1]);
        OrderIngestion ingestion = OrderIngestion.start(IngestionOptions.defaults().withAsOf(AS_OF));
        OrderCsvReader.of(OrderCsvFormat.defaults()).read(new GeneratedOrders(lines, customers), "generated.csv",
                ingestion, RejectListener.none());
        IngestionResult r = ingestion.finish();
        System.out.println(r.report().linesRead() + " " + r.report().orders() + " " + r.customers().size());
    }
}
