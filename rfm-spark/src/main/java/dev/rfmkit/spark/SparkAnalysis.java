package dev.rfmkit.spark;

import dev.rfmkit.jackson.EngagementCsvReader;
import dev.rfmkit.jackson.OrderCsvFormat;
import dev.rfmkit.jackson.OrderCsvReader;
import dev.rfmkit.jackson.RejectListener;
import dev.rfmkit.metrics.MonetaryMode;
import dev.rfmkit.order.Amounts;
import dev.rfmkit.order.CustomerIdOrder;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.IngestionReport;
import dev.rfmkit.order.OrderIngestion;
import dev.rfmkit.score.EqualCountStrategy;
import dev.rfmkit.score.KMeansStrategy;
import dev.rfmkit.score.RankedValues;
import dev.rfmkit.score.RfmScore;
import dev.rfmkit.score.ScoringModel;
import dev.rfmkit.score.ScoringStrategy;
import dev.rfmkit.score.ValueCounts;
import dev.rfmkit.segment.EngagementFacts;
import dev.rfmkit.segment.EngagementOverlay;
import dev.rfmkit.segment.Segment;
import dev.rfmkit.segment.SegmentScheme;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * RFM analysis of order lines held in a Spark {@link Dataset}: the same metrics, fitted model, scores
 * and segments as the in-process {@link dev.rfmkit.RfmAnalysis} gives for the same lines, computed on
 * the cluster.
 *
 * <p>How: the lines are partitioned by customer id (so every customer is whole in one partition) and
 * each partition is read and ingested by the library itself ({@link OrderCsvReader#fieldReader},
 * {@link OrderIngestion}): the same checks, exclusion reasons and exact money arithmetic; the
 * partitions' reports add up to the report of all lines. The fit needs only the distribution of each
 * dimension, summarised on the cluster ({@link #fit}): the driver never holds a row per customer. The
 * fitted model is broadcast to score.
 *
 * <p>Lines have no line numbers here: rejects carry none, and a strict ingestion's error names the
 * record's content instead of its line.
 *
 * <p>Immutable; {@link #run} may be called many times.
 */
public final class SparkAnalysis {
    /** The columns of {@link SparkResult#customers()}. */
    static final StructType CUSTOMERS = new StructType()
            .add("customer_id", DataTypes.StringType, false)
            .add("recency_days", DataTypes.IntegerType, false)
            .add("frequency", DataTypes.IntegerType, false)
            .add("monetary", DataTypes.DoubleType, false)
            .add("total_amount", DataTypes.createDecimalType(38, Amounts.SCALE), false)
            .add("first_order_date", DataTypes.DateType, false)
            .add("last_order_date", DataTypes.DateType, false);

    /** The columns of {@link SparkResult#scored()}: the customers' and the scores and segment. */
    static final StructType SCORED = CUSTOMERS
            .add("r", DataTypes.IntegerType, false)
            .add("f", DataTypes.IntegerType, false)
            .add("m", DataTypes.IntegerType, false)
            .add("rfm", DataTypes.StringType, false)
            .add("segment", DataTypes.StringType, false);

    /** The column the lines are grouped by: the stripped customer id. */
    private static final String PARTITION_KEY = "__rfmkit_customer";

    /** Engagement facts of one record. */
    private static final StructType FACTS = new StructType()
            .add("engaged_id", DataTypes.StringType, false)
            .add("last_email_click", DataTypes.DateType, true)
            .add("last_site_visit", DataTypes.DateType, true);

    /** The columns of {@link SparkResult#rejects()}. */
    static final StructType REJECTS = new StructType()
            .add("reason", DataTypes.StringType, false)
            .add("column", DataTypes.StringType, true)
            .add("message", DataTypes.StringType, false)
            .add("content", DataTypes.StringType, false);

    private final OrderCsvFormat format;
    private final IngestionOptions ingestion;
    private final MonetaryMode monetary;
    private final ScoringStrategy strategy;
    private final ScoringModel model;
    private final SegmentScheme scheme;
    private final EngagementOverlay overlay;
    private final Dataset<Row> engagement;
    private final int partitions;

    private SparkAnalysis(Builder b) {
        this.format = b.format;
        this.ingestion = b.ingestion;
        this.monetary = b.monetary;
        this.strategy = b.strategy;
        this.model = b.model;
        this.scheme = b.scheme;
        this.overlay = b.overlay != null ? b.overlay : b.scheme.overlay();
        this.engagement = b.engagement;
        this.partitions = b.partitions;
    }

    /**
     * A builder with the command line's defaults: the default orders format, default ingestion
     * options, total money, quantile scoring with 5 bins, the {@code twelve} scheme.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the analysis.
     *
     * @param orders the order lines, with the format's columns (found by name, ignoring case); columns
     *     that are not strings are cast to strings by Spark first (give amounts as strings or decimals:
     *     a double such as {@code 1.0E7} is not a decimal number here)
     * @return the result; its Datasets are computed when used, from ingested partitions kept in
     *     memory or on disk
     * @throws dev.rfmkit.order.OrderDataException if a required column is missing or named twice
     * @throws IllegalStateException if no line is included and no as-of date was given
     */
    public SparkResult run(Dataset<Row> orders) {
        Objects.requireNonNull(orders, "orders");
        SparkSession spark = orders.sparkSession();
        int partitionCount = partitions(orders);
        List<String> header = Arrays.asList(orders.columns());
        // the header is checked here, on the driver, as a file's header is before its lines
        OrderIngestion check = OrderIngestion.start(IngestPartition.partitionOptions(ingestion));
        int customerColumn = OrderCsvReader.of(format).fieldReader(header, check, RejectListener.none())
                .customerColumn();
        Column[] asText = Arrays.stream(orders.columns())
                .map(c -> orders.col(quoted(c)).cast(DataTypes.StringType)).toArray(Column[]::new);
        // grouped by the customer id as the library compares ids (stripped), in Spark's own row shuffle
        int columns = header.size();
        UserDefinedFunction strip = functions.udf((UDF1<String, String>) id -> id == null ? "" : id.strip(),
                DataTypes.StringType);
        Dataset<Row> text = orders.select(asText);
        Column customer = text.col(quoted(orders.columns()[customerColumn]));
        JavaRDD<String[]> keyed = text.withColumn(PARTITION_KEY, strip.apply(customer))
                .repartition(partitionCount, functions.col(PARTITION_KEY))
                .javaRDD()
                .map(row -> fields(row, columns));

        IngestionOptions options = ingestion;
        if (options.asOf().isEmpty() && options.windowDays().isPresent()) {
            // as the command line does: the as-of date from the lines without the window, then the window
            IngestionOptions first = IngestionOptions.defaults().withReturns(options.returns())
                    .withExcludedStatuses(options.excludedStatuses());
            IngestedPart.Counts counts = keyed.mapPartitions(new IngestPartition(format, header,
                    IngestionSpec.of(first), false)).map(p -> p.counts).fold(IngestedPart.Counts.none(),
                            IngestedPart.Counts::plus);
            options = options.withAsOf(asOf(counts));
        }
        JavaRDD<IngestedPart> parts = keyed.mapPartitions(new IngestPartition(format, header,
                IngestionSpec.of(options), true)).persist(StorageLevel.MEMORY_AND_DISK());
        IngestedPart.Counts counts = parts.map(p -> p.counts).fold(IngestedPart.Counts.none(),
                IngestedPart.Counts::plus);
        LocalDate asOf = options.asOf().orElseGet(() -> asOf(counts));
        IngestionReport report = counts.report(asOf);

        Dataset<Row> customers = spark.createDataFrame(parts.flatMap(new CustomerRows(asOf.toEpochDay(), monetary)),
                CUSTOMERS).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> rejects = spark.createDataFrame(parts.flatMap(p -> p.rejects.stream()
                .map(r -> RowFactory.create(r.reason, r.column, r.message, r.content)).iterator()), REJECTS);
        if (customers.isEmpty()) {
            throw new IllegalStateException("no customer has an order: nothing to score");
        }
        ScoringModel used = model != null ? model : fit(strategy, customers);
        List<Segment> segments = new ArrayList<>(scheme.segments());
        for (Segment target : overlay.targets()) {
            if (!segments.contains(target)) {
                segments.add(target);
            }
        }
        Broadcast<Scorer> scorer = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(new Scorer(used, scheme, segments, overlay, asOf));
        boolean numeric = customers.javaRDD().filter(c -> !CustomerIdOrder.isInteger(c.getString(0))).isEmpty();
        // an equal-count fit scores its customers by rank, ties split by customer id: ranked on the cluster
        boolean byRank = model == null && strategy instanceof EqualCountStrategy;
        Dataset<Row> toScore = customers;
        if (byRank) {
            long n = customers.count();
            int k = strategy.bins();
            String[][] dimensions = {{"recency_days", "r_bin"}, {"frequency", "f_bin"}, {"monetary", "m_bin"}};
            for (String[] d : dimensions) {
                Dataset<Row> bins = rankBins(customers, d[0], d[1], k, n, numeric, partitionCount);
                toScore = toScore.join(bins, toScore.col("customer_id").equalTo(bins.col("ranked_id")))
                        .drop("ranked_id");
            }
        }
        boolean withFacts = engagement != null;
        if (withFacts) {
            toScore = toScore.join(engagementFacts(engagement), toScore.col("customer_id").equalTo(
                    functions.col("engaged_id")), "left");
        }
        Dataset<Row> scored = spark.createDataFrame(toScore.javaRDD().mapPartitions(rows -> {
            Scorer s = scorer.value();
            List<Row> out = new ArrayList<>();
            while (rows.hasNext()) {
                Row c = rows.next();
                RfmScore score = byRank
                        ? RfmScore.of(s.bins() - c.getInt(c.fieldIndex("r_bin")), c.getInt(c.fieldIndex("f_bin")) + 1,
                                c.getInt(c.fieldIndex("m_bin")) + 1)
                        : s.score(c.getInt(1), c.getInt(2), c.getDouble(3));
                Optional<EngagementFacts> facts = !withFacts || c.isNullAt(c.fieldIndex("engaged_id"))
                        ? Optional.empty() : Optional.of(EngagementFacts.of(localDate(c, "last_email_click"),
                                localDate(c, "last_site_visit")));
                out.add(RowFactory.create(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6),
                        score.r(), score.f(), score.m(), score.code(), s.segmentId(score, facts)));
            }
            return out.iterator();
        }), SCORED);
        return new SparkResult(asOf, report, used, monetary, scheme, segments, customers, scored, rejects,
                numeric ? CustomerIdOrder.NUMERIC : CustomerIdOrder.LEXICOGRAPHIC, partitionCount);
    }

    /**
     * The equal-count bin of every customer in one dimension: customers sorted by value, then customer
     * id, on the cluster; rank p of n goes to {@link EqualCountStrategy#binOfRank}.
     */
    private static Dataset<Row> rankBins(Dataset<Row> customers, String column, String as, int k, long n,
            boolean numeric, int partitions) {
        JavaRDD<Row> bins = customers.select("customer_id", column).javaRDD()
                .sortBy(row -> new RankKey(((Number) row.get(1)).doubleValue(), new IdKey(row.getString(0), numeric)),
                        true, partitions)
                .zipWithIndex()
                .mapPartitions(ranked -> {
                    EqualCountStrategy s = ScoringStrategy.equalCount(k);
                    List<Row> out = new ArrayList<>();
                    while (ranked.hasNext()) {
                        Tuple2<Row, Long> t = ranked.next();
                        out.add(RowFactory.create(t._1().getString(0), s.binOfRank(t._2() + 1, n)));
                    }
                    return out.iterator();
                });
        return customers.sparkSession().createDataFrame(bins, new StructType()
                .add("ranked_id", DataTypes.StringType, false).add(as, DataTypes.IntegerType, false));
    }

    /** Customers in rank order: by value, then by customer id. A class: Spark's Kryo cannot write records. */
    private static final class RankKey implements Comparable<RankKey>, java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final double value;
        private final IdKey id;

        RankKey(double value, IdKey id) {
            this.value = value + 0.0; // -0.0 ranks as 0.0
            this.id = id;
        }

        @Override
        public int compareTo(RankKey o) {
            int c = Double.compare(value, o.value);
            return c != 0 ? c : id.compareTo(o.id);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RankKey k && compareTo(k) == 0;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(value) * 31 + id.hashCode();
        }
    }

    /** The first columns of a row of text columns as fields, null read as empty (as a file's empty field). */
    private static String[] fields(Row row, int columns) {
        String[] fields = new String[columns];
        for (int i = 0; i < columns; i++) {
            fields[i] = row.isNullAt(i) ? "" : row.getString(i);
        }
        return fields;
    }

    private static Optional<LocalDate> localDate(Row row, String column) {
        int i = row.fieldIndex(column);
        return row.isNullAt(i) ? Optional.empty() : Optional.of(row.getDate(i).toLocalDate());
    }

    /**
     * Engagement facts by customer: each record read by the library's engagement rules, a customer
     * listed twice keeping the later date of each kind.
     */
    private Dataset<Row> engagementFacts(Dataset<Row> rows) {
        List<String> header = Arrays.asList(rows.columns());
        EngagementCsvReader.of(format).fieldReader(header); // checks the header on the driver
        OrderCsvFormat f = format;
        Column[] asText = Arrays.stream(rows.columns())
                .map(c -> rows.col(quoted(c)).cast(DataTypes.StringType)).toArray(Column[]::new);
        JavaRDD<Row> facts = rows.select(asText).javaRDD().mapPartitions(records -> {
            EngagementCsvReader.FieldReader reader = EngagementCsvReader.of(f).fieldReader(header);
            List<Row> out = new ArrayList<>();
            while (records.hasNext()) {
                Row r = records.next();
                Map.Entry<String, EngagementFacts> e = reader.read(0, fields(r, r.size()));
                out.add(RowFactory.create(e.getKey(), e.getValue().lastEmailClick().map(Date::valueOf).orElse(null),
                        e.getValue().lastSiteVisit().map(Date::valueOf).orElse(null)));
            }
            return out.iterator();
        });
        return rows.sparkSession().createDataFrame(facts, FACTS).groupBy("engaged_id")
                .agg(functions.max("last_email_click").as("last_email_click"),
                        functions.max("last_site_visit").as("last_site_visit"));
    }

    private static LocalDate asOf(IngestedPart.Counts counts) {
        if (counts.latestDay == IngestedPart.NO_DAY) {
            throw new IllegalStateException("no order line was included, so no as-of date can be derived");
        }
        return LocalDate.ofEpochDay(counts.latestDay + 1L);
    }

    /** The partitions given, or as many as the input has and at least the session's default parallelism. */
    private int partitions(Dataset<Row> orders) {
        return partitions > 0 ? partitions
                : Math.max(orders.sparkSession().sparkContext().defaultParallelism(), orders.rdd().getNumPartitions());
    }

    /**
     * Fits a model to customers on the cluster: the model an in-process fit of the same customers
     * gives. Recency and frequency are aggregated into their distributions ({@link ValueCounts}, a
     * {@code GROUP BY}); so is money for K-Means, which clusters every distinct value. For the other
     * strategies money stays on the cluster ({@link RankedMoney}): the few order statistics the cut
     * points need are found by narrowing histograms, in a few passes. The driver holds 16 bytes per
     * distinct recency and frequency value; for money, K-Means 16 bytes per distinct amount, the others
     * at most 512 KiB of counts per cut point's rank.
     *
     * @param strategy a strategy that fits from distributions, as every built-in one does (for
     *     equal-count this is its model; its fit's own scores split ties, see {@link #run})
     * @param customers rows with the columns {@code recency_days} (int), {@code frequency} (int) and
     *     {@code monetary} (double), such as {@link SparkResult#customers()}
     * @return the model
     * @throws IllegalArgumentException if there are no customers, or the values cannot be fitted
     */
    public static ScoringModel fit(ScoringStrategy strategy, Dataset<Row> customers) {
        RankedValues money = strategy instanceof KMeansStrategy ? valueCounts(customers, "monetary")
                : new RankedMoney(customers.select("monetary").javaRDD().map(r -> ((Number) r.get(0)).doubleValue()));
        return strategy.fitModel(valueCounts(customers, "recency_days"), valueCounts(customers, "frequency"), money);
    }

    /** The distribution of a column of the customers, aggregated on the cluster. */
    private static ValueCounts valueCounts(Dataset<Row> customers, String column) {
        List<Row> rows = customers.groupBy(column).count().collectAsList();
        double[] values = new double[rows.size()];
        long[] counts = new long[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ((Number) rows.get(i).get(0)).doubleValue();
            counts[i] = rows.get(i).getLong(1);
        }
        return ValueCounts.of(values, counts);
    }

    private static String quoted(String column) {
        return "`" + column.replace("`", "``") + "`";
    }

    /** The metrics of each customer of a partition, as of the analysis date. */
    private static final class CustomerRows
            implements org.apache.spark.api.java.function.FlatMapFunction<IngestedPart, Row> {
        private static final long serialVersionUID = 1L;
        private final long asOfDay;
        private final MonetaryMode mode;

        CustomerRows(long asOfDay, MonetaryMode mode) {
            this.asOfDay = asOfDay;
            this.mode = mode;
        }

        @Override
        public java.util.Iterator<Row> call(IngestedPart p) {
            List<Row> rows = new ArrayList<>(p.ids.length);
            for (int i = 0; i < p.ids.length; i++) {
                rows.add(RowFactory.create(p.ids[i], Math.toIntExact(asOfDay - p.lastDay[i]), p.orders[i],
                        mode.value(p.units[i], p.orders[i]), Amounts.toDecimal(p.units[i]),
                        Date.valueOf(LocalDate.ofEpochDay(p.firstDay[i])),
                        Date.valueOf(LocalDate.ofEpochDay(p.lastDay[i]))));
            }
            return rows.iterator();
        }
    }

    /** Builds a {@link SparkAnalysis}. */
    public static final class Builder {
        private OrderCsvFormat format = OrderCsvFormat.defaults();
        private IngestionOptions ingestion = IngestionOptions.defaults();
        private MonetaryMode monetary = MonetaryMode.TOTAL;
        private ScoringStrategy strategy = ScoringStrategy.quantile();
        private ScoringModel model;
        private SegmentScheme scheme = SegmentScheme.twelve();
        private EngagementOverlay overlay;
        private Dataset<Row> engagement;
        private int partitions;

        private Builder() {
        }

        /**
         * The columns of the order lines and how their fields are read.
         *
         * @param format the format (its delimiter matters only to {@link SparkOrders#readCsv})
         * @return this builder
         */
        public Builder format(OrderCsvFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * The ingestion rules: as-of date, window, returns, excluded statuses, strictness.
         *
         * @param options the options
         * @return this builder
         */
        public Builder ingestion(IngestionOptions options) {
            this.ingestion = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Total or average order value as monetary value.
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder monetary(MonetaryMode mode) {
            this.monetary = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * The scoring strategy to fit on the cluster. It must fit from distributions
         * ({@link ScoringStrategy#fitModel(ValueCounts, ValueCounts, ValueCounts)}), as every built-in
         * strategy does; an equal-count fit also ranks the customers of each dimension on the cluster
         * (a sort by value and customer id), since its own scores split ties by customer.
         *
         * @param strategy the strategy
         * @return this builder
         */
        public Builder strategy(ScoringStrategy strategy) {
            this.strategy = Objects.requireNonNull(strategy, "strategy");
            this.model = null;
            return this;
        }

        /**
         * A fitted model to score with instead of fitting one.
         *
         * @param model the model
         * @return this builder
         */
        public Builder model(ScoringModel model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * The segment scheme.
         *
         * @param scheme the scheme
         * @return this builder
         */
        public Builder scheme(SegmentScheme scheme) {
            this.scheme = Objects.requireNonNull(scheme, "scheme");
            return this;
        }

        /**
         * The engagement overlay (default: the scheme's own). Its rules must test recent activity
         * ({@link dev.rfmkit.segment.RecentActivity}), the kind that travels to the tasks.
         *
         * @param overlay the overlay
         * @return this builder
         */
        public Builder overlay(EngagementOverlay overlay) {
            this.overlay = Objects.requireNonNull(overlay, "overlay");
            return this;
        }

        /**
         * Engagement data for the overlay: rows with {@code customer_id} and {@code last_email_click}
         * and/or {@code last_site_visit}, read as the command line reads an engagement file (the
         * format's date pattern and zone; a blank id or bad date fails the run). Without it no
         * customer's segment is changed by the overlay.
         *
         * @param engagement the rows
         * @return this builder
         */
        public Builder engagement(Dataset<Row> engagement) {
            this.engagement = Objects.requireNonNull(engagement, "engagement");
            return this;
        }

        /**
         * The number of partitions the lines are grouped into by customer (default: as many as the
         * input has, at least the session's default parallelism): each partition's customers and order
         * ids are held by one task. Results do not depend on it.
         *
         * @param count the number of partitions, at least 1
         * @return this builder
         */
        public Builder partitions(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("partitions must be at least 1 (was " + count + ")");
            }
            this.partitions = count;
            return this;
        }

        /**
         * The analysis.
         *
         * @return the analysis
         * @throws IllegalArgumentException if the scheme's bins differ from the strategy's or model's
         */
        public SparkAnalysis build() {
            int k = model != null ? model.bins() : strategy.bins();
            scheme.checkBins(k);
            return new SparkAnalysis(this);
        }
    }
}
