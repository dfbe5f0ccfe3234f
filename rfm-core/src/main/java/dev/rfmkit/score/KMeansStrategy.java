package dev.rfmkit.score;

import dev.rfmkit.metrics.CustomerTable;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * K-Means scoring: per dimension, the exact optimal clustering of the customers' values into k
 * clusters ({@link OptimalKMeans}), ordered by centre; the cluster index is the bin, so frequency and
 * monetary score index + 1 and recency k - index. No randomness: the same customers always give the
 * same clusters, whatever their order.
 *
 * <p>With the {@link KMeansTransform#LOG1P log1p} transform, every dimension is clustered as
 * log(1 + value) and the centres are in that space. A dimension with fewer than k distinct values
 * makes one cluster per value, and the levels beyond them stay unused.
 *
 * <p>The fitted {@link KMeansModel} scores a value by its nearest centre: the boundary between two
 * adjacent clusters is the midpoint of their centres, and a value exactly on it goes to the lower
 * cluster. On the fitting data this gives back the fitted partition. Fitting takes O(n) for recency
 * and frequency (their values are counted), a radix sort for money, then O(k d log d) for d
 * distinct values.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class KMeansStrategy implements ScoringStrategy {
    static final String NAME = "kmeans";

    private final int k;
    private final KMeansTransform transform;

    KMeansStrategy(int k, KMeansTransform transform) {
        this.k = k;
        this.transform = Objects.requireNonNull(transform, "transform");
    }

    /**
     * The same strategy with another transform.
     *
     * @param transform the transform applied to every dimension before clustering
     * @return a new strategy
     */
    public KMeansStrategy withTransform(KMeansTransform transform) {
        return new KMeansStrategy(k, transform);
    }

    /** The transform applied to every dimension before clustering. */
    public KMeansTransform transform() {
        return transform;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int bins() {
        return k;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The model is a {@link KMeansModel}.
     *
     * @throws IllegalArgumentException also if the transform is log1p and a customer's monetary
     *     value is -1 or less; the message names the customer
     */
    @Override
    public ScoringFit fit(CustomerTable customers) {
        Fitting.checkFittable(customers);
        double[] monetary = customers.monetaryColumn();
        int bad = outsideDomain(monetary);
        if (bad >= 0) {
            throw domainError("customer " + customers.customerId(bad), monetary[bad]);
        }
        KMeansModel model = fitModel(customers.recencyColumn(), customers.frequencyColumn(), monetary);
        return new ScoringFit(model, model.scoreAll(customers));
    }

    /**
     * Fits a model to customers given as primitive columns, without scoring them: the fast path for
     * large fits.
     *
     * @param recencyDays the recency column
     * @param frequency the frequency column
     * @param monetary the monetary column
     * @return the model
     * @throws IllegalArgumentException if the columns are empty or differ in length, a monetary value
     *     is not finite, or a value is outside the transform's domain; the message names the row
     */
    public KMeansModel fitModel(int[] recencyDays, int[] frequency, double[] monetary) {
        int n = recencyDays.length;
        if (frequency.length != n || monetary.length != n) {
            throw new IllegalArgumentException("columns must have the same length (recency " + n + ", frequency "
                    + frequency.length + ", monetary " + monetary.length + ")");
        }
        if (n == 0) {
            throw new IllegalArgumentException("cannot fit a model to no customers");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(monetary[i])) {
                throw new IllegalArgumentException("monetary of row " + i + " is not finite (was " + monetary[i] + ")");
            }
        }
        checkDomain(Dimension.RECENCY, recencyDays);
        checkDomain(Dimension.FREQUENCY, frequency);
        int bad = outsideDomain(monetary);
        if (bad >= 0) {
            throw domainError("row " + bad, monetary[bad]);
        }
        // checked row by row above, so that a message names the row; the rest is the fit from distributions
        return fitModel(ValueCounts.of(recencyDays), ValueCounts.of(frequency), ValueCounts.of(monetary));
    }

    /**
     * {@inheritDoc}
     *
     * <p>The model is a {@link KMeansModel}, the same as the fit of the customers counted gives. Money
     * must be a {@link ValueCounts}: the clustering reads every distinct value.
     */
    @Override
    public KMeansModel fitModel(ValueCounts recencyDays, ValueCounts frequency, RankedValues monetaryValues) {
        Fitting.checkDistributions(recencyDays, frequency, monetaryValues);
        if (!(monetaryValues instanceof ValueCounts monetary)) {
            throw new IllegalArgumentException(
                    "a K-Means fit clusters every distinct value: give money as ValueCounts");
        }
        double low = monetary.value(0);
        double high = monetary.value(monetary.distinct() - 1);
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("monetary values must be finite (was " + (Double.isFinite(low) ? high
                    : low) + ")");
        }
        checkDomain(Dimension.RECENCY, recencyDays);
        checkDomain(Dimension.FREQUENCY, frequency);
        checkDomain(Dimension.MONETARY, monetary);
        Map<Dimension, Clusters> clusters = new EnumMap<>(Dimension.class);
        clusters.put(Dimension.RECENCY, cluster(recencyDays));
        clusters.put(Dimension.FREQUENCY, cluster(frequency));
        clusters.put(Dimension.MONETARY, cluster(monetary));
        return KMeansModel.of(k, transform, clusters);
    }

    private void checkDomain(Dimension d, ValueCounts values) {
        if (transform != KMeansTransform.NONE && values.value(0) <= -1) {
            throw new IllegalArgumentException("the log1p transform needs values above -1; " + d.name().toLowerCase(
                    java.util.Locale.ROOT) + " value " + values.value(0) + " (" + values.count(0)
                    + " customers) is not");
        }
    }

    /** Clusters one dimension: transformed distinct values (merged where the transform makes them equal). */
    private Clusters cluster(ValueCounts values) {
        int n = values.distinct();
        double[] x = new double[n];
        long[] w = new long[n];
        double[] low = new double[n];
        double[] high = new double[n];
        int d = 0;
        for (int i = 0; i < n; i++) {
            double v = values.value(i);
            double t = transform.apply(v);
            if (d > 0 && t == x[d - 1]) {
                w[d - 1] += values.count(i);
                high[d - 1] = v;
            } else {
                x[d] = t;
                w[d] = values.count(i);
                low[d] = v;
                high[d] = v;
                d++;
            }
        }
        if (d < n) {
            x = Arrays.copyOf(x, d);
            w = Arrays.copyOf(w, d);
            low = Arrays.copyOf(low, d);
            high = Arrays.copyOf(high, d);
        }
        return OptimalKMeans.clustersOf(x, w, low, high, OptimalKMeans.partition(x, w, k));
    }

    private void checkDomain(Dimension d, int[] column) {
        if (transform == KMeansTransform.NONE) {
            return;
        }
        for (int i = 0; i < column.length; i++) {
            if (column[i] <= -1) {
                throw new IllegalArgumentException("the log1p transform needs values above -1; " + d.name().toLowerCase(
                        java.util.Locale.ROOT) + " of row " + i + " is " + column[i]);
            }
        }
    }

    private int outsideDomain(double[] monetary) {
        if (transform == KMeansTransform.NONE) {
            return -1;
        }
        for (int i = 0; i < monetary.length; i++) {
            if (monetary[i] <= -1) {
                return i;
            }
        }
        return -1;
    }

    private static IllegalArgumentException domainError(String who, double value) {
        return new IllegalArgumentException("the log1p transform needs values above -1; monetary of " + who + " is "
                + value);
    }

    @Override
    public String toString() {
        return "kmeans(" + k + ", " + transform.id() + ")";
    }
}
