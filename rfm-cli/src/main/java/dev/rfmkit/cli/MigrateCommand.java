package dev.rfmkit.cli;

import dev.rfmkit.jackson.SegmentCsvReader;
import dev.rfmkit.order.OrderDataException;
import dev.rfmkit.report.Migration;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rfm migrate}: how customers moved between the segments of two {@code segment} outputs. */
@Command(name = "migrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show how customers moved between segments from one segment output to another.")
final class MigrateCommand implements Callable<Integer> {
    private static final String NEW = "(new)";
    private static final String GONE = "(gone)";

    @Parameters(index = "0", paramLabel = "BEFORE", description = "The earlier output of rfm segment (CSV).")
    Path before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "The later output of rfm segment (CSV).")
    Path after;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text (default): the transition matrix with totals; csv: from_segment,to_segment,customers.")
    String format = "text";

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("text") && !format.equals("csv")) {
            throw new UsageException("--format must be text or csv (was \"" + format + "\")");
        }
        Migration m = Migration.between(read(before), read(after));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        if (format.equals("csv")) {
            out.print("from_segment,to_segment,customers\n");
            for (Migration.Transition t : m.transitions()) {
                out.print(t.from().orElse("") + "," + t.to().orElse("") + "," + t.customers() + "\n");
            }
        } else {
            out.print(text(m));
        }
        out.flush();
        return RfmCommand.OK;
    }

    private static Map<String, String> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such file: " + file);
        }
        try {
            return SegmentCsvReader.read(file);
        } catch (OrderDataException e) {
            throw new DataException(file + ": " + e.getMessage(), e);
        }
    }

    /** The matrix: a row per earlier segment and new, a column per later segment and gone, with totals; then flows. */
    static String text(Migration m) {
        List<String> segments = m.segments();
        List<Optional<String>> rows = new ArrayList<>();
        segments.forEach(s -> rows.add(Optional.of(s)));
        rows.add(Optional.empty());
        int width = Math.max(12, segments.stream().mapToInt(String::length).max().orElse(0));
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-" + width + "s", "from \\ to"));
        for (Optional<String> col : rows) {
            b.append(String.format(Locale.ROOT, " %" + width(col) + "s", col.orElse(GONE)));
        }
        b.append(String.format(Locale.ROOT, " %10s%n", "total"));
        long[] columnTotals = new long[rows.size()];
        for (Optional<String> row : rows) {
            b.append(String.format(Locale.ROOT, "%-" + width + "s", row.orElse(NEW)));
            long rowTotal = 0;
            for (int c = 0; c < rows.size(); c++) {
                long n = row.isEmpty() && rows.get(c).isEmpty() ? 0 : m.customers(row, rows.get(c));
                rowTotal += n;
                columnTotals[c] += n;
                b.append(String.format(Locale.ROOT, " %" + width(rows.get(c)) + "s", String.format(Locale.ROOT, "%,d", n)));
            }
            b.append(String.format(Locale.ROOT, " %,10d%n", rowTotal));
        }
        b.append(String.format(Locale.ROOT, "%-" + width + "s", "total"));
        long all = 0;
        for (int c = 0; c < rows.size(); c++) {
            all += columnTotals[c];
            b.append(String.format(Locale.ROOT, " %" + width(rows.get(c)) + "s",
                    String.format(Locale.ROOT, "%,d", columnTotals[c])));
        }
        b.append(String.format(Locale.ROOT, " %,10d%n%n", all));
        b.append(String.format(Locale.ROOT, "%-" + width + "s %10s %10s %10s %10s%n", "segment", "before", "after",
                "inflow", "outflow"));
        for (String s : segments) {
            long wasThere = 0;
            long isThere = 0;
            for (Optional<String> other : rows) {
                wasThere += m.customers(Optional.of(s), other);
                isThere += m.customers(other, Optional.of(s));
            }
            b.append(String.format(Locale.ROOT, "%-" + width + "s %,10d %,10d %,10d %,10d%n", s, wasThere, isThere,
                    m.inflow(s), m.outflow(s)));
        }
        b.append(String.format(Locale.ROOT, "customers before %,d, after %,d%n", m.before(), m.after()));
        return b.toString();
    }

    private static int width(Optional<String> column) {
        return Math.max(8, column.map(String::length).orElse(GONE.length()));
    }
}
