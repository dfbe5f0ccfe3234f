package dev.rfmkit;

import dev.rfmkit.metrics.CustomerTable;
import dev.rfmkit.metrics.MonetaryMode;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.IngestionResult;
import dev.rfmkit.order.OrderIngestion;
import dev.rfmkit.order.OrderLine;
import dev.rfmkit.score.RfmScores;
import dev.rfmkit.score.ScoringFit;
import dev.rfmkit.score.ScoringModel;
import dev.rfmkit.score.ScoringStrategy;
import dev.rfmkit.segment.EngagementData;
import dev.rfmkit.segment.EngagementFacts;
import dev.rfmkit.segment.EngagementOverlay;
import dev.rfmkit.segment.Segment;
import dev.rfmkit.segment.SegmentScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The common path in one object: order lines in; scored and segmented customers, the ingestion
 * report and the customers per segment out.
 *
 * <pre>{@code
 * RfmAnalysis analysis = RfmAnalysis.builder()
 *         .ingestion(IngestionOptions.defaults().withAsOf(LocalDate.of(2011, 12, 10)))
 *         .build();
 * RfmResult result = analysis.run(lines);
 * }</pre>
 *
 * <p>For inputs too large to hold, stream the lines into {@link #startIngestion()} and pass the
 * finished ingestion to {@link #analyse(IngestionResult)}. Immutable and safe to share between
 * threads; each run has its own state.
 */
public final class RfmAnalysis {
    private final IngestionOptions ingestion;
    private final MonetaryMode monetary;
    private final ScoringStrategy strategy;
    private final ScoringModel model;
    private final SegmentScheme scheme;
    private final EngagementOverlay overlay;
    private final EngagementData engagement;

    private RfmAnalysis(Builder b) {
        this.ingestion = b.ingestion;
        this.monetary = b.monetary;
        this.strategy = b.strategy;
        this.model = b.model;
        this.scheme = b.scheme;
        this.overlay = b.overlay != null ? b.overlay : b.scheme.overlay();
        this.engagement = b.engagement;
    }

    /**
     * Starts an analysis with the defaults: default ingestion options, total monetary value, quantile
     * scoring with 5 bins, the {@code twelve} scheme with its lost-but-engaged overlay, no engagement
     * data.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a streaming ingestion with this analysis's options.
     *
     * @return a new ingestion
     */
    public OrderIngestion startIngestion() {
        return OrderIngestion.start(ingestion);
    }

    /**
     * Ingests the lines and analyses them.
     *
     * @param lines the order lines
     * @return the result
     * @throws dev.rfmkit.order.OrderDataException in strict mode, for the first excluded line
     * @throws IllegalArgumentException if no customer remains to fit a model to
     */
    public RfmResult run(Iterable<OrderLine> lines) {
        OrderIngestion ingest = startIngestion();
        for (OrderLine line : lines) {
            ingest.accept(line);
        }
        return analyse(ingest.finish());
    }

    /**
     * Computes metrics, scores and segments from a finished ingestion.
     *
     * @param ingested the finished ingestion
     * @return the result
     * @throws IllegalArgumentException if a model must be fitted and there is no customer
     */
    public RfmResult analyse(IngestionResult ingested) {
        CustomerTable customers = CustomerTable.from(ingested, monetary);
        ScoringModel used;
        RfmScores scores;
        if (model != null) {
            used = model;
            scores = model.scoreAll(customers);
        } else {
            ScoringFit fit = strategy.fit(customers);
            used = fit.model();
            scores = fit.scores();
        }
        List<Segment> segments = new ArrayList<>(scheme.segments());
        for (Segment target : overlay.targets()) {
            if (!segments.contains(target)) {
                segments.add(target);
            }
        }
        byte[] segmentOfRow = scheme.classifyAll(scores);
        if (engagement.size() > 0) {
            for (int i = 0; i < segmentOfRow.length; i++) {
                Segment s = segments.get(segmentOfRow[i]);
                if (overlay.appliesTo(s)) {
                    Optional<EngagementFacts> facts = engagement.facts(customers.customerId(i));
                    Segment moved = overlay.apply(s, facts, customers.asOf());
                    segmentOfRow[i] = (byte) segments.indexOf(moved);
                }
            }
        }
        return new RfmResult(customers, ingested.report(), used, scores, scheme, List.copyOf(segments), segmentOfRow);
    }

    /** The ingestion options. */
    public IngestionOptions ingestion() {
        return ingestion;
    }

    /** Total or average monetary value. */
    public MonetaryMode monetary() {
        return monetary;
    }

    /** The scoring strategy (unused when a model is given). */
    public ScoringStrategy strategy() {
        return strategy;
    }

    /** The given model that replaces fitting, if any. */
    public Optional<ScoringModel> model() {
        return Optional.ofNullable(model);
    }

    /** The segment scheme. */
    public SegmentScheme scheme() {
        return scheme;
    }

    /** The engagement overlay. */
    public EngagementOverlay overlay() {
        return overlay;
    }

    /** Builds an {@link RfmAnalysis}. Not thread-safe. */
    public static final class Builder {
        private IngestionOptions ingestion = IngestionOptions.defaults();
        private MonetaryMode monetary = MonetaryMode.TOTAL;
        private ScoringStrategy strategy = ScoringStrategy.quantile();
        private ScoringModel model;
        private SegmentScheme scheme = SegmentScheme.twelve();
        private EngagementOverlay overlay;
        private EngagementData engagement = EngagementData.empty();

        private Builder() {
        }

        /**
         * Sets the ingestion options (as-of date, window, returns, statuses, strictness).
         *
         * @param options the options
         * @return this builder
         */
        public Builder ingestion(IngestionOptions options) {
            this.ingestion = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets whether monetary is the total or the average order value.
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder monetary(MonetaryMode mode) {
            this.monetary = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Sets the scoring strategy fitted to the customers.
         *
         * @param strategy the strategy
         * @return this builder
         */
        public Builder strategy(ScoringStrategy strategy) {
            this.strategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /**
         * Scores with a model fitted before instead of fitting one.
         *
         * @param model the model
         * @return this builder
         */
        public Builder model(ScoringModel model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Sets the segment scheme.
         *
         * @param scheme the scheme
         * @return this builder
         */
        public Builder scheme(SegmentScheme scheme) {
            this.scheme = Objects.requireNonNull(scheme, "scheme");
            return this;
        }

        /**
         * Sets the engagement overlay, instead of the scheme's own ({@link SegmentScheme#overlay()}).
         *
         * @param overlay the overlay; {@link EngagementOverlay#none()} for none
         * @return this builder
         */
        public Builder overlay(EngagementOverlay overlay) {
            this.overlay = Objects.requireNonNull(overlay, "overlay");
            return this;
        }

        /**
         * Sets the customers' engagement facts.
         *
         * @param engagement the engagement data
         * @return this builder
         */
        public Builder engagement(EngagementData engagement) {
            this.engagement = Objects.requireNonNull(engagement, "engagement");
            return this;
        }

        /**
         * Builds the analysis.
         *
         * @return the analysis
         * @throws IllegalArgumentException if the scheme's k differs from the strategy's or model's
         */
        public RfmAnalysis build() {
            int bins = model != null ? model.bins() : strategy.bins();
            scheme.checkBins(bins);
            return new RfmAnalysis(this);
        }
    }
}
