package dev.rfmkit.spark;

import dev.rfmkit.SegmentCount;
import dev.rfmkit.metrics.MonetaryMode;
import dev.rfmkit.order.Amounts;
import dev.rfmkit.order.CustomerIdOrder;
import dev.rfmkit.order.IngestionReport;
import dev.rfmkit.score.ScoringModel;
import dev.rfmkit.segment.Segment;
import dev.rfmkit.segment.SegmentScheme;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * What a {@link SparkAnalysis} gave: the report, the as-of date and the fitted model on the driver,
 * the customers, their scores and the rejects as Datasets.
 */
public final class SparkResult {
    private final LocalDate asOf;
    private final IngestionReport report;
    private final ScoringModel model;
    private final MonetaryMode monetary;
    private final SegmentScheme scheme;
    private final List<Segment> segments;
    private final Dataset<Row> customers;
    private final Dataset<Row> scored;
    private final Dataset<Row> rejects;
    private final CustomerIdOrder idOrder;
    private final int partitions;

    SparkResult(LocalDate asOf, IngestionReport report, ScoringModel model, MonetaryMode monetary,
            SegmentScheme scheme, List<Segment> segments, Dataset<Row> customers, Dataset<Row> scored,
            Dataset<Row> rejects, CustomerIdOrder idOrder, int partitions) {
        this.asOf = asOf;
        this.report = report;
        this.model = model;
        this.monetary = monetary;
        this.scheme = scheme;
        this.segments = List.copyOf(segments);
        this.customers = customers;
        this.scored = scored;
        this.rejects = rejects;
        this.idOrder = idOrder;
        this.partitions = partitions;
    }

    /** The as-of date D: given, or the day after the latest included line. */
    public LocalDate asOf() {
        return asOf;
    }

    /** The ingestion report of all lines: the same counts as the in-process report. */
    public IngestionReport report() {
        return report;
    }

    /** The model the customers were scored with: fitted on the cluster, or the one given. */
    public ScoringModel model() {
        return model;
    }

    /** Total or average order value. */
    public MonetaryMode monetaryMode() {
        return monetary;
    }

    /** The segment scheme. */
    public SegmentScheme scheme() {
        return scheme;
    }

    /**
     * One row per customer with orders, in no particular order: {@code customer_id},
     * {@code recency_days}, {@code frequency}, {@code monetary} (double, as scored),
     * {@code total_amount} (exact, 4 decimals), {@code first_order_date}, {@code last_order_date}.
     */
    public Dataset<Row> customers() {
        return customers;
    }

    /**
     * The customers with {@code r}, {@code f}, {@code m}, {@code rfm} (such as {@code 545}) and
     * {@code segment} (the segment id) added, in no particular order; see {@link #sortedRows()}.
     */
    public Dataset<Row> scored() {
        return scored;
    }

    /** The excluded records: {@code reason} (a code such as {@code bad_date}), {@code column}, {@code message}, {@code content}. */
    public Dataset<Row> rejects() {
        return rejects;
    }

    /** The order customer ids are written in: numeric when every id is an integer, else lexicographic. */
    public CustomerIdOrder customerIdOrder() {
        return idOrder;
    }

    /**
     * The scored rows sorted by customer id in {@link #customerIdOrder()}, sorted on the cluster and
     * brought to the driver one partition at a time, for writing one file.
     *
     * @return the rows, in the columns of {@link #scored()}
     */
    public Iterator<Row> sortedRows() {
        boolean numeric = idOrder == CustomerIdOrder.NUMERIC;
        return scored.javaRDD().sortBy(row -> new IdKey(row.getString(0), numeric), true, partitions)
                .toLocalIterator();
    }

    /**
     * Customers, orders and revenue per segment, aggregated on the cluster: {@code segment},
     * {@code customers}, {@code orders}, {@code revenue} (exact, 4 decimals); segments without
     * customers are left out, see {@link #segmentCounts()}.
     *
     * @return the summary, one row per segment with customers
     */
    public Dataset<Row> segmentSummary() {
        return scored.groupBy("segment").agg(functions.count("*").as("customers"),
                functions.sum("frequency").as("orders"), functions.sum("total_amount").as("revenue"));
    }

    /**
     * Customers, orders and revenue per segment, every segment of the scheme listed in its order,
     * empty ones included: the figures of the in-process result's segment counts.
     *
     * @return the counts
     */
    public List<SegmentCount> segmentCounts() {
        Map<String, Row> bySegment = new HashMap<>();
        for (Row row : segmentSummary().collectAsList()) {
            bySegment.put(row.getString(0), row);
        }
        List<SegmentCount> counts = new ArrayList<>();
        for (Segment s : segments) {
            Row row = bySegment.get(s.id());
            counts.add(row == null ? new SegmentCount(s, 0, 0, Amounts.toDecimal(0))
                    : new SegmentCount(s, Math.toIntExact(row.getLong(1)), row.getLong(2),
                            row.getDecimal(3).setScale(Amounts.SCALE)));
        }
        return List.copyOf(counts);
    }
}
