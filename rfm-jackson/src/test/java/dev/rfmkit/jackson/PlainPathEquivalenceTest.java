package dev.rfmkit.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.IngestionResult;
import dev.rfmkit.order.OrderDataException;
import dev.rfmkit.order.OrderIngestion;
import dev.rfmkit.order.ReturnsPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading orders through the fast path for plain lines gives exactly what the general path gives:
 * the same customers, report, rejects (line, reason, column, message, raw text) and errors, on seeded
 * files with every kind of value the reader must reject or read in a less common form.
 */
class PlainPathEquivalenceTest {
    private static final String[] CUSTOMERS = {
        "17850", "17850", "42", " 42 ", "007", "7", "c-1", "", "  ", "é1", "\"17850\"", "\"a,b\"", "\"q\"\"q\"", "\u2003x",
    };
    private static final String[] ORDERS = {"A1", "A1", "A2", "B7", "", " ", "\"A1\"", "ü9", "\"x\"\"y\""};
    private static final String[] DATES = {
        "2024-01-31", "2024-01-31", "2024-02-29", "2023-02-29", "2024-13-01", "2024-1-5", " 2024-01-31",
        "2024-01-31 12:50", "2024-01-31T23:59:59", "2024-01-31 24:00:00", "2024-01-31 12:50:60", "2024-01-31T12:50Z",
        "2024-01-31 23:30:00+01:00", "2024-12-31T23:30:00-05:00", "2024-01-31 12:50:00.5", "31.01.2024", "", "x",
        "2025-06-01", "2020-01-01", "\"2024-03-03\"",
    };
    private static final String[] AMOUNTS = {
        "5.25", "5.25", "0", "-3.10", "12", "1e3", "1.23456", " 7 ", "+4", "NaN", "-Inf", "", "abc", "1,5", "\"9.99\"",
        "99999999999999999999", "0.00005", ".5", "5.",
    };
    private static final String[] STATUSES = {"paid", "paid", "cancelled", " Cancelled ", "", "refunded", "é"};

    static long[] seeds() {
        return Seeds.upTo(200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void fastAndGeneralPathsIngestTheSame(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        boolean quantityPrice = random.nextInt(4) == 0;
        boolean status = random.nextBoolean();
        OrderCsvFormat format = OrderCsvFormat.defaults();
        if (quantityPrice) {
            format = format.withQuantityAndPriceColumns("qty", "price");
        }
        if (status) {
            format = format.withStatusColumn("status");
        }
        if (random.nextInt(5) == 0) {
            format = format.withDelimiter(';');
        }
        IngestionOptions options = IngestionOptions.defaults().withStrict(random.nextInt(6) == 0)
                .withReturns(random.nextBoolean() ? ReturnsPolicy.NET : ReturnsPolicy.IGNORE);
        if (random.nextBoolean()) {
            options = options.withAsOf(LocalDate.of(2024, 6, 1));
            if (random.nextBoolean()) {
                options = options.withWindowDays(200);
            }
        }
        byte[] input = randomFile(random, format, quantityPrice, status);
        OrderCsvFormat f = format;
        IngestionOptions o = options;
        assertEquals(transcript(input, f, o, false), transcript(input, f, o, true),
                () -> "input:\n" + new String(input, StandardCharsets.UTF_8));
    }

    private static String transcript(byte[] input, OrderCsvFormat format, IngestionOptions options, boolean fast)
            throws IOException {
        StringBuilder out = new StringBuilder();
        OrderIngestion ingestion = OrderIngestion.start(options);
        try {
            OrderCsvReader.ReadStats stats = OrderCsvReader.of(format).read(new ByteArrayInputStream(input), "in",
                    ingestion, (line, reason, column, message, content) -> out.append(line).append(' ')
                            .append(reason).append(' ').append(column.orElse("-")).append(' ').append(message)
                            .append(" <").append(content).append(">\n"), fast);
            out.append(stats).append('\n');
            IngestionResult result = ingestion.finish();
            out.append(result.report()).append('\n');
            for (int r = 0; r < result.customers().size(); r++) {
                out.append(result.customers().customerId(r)).append(' ').append(result.customers().orders(r))
                        .append(' ').append(result.customers().firstOrderEpochDay(r)).append(' ')
                        .append(result.customers().lastOrderEpochDay(r)).append(' ')
                        .append(result.customers().amountUnits(r)).append('\n');
            }
        } catch (OrderDataException | IllegalStateException e) {
            out.append("error ").append(e.getMessage());
        }
        return out.toString();
    }

    private static byte[] randomFile(SplittableRandom random, OrderCsvFormat format, boolean quantityPrice,
            boolean status) {
        char d = format.delimiter();
        StringBuilder csv = new StringBuilder();
        csv.append("customer_id").append(d).append("order_id").append(d).append("order_date");
        csv.append(quantityPrice ? d + "qty" + d + "price" : d + "amount");
        if (status) {
            csv.append(d).append("status");
        }
        csv.append('\n');
        int lines = random.nextInt(1, 40);
        for (int l = 0; l < lines; l++) {
            int fields = 0;
            StringBuilder line = new StringBuilder();
            line.append(pick(random, CUSTOMERS)).append(d).append(pick(random, ORDERS)).append(d)
                    .append(pick(random, DATES)).append(d).append(pick(random, AMOUNTS));
            fields = 4; // counted for the assertion below
            if (quantityPrice) {
                line.append(d).append(pick(random, AMOUNTS));
                fields++;
            }
            if (status) {
                line.append(d).append(pick(random, STATUSES));
                fields++;
            }
            String text = line.toString();
            int cut = random.nextInt(15);
            if (cut == 0) { // fewer fields
                text = text.substring(0, Math.max(0, text.lastIndexOf(d)));
            } else if (cut == 1) { // more fields
                text = text + d + "extra";
            }
            if (d != ',') {
                text = text.replace("1,5", "1;5").replace("a,b", "a;b");
            }
            csv.append(text).append(random.nextInt(8) == 0 ? "\r\n" : "\n");
            if (random.nextInt(20) == 0) {
                csv.append('\n');
            }
            assert fields > 0;
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String pick(SplittableRandom random, String[] values) {
        return random.nextInt(3) == 0 ? values[random.nextInt(values.length)] : values[random.nextInt(2)];
    }
}
