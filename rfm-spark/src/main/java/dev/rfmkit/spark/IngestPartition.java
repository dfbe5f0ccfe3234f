package dev.rfmkit.spark;

import dev.rfmkit.jackson.OrderCsvFormat;
import dev.rfmkit.jackson.OrderCsvReader;
import dev.rfmkit.jackson.RejectListener;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.IngestionResult;
import dev.rfmkit.order.OrderIngestion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * Ingests one partition of order lines with the library's own reader and ingestion, exactly as
 * {@code rfm segment} reads a file: the same checks, exclusion reasons and money arithmetic.
 *
 * <p>Without an as-of date, a partition is ingested with one past every line's date, which excludes
 * nothing, as no as-of date does; the as-of date of the analysis is then the day after the latest
 * included line of all partitions together.
 */
final class IngestPartition implements FlatMapFunction<Iterator<String[]>, IngestedPart> {
    private static final long serialVersionUID = 1L;
    /** An as-of date no line's date passes (the core keeps days as ints). */
    static final LocalDate BEYOND_EVERY_LINE = LocalDate.ofEpochDay(Integer.MAX_VALUE - 1L);

    private final OrderCsvFormat format;
    private final List<String> header;
    private final IngestionSpec options;
    private final boolean keepRejects;

    IngestPartition(OrderCsvFormat format, List<String> header, IngestionSpec options, boolean keepRejects) {
        this.format = format;
        this.header = new ArrayList<>(header);
        this.options = options;
        this.keepRejects = keepRejects;
    }

    /** The options a partition is ingested with. */
    static IngestionOptions partitionOptions(IngestionOptions options) {
        return options.asOf().isPresent() ? options : options.withAsOf(BEYOND_EVERY_LINE);
    }

    @Override
    public Iterator<IngestedPart> call(Iterator<String[]> lines) throws Exception {
        OrderIngestion ingestion = OrderIngestion.start(partitionOptions(options.options()));
        List<IngestedPart.RejectRow> rejects = new ArrayList<>();
        RejectListener listener = keepRejects ? (line, reason, column, message, content) -> rejects.add(
                new IngestedPart.RejectRow(reason.code(), column.orElse(null), message, content))
                : RejectListener.none();
        OrderCsvReader.FieldReader reader = OrderCsvReader.of(format).fieldReader(header, ingestion, listener);
        while (lines.hasNext()) {
            reader.read(0, lines.next());
        }
        Optional<LocalDate> latest = ingestion.latestIncludedDate();
        IngestionResult result = ingestion.finish();
        int latestDay = latest.map(d -> Math.toIntExact(d.toEpochDay())).orElse(IngestedPart.NO_DAY);
        return List.of(new IngestedPart(result.customers(), IngestedPart.Counts.of(result.report(), latestDay),
                rejects)).iterator();
    }
}
