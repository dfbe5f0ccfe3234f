package dev.rfmkit.cli;

import dev.rfmkit.RfmAnalysis;
import dev.rfmkit.RfmResult;
import dev.rfmkit.html.HtmlReport;
import dev.rfmkit.jackson.OrderCsvFormat;
import dev.rfmkit.jackson.OrderCsvReader;
import dev.rfmkit.jackson.RejectListener;
import dev.rfmkit.jackson.ScoredCustomerWriter;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.OrderIngestion;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rfm demo}: segments the CDNOW purchases bundled in the jar and writes the segment table and
 * the HTML report, to see what rfm does without data of one's own.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Segment the bundled CDNOW purchase data (1997-1998) and write the segment table and the "
                + "HTML report.")
final class DemoCommand implements Callable<Integer> {
    static final String DATA = "demo/cdnow.csv.gz";
    static final String SOURCE = "CDNOW purchases 1997-1998 (bundled)";

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Where to write (default: the current directory).")
    Path outDir = Path.of(".");

    @Option(names = "--locale", paramLabel = "LANG", description = "Language of the report: en (default) or de.")
    String locale = "en";

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    @Override
    public Integer call() throws IOException {
        java.util.Locale l = ReportCommand.locale(locale);
        Files.createDirectories(outDir);
        // one line per purchase, no order id: every line is an order
        OrderCsvFormat format = OrderCsvFormat.defaults().withDateColumn("date").withAmountColumn("dollar_value");
        RfmAnalysis analysis = RfmAnalysis.builder().ingestion(IngestionOptions.defaults()).build();
        OrderIngestion ingestion = analysis.startIngestion();
        try (InputStream in = DemoCommand.class.getResourceAsStream(DATA)) {
            if (in == null) {
                throw new IllegalStateException("the demo data " + DATA + " is missing from the jar");
            }
            OrderCsvReader.of(format).read(in, SOURCE, ingestion, RejectListener.none());
        }
        RfmResult result = analysis.analyse(ingestion.finish());
        Path segments = outDir.resolve("cdnow-segments.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(segments), 1 << 16)) {
            ScoredCustomerWriter.of(ScoredCustomerWriter.Format.CSV).write(result, out);
        }
        Path report = outDir.resolve("cdnow-report.html");
        HtmlReport.of(result).withLocale(l).withSource(SOURCE).write(report);
        Summary.print(System.out, "demo", SOURCE, result, result.model().strategy());
        System.out.println("wrote " + segments + " (" + result.size() + " customers)");
        System.out.println("wrote " + report + " (open it in a browser)");
        return RfmCommand.OK;
    }
}
