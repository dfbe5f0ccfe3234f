package dev.rfmkit.report;

import dev.rfmkit.RfmResult;
import dev.rfmkit.segment.Segment;
import dev.rfmkit.segment.SegmentScheme;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How customers moved between segments from one snapshot to the next: the transition matrix, with
 * customers only in the later snapshot (new) and only in the earlier one (gone) as their own row and
 * column, and the inflow and outflow of every segment.
 *
 * <p>Customers are matched by id. Mergeable: the migration of two disjoint sets of customers,
 * {@linkplain #merge merged}, equals the migration of their union. Immutable and safe to share
 * between threads.
 */
public final class Migration {
    private static final Comparator<Transition> ORDER = Comparator
            .comparing((Transition t) -> t.from().orElse(""))
            .thenComparing(t -> t.to().orElse(""));

    private static final Comparator<List<String>> KEYS = Comparator.comparing((List<String> k) -> k.get(0))
            .thenComparing(k -> k.get(1));

    /** Counts by (from, to); "" stands for new (as from) and gone (as to). */
    private final Map<List<String>, Long> counts;

    private Migration(Map<List<String>, Long> counts) {
        this.counts = Collections.unmodifiableMap(counts);
    }

    /**
     * The migration between two snapshots given as customer id to segment id.
     *
     * @param before the earlier snapshot
     * @param after the later snapshot
     * @return the migration
     * @throws IllegalArgumentException if a segment id is empty
     */
    public static Migration between(Map<String, String> before, Map<String, String> after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Map<List<String>, Long> counts = new TreeMap<>(KEYS);
        for (Map.Entry<String, String> e : before.entrySet()) {
            String to = after.get(e.getKey());
            counts.merge(List.of(check(e.getValue()), to == null ? "" : check(to)), 1L, Long::sum);
        }
        for (Map.Entry<String, String> e : after.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                counts.merge(List.of("", check(e.getValue())), 1L, Long::sum);
            }
        }
        return new Migration(counts);
    }

    /**
     * The migration between two results.
     *
     * @param before the earlier result
     * @param after the later result
     * @return the migration
     */
    public static Migration between(RfmResult before, RfmResult after) {
        return between(segmentsById(before), segmentsById(after));
    }

    private static Map<String, String> segmentsById(RfmResult r) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int row = 0; row < r.size(); row++) {
            m.put(r.customers().customerId(row), r.segment(row).id());
        }
        return m;
    }

    private static String check(String segmentId) {
        if (segmentId == null || segmentId.isEmpty()) {
            throw new IllegalArgumentException("a segment id must not be empty");
        }
        return segmentId;
    }

    /**
     * The migration of this migration's customers and another's, which must be other customers.
     *
     * @param other the migration of other customers
     * @return the merged migration
     */
    public Migration merge(Migration other) {
        Map<List<String>, Long> merged = new TreeMap<>(KEYS);
        merged.putAll(counts);
        other.counts.forEach((k, v) -> merged.merge(k, v, Long::sum));
        return new Migration(merged);
    }

    /**
     * The customers that moved from one segment to another.
     *
     * @param from the earlier segment id, or empty for customers new in the later snapshot
     * @param to the later segment id, or empty for customers gone from it
     * @return the number of customers
     */
    public long customers(Optional<String> from, Optional<String> to) {
        return counts.getOrDefault(List.of(from.orElse(""), to.orElse("")), 0L);
    }

    /** Every non-zero transition, sorted by earlier then later segment id (new and gone first). */
    public List<Transition> transitions() {
        List<Transition> list = new ArrayList<>();
        counts.forEach((k, v) -> list.add(new Transition(opt(k.get(0)), opt(k.get(1)), v)));
        list.sort(ORDER);
        return List.copyOf(list);
    }

    private static Optional<String> opt(String id) {
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    /**
     * The segment ids of either snapshot, in the order of the first built-in scheme that holds them
     * all (so the twelve segments read Champions first), else alphabetically.
     */
    public List<String> segments() {
        Set<String> ids = new TreeSet<>();
        counts.keySet().forEach(k -> {
            ids.add(k.get(0));
            ids.add(k.get(1));
        });
        ids.remove("");
        for (SegmentScheme s : SegmentScheme.builtIn()) {
            List<String> order = s.segmentsWithOverlay().stream().map(Segment::id).toList();
            if (order.containsAll(ids)) {
                return order.stream().filter(ids::contains).toList();
            }
        }
        return List.copyOf(ids);
    }

    /** Customers in the segment in the later snapshot who were not in it before (new ones included). */
    public long inflow(String segmentId) {
        long n = 0;
        for (Map.Entry<List<String>, Long> e : counts.entrySet()) {
            if (e.getKey().get(1).equals(segmentId) && !e.getKey().get(0).equals(segmentId)) {
                n += e.getValue();
            }
        }
        return n;
    }

    /** Customers in the segment in the earlier snapshot who are not in it later (gone ones included). */
    public long outflow(String segmentId) {
        long n = 0;
        for (Map.Entry<List<String>, Long> e : counts.entrySet()) {
            if (e.getKey().get(0).equals(segmentId) && !e.getKey().get(1).equals(segmentId)) {
                n += e.getValue();
            }
        }
        return n;
    }

    /** Customers in the earlier snapshot. */
    public long before() {
        return counts.entrySet().stream().filter(e -> !e.getKey().get(0).isEmpty()).mapToLong(Map.Entry::getValue).sum();
    }

    /** Customers in the later snapshot. */
    public long after() {
        return counts.entrySet().stream().filter(e -> !e.getKey().get(1).isEmpty()).mapToLong(Map.Entry::getValue).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Migration m && counts.equals(m.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return "Migration" + transitions();
    }

    /**
     * Customers moving from one segment to another.
     *
     * @param from the earlier segment id; empty for customers only in the later snapshot
     * @param to the later segment id; empty for customers only in the earlier snapshot
     * @param customers how many
     */
    public record Transition(Optional<String> from, Optional<String> to, long customers) {
    }
}
