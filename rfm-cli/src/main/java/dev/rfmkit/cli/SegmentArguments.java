package dev.rfmkit.cli;

import dev.rfmkit.SegmentCount;
import dev.rfmkit.jackson.OrderCsvFormat;
import dev.rfmkit.jackson.RejectListener;
import dev.rfmkit.jackson.ScoredCustomerWriter;
import dev.rfmkit.metrics.MonetaryMode;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.IngestionReport;
import dev.rfmkit.score.ScoringModel;
import dev.rfmkit.score.ScoringStrategy;
import dev.rfmkit.segment.EngagementOverlay;
import dev.rfmkit.segment.SegmentScheme;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The arguments of {@code rfm segment}, parsed and resolved by the command itself, for running the
 * same analysis somewhere else (on a Spark cluster): the same options, defaults, checks and messages,
 * and the same summary.
 *
 * <p>Immutable once parsed.
 */
public final class SegmentArguments {
    private final SegmentCommand command;
    private final AnalysisCommand.Plan plan;
    private final boolean helpRequested;

    private SegmentArguments(SegmentCommand command, AnalysisCommand.Plan plan, boolean helpRequested) {
        this.command = command;
        this.plan = plan;
        this.helpRequested = helpRequested;
    }

    /**
     * Parses and resolves arguments as {@code rfm segment} does; a saved model given with
     * {@code --model} is read now.
     *
     * @param args the arguments after {@code segment}
     * @return the arguments
     * @throws IllegalArgumentException with the message {@code rfm segment} prints, for bad usage
     *     (exit code 2): an unknown option, a bad value, options that do not go together
     */
    public static SegmentArguments parse(String... args) {
        SegmentCommand command = new SegmentCommand();
        CommandLine cl = new CommandLine(command);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        try {
            cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (cl.isUsageHelpRequested() || cl.isVersionHelpRequested()) {
            return new SegmentArguments(command, null, true);
        }
        if (command.format != ScoredCustomerWriter.Format.CSV) {
            throw new IllegalArgumentException("--format " + command.format.name().toLowerCase(java.util.Locale.ROOT)
                    + ": only csv is written here");
        }
        try {
            return new SegmentArguments(command, command.plan(), false);
        } catch (UsageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Whether {@code --help} or {@code --version} was asked for: then nothing else is resolved. */
    public boolean helpRequested() {
        return helpRequested;
    }

    /**
     * The usage text of {@code rfm segment}.
     *
     * @param commandName the name to show for the command, such as {@code rfm-spark segment}
     * @return the text
     */
    public static String usage(String commandName) {
        CommandLine cl = new CommandLine(new SegmentCommand());
        cl.setCommandName(commandName);
        return cl.getUsageMessage();
    }

    /** The orders file or directory, as given. */
    public String orders() {
        return command.orders;
    }

    /** {@code --out}, if given. */
    public Optional<Path> out() {
        return Optional.ofNullable(command.out);
    }

    /** {@code --rejects}, if given. */
    public Optional<Path> rejects() {
        return Optional.ofNullable(command.rejects);
    }

    /** {@code --engagement}, if given. */
    public Optional<Path> engagement() {
        return Optional.ofNullable(command.engagement);
    }

    /** {@code --excel-safe}. */
    public boolean excelSafe() {
        return command.excelSafe;
    }

    /** {@code --debug}. */
    public boolean debug() {
        return command.debug;
    }

    /** The orders format: columns, delimiter, decimal separator, dates, zone. */
    public OrderCsvFormat format() {
        return plan.format();
    }

    /**
     * The ingestion options: the as-of date when given; a window without one waits for the as-of date
     * derived from the lines (the day after the latest included line, without the window).
     */
    public IngestionOptions ingestion() {
        return plan.ingestion();
    }

    /** The strategy to fit, or empty when a saved model scores instead. */
    public Optional<ScoringStrategy> strategy() {
        return Optional.ofNullable(plan.strategy());
    }

    /** The saved model of {@code --model}, if given. */
    public Optional<ScoringModel> model() {
        return plan.saved() == null ? Optional.empty() : Optional.of(plan.saved().model());
    }

    /** The segment scheme. */
    public SegmentScheme scheme() {
        return plan.scheme();
    }

    /** Total or average order value. */
    public MonetaryMode monetary() {
        return plan.monetary();
    }

    /** The engagement overlay: the scheme's own, or the one of {@code --click-window}/{@code --visit-window}. */
    public EngagementOverlay overlay() {
        return plan.overlay();
    }

    /** The strategy as the summary names it, such as {@code kmeans (log1p)} or {@code quantile (saved model)}. */
    public String strategyDescription() {
        return plan.strategyDescription();
    }

    /**
     * The {@code --rejects} file as a listener (CSV {@code line,reason,content}; a line number of 0,
     * unknown, is written empty), or one that ignores rejects without the option.
     *
     * @return the listener; close it when done
     * @throws IOException if the file cannot be created
     */
    public RejectSink openRejects() throws IOException {
        RejectsFile file = RejectsFile.open(command.rejects);
        return new RejectSink(file);
    }

    /** The rejects file; see {@link #openRejects()}. */
    public static final class RejectSink implements AutoCloseable {
        private final RejectsFile file;

        private RejectSink(RejectsFile file) {
            this.file = file;
        }

        /** The listener to tell about rejects. */
        public RejectListener listener() {
            return file;
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    /**
     * Prints the summary {@code rfm segment} prints, from its figures.
     *
     * @param err where to print
     * @param command the command as the summary names it, such as {@code segment}
     * @param source the name of the orders input
     * @param asOf the as-of date
     * @param report the ingestion report
     * @param counts the customers and revenue per segment, in the scheme's order
     */
    public void printSummary(PrintStream err, String command, String source, LocalDate asOf, IngestionReport report,
            List<SegmentCount> counts) {
        Summary.print(err, command, source, asOf, plan.scheme().name(), plan.strategyDescription(), report, counts);
    }
}
