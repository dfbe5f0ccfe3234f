package dev.rfmkit.score;

import dev.rfmkit.metrics.CustomerTable;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The binning of the R package {@code rfm} (version 0.3.0), for users who migrate from it and want
 * the same scores on the same data.
 *
 * <p>Per dimension, with q_1..q_(k-1) the type-7 quantiles of the values at probabilities j/k, the
 * edges are e_0 = min, e_j = q_j + 1, e_k = max + 1, and bin i is [e_(i-1), e_i): closed on the
 * left. So a value's bin is the number of inner edges at or below it, and F and M score bin + 1,
 * R scores k - bin. Instead of quantiles, a dimension can take k-1 explicit breakpoints, used as
 * edges as given (no + 1), as the package's custom bins are.
 *
 * <p>The package counts every input row as a transaction: read orders without an order id so that
 * frequency is the number of rows per customer. Values outside the fitted [min, max + 1) (possible
 * only for customers scored later with the model) fall in the first or last bin.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class RfmPackageStrategy implements ScoringStrategy {
    static final String NAME = "rfm-package";

    private final int k;
    private final Map<Dimension, double[]> breakpoints;

    RfmPackageStrategy(int k, Map<Dimension, double[]> breakpoints) {
        this.k = k;
        this.breakpoints = breakpoints;
    }

    /**
     * The same strategy with explicit breakpoints for one dimension instead of quantiles.
     *
     * @param dimension the dimension
     * @param edges the k-1 inner edges, ascending (repeats allowed), finite
     * @return a new strategy
     * @throws IllegalArgumentException if there are not k-1 edges, or they descend or are not finite
     */
    public RfmPackageStrategy withBreakpoints(Dimension dimension, double... edges) {
        Objects.requireNonNull(dimension, "dimension");
        if (edges.length != k - 1) {
            throw new IllegalArgumentException(dimension.letter() + " breakpoints: " + k + " bins need " + (k - 1)
                    + " breakpoints (was " + edges.length + ")");
        }
        for (int i = 0; i < edges.length; i++) {
            if (!Double.isFinite(edges[i])) {
                throw new IllegalArgumentException(dimension.letter() + " breakpoint " + (i + 1) + " is not finite");
            }
            if (i > 0 && edges[i] < edges[i - 1]) {
                throw new IllegalArgumentException(dimension.letter() + " breakpoints must be ascending ("
                        + edges[i - 1] + " before " + edges[i] + ")");
            }
        }
        Map<Dimension, double[]> copy = new EnumMap<>(Dimension.class);
        copy.putAll(breakpoints);
        copy.put(dimension, edges.clone());
        return new RfmPackageStrategy(k, copy);
    }

    /**
     * The explicit breakpoints of a dimension, if it has any.
     *
     * @param dimension the dimension
     * @return a copy of its breakpoints, or empty when it is binned by quantiles
     */
    public Optional<double[]> breakpoints(Dimension dimension) {
        double[] edges = breakpoints.get(dimension);
        return edges == null ? Optional.empty() : Optional.of(edges.clone());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int bins() {
        return k;
    }

    @Override
    public ScoringFit fit(CustomerTable customers) {
        return Fitting.byCutPoints(NAME, k, customers, this::edges, false);
    }

    @Override
    public ScoringModel fitModel(int[] recencyDays, int[] frequency, double[] monetary) {
        Fitting.checkColumns(recencyDays, frequency, monetary);
        return Fitting.modelByCutPoints(NAME, k, recencyDays, frequency, monetary, this::edges, false);
    }

    private double[] edges(Dimension dimension, OrderStatistics values) {
        double[] given = breakpoints.get(dimension);
        if (given != null) {
            return given.clone();
        }
        double[] edges = values.type7CutPoints(k);
        for (int j = 0; j < edges.length; j++) {
            edges[j] += 1;
        }
        return edges;
    }

    @Override
    public ScoringModel fitModel(ValueCounts recencyDays, ValueCounts frequency, RankedValues monetary) {
        Fitting.checkDistributions(recencyDays, frequency, monetary);
        return Fitting.modelByCutPoints(NAME, k, recencyDays, frequency, monetary, this::edges, false);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("rfm-package(").append(k);
        breakpoints.forEach((d, e) -> sb.append(", ").append(d.letter()).append('=').append(Arrays.toString(e)));
        return sb.append(')').toString();
    }
}
