package dev.rfmkit;

import dev.rfmkit.metrics.CustomerTable;
import dev.rfmkit.order.Amounts;
import dev.rfmkit.order.IngestionReport;
import dev.rfmkit.score.RfmScores;
import dev.rfmkit.score.ScoringModel;
import dev.rfmkit.segment.Segment;
import dev.rfmkit.segment.SegmentScheme;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of an analysis: every customer's metrics, score and segment, the model that scored them,
 * the ingestion report and the count of customers per segment.
 *
 * <p>Rows are in customer-id order ({@link dev.rfmkit.order.CustomerIdOrder}). Immutable and safe to
 * share between threads.
 */
public final class RfmResult {
    private final CustomerTable customers;
    private final IngestionReport report;
    private final ScoringModel model;
    private final RfmScores scores;
    private final SegmentScheme scheme;
    private final List<Segment> segments;
    private final byte[] segmentOfRow;
    private final List<SegmentCount> counts;

    RfmResult(CustomerTable customers, IngestionReport report, ScoringModel model, RfmScores scores,
            SegmentScheme scheme, List<Segment> segments, byte[] segmentOfRow) {
        this.customers = customers;
        this.report = report;
        this.model = model;
        this.scores = scores;
        this.scheme = scheme;
        this.segments = segments;
        this.segmentOfRow = segmentOfRow;
        this.counts = count();
    }

    private List<SegmentCount> count() {
        int[] n = new int[segments.size()];
        long[] orders = new long[segments.size()];
        long[] revenue = new long[segments.size()];
        for (int i = 0; i < segmentOfRow.length; i++) {
            int s = segmentOfRow[i];
            n[s]++;
            orders[s] += customers.frequency(i);
            revenue[s] = Math.addExact(revenue[s], customers.totalAmountUnits(i));
        }
        List<SegmentCount> list = new ArrayList<>();
        for (int s = 0; s < n.length; s++) {
            list.add(new SegmentCount(segments.get(s), n[s], orders[s], Amounts.toDecimal(revenue[s])));
        }
        return List.copyOf(list);
    }

    /** The number of customers. */
    public int size() {
        return segmentOfRow.length;
    }

    /** The as-of date of the analysis. */
    public LocalDate asOf() {
        return customers.asOf();
    }

    /** The customers' metrics. */
    public CustomerTable customers() {
        return customers;
    }

    /** What happened to every order line. */
    public IngestionReport report() {
        return report;
    }

    /** The model that scored the customers (fitted to them, or given). */
    public ScoringModel model() {
        return model;
    }

    /** The customers' scores, aligned with the rows. */
    public RfmScores scores() {
        return scores;
    }

    /** The segment scheme. */
    public SegmentScheme scheme() {
        return scheme;
    }

    /**
     * The segment of a row, after the engagement overlay.
     *
     * @param row the row, 0-based
     * @return the segment
     */
    public Segment segment(int row) {
        return segments.get(segmentOfRow[row]);
    }

    /**
     * One row as a record.
     *
     * @param row the row, 0-based
     * @return the customer's result
     */
    public ScoredCustomer customer(int row) {
        return new ScoredCustomer(customers.customerId(row), customers.recencyDays(row), customers.frequency(row),
                customers.monetaryDecimal(row, 2), customers.totalAmount(row), scores.get(row), segment(row));
    }

    /** Every row as a record, in row order; a view, built as it is read. */
    public List<ScoredCustomer> rows() {
        return new AbstractList<>() {
            @Override
            public ScoredCustomer get(int index) {
                return customer(index);
            }

            @Override
            public int size() {
                return segmentOfRow.length;
            }
        };
    }

    /**
     * Customers, orders and revenue per segment: every segment of the scheme and of the overlay, in
     * scheme order, the overlay's targets last, including segments without customers.
     *
     * @return the counts, immutable
     */
    public List<SegmentCount> segmentCounts() {
        return counts;
    }

    @Override
    public String toString() {
        return "RfmResult[" + size() + " customers, asOf=" + asOf() + ", strategy=" + model.strategy() + ", scheme="
                + scheme.name() + "]";
    }
}
