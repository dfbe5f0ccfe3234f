package dev.rfmkit.cli;

import dev.rfmkit.RfmAnalysis;
import dev.rfmkit.RfmResult;
import dev.rfmkit.jackson.EngagementCsvReader;
import dev.rfmkit.jackson.OrderCsvFormat;
import dev.rfmkit.jackson.OrderCsvReader;
import dev.rfmkit.jackson.RejectListener;
import dev.rfmkit.metrics.MonetaryMode;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.IngestionResult;
import dev.rfmkit.order.OrderDataException;
import dev.rfmkit.order.OrderIngestion;
import dev.rfmkit.score.Dimension;
import dev.rfmkit.score.KMeansStrategy;
import dev.rfmkit.score.KMeansTransform;
import dev.rfmkit.score.RfmPackageStrategy;
import dev.rfmkit.score.ScoringStrategy;
import dev.rfmkit.segment.EngagementData;
import dev.rfmkit.segment.EngagementOverlay;
import dev.rfmkit.segment.EngagementPredicate;
import dev.rfmkit.segment.SegmentScheme;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code rfm segment} and {@code rfm fit} share: the orders, how to read them, how to score and
 * segment; and the run itself, from reading the orders to the result with its summary on stderr.
 */
abstract class AnalysisCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ORDERS", description = "Orders CSV file (.gz for gzip), or - for stdin.")
    String orders;

    @Mixin
    InputOptions input = new InputOptions();

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Write every skipped line as CSV: line, reason, content.")
    Path rejects;

    @Option(names = "--engagement", paramLabel = "FILE",
            description = "Engagement CSV: customer_id, last_email_click, last_site_visit.")
    Path engagement;

    @Option(names = "--click-window", paramLabel = "DAYS",
            description = "Email-click window in days of the LOST -> LOST_BUT_ENGAGED overlay (default: 180).")
    Integer clickWindow;

    @Option(names = "--visit-window", paramLabel = "DAYS",
            description = "Site-visit window in days of the LOST -> LOST_BUT_ENGAGED overlay (default: 90).")
    Integer visitWindow;

    @Option(names = "--strategy", paramLabel = "NAME",
            description = "Scoring strategy: quantile (default), equal-count, kmeans, fixed (with --thresholds) or "
                    + "rfm-package.")
    String strategy;

    @Option(names = "--kmeans-transform", paramLabel = "NAME",
            description = "For kmeans: none (default) or log1p, clustering log(1 + value) of every dimension.")
    String kmeansTransform;

    @Option(names = "--bins", paramLabel = "K", description = "Number of score levels per dimension (default: 5).")
    Integer bins;

    @Option(names = "--thresholds", paramLabel = "CUTS",
            description = "k-1 cut points per dimension, such as r=30,60,90,180;f=1,2,3,5;m=250,500,1000,2500: "
                    + "for fixed, all three, right-closed; for rfm-package, the package's custom breakpoints "
                    + "(dimensions left out are binned by quantiles).")
    String thresholds;

    @Option(names = "--scheme", paramLabel = "NAME|FILE",
            description = "Segment scheme: twelve (default), classic-eleven, rfm-package, rf-grid, lifecycle-six, "
                    + "four-stage, or a scheme file (.json). 'rfm schemes' lists them.")
    String scheme;

    @Option(names = "--monetary", paramLabel = "MODE",
            description = "Monetary value: total (default) or average (order value).")
    MonetaryMode monetary;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    @Option(names = "--timings", description = "Print on stderr how long each step took: start-up, reading, "
            + "finishing (orders into customers, sorted), analysis, output.")
    boolean timings;

    private Timings steps;

    /** Ends the output step and, with {@code --timings}, prints how long each step took. */
    void outputWritten() {
        steps.step("output");
        steps.print(System.err);
    }

    /** The command's name, for the summary: {@code segment} or {@code fit}. */
    abstract String name();

    /** The number of bins: --bins, or 5; checked. */
    int bins() {
        int k = bins == null ? ScoringStrategy.DEFAULT_BINS : bins;
        if (k < 2 || k > 10) {
            throw new UsageException("--bins must be between 2 and 10 (was " + k + ")");
        }
        return k;
    }

    String scheme() {
        return scheme == null ? "twelve" : scheme;
    }

    MonetaryMode monetary() {
        return monetary == null ? MonetaryMode.TOTAL : monetary;
    }

    /** A saved model to score with instead of fitting one; null to fit. */
    SavedModel savedModel() {
        return null;
    }

    /**
     * The options resolved into what the analysis needs, before any input is read: the format, the
     * ingestion options (the as-of date only when given; a window may wait for a derived one), the
     * strategy or saved model, the scheme, the monetary mode and the overlay.
     */
    record Plan(OrderCsvFormat format, IngestionOptions ingestion, ScoringStrategy strategy, SavedModel saved,
            SegmentScheme scheme, MonetaryMode monetary, EngagementOverlay overlay, String strategyDescription) {
    }

    /** Resolves the options; usage errors are {@link UsageException}s. */
    Plan plan() {
        SavedModel saved = savedModel();
        ScoringStrategy scoring = saved == null ? strategy() : null;
        SegmentScheme segmentScheme = saved == null || scheme != null ? Schemes.resolve(scheme(), bins())
                : saved.scheme();
        MonetaryMode monetaryMode = saved == null ? monetary() : saved.monetary();
        IngestionOptions options = input.ingestion(input.asOfDate(), true);
        if (saved != null) {
            options = options.withReturns(saved.returns());
        }
        return new Plan(input.format(), options, scoring, saved, segmentScheme, monetaryMode, overlay(segmentScheme),
                saved == null ? describe(scoring) : saved.model().strategy() + " (saved model)");
    }

    /** Runs the analysis: reads the orders, fits (or uses the saved model), segments, prints the summary. */
    RfmResult analyse() throws IOException {
        Plan plan = plan();
        SavedModel saved = plan.saved();
        OrderCsvFormat format = plan.format();
        try (OrdersSource source = OrdersSource.open(orders, input.window != null && input.asOf == null)) {
            EngagementData engagementData = engagement == null ? EngagementData.empty() : readEngagement(format);
            IngestionOptions options = plan.ingestion();
            if (options.asOf().isEmpty() && options.windowDays().isPresent()) {
                options = options.withAsOf(derivedAsOf(source, format));
            }
            RfmAnalysis.Builder builder = RfmAnalysis.builder()
                    .ingestion(options)
                    .monetary(plan.monetary())
                    .scheme(plan.scheme())
                    .overlay(plan.overlay())
                    .engagement(engagementData);
            if (saved == null) {
                builder.strategy(plan.strategy());
            } else {
                builder.model(saved.model());
            }
            RfmAnalysis analysis;
            try {
                analysis = builder.build();
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            OrderIngestion ingestion = analysis.startIngestion();
            steps = new Timings(timings);
            steps.started();
            try (RejectsFile rejectsFile = RejectsFile.open(rejects);
                    InputStream in = source.open(ingestion::linesRead)) {
                OrderCsvReader.of(format).read(in, source.name(), ingestion, rejectsFile);
            } catch (OrderDataException e) {
                throw new DataException(source.name() + ": " + e.getMessage(), e);
            }
            steps.step("reading");
            IngestionResult ingested = finish(ingestion, source.name());
            steps.step("finishing");
            RfmResult result;
            try {
                result = analysis.analyse(ingested);
            } catch (IllegalArgumentException e) {
                throw new DataException(source.name() + ": " + e.getMessage(), e);
            }
            Summary.print(System.err, name(), source.name(), result, plan.strategyDescription());
            steps.step("analysis");
            return result;
        }
    }

    private ScoringStrategy strategy() {
        String strategy = this.strategy == null ? "quantile" : this.strategy;
        if (thresholds != null && !strategy.equals("rfm-package") && !strategy.equals("fixed")) {
            throw new UsageException("--thresholds needs --strategy fixed or rfm-package");
        }
        if (kmeansTransform != null && !strategy.equals("kmeans")) {
            throw new UsageException("--kmeans-transform needs --strategy kmeans");
        }
        return switch (strategy) {
            case "quantile" -> ScoringStrategy.quantile(bins());
            case "equal-count" -> ScoringStrategy.equalCount(bins());
            case "kmeans" -> kmeans();
            case "rfm-package" -> rfmPackage();
            case "fixed" -> fixed();
            default -> throw new UsageException("--strategy must be quantile, equal-count, kmeans, fixed or rfm-package "
                    + "(was \"" + strategy + "\")");
        };
    }

    private ScoringStrategy kmeans() {
        try {
            return ScoringStrategy.kmeans(bins())
                    .withTransform(kmeansTransform == null ? KMeansTransform.NONE : KMeansTransform.of(kmeansTransform));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--kmeans-transform must be none or log1p (was \"" + kmeansTransform + "\")");
        }
    }

    private static String describe(ScoringStrategy scoring) {
        if (scoring instanceof KMeansStrategy k && k.transform() != KMeansTransform.NONE) {
            return k.name() + " (" + k.transform().id() + ")";
        }
        return scoring.name();
    }

    private ScoringStrategy fixed() {
        if (thresholds == null) {
            throw new UsageException("--strategy fixed needs --thresholds, such as r=30,60,90,180;f=1,2,3,5;"
                    + "m=250,500,1000,2500");
        }
        Map<Dimension, double[]> cuts = Thresholds.parse(thresholds, bins());
        for (Dimension d : Dimension.values()) {
            if (!cuts.containsKey(d)) {
                throw new UsageException("--strategy fixed needs thresholds for r, f and m (" + d.letter()
                        + " is missing)");
            }
        }
        try {
            return ScoringStrategy.fixed(cuts.get(Dimension.RECENCY), cuts.get(Dimension.FREQUENCY),
                    cuts.get(Dimension.MONETARY));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--thresholds: " + e.getMessage());
        }
    }

    private RfmPackageStrategy rfmPackage() {
        RfmPackageStrategy s = ScoringStrategy.rfmPackage(bins());
        if (thresholds != null) {
            for (Map.Entry<Dimension, double[]> e : Thresholds.parse(thresholds, bins()).entrySet()) {
                s = s.withBreakpoints(e.getKey(), e.getValue());
            }
        }
        return s;
    }

    /** The scheme's own overlay, unless a window is given: then LOST -> LOST_BUT_ENGAGED with those windows. */
    private EngagementOverlay overlay(SegmentScheme segmentScheme) {
        if (clickWindow == null && visitWindow == null) {
            return segmentScheme.overlay();
        }
        int click = clickWindow == null ? EngagementPredicate.DEFAULT_CLICK_WINDOW_DAYS : clickWindow;
        int visit = visitWindow == null ? EngagementPredicate.DEFAULT_VISIT_WINDOW_DAYS : visitWindow;
        if (click < 0 || visit < 0) {
            throw new UsageException("--click-window and --visit-window must be 0 or more days");
        }
        return EngagementOverlay.lostButEngaged(click, visit);
    }

    private EngagementData readEngagement(OrderCsvFormat format) throws IOException {
        if (!Files.isRegularFile(engagement)) {
            throw new UsageException("no such file: " + engagement);
        }
        try {
            return EngagementCsvReader.of(format).read(engagement);
        } catch (OrderDataException e) {
            throw new DataException(engagement + ": " + e.getMessage(), e);
        }
    }

    /** The default as-of date when a window needs one: a first pass over the input, all lines lenient. */
    private LocalDate derivedAsOf(OrdersSource source, OrderCsvFormat format) throws IOException {
        OrderIngestion first = OrderIngestion.start(input.ingestion(null, false).withStrict(false));
        try (InputStream in = source.open()) {
            OrderCsvReader.of(format).read(in, source.name(), first, RejectListener.none());
        } catch (OrderDataException e) {
            throw new DataException(source.name() + ": " + e.getMessage(), e);
        }
        return finish(first, source.name()).asOf();
    }

    private static IngestionResult finish(OrderIngestion ingestion, String source) {
        IngestionResult result;
        try {
            result = ingestion.finish();
        } catch (IllegalStateException e) {
            throw new DataException(source + ": no orders: " + e.getMessage());
        }
        if (result.customers().size() == 0) {
            throw new DataException(source + ": no orders: " + result.report().linesRead() + " lines read, "
                    + result.report().excludedLines() + " excluded, no customer with an order");
        }
        return result;
    }
}
