package dev.rfmkit.spark;

import dev.rfmkit.cli.SegmentArguments;
import dev.rfmkit.jackson.ScoredCustomerWriter;
import dev.rfmkit.order.Amounts;
import dev.rfmkit.order.ExclusionReason;
import dev.rfmkit.order.OrderDataException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code rfm-spark segment ORDERS [options]}: {@code rfm segment} on Spark. It takes the same
 * arguments (parsed by the command line's own {@link SegmentArguments}) and writes the same CSV: one
 * file, the same columns, rows in customer-id order, and the same summary on stderr. ORDERS may also
 * be a directory or glob of CSV files. Exit codes as {@code rfm}: 0 success, 1 bad input data, 2 bad
 * usage.
 *
 * <p>Run it with {@code spark-submit --class dev.rfmkit.spark.SegmentJob rfm-spark-job.jar segment ...},
 * or locally with {@code rfm-spark/bin/rfm-spark segment ...}; without a master set, it runs on
 * {@code local[*]}.
 */
public final class SegmentJob {
    private static final int OK = 0;
    private static final int BAD_DATA = 1;
    private static final int BAD_USAGE = 2;
    private static final String NAME = "rfm-spark";

    private SegmentJob() {
    }

    /**
     * Runs the job and exits with its exit code.
     *
     * @param args {@code segment}, then the arguments of {@code rfm segment}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the job without exiting.
     *
     * @param args {@code segment}, then the arguments of {@code rfm segment}
     * @param out where rows go without {@code --out}, and help
     * @param err where the summary and errors go
     * @return the exit code
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("segment")) {
            err.println(NAME + ": the command is segment: " + NAME + " segment ORDERS [options] (see --help)");
            return BAD_USAGE;
        }
        SegmentArguments arguments;
        try {
            arguments = SegmentArguments.parse(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage());
            err.println("Try '" + NAME + " segment --help' for more information.");
            return BAD_USAGE;
        }
        if (arguments.helpRequested()) {
            out.print(SegmentArguments.usage(NAME + " segment"));
            return OK;
        }
        try {
            return segment(arguments, out, err);
        } catch (NoSuchFileException e) {
            err.println(NAME + ": no such file: " + e.getFile());
            return BAD_USAGE;
        } catch (OrderDataException | IllegalStateException | IOException | ArithmeticException e) {
            if (arguments.debug()) {
                e.printStackTrace(err);
            }
            err.println(NAME + ": " + arguments.orders() + ": " + e.getMessage());
            return BAD_DATA;
        } catch (IllegalArgumentException e) {
            if (arguments.debug()) {
                e.printStackTrace(err);
            }
            err.println(NAME + ": " + e.getMessage());
            return BAD_USAGE;
        } catch (Exception e) { // a task's failure comes wrapped in Spark's exceptions: name its cause
            if (arguments.debug()) {
                e.printStackTrace(err);
            }
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof OrderDataException)) {
                cause = cause.getCause();
            }
            err.println(NAME + ": " + arguments.orders() + ": " + cause.getMessage());
            return BAD_DATA;
        }
    }

    private static int segment(SegmentArguments a, PrintStream stdout, PrintStream err) throws IOException {
        if (!a.orders().contains("*") && !Files.exists(Path.of(a.orders()))) {
            throw new NoSuchFileException(a.orders());
        }
        Optional<Path> engagementFile = a.engagement();
        if (engagementFile.isPresent() && !Files.isRegularFile(engagementFile.get())) {
            throw new NoSuchFileException(engagementFile.get().toString());
        }
        SparkSession spark = session();
        SparkAnalysis.Builder builder = SparkAnalysis.builder().format(a.format()).ingestion(a.ingestion())
                .monetary(a.monetary()).scheme(a.scheme()).overlay(a.overlay());
        a.strategy().ifPresent(builder::strategy);
        a.model().ifPresent(builder::model);
        engagementFile.ifPresent(f -> builder.engagement(SparkOrders.readCsv(spark, a.format(), f.toString())));
        SparkResult result = builder.build().run(SparkOrders.readCsv(spark, a.format(), a.orders()));
        writeRejects(a, result);
        if (a.out().isPresent()) {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(a.out().get()), 1 << 16)) {
                writeRows(a, result, file);
            }
        } else {
            OutputStream o = new BufferedOutputStream(stdout, 1 << 16);
            writeRows(a, result, o);
            o.flush();
        }
        a.printSummary(err, "segment", a.orders(), result.asOf(), result.report(), result.segmentCounts());
        return OK;
    }

    private static SparkSession session() {
        SparkSession.Builder b = SparkSession.builder().appName(NAME + " segment");
        if (!SparkSession.getActiveSession().isDefined() && System.getProperty("spark.master") == null) {
            b = b.master("local[*]");
        }
        return b.getOrCreate();
    }

    private static void writeRows(SegmentArguments a, SparkResult result, OutputStream out) throws IOException {
        ScoredCustomerWriter.CsvRows rows = ScoredCustomerWriter.of(ScoredCustomerWriter.Format.CSV)
                .withExcelSafe(a.excelSafe()).csvRows(out);
        for (Iterator<Row> it = result.sortedRows(); it.hasNext(); ) {
            Row row = it.next();
            rows.write(row.getString(0), row.getInt(1), row.getInt(2), Amounts.toUnits(row.getDecimal(4)),
                    result.monetaryMode(), row.getInt(7), row.getInt(8), row.getInt(9), row.getString(11));
        }
        rows.flush();
    }

    private static void writeRejects(SegmentArguments a, SparkResult result) throws IOException {
        if (a.rejects().isEmpty()) {
            return;
        }
        try (SegmentArguments.RejectSink sink = a.openRejects()) {
            for (Iterator<Row> it = result.rejects().toLocalIterator(); it.hasNext(); ) {
                Row r = it.next();
                ExclusionReason reason = ExclusionReason.ofCode(r.getString(0)).orElseThrow();
                sink.listener().rejected(0, reason, Optional.ofNullable(r.getString(1)), r.getString(2),
                        r.getString(3));
            }
        }
    }
}
