package dev.rfmkit.report;

import dev.rfmkit.RfmResult;
import dev.rfmkit.metrics.CustomerTable;
import dev.rfmkit.order.Amounts;
import dev.rfmkit.segment.Segment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per segment: customers and their share, orders, revenue and its share, average order value, and
 * the mean and median recency, frequency and monetary value; with a total row whose counts and
 * revenue equal the input's.
 *
 * <p>Revenue is the exact sum of the customers' included amounts (whatever the monetary mode); the
 * monetary statistics use each customer's monetary value to four decimals. Medians of an even number
 * of values are the mean of the two middle ones. Segments without customers have rows with zero
 * counts and NaN means and medians.
 *
 * <p>Mergeable: the summary of two disjoint sets of customers, {@linkplain #merge merged}, equals the
 * summary of their union (it keeps each segment's values, so medians stay exact). Immutable and safe
 * to share between threads.
 */
public final class SegmentSummary {
    private final List<Segment> segments;
    private final Map<String, Part> parts;

    /** One segment's customers: revenue, and the sorted values behind the statistics. */
    private record Part(long revenueUnits, SortedValues recency, SortedValues frequency, SortedValues monetaryUnits) {
        static final Part EMPTY = new Part(0, SortedValues.EMPTY, SortedValues.EMPTY, SortedValues.EMPTY);

        Part merge(Part o) {
            return new Part(Math.addExact(revenueUnits, o.revenueUnits), recency.merge(o.recency),
                    frequency.merge(o.frequency), monetaryUnits.merge(o.monetaryUnits));
        }
    }

    private SegmentSummary(List<Segment> segments, Map<String, Part> parts) {
        this.segments = List.copyOf(segments);
        this.parts = Collections.unmodifiableMap(parts);
    }

    /**
     * The summary of a result: a row for every segment of its counts (the scheme's segments and the
     * overlay's), in that order, including segments without customers.
     *
     * @param result the scored customers
     * @return the summary
     */
    public static SegmentSummary of(RfmResult result) {
        Objects.requireNonNull(result, "result");
        List<Segment> order = new ArrayList<>();
        result.segmentCounts().forEach(c -> order.add(c.segment()));
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            index.put(order.get(i).id(), i);
        }
        int s = order.size();
        CustomerTable t = result.customers();
        int[] counts = new int[s];
        for (int row = 0; row < t.size(); row++) {
            counts[index.get(result.segment(row).id())]++;
        }
        long[][] recency = new long[s][];
        long[][] frequency = new long[s][];
        long[][] monetary = new long[s][];
        long[] revenue = new long[s];
        for (int i = 0; i < s; i++) {
            recency[i] = new long[counts[i]];
            frequency[i] = new long[counts[i]];
            monetary[i] = new long[counts[i]];
        }
        int[] filled = new int[s];
        for (int row = 0; row < t.size(); row++) {
            int i = index.get(result.segment(row).id());
            int at = filled[i]++;
            recency[i][at] = t.recencyDays(row);
            frequency[i][at] = t.frequency(row);
            monetary[i][at] = t.monetaryDecimal(row, Amounts.SCALE).unscaledValue().longValueExact();
            revenue[i] = Math.addExact(revenue[i], t.totalAmountUnits(row));
        }
        Map<String, Part> parts = new LinkedHashMap<>();
        for (int i = 0; i < s; i++) {
            parts.put(order.get(i).id(), new Part(revenue[i], SortedValues.of(recency[i], counts[i]),
                    SortedValues.of(frequency[i], counts[i]), SortedValues.of(monetary[i], counts[i])));
        }
        return new SegmentSummary(order, parts);
    }

    /**
     * The summary of this summary's customers and another's, which must be other customers: rows for
     * this summary's segments, then the other's segments this one lacks.
     *
     * @param other the summary of other customers
     * @return the merged summary
     * @throws IllegalArgumentException if a segment id has different names in the two summaries
     */
    public SegmentSummary merge(SegmentSummary other) {
        List<Segment> order = new ArrayList<>(segments);
        Map<String, Part> merged = new LinkedHashMap<>(parts);
        for (Segment s : other.segments) {
            Segment mine = segments.stream().filter(x -> x.id().equals(s.id())).findFirst().orElse(null);
            if (mine == null) {
                order.add(s);
                merged.put(s.id(), other.parts.get(s.id()));
            } else if (!mine.equals(s)) {
                throw new IllegalArgumentException("segment " + s.id() + " is named \"" + mine.displayName() + "\" here and \""
                        + s.displayName() + "\" in the other summary");
            } else {
                merged.put(s.id(), merged.get(s.id()).merge(other.parts.get(s.id())));
            }
        }
        return new SegmentSummary(order, merged);
    }

    /** The segments, in row order. */
    public List<Segment> segments() {
        return segments;
    }

    /** A row per segment, in {@link #segments()} order. */
    public List<Row> rows() {
        Part all = total0();
        List<Row> rows = new ArrayList<>();
        for (Segment s : segments) {
            rows.add(row(Optional.of(s), parts.get(s.id()), all));
        }
        return List.copyOf(rows);
    }

    /**
     * The row of one segment.
     *
     * @param segmentId the segment id
     * @return the row, if the summary has that segment
     */
    public Optional<Row> row(String segmentId) {
        Part p = parts.get(segmentId);
        return p == null ? Optional.empty()
                : Optional.of(row(segments.stream().filter(s -> s.id().equals(segmentId)).findFirst(), p, total0()));
    }

    /** The total over every segment: all customers, orders and revenue. */
    public Row total() {
        Part all = total0();
        return row(Optional.empty(), all, all);
    }

    private Part total0() {
        Part all = Part.EMPTY;
        for (Segment s : segments) {
            all = all.merge(parts.get(s.id()));
        }
        return all;
    }

    private static Row row(Optional<Segment> segment, Part p, Part all) {
        long customers = p.recency().size();
        long orders = p.frequency().sum();
        BigDecimal revenue = Amounts.toDecimal(p.revenueUnits());
        return new Row(segment, customers, all.recency().size() == 0 ? 0 : (double) customers / all.recency().size(),
                orders, revenue, all.revenueUnits() <= 0 ? 0 : (double) p.revenueUnits() / all.revenueUnits(),
                orders == 0 ? BigDecimal.ZERO.setScale(2) : revenue.divide(BigDecimal.valueOf(orders), 2,
                        RoundingMode.HALF_EVEN),
                mean(p.recency(), 1), median(p.recency(), 1), mean(p.frequency(), 1), median(p.frequency(), 1),
                mean(p.monetaryUnits(), Amounts.UNITS_PER_CURRENCY_UNIT),
                median(p.monetaryUnits(), Amounts.UNITS_PER_CURRENCY_UNIT));
    }

    private static double mean(SortedValues v, long unit) {
        return v.size() == 0 ? Double.NaN : (double) v.sum() / v.size() / unit;
    }

    private static double median(SortedValues v, long unit) {
        return v.size() == 0 ? Double.NaN : v.twiceMedian() / 2.0 / unit;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentSummary s && segments.equals(s.segments) && parts.equals(s.parts);
    }

    @Override
    public int hashCode() {
        return segments.hashCode() * 31 + parts.hashCode();
    }

    @Override
    public String toString() {
        return "SegmentSummary" + rows();
    }

    /**
     * One segment's figures (or the total's).
     *
     * @param segment the segment, empty for the total row
     * @param customers the number of customers
     * @param customerShare customers as a share of all customers, 0..1
     * @param orders the number of orders
     * @param revenue the exact revenue
     * @param revenueShare revenue as a share of all revenue, 0..1 (0 when the total is not positive)
     * @param averageOrderValue revenue per order, rounded half to even to two decimals (0 without orders)
     * @param meanRecency the mean recency in days (NaN without customers)
     * @param medianRecency the median recency in days
     * @param meanFrequency the mean number of orders
     * @param medianFrequency the median number of orders
     * @param meanMonetary the mean monetary value
     * @param medianMonetary the median monetary value
     */
    public record Row(Optional<Segment> segment, long customers, double customerShare, long orders, BigDecimal revenue,
            double revenueShare, BigDecimal averageOrderValue, double meanRecency, double medianRecency,
            double meanFrequency, double medianFrequency, double meanMonetary, double medianMonetary) {
    }
}
