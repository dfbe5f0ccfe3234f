package dev.rfmkit.jackson;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.OrderDataException;
import dev.rfmkit.order.OrderIngestion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;

/**
 * Fuzzing of every reader of untrusted input (Jazzer). Whatever the bytes, a reader either reads them
 * or refuses them with its documented exception, which names the line or the JSON path; anything
 * else (a NullPointerException, an index out of bounds, an IllegalStateException, an endless loop)
 * is a bug.
 *
 * <p>In a plain {@code mvn verify} each method runs once per input stored under
 * {@code src/test/resources/dev/rfmkit/jackson/ReaderFuzzTestInputs/<method>/} (regression mode);
 * {@code JAZZER_FUZZ=1 mvn -pl rfm-jackson test -Dtest=ReaderFuzzTest#orderCsv} fuzzes one method for
 * its {@code maxDuration}. A crashing input found that way is stored there and becomes a test.
 */
final class ReaderFuzzTest {
    private static final IngestionOptions LENIENT = IngestionOptions.defaults().withAsOf(LocalDate.of(2030, 1, 1));

    @FuzzTest(maxDuration = "2m")
    void orderCsv(byte[] data) throws IOException {
        for (OrderCsvFormat format : new OrderCsvFormat[] {OrderCsvFormat.defaults(),
            OrderCsvFormat.defaults().withDelimiter(';').withDecimalSeparator(',').withLenientAmounts(true),
            OrderCsvFormat.defaults().withMaxLineLength(64)}) {
            OrderIngestion ingestion = OrderIngestion.start(LENIENT);
            try {
                OrderCsvReader.of(format).read(new ByteArrayInputStream(data), "fuzz.csv", ingestion,
                        RejectListener.none());
            } catch (OrderDataException expected) {
                continue;
            }
            try {
                ingestion.finish();
            } catch (IllegalStateException noLineIncluded) {
                if (!noLineIncluded.getMessage().startsWith("no order line was included")) {
                    throw noLineIncluded;
                }
            }
        }
    }

    @FuzzTest(maxDuration = "2m")
    void engagementCsv(byte[] data) throws IOException {
        try {
            EngagementCsvReader.of(OrderCsvFormat.defaults()).read(new ByteArrayInputStream(data), "fuzz.csv");
        } catch (OrderDataException expected) {
            // refused with a line number
        }
    }

    @FuzzTest(maxDuration = "2m")
    void modelJson(byte[] data) throws IOException {
        try {
            ModelJson.read(new ByteArrayInputStream(data), "fuzz.json");
        } catch (ModelFileException expected) {
            // refused with a JSON path
        }
    }

    @FuzzTest(maxDuration = "2m")
    void schemeJson(byte[] data) throws IOException {
        try {
            SchemeJson.read(new ByteArrayInputStream(data), "fuzz.json");
        } catch (SchemeFileException expected) {
            // refused with a JSON path
        }
    }
}
